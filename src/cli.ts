/** The command-line shell over the library: arguments in, diagnostics and an exit code out. */
import { parseArgs } from 'node:util';
import { formatDiagnostic, type Diagnostic } from './diagnostics.ts';

/** Exit codes: success, content or validation errors, usage or configuration errors. */
export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

/** The outside world as the CLI sees it; tests pass their own. */
export interface CliIo {
  cwd: string;
  /** Environment variables (only SOURCE_DATE_EPOCH is read). */
  env: Record<string, string | undefined>;
  /** The clock: the build time when neither --now nor SOURCE_DATE_EPOCH is given, and the progress bar's pace (never an output). */
  clock: () => Date;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /**
   * Rewrites the progress line on stderr (`undefined` clears it). Given only when stderr is a
   * terminal: the progress bar is for people watching, never for logs.
   */
  progress?: ((line: string | undefined) => void) | undefined;
}

const HELP = `Usage: syndicate build [--input DIR] [--out DIR] [--now TIME] [options]

Reads the articles in DIR/articles (default input/articles) with the publication
settings in DIR/site.json, and writes validated JSON-LD, RSS 2.0, Atom 1.0,
JSON Feed, a news sitemap, NewsML-G2 and ninjs to the output folder (default
dist/). Nothing is written when any output fails validation.

Commands:
  build              build every output for the input folder

Options:
  -i, --input DIR    input folder holding site.json and articles/ (default: input)
  -o, --out DIR      output folder (default: dist); only changed files are
                     replaced, through a staging folder beside it
      --now TIME     build time for the news sitemap (RFC 3339 with offset, e.g.
                     2024-09-05T12:00:00+08:00); default: $SOURCE_DATE_EPOCH
                     (seconds since 1970) when set, else the clock. Nothing
                     else depends on it.
      --cache DIR    cache of unchanged articles (default: .syndicate-cache)
      --no-cache     build everything from scratch; the cache is not read or written
  -k, --keep-going   write the articles without errors and list those left out;
                     the exit code is still 1
      --reset-versions
                     start a new version history: ignore a missing or existing
                     DIR/manifest.json and give every article version 1
  -j, --workers N    worker threads for large builds (default: one per CPU)
  -q, --quiet        print errors only
      --verbose      also print what was reused, rebuilt and written, and timings
  -h, --help         show this help
  -v, --version      show the version

Exit codes: 0 success (warnings allowed), 1 content or validation errors,
2 usage or configuration errors.`;

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        input: { type: 'string', short: 'i', default: 'input' },
        out: { type: 'string', short: 'o', default: 'dist' },
        now: { type: 'string' },
        cache: { type: 'string', default: '.syndicate-cache' },
        'no-cache': { type: 'boolean' },
        'reset-versions': { type: 'boolean' },
        'keep-going': { type: 'boolean', short: 'k' },
        workers: { type: 'string', short: 'j' },
        quiet: { type: 'boolean', short: 'q' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr(`syndicate: ${(error as Error).message}`);
    io.stderr("Run 'syndicate --help' for usage.");
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (values.version) {
    const { readToolVersion } = await import('./io.ts');
    io.stdout(await readToolVersion());
    return EXIT.ok;
  }
  const [command, ...rest] = positionals;
  if (command !== 'build' || rest.length > 0) {
    io.stderr(command === undefined ? 'syndicate: missing command' : `syndicate: unknown command or argument "${[command, ...rest].join(' ')}"`);
    io.stderr("Run 'syndicate --help' for usage.");
    return EXIT.usage;
  }
  const now = toBuildTime(values.now, io.env.SOURCE_DATE_EPOCH, io.clock);
  if (!now.ok) {
    io.stderr(`syndicate: ${now.message}`);
    return EXIT.usage;
  }
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 256)) {
    io.stderr(`syndicate: --workers "${values.workers}" must be a whole number from 1 to 256`);
    return EXIT.usage;
  }
  if (values.quiet && values.verbose) {
    io.stderr('syndicate: --quiet and --verbose contradict each other; pick one');
    return EXIT.usage;
  }
  return runBuild(
    {
      inputDir: values.input,
      outDir: values.out,
      now: now.value,
      cacheDir: values['no-cache'] ? undefined : values.cache,
      workers,
      resetVersions: values['reset-versions'] ?? false,
      keepGoing: values['keep-going'] ?? false,
      log: values.quiet ? 'quiet' : values.verbose ? 'verbose' : 'normal',
    },
    io,
  );
}

/**
 * The build time: `--now` (RFC 3339 with an explicit offset), else `SOURCE_DATE_EPOCH`
 * (reproducible-builds.org: integer seconds since the epoch), else the clock.
 */
