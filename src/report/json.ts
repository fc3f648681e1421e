/** Diagnostics as one JSON document, for tools that read the CLI's output. */
import type { Diagnostic } from '../diagnostics.ts';

/** The `summary` of a JSON report: error and warning counts, plus what the command adds (files, articles…). */
export type JsonSummary = { errors: number; warnings: number } & Record<string, unknown>;

/**
 * `{ "diagnostics": [...], "summary": {...} }` on one line: every diagnostic with the fields of
 * {@link Diagnostic} (line, column and origin only when known), and the summary with `errors` and
 * `warnings` counted from the diagnostics, then the command's own fields.
 */
export function formatJsonReport(diagnostics: readonly Diagnostic[], summary: Record<string, unknown> = {}): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const full: JsonSummary = { errors, warnings: diagnostics.length - errors, ...summary };
  return JSON.stringify({ diagnostics, summary: full });
}
