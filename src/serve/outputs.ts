/** `serve`'s index of outputs: every file of the folder, its format and its validation status, as an HTML page. */
import { formatCount } from '../report/count.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { escapeHtml } from '../model/html.ts';
import type { FileStatus } from './status.ts';

/** Findings shown per file; the rest are counted (the full list is `syndicate validate`'s). */
const SHOWN = 5;

/**
 * The index page listing `statuses`, linked, with a summary of errors and warnings at the top and
 * what they were checked against (`against input/site.json`, or `without site settings (…)`).
 */
export function formatOutputsIndex(statuses: readonly FileStatus[], folder: string, against?: string): string {
  const errors = (s: FileStatus) => s.diagnostics.filter((d) => d.severity === 'error').length;
  const totalErrors = statuses.reduce((n, s) => n + errors(s), 0);
  const totalWarnings = statuses.reduce((n, s) => n + s.diagnostics.length - errors(s), 0);
  const rows = statuses.map((s) => {
    const e = errors(s);
    const w = s.diagnostics.length - e;
    const state = e > 0 ? 'error' : w > 0 ? 'warning' : 'valid';
    const label = e > 0 ? `${formatCount(e, 'error')}${w > 0 ? `, ${formatCount(w, 'warning')}` : ''}` : w > 0 ? formatCount(w, 'warning') : 'valid';
    const details =
      s.diagnostics.length === 0
        ? ''
        : `<details><summary>${escapeHtml(label)}</summary><ul>${s.diagnostics
            .slice(0, SHOWN)
            .map((d) => `<li>${escapeHtml(formatDiagnostic(d))}</li>`)
            .join('')}${s.diagnostics.length > SHOWN ? `<li>and ${s.diagnostics.length - SHOWN} more</li>` : ''}</ul></details>`;
    const href = s.path.split('/').map(encodeURIComponent).join('/');
    return `<tr class="${state}"><td><a href="/${href}">${escapeHtml(s.path)}</a></td><td>${escapeHtml(s.kind)}</td><td>${details || escapeHtml(label)}</td></tr>`;
  });
  const summary = `${formatCount(statuses.length, 'file')}, ${formatCount(totalErrors, 'error')}, ${formatCount(totalWarnings, 'warning')}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Outputs of ${escapeHtml(folder)}</title>
<style>
body { font: 15px/1.4 system-ui, sans-serif; margin: 2em; }
table { border-collapse: collapse; }
td, th { text-align: left; padding: .25em .75em; border-bottom: 1px solid #ddd; vertical-align: top; }
tr.error td:last-child { color: #b00; }
tr.warning td:last-child { color: #960; }
tr.valid td:last-child { color: #070; }
</style>
</head>
<body>
<h1>Outputs of ${escapeHtml(folder)}</h1>
<p id="summary">${escapeHtml(summary)}, checked as <code>syndicate validate --profile syndicate</code> checks them${against === undefined ? '' : ` ${escapeHtml(against)}`}.</p>
<table>
<thead><tr><th>File</th><th>Format</th><th>Status</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}
