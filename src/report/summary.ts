/**
 * Findings counted by rule, so that a large build's report fits on a screen: the first few of each rule
 * in full, the rest counted, long source lists shortened, and the `--max-warnings` limit.
 */
import type { Diagnostic, Severity } from '../diagnostics.ts';
import { toRuleName } from './severity.ts';
import { formatNumber } from './count.ts';

/** How many findings of each rule are shown in full before the rest are only counted. */
export const SHOWN_PER_RULE = 3;

/** How many source files an output finding names before the rest are counted. */
export const SHOWN_SOURCES = 1;

/** One rule's findings: its name as settings write it, how severe, how many, the first one. */
export interface RuleCount {
  /** `jsonld/article-image`, `read:wire/photo-without-url` (see {@link toRuleName}). */
  rule: string;
  severity: Severity;
  count: number;
  /** The first finding of the rule (in report order): its message stands for the rest. */
  first: Diagnostic;
}

/** Findings grouped by rule and severity: errors first, then the most frequent, then by name. */
export function countByRule(diagnostics: readonly Diagnostic[]): RuleCount[] {
  const groups = new Map<string, RuleCount>();
  for (const d of diagnostics) {
    const rule = toRuleName(d.source, d.ruleId);
    const key = `${d.severity} ${rule}`;
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { rule, severity: d.severity, count: 1, first: d });
  }
  return [...groups.values()].sort(
    (a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || b.count - a.count || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/**
 * The findings to show in full: every error (each one stops the build and names a file to fix), and the
 * first `perRule` warnings of each rule, in the order given (so a small report is exactly the full one),
 * and how many were left out.
 */
export function selectShown(diagnostics: readonly Diagnostic[], perRule = SHOWN_PER_RULE): { shown: Diagnostic[]; hidden: number } {
  const seen = new Map<string, number>();
  const shown: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.severity} ${d.source}/${d.ruleId}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (d.severity === 'error' || n <= perRule) shown.push(d);
  }
  return { shown, hidden: diagnostics.length - shown.length };
}

/** `input/articles/a001.txt and 49 more` for a list of source files (`origin`, comma-separated). */
export function shortenOrigin(origin: string, shown = SHOWN_SOURCES): string {
  const files = origin.split(', ');
  if (files.length <= shown + 1) return origin;
  return `${files.slice(0, shown).join(', ')} and ${formatNumber(files.length - shown)} more`;
}

/** The finding with its source list shortened (itself when there is nothing to shorten). */
export function withShortOrigin(d: Diagnostic): Diagnostic {
  if (d.origin === undefined) return d;
  const origin = shortenOrigin(d.origin);
  return origin === d.origin ? d : { ...d, origin };
}

/** Longest message shown in the table by rule; the findings above carry it whole. */
const MESSAGE_WIDTH = 100;

/**
 * The table by rule printed after a report that left findings out: one line per rule, with its
 * count, name and first message, and how many of it are not shown above.
 *
 * ```
 * syndicate: 3,385 findings by rule (every error and 3 warnings of each rule shown above; --verbose shows all):
 *   3,000 × warning jsonld/article-image  NewsArticle has no "image"; Google recommends… (2,997 more)
 * ```
 */
export function formatRuleTable(diagnostics: readonly Diagnostic[], perRule = SHOWN_PER_RULE): string[] {
  const counts = countByRule(diagnostics);
  const width = Math.max(...counts.map((c) => formatNumber(c.count).length));
  const lines = [`syndicate: ${formatNumber(diagnostics.length)} findings by rule (every error and ${perRule} warnings of each rule shown above; --verbose shows all):`];
  for (const c of counts) {
    const message = c.first.message.length > MESSAGE_WIDTH ? `${c.first.message.slice(0, MESSAGE_WIDTH - 1).trimEnd()}…` : c.first.message;
    const more = c.severity !== 'error' && c.count > perRule ? ` (${formatNumber(c.count - perRule)} more)` : '';
    lines.push(`  ${formatNumber(c.count).padStart(width)} × ${c.severity} ${c.rule}  ${message}${more}`);
  }
  return lines;
}

/** Reads `--max-warnings N` (a whole number, 0 or more): the limit, or what is wrong with it. */
export function toMaxWarnings(flag: string | undefined): { ok: true; value: number | undefined } | { ok: false; message: string } {
  if (flag === undefined) return { ok: true, value: undefined };
  if (!/^\d{1,9}$/.test(flag)) return { ok: false, message: `--max-warnings "${flag}" is not a whole number of warnings; write e.g. --max-warnings 0` };
  return { ok: true, value: Number(flag) };
}

/**
 * When the findings hold more warnings than `max` (ESLint's `--max-warnings`): the line that says so,
 * for the CLI to print before exiting 1; undefined when within it (or when there is no limit).
 */
export function checkMaxWarnings(diagnostics: readonly Diagnostic[], max: number | undefined): string | undefined {
  if (max === undefined) return undefined;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (warnings <= max) return undefined;
  return `syndicate: ${formatNumber(warnings)} warnings, more than --max-warnings ${formatNumber(max)} allows; fix them, or turn rules off in site.json "rules"`;
}
