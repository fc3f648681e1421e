/** `syndicate validate` on one file: detect its format by content, run the build's validator for it, and say where. */
import type { SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { OutputFile } from '../model/output.ts';
import { validateOutput } from '../validate/index.ts';
import { detectFormat, type DetectedFormat } from './detect.ts';
import { findJsonLdBlocks } from './html.ts';
import type { OfficialSchemas } from './official.ts';
import { toNeutralFinding } from './site.ts';

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
  /** The publication: the user's site.json, or {@link NEUTRAL_SITE}. */
  site: SiteConfig;
  /** True when `site` is the stand-in: findings that compare a file with the publication are dropped. */
  neutral: boolean;
  /** Official schemas from `--schemas`, when given. */
  official?: OfficialSchemas | undefined;
}

/** What one file was found to be, and everything found in it. */
export interface InspectResult {
  /** The detected format, `html`, or `unknown`. */
  kind: DetectedFormat | 'html' | 'unknown';
  /** For HTML: how many JSON-LD blocks it holds. */
  blocks?: number;
  /** Findings, naming the file by its shown path, with positions in it. */
  diagnostics: Diagnostic[];
}

const SOURCE = 'validate';

/**
 * Checks one file with exactly the validators the build runs on its own outputs (the `validators`
 * registry), the file's format being detected from its content, never its name. HTML pages have
 * every `<script type="application/ld+json">` checked as JSON-LD, each finding positioned in the
 * page. The cross-format consistency check of the build is not run: it compares the files of one
 * build with each other, which arbitrary files are not.
 */
export function inspectFile(file: InspectedFile, options: InspectOptions): InspectResult {
  let text: string;
  try {
    // TextDecoder drops a UTF-8 byte order mark, as XML and JSON parsers do.
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    return { kind: 'unknown', diagnostics: [unknownFormat(file.shown, 'it is not UTF-8 text')] };
  }
  const detected = detectFormat(text);
  if (detected.kind === 'unknown') return { kind: 'unknown', diagnostics: [unknownFormat(file.shown, detected.reason)] };
  if (detected.kind === 'html') {
    const blocks = findJsonLdBlocks(text);
    const diagnostics = blocks.flatMap((block) =>
      runValidator('jsonld', block.text, file, options).map((d) => {
        // Lines and columns inside the block, moved to the page: the first line starts where the block does.
        const line = d.line ?? 1;
        const column = d.line === undefined ? 1 : (d.column ?? 1);
        return { ...d, line: block.line + line - 1, column: line === 1 ? block.column + column - 1 : column };
      }),
    );
    return { kind: 'html', blocks: blocks.length, diagnostics };
  }
  const diagnostics = runValidator(detected.format, text, file, options);
  if (options.official) diagnostics.push(...options.official.check(detected.format, text, file.shown));
  return { kind: detected.format, diagnostics };
}

/** Runs the build's validator for `format` and names the user's file in its findings (validators name a file by its path inside its folder). */
function runValidator(format: DetectedFormat, text: string, file: InspectedFile, options: InspectOptions): Diagnostic[] {
  // Interim, until the standard layer checks others' files: RSS 1.0 has no check of its own yet.
  if (format === 'rss1') return [];
  const output: OutputFile = { path: file.publicPath, text, format, sources: [] };
  const builtName = file.publicPath;
  let found: Diagnostic[];
  try {
    found = validateOutput(output, options.site).diagnostics;
  } catch (error) {
    // Validators never throw by contract; a bug must not hide the other files' findings.
    found = [diagnostic('error', builtName, `validate:${format}`, 'validator-failed', `could not be checked (${(error as Error).message}); please report this file`)];
  }
  return found.flatMap((d) => {
    const named = d.file === builtName ? { ...d, file: file.shown } : d;
    if (!options.neutral) return [named];
    const neutral = toNeutralFinding(named);
    return neutral === undefined ? [] : [neutral];
  });
}

function unknownFormat(file: string, reason: string): Diagnostic {
  return diagnostic(
    'warning',
    file,
    SOURCE,
    'unknown-format',
    `not checked: ${reason}. syndicate validate recognises RSS 2.0, Atom 1.0, JSON Feed, schema.org JSON-LD (alone or in HTML), NewsML-G2, ninjs, Google News sitemaps, and its own versions state and partners' index, by their content`,
  );
}
