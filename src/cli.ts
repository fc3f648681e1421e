/** The command-line shell over the library: arguments in, diagnostics and an exit code out. */
import { CommanderError } from 'commander';
import { COMMAND_NAMES, createProgram } from './commands/program.ts';
import { EXIT, type CliIo } from './commands/io.ts';

export { EXIT, type CliIo } from './commands/io.ts';

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.length === 0) {
    io.stderr('syndicate: missing command: syndicate init, syndicate build or syndicate validate');
    io.stderr("Run 'syndicate --help' for usage.");
    return EXIT.usage;
  }
  const { readToolVersion } = await import('./io.ts');
  let code: number = EXIT.ok;
  const program = createProgram(io, await readToolVersion(), (exit) => {
    code = exit;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help, help <command> and --version end the same way as a parse error does, with exit code 0.
    if (error.exitCode === 0) return EXIT.ok;
    // `help <unknown>` has just printed the whole help on stderr: no hint to read it again.
    if (error.code === 'commander.help') return EXIT.usage;
    const command = argv.find((arg) => (COMMAND_NAMES as readonly string[]).includes(arg) && arg !== 'help');
    io.stderr(`Run 'syndicate${command === undefined ? '' : ` ${command}`} --help' for usage.`);
    return EXIT.usage;
  }
  return code;
}
