#!/usr/bin/env node
/** Executable entry: runs the CLI on the process and turns unexpected failures into a one-line message. */
import { main } from './cli.ts';

// Output to a closed pipe (`syndicate validate dist | head -5`): once the reader has gone, stop writing
// to stdout and finish quietly with the exit code the run earns, instead of dying on an EPIPE stack trace.
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

try {
  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    clock: () => new Date(),
    stdout: (line) => {
      if (!stdoutClosed) process.stdout.write(`${line}\n`);
    },
    stderr: (line) => process.stderr.write(`${line}\n`),
    // \r returns to the start of the line and \x1b[K clears it: the bar redraws in place.
    progress: process.stderr.isTTY ? (line) => process.stderr.write(line === undefined ? '\r\x1b[K' : `\r${line}\x1b[K`) : undefined,
    isTTY: process.stderr.isTTY === true,
    // Only `build --watch` and `serve` ask: Ctrl-C then ends them after the build under way.
    interrupt: () => {
      const controller = new AbortController();
      for (const name of ['SIGINT', 'SIGTERM'] as const) process.once(name, () => controller.abort());
      return controller.signal;
    },
  });
} catch (error) {
  // A bug or an I/O failure (disk full, permissions): say what happened without a stack trace.
  process.stderr.write(`syndicate: internal error: ${(error as Error).message ?? String(error)}\n`);
  process.stderr.write('syndicate: nothing was written; set SYNDICATE_DEBUG=1 for details and report the problem\n');
  if (process.env.SYNDICATE_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
  process.exitCode = 1;
}
