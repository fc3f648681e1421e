/**
 * `syndicate validate` on one file: decode it, detect its format by content, and check it with the same
 * layers the build applies to its own outputs (checkFile): the standard layer always, syndicate's house
 * rules with `--profile syndicate`.
 */
import type { SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { checkFile } from '../validate/check.ts';
import type { Profile } from '../validate/rule.ts';
import type { Vocabulary } from '../validate/standard/jsonld/index.ts';
import { decodeText } from './decode.ts';
import { detectFormat, type DetectedFormat } from './detect.ts';
import type { OfficialSchemas } from './official.ts';

/** A file handed to {@link inspectFile}. */
export interface InspectedFile {
  /** The path diagnostics name (as the user gave it, relative to the working directory). */
  shown: string;
  /** Its path inside the folder it is served from (feed self links are checked against it). */
  publicPath: string;
  /** Its bytes. */
  bytes: Uint8Array;
}

/** What the file is checked against. */
export interface InspectOptions {
  /** The standard layer only, or syndicate's house rules on top. */
  profile: Profile;
  /** The publication's site.json, when there is one: the house rules that compare a file with it need it. */
  site?: SiteConfig | undefined;
  /** Official schemas from `--schemas`, when given. */
  official?: OfficialSchemas | undefined;
}

/** What one file was found to be, and everything found in it. */
export interface InspectResult {
  /** The detected format, `html`, or `unknown`. */
  kind: DetectedFormat | 'html' | 'unknown';
  /** Findings, naming the file by its shown path, with positions in it. */
  diagnostics: Diagnostic[];
}

/** The stage of the findings about the file itself rather than its format (rules in rules/files.ts). */
const SOURCE = 'validate';

/**
 * Checks one file, its format detected from its content, never its name. A file in no format syndicate
 * recognises is an error: a check that silently passes it would tell a CI job the file is fine. HTML
 * pages have every `<script type="application/ld+json">` checked as JSON-LD, positioned in the page. The
 * build's cross-format consistency check is not run: it compares the files of one build with each other.
 */
export function inspectFile(file: InspectedFile, options: InspectOptions): InspectResult {
  const decoded = decodeText(file.bytes);
  if ('reason' in decoded) {
    // NUL bytes outside UTF-16 mean a binary file (an image, an archive): not a text in a wrong encoding.
    const binary = file.bytes.includes(0);
    return { kind: 'unknown', diagnostics: [binary ? unknownFormat(file.shown, 'it holds NUL bytes, so it is a binary file rather than text') : diagnostic('error', file.shown, SOURCE, 'encoding', decoded.reason)] };
  }
  const text = decoded.text;
  const detected = detectFormat(text);
  if (detected.kind === 'unknown') return { kind: 'unknown', diagnostics: [unknownFormat(file.shown, detected.reason)] };
  const kind = detected.kind === 'html' ? 'html' : detected.format;
  const context = { profile: options.profile, site: options.site, publicPath: file.publicPath, vocabulary: options.official?.vocabulary };
  let diagnostics: Diagnostic[];
  try {
    const checked = checkFile(kind, text, file.shown, context);
    diagnostics = checked.diagnostics;
    if (checked.jsonLdBlocks === 0 && options.profile === 'standard') {
      diagnostics.push(diagnostic('warning', file.shown, SOURCE, 'nothing-checked', 'an HTML page without <script type="application/ld+json">: its schema.org JSON-LD is the only part of a page syndicate validate checks, so nothing in it was checked'));
    }
  } catch (error) {
    // Checks never throw by contract; a bug must not hide the other files' findings.
    diagnostics = [diagnostic('error', file.shown, `validate:${kind}`, 'validator-failed', `could not be checked (${(error as Error).message}); please report this file`)];
  }
  if (options.official) diagnostics.push(...options.official.check(kind, text, file.shown));
  return { kind, diagnostics };
}

function unknownFormat(file: string, reason: string): Diagnostic {
  return diagnostic(
    'error',
    file,
    SOURCE,
    'unknown-format',
    `not a format syndicate checks: ${reason}. syndicate validate recognises RSS 0.9x/1.0/2.0, Atom, JSON Feed, schema.org JSON-LD (alone or in HTML), NewsML-G2, ninjs, sitemaps, and its own versions state and partners' index, by their content; leave other files out of the paths you pass`,
  );
}
