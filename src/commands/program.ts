/** The `syndicate` program: its commands, help and how parse errors are told, on the injected IO. */
import { Command } from 'commander';
import { defineBuildCommand } from './build.ts';
import { defineInitCommand } from './init.ts';
import { defineServeCommand } from './serve.ts';
import type { CliIo } from './io.ts';
import { defineValidateCommand } from './validate.ts';

/** Help lines are wrapped at this width whatever the terminal, so help text is the same everywhere. */
const HELP_WIDTH = 80;

/** The names of the commands, for the usage hint after a parse error. */
export const COMMAND_NAMES = ['build', 'validate', 'init', 'serve', 'help'] as const;

/**
 * A fresh program (one per run: tests run many in one process). Parse errors throw commander's
 * `CommanderError` (`exitOverride`) after the message went to `io.stderr`; `settle` receives the exit
 * code of the command that ran.
 */
export function createProgram(io: CliIo, version: string, settle: (code: number) => void): Command {
  const program = new Command('syndicate')
    .usage('<command> [options]')
    .description('Turns news articles into validated schema.org JSON-LD, RSS, Atom, JSON Feed, a news sitemap, NewsML-G2, ninjs and HTML pages.')
    .version(version, '-v, --version', 'show the version')
    .helpOption('-h, --help', 'show help for the command')
    .helpCommand('help [command]', "show a command's help (syndicate help build)")
    // Settings below are copied to each command made with .command(): set them before the commands.
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => io.stdout(text.replace(/\n$/, '')),
      writeErr: (text) => io.stderr(text.replace(/\n$/, '')),
      getOutHelpWidth: () => HELP_WIDTH,
      getErrHelpWidth: () => HELP_WIDTH,
      outputError: (text, write) => write(formatParseError(text)),
    })
    .addHelpText(
      'after',
      `
Exit codes: 0 success (warnings allowed), 1 content or validation errors (or,
with build --check, differences), 2 usage or configuration errors.
Each command has its own options: syndicate help build, syndicate validate --help.`,
    );
  defineInitCommand(program, io, settle);
  defineBuildCommand(program, io, settle);
  defineValidateCommand(program, io, settle);
  defineServeCommand(program, io, settle);
  return program;
}

/**
 * commander's `error: unknown option '--wach'\n(Did you mean --watch?)` in our voice, on one line:
 * `syndicate: unknown option '--wach' (did you mean --watch?)`.
 */
export function formatParseError(text: string): string {
  const message = text.trimEnd().replace(/^error: /, '').replace(/\n\(Did you mean (.+)\?\)$/, ' (did you mean $1?)');
  return `syndicate: ${message}\n`;
}
