/** What every command prints besides its findings: the log level, counts, and the report of diagnostics. */
import { formatCount } from '../report/count.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { Reporter } from '../report/index.ts';

/** How much the CLI prints besides the report: errors only, the summary too, or timings as well. */
export type LogLevel = 'quiet' | 'normal' | 'verbose';

/** The log level from `--quiet` and `--verbose` (the argument parser refuses both at once). */
export function toLogLevel(options: { quiet?: boolean | undefined; verbose?: boolean | undefined }): LogLevel {
  return options.quiet ? 'quiet' : options.verbose ? 'verbose' : 'normal';
}

/** Reports the diagnostics (the reporter decides what --quiet shows: json keeps them all). */
export function reportAll(diagnostics: readonly Diagnostic[], reporter: Reporter, _log: LogLevel): void {
  reporter.report(diagnostics);
}

/** `1 file`, `2 files`, `15,029 files`. */
export const count = formatCount;
