/** `syndicate serve`: previews the output folder over HTTP until Ctrl-C (src/serve/). */
import type { Command } from 'commander';
import { toPort } from './build.ts';
import { EXIT, type CliIo } from './io.ts';

/** What `serve`'s options hold once parsed. */
interface ServeOptions {
  input: string;
  config?: string;
  out: string;
  port?: string;
  host?: string;
  quiet?: boolean;
}

/** Adds `syndicate serve` to the program; `settle` receives the exit code. */
export function defineServeCommand(program: Command, io: CliIo, settle: (code: number) => void): Command {
  return program
    .command('serve')
    .summary('preview the output folder over HTTP')
    .description(
      'Serves the output folder on this machine with the media types a host should send (feeds as RSS/Atom, JSON-LD, JSON Feed), and an index of every output with its validation status at /_syndicate/outputs. For previewing only; with build --watch --serve, open pages reload after each build.',
    )
    .option('-o, --out <DIR>', 'the folder to preview', 'dist')
    .option('-i, --input <DIR>', 'the index checks the outputs against DIR/site.json', 'input')
    .option('-c, --config <FILE>', 'the site settings the index checks against (default: DIR/site.json)')
    .option('-p, --port <N>', 'port to listen on (default: 4000; 0 picks a free one)')
    .option('--host <H>', 'interface to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 shows the preview to the network)')
    .option('-q, --quiet', 'print errors only')
    .action(async (options: ServeOptions) => {
      const port = toPort(options.port);
      if (port === null) {
        io.stderr(`syndicate: --port "${options.port}" must be a whole number from 0 to 65535`);
        settle(EXIT.usage);
        return;
      }
      const { runServe } = await import('../serve/command.ts');
      settle(await runServe({ inputDir: options.input, configFile: options.config, outDir: options.out, port, host: options.host, quiet: options.quiet ?? false }, io));
    });
}
