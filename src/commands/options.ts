/** The options every command shares: the report format and how much to print. */
import { Option, type Command } from 'commander';
import { appendFileSync } from 'node:fs';
import { checkMaxWarnings, createReporter, toMaxWarnings, toReportFormat, useColour, type Reporter } from '../report/index.ts';
import { EXIT, type CliIo } from './io.ts';
import { toLogLevel, type LogLevel } from './report.ts';

/** What the shared options hold once parsed. */
export interface ReportOptions {
  format?: string | undefined;
  quiet?: boolean | undefined;
  verbose?: boolean | undefined;
  maxWarnings?: string | undefined;
}

/** Adds `--format`, `--quiet` and `--verbose` (which contradict each other) and `--max-warnings` to a command. */
export function addReportOptions(command: Command): Command {
  return command
    .option(
      '--format <F>',
      'text (default), json (one JSON document on stdout) or github (GitHub Actions annotations on stdout; the default when GITHUB_ACTIONS=true). Text is coloured only on a terminal, and never when NO_COLOR is set',
    )
    .addOption(new Option('-q, --quiet', 'print errors and the summary line only').conflicts('verbose'))
    .option('--verbose', 'print every finding in full, and what was reused, rebuilt and written, and timings')
    .option('--max-warnings <N>', 'exit 1 when there are more than N warnings (after site.json "rules"; e.g. 0 to allow none)');
}

/** The reporter and log level the shared options ask for, or the usage exit code after saying what is wrong. */
export function toReporting(options: ReportOptions, io: CliIo): { reporter: Reporter; log: LogLevel; maxWarnings: number | undefined } | { exit: number } {
  const format = toReportFormat(options.format, io.env);
  const maxWarnings = toMaxWarnings(options.maxWarnings);
  for (const wrong of [format, maxWarnings]) {
    if (!wrong.ok) {
      io.stderr(`syndicate: ${wrong.message}`);
      return { exit: EXIT.usage };
    }
  }
  if (!format.ok || !maxWarnings.ok) return { exit: EXIT.usage };
  const log = toLogLevel(options);
  const stepSummary = format.value === 'github' ? toStepSummaryWriter(io.env.GITHUB_STEP_SUMMARY) : undefined;
  const reporter = createReporter(format.value, { stdout: io.stdout, stderr: io.stderr, colour: useColour(io.isTTY, io.env), stepSummary }, log);
  return { reporter, log, maxWarnings: maxWarnings.value };
}

/** A command's exit code under `--max-warnings`: only a command that would otherwise succeed is failed by it. */
export function applyMaxWarnings(code: number, reporter: Reporter, max: number | undefined, io: CliIo): number {
  const over = code === EXIT.ok ? checkMaxWarnings(reporter.reported(), max) : undefined;
  if (over === undefined) return code;
  io.stderr(over);
  return EXIT.content;
}

/** Appends to the file `$GITHUB_STEP_SUMMARY` names, when it names one (the runner sets it in every step). */
function toStepSummaryWriter(file: string | undefined): ((markdown: string) => void) | undefined {
  if (file === undefined || file === '') return undefined;
  return (markdown) => appendFileSync(file, markdown);
}
