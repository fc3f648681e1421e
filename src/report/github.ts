/** Diagnostics as GitHub Actions workflow commands, which the runner turns into annotations on the pull request. */
import type { Diagnostic } from '../diagnostics.ts';
import { formatNumber } from './count.ts';

/*
 * GitHub Actions workflow commands ("Workflow commands for GitHub Actions", docs.github.com; the
 * runner's parser and @actions/core's command.ts): `::error file=F,line=L,col=C,title=T::MESSAGE`.
 * The runner reads one command per line and unescapes `%25`, `%0D`, `%0A` in the message, and also
 * `%3A` and `%2C` in property values, where a raw `:` would end the properties and a raw `,` would
 * start the next one. `%` goes first so that the escapes written after it are not escaped again.
 */

/** Escapes a workflow command's message (the data after `::`): `%`, CR and LF. */
export function escapeCommandData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (`file=…`, `title=…`): as data, plus `:` and `,`. */
export function escapeCommandProperty(value: string): string {
  return escapeCommandData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One diagnostic as `::error …::…` or `::warning …::…`: the file (relative to the working directory,
 * which in a workflow is the repository root, where GitHub looks for it), its line and column when
 * known, `source/rule` as the title, and the message with the source article it came from.
 */
export function formatGithubAnnotation(d: Diagnostic): string {
  const properties = [`file=${escapeCommandProperty(d.file)}`];
  if (d.line !== undefined) {
    properties.push(`line=${d.line}`);
    if (d.column !== undefined) properties.push(`col=${d.column}`);
  }
  properties.push(`title=${escapeCommandProperty(`${d.source}/${d.ruleId}`)}`);
  const message = d.origin === undefined ? d.message : `${d.message} (from ${d.origin})`;
  return `::${d.severity} ${properties.join(',')}::${escapeCommandData(message)}`;
}

/**
 * Annotations GitHub shows per step and kind: "10 warning annotations, 10 error annotations, and 10
 * notice annotations per step", 50 per job (actions/toolkit, docs/problem-matchers.md "Limitations").
 * Beyond them the runner drops annotations silently, so we choose which ten are shown.
 */
export const ANNOTATIONS_PER_KIND = 10;

/**
 * The findings to annotate: for each severity at most {@link ANNOTATIONS_PER_KIND}, taking one of each
 * rule in turn (the first of every rule, then the second…), so one frequent rule cannot hide the others;
 * in the order given within that choice.
 */
export function selectAnnotations(diagnostics: readonly Diagnostic[], perKind = ANNOTATIONS_PER_KIND): Diagnostic[] {
  const chosen = new Set<Diagnostic>();
  for (const severity of ['error', 'warning'] as const) {
    const byRule = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) {
      if (d.severity !== severity) continue;
      const key = `${d.source}/${d.ruleId}`;
      const list = byRule.get(key);
      if (list) list.push(d);
      else byRule.set(key, [d]);
    }
    const lists = [...byRule.values()];
    let taken = 0;
    for (let round = 0; taken < perKind && lists.some((l) => l.length > round); round++) {
      for (const list of lists) {
        if (taken >= perKind) break;
        const d = list[round];
        if (d === undefined) continue;
        chosen.add(d);
        taken++;
      }
    }
  }
  return diagnostics.filter((d) => chosen.has(d));
}

/** A `::notice::` saying how many findings were not annotated and where to read them, or undefined when none. */
export function formatAnnotationNotice(left: number, stepSummary: boolean): string | undefined {
  if (left === 0) return undefined;
  const where = stepSummary ? 'the job summary counts them by rule, and the log' : 'the log';
  return `::notice title=syndicate::${escapeCommandData(`${formatNumber(left)} more findings are not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} of each kind per step); ${where} has them all`)}`;
}
