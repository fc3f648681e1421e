/** Diagnostics as GitHub Actions workflow commands, which the runner turns into annotations on the pull request. */
import type { Diagnostic } from '../diagnostics.ts';

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
