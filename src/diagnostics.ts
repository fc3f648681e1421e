/** Diagnostics are data: where, how bad, which rule, and what to do about it (vfile-message field names). */

/** How serious a diagnostic is: errors stop the build, warnings are printed and the build goes on. */
export type Severity = 'error' | 'warning';

/** One finding about an input or output file, with a 1-based position when known. */
export interface Diagnostic {
  /** Path of the file concerned, relative to the project (e.g. `input/articles/a.txt`, `dist/rss.xml`). */
  file: string;
  /** 1-based line, when the finding has a position. */
  line?: number;
  /** 1-based column, when the finding has a position. */
  column?: number;
  /** `error` stops the build; `warning` does not. */
  severity: Severity;
  /** The stage that found it, e.g. `read:wire`, `validate:newsml`, `config`. */
  source: string;
  /** Stable rule id, e.g. `missing-headline`. */
  ruleId: string;
  /** What is wrong and what to do about it. */
  message: string;
  /** For output diagnostics: the source article(s) the output came from. */
  origin?: string;
}

/** Position of a finding inside a file. */
export interface Position {
  line?: number | undefined;
  column?: number | undefined;
}

/** Creates a diagnostic, leaving out unknown positions so the object stays minimal. */
export function diagnostic(
  severity: Severity,
  file: string,
  source: string,
  ruleId: string,
  message: string,
  position: Position = {},
  origin?: string,
): Diagnostic {
  const d: Diagnostic = { file, severity, source, ruleId, message };
  if (position.line !== undefined) d.line = position.line;
  if (position.column !== undefined) d.column = position.column;
  if (origin !== undefined) d.origin = origin;
  return d;
}

/** Formats a diagnostic as `file:line:col: severity message [source/rule] (from origin)`. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const from = d.origin === undefined ? '' : ` (from ${d.origin})`;
  return `${where}: ${d.severity} ${d.message} [${d.source}/${d.ruleId}]${from}`;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Orders diagnostics by file, line, column, then rule, so output is deterministic. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compare(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compare(a.ruleId, b.ruleId) ||
      compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
