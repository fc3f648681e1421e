/** The options every command shares: the report format and how much to print. */
import { Option, type Command } from 'commander';
import { createReporter, toReportFormat, useColour, type Reporter } from '../report/index.ts';
import { EXIT, type CliIo } from './io.ts';
import { toLogLevel, type LogLevel } from './report.ts';

/** What the shared options hold once parsed. */
export interface ReportOptions {
  format?: string | undefined;
  quiet?: boolean | undefined;
  verbose?: boolean | undefined;
}

/** Adds `--format`, `--quiet` and `--verbose` (which contradict each other) to a command. */
export function addReportOptions(command: Command): Command {
  return command
    .option(
      '--format <F>',
      'text (default), json (one JSON document on stdout) or github (GitHub Actions annotations on stdout; the default when GITHUB_ACTIONS=true). Text is coloured only on a terminal, and never when NO_COLOR is set',
    )
    .addOption(new Option('-q, --quiet', 'print errors only').conflicts('verbose'))
    .option('--verbose', 'also print what was reused, rebuilt and written, and timings');
}

/** The reporter and log level the shared options ask for, or the usage exit code after saying what is wrong. */
export function toReporting(options: ReportOptions, io: CliIo): { reporter: Reporter; log: LogLevel } | { exit: number } {
  const format = toReportFormat(options.format, io.env);
  if (!format.ok) {
    io.stderr(`syndicate: ${format.message}`);
    return { exit: EXIT.usage };
  }
  const reporter = createReporter(format.value, { stdout: io.stdout, stderr: io.stderr, colour: useColour(io.isTTY, io.env) });
  return { reporter, log: toLogLevel(options) };
}
