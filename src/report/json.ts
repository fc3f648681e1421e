/** Diagnostics as one JSON document, for tools that read the CLI's output. */
import type { Diagnostic } from '../diagnostics.ts';
import { countByRule } from './summary.ts';

/** The `summary` of a JSON report: error and warning counts, the count of each rule, plus what the command adds (files, articles…). */
export type JsonSummary = { errors: number; warnings: number; rules: { rule: string; severity: string; count: number }[] } & Record<string, unknown>;

/**
 * `{ "diagnostics": [...], "summary": {...} }` on one line: every diagnostic with the fields of
 * {@link Diagnostic} (line, column and origin only when known), and the summary with `errors` and
 * `warnings` counted from the diagnostics, then the command's own fields, then `rules`: each rule's
 * name (as site.json "rules" writes it), severity and count, most frequent first.
 */
export function formatJsonReport(diagnostics: readonly Diagnostic[], summary: Record<string, unknown> = {}): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const rules = countByRule(diagnostics).map(({ rule, severity, count }) => ({ rule, severity, count }));
  const full: JsonSummary = { errors, warnings: diagnostics.length - errors, ...summary, rules };
  return JSON.stringify({ diagnostics, summary: full });
}