export function toBuildTime(
  flag: string | undefined,
  sourceDateEpoch: string | undefined,
  clock: () => Date,
): { ok: true; value: string } | { ok: false; message: string } {
  if (flag !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(flag) || Number.isNaN(Date.parse(flag))) {
      return { ok: false, message: `--now "${flag}" is not an RFC 3339 time with offset; write e.g. --now 2024-09-05T12:00:00+08:00` };
    }
    return { ok: true, value: flag };
  }
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '') {
    if (!/^\d{1,12}$/.test(sourceDateEpoch)) {
      return { ok: false, message: `SOURCE_DATE_EPOCH "${sourceDateEpoch}" is not a whole number of seconds since 1970; fix or unset it` };
    }
    return { ok: true, value: new Date(Number(sourceDateEpoch) * 1000).toISOString().replace('.000Z', 'Z') };
  }
  return { ok: true, value: clock().toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

interface BuildRequest {
  inputDir: string;
  outDir: string;
  now: string;
  cacheDir: string | undefined;
  workers: number | undefined;
  resetVersions: boolean;
  keepGoing: boolean;
  log: 'quiet' | 'normal' | 'verbose';
}

async function runBuild(request: BuildRequest, io: CliIo): Promise<number> {
  const [{ readConfigText, readToolVersion }, { readSiteConfig }, { buildProject }] = await Promise.all([
    import('./io.ts'),
    import('./config.ts'),
    import('./project/build.ts'),
  ]);
  const { configPath, configText } = await readConfigText(request.inputDir, io.cwd);
  if (configText === undefined) {
    io.stderr(formatDiagnostic({ file: configPath, severity: 'error', source: 'config', ruleId: 'missing-config', message: `no site configuration; create ${configPath} (see README "Configuration")` }));
    return EXIT.usage;
  }
  const { config, diagnostics: configDiagnostics } = readSiteConfig(configText, configPath);
  if (!config) {
    report(configDiagnostics, io, request.log);
    if (request.log !== 'quiet') io.stderr(`syndicate: configuration invalid, nothing built (${count(configDiagnostics.length, 'error')})`);
    return EXIT.usage;
  }
  const progress = request.log === 'quiet' ? undefined : toProgressBar(io);
  let result;
  try {
    result = await buildProject({
      cwd: io.cwd,
      inputDir: request.inputDir,
      outDir: request.outDir,
      site: config,
      toolVersion: await readToolVersion(),
      now: request.now,
      cacheDir: request.cacheDir,
      workers: request.workers,
      resetVersions: request.resetVersions,
      keepGoing: request.keepGoing,
      onProgress: progress?.update,
    });
  } finally {
    progress?.done();
  }
  if (request.log !== 'quiet') for (const line of result.recovered) io.stderr(`syndicate: ${line}`);
  report(result.diagnostics, io, request.log);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const read = `${count(result.articles, 'article')} read`;
  if (request.log === 'verbose') {
    const t = result.timings;
    const ms = (key: string) => `${Math.round(t[key] ?? 0)} ms`;
    io.stderr(
      `syndicate: ${result.mode} build, ${count(result.reused, 'source')} reused from the cache, ${result.built} built ${result.workers > 0 ? `on ${count(result.workers, 'worker thread')}` : 'on the main thread'}`,
    );
    io.stderr(`syndicate: wall time list ${ms('list')}, articles ${ms('articles')}, feeds ${ms('feeds')}, write ${ms('write')}, cache ${ms('cache')}`);
    io.stderr(`syndicate: article CPU time read ${ms('read')}, emit ${ms('emit')}, validate ${ms('validate')}, consistency ${ms('consistency')}`);
  }
  if (errors > 0 && result.committed) {
    // --keep-going wrote the articles without errors: say which were left out, and still fail.
    if (request.log !== 'quiet') {
      for (const source of result.rejected) io.stderr(`syndicate: rejected ${source}`);
      io.stderr(`syndicate: ${read}, ${count(result.written, 'file')} written to ${request.outDir}, ${count(result.rejected.length, 'article')} rejected, ${count(errors, 'error')}, ${count(warnings, 'warning')}`);
    }
    return EXIT.content;
  }
  if (errors > 0) {
    if (request.log !== 'quiet') io.stderr(`syndicate: ${read}, 0 files written (${request.outDir} left unchanged), ${count(errors, 'error')}, ${count(warnings, 'warning')}`);
    return EXIT.content;
  }
  if (request.log !== 'quiet') {
    const unchanged = result.files - result.written;
    const detail = [unchanged > 0 ? `${unchanged} unchanged` : '', result.removed > 0 ? `${result.removed} removed` : ''].filter(Boolean).join(', ');
    io.stderr(`syndicate: ${read}, ${count(result.written, 'file')} written to ${request.outDir}${detail ? ` (${detail})` : ''}, 0 errors, ${count(warnings, 'warning')}`);
  }
  return EXIT.ok;
}

/** Shows a bar only on a terminal, only once a build has run for a second, redrawn at most 10 times a second. */
function toProgressBar(io: CliIo): { update: (done: number, total: number) => void; done: () => void } | undefined {
  const draw = io.progress;
  if (!draw) return undefined;
  const start = io.clock().getTime();
  let last = 0;
  let shown = false;
  return {
    update: (done, total) => {
      const now = io.clock().getTime();
      if (now - start < 1000 || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      draw(formatProgress(done, total));
    },
    done: () => {
      if (shown) draw(undefined);
    },
  };
}

/** `syndicate: [#########...........] 4,200/10,000 articles`. */
export function formatProgress(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `syndicate: [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} articles`;
}

function report(diagnostics: readonly Diagnostic[], io: CliIo, log: BuildRequest['log']): void {
  for (const d of diagnostics) if (log !== 'quiet' || d.severity === 'error') io.stderr(formatDiagnostic(d));
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
