/** The Markdown that `--format github` appends to `$GITHUB_STEP_SUMMARY`: the findings by rule, with the first of each. */
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';
import { countByRule, SHOWN_PER_RULE, withShortOrigin } from './summary.ts';
import { formatNumber } from './count.ts';

/** Rules listed in the table; a step summary may hold at most 1 MiB (GitHub's "Adding a job summary"), far above this. */
const MAX_RULES = 100;

/** Table cells hold no `|` or line break (GitHub Flavored Markdown tables, "Tables (extension)"). */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * `### syndicate build`, the counts, a table of rules (count, severity, rule, first message), and the first
 * {@link SHOWN_PER_RULE} findings of each rule in a code block; `title` names the command.
 */
export function formatStepSummary(diagnostics: readonly Diagnostic[], title: string): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const lines = [`### ${title}`, '', `${formatNumber(errors)} errors, ${formatNumber(warnings)} warnings`, ''];
  if (diagnostics.length === 0) return `${lines.join('\n')}\n`;
  const counts = countByRule(diagnostics);
  lines.push('| count | severity | rule | first finding |', '| ---: | --- | --- | --- |');
  for (const c of counts.slice(0, MAX_RULES)) {
    lines.push(`| ${formatNumber(c.count)} | ${c.severity} | \`${c.rule}\` | ${cell(c.first.message)} |`);
  }
  if (counts.length > MAX_RULES) lines.push('', `… and ${formatNumber(counts.length - MAX_RULES)} more rules (the log has every finding).`);
  lines.push('', `<details><summary>First ${SHOWN_PER_RULE} findings of each rule</summary>`, '', '```');
  for (const c of counts.slice(0, MAX_RULES)) {
    const key = `${c.first.source}/${c.first.ruleId}`;
    const first = diagnostics.filter((d) => d.severity === c.severity && `${d.source}/${d.ruleId}` === key).slice(0, SHOWN_PER_RULE);
    // A fence cannot be closed by a finding: backtick runs are broken with a zero-width space.
    for (const d of first) lines.push(formatDiagnostic(withShortOrigin(d)).replace(/```/g, '`\u200b``'));
  }
  lines.push('```', '', '</details>', '');
  return lines.join('\n');
}
