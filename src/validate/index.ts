/**
 * Validation of the build's outputs: every file checked by both layers (the standard its format follows,
 * then what syndicate promises of it), with the facts it states about its articles returned beside the
 * findings for the consistency check. One parse per file.
 */
import { requireArgument, requireSite } from '../arguments.ts';
import { isRecord } from './standard/jsonld/json.ts';
import type { SiteConfig } from '../config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { OutputFile, OutputFormat } from '../model/output.ts';
import { checkFile, type CheckKind, type PageReference } from './check.ts';
import type { ArticleFacts } from './facts.ts';

export type { PageReference } from './house/pages.ts';

/** What validating one output found, and what it states about its articles. */
export interface OutputCheck {
  /** Named by the file's path inside its output folder (the build names the folder). */
  diagnostics: Diagnostic[];
  facts: ArticleFacts[];
}

/** The check of each output format (the build's formats are checked as the validated format they are). */
const KINDS: Record<OutputFormat, CheckKind> = {
  rss: 'rss',
  atom: 'atom',
  newsml: 'newsml',
  jsonld: 'jsonld',
  ninjs: 'ninjs',
  jsonfeed: 'jsonfeed',
  sitemap: 'sitemap',
  state: 'state',
  partners: 'partners',
  head: 'head',
  page: 'page',
  index: 'index',
};

/**
 * Validates one output of the build with both layers. A head snippet or article page is given its
 * article's JSON-LD (`reference`), already validated, which its embedded block must equal.
 */
export function validateOutput(file: OutputFile, site: SiteConfig, reference?: PageReference): OutputCheck {
  const call = 'validateOutput(file, site)';
  requireArgument(
    isRecord(file) && typeof file.path === 'string' && typeof file.text === 'string' && Array.isArray(file.sources) && Object.hasOwn(KINDS, file.format),
    call,
    'file',
    `an output file { path, text, format, sources } with format one of ${Object.keys(KINDS).join(', ')}`,
    file,
  );
  requireSite(call, 'site', site);
  const origin = file.sources.join(', ') || undefined;
  return checkFile(KINDS[file.format], file.text, file.path, { profile: 'syndicate', site, publicPath: file.path, origin, reference });
}
