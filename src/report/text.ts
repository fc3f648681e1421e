/** Diagnostics as the lines people read on a terminal or in a log, optionally coloured. */
import { formatDiagnostic, type Diagnostic } from '../diagnostics.ts';

// SGR escapes (ECMA-48 §8.3.117), each closed by its own reset so that nothing leaks into the next field.
const RED = ['\x1b[31m', '\x1b[39m'] as const;
const YELLOW = ['\x1b[33m', '\x1b[39m'] as const;
const DIM = ['\x1b[2m', '\x1b[22m'] as const;

/**
 * Whether text output may be coloured: only when stderr is a terminal and `NO_COLOR` is not set to
 * a non-empty value (https://no-color.org: "when present and not an empty string").
 */
export function useColour(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  return isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

/**
 * `file:line:col: severity message [source/rule] (from origin)`, exactly {@link formatDiagnostic};
 * with `colour`, the severity is red (error) or yellow (warning) and `[source/rule]` dim.
 */
export function formatTextDiagnostic(d: Diagnostic, colour = false): string {
  const plain = formatDiagnostic(d);
  if (!colour) return plain;
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const [on, off] = d.severity === 'error' ? RED : YELLOW;
  const from = d.origin === undefined ? '' : ` (from ${d.origin})`;
  return `${where}: ${on}${d.severity}${off} ${d.message} ${DIM[0]}[${d.source}/${d.ruleId}]${DIM[1]}${from}`;
}
