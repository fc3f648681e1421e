/** `syndicate build`: reads the input folder, writes every validated output, and says what it did. */
import { Option, type Command } from 'commander';
import { OUTPUT_CHOICES, type OutputChoice } from '../model/output.ts';
import { isBuildTime } from '../model/time.ts';
import type { Reporter } from '../report/index.ts';
import { EXIT, type CliIo } from './io.ts';
import { addReportOptions, applyMaxWarnings, toReporting, type ReportOptions } from './options.ts';
import { toProgressBar } from './progress.ts';
import { count, reportAll, type LogLevel } from './report.ts';
import { loadSiteConfig } from './site.ts';
import { formatNumber } from '../report/count.ts';

/** Reads a `--outputs` value (`page,rss`): the choices, or what is wrong with it. */
export function readOutputsOption(value: string): { ok: true; value: OutputChoice[] } | { ok: false; message: string } {
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !(OUTPUT_CHOICES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    const what = names.length === 0 ? 'names no output' : `names ${unknown.map((n) => `"${n}"`).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not an output`;
    return { ok: false, message: `--outputs "${value}" ${what}; choose from ${OUTPUT_CHOICES.join(', ')} (comma-separated, e.g. --outputs page,rss)` };
  }
  return { ok: true, value: [...new Set(names as OutputChoice[])] };
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
    if (!isBuildTime(flag)) {
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

/** What `build` (and `build --check`) was asked to do. */
export interface BuildRequest {
  inputDir: string;
  outDir: string;
  partnerDir: string;
  stateFile: string;
  now: string;
  cacheDir: string | undefined;
  workers: number | undefined;
  /** `--outputs`: replaces site.json's `outputs`. */
  outputs: OutputChoice[] | undefined;
  /** `--config FILE`: the site settings (default `<input>/site.json`). */
  configFile?: string | undefined;
  /** `--articles DIR`: the articles folder (default: site.json's `articles`, else `<input>/articles`). */
  articlesDir?: string | undefined;
  resetVersions: boolean;
  keepGoing: boolean;
  log: LogLevel;
  reporter: Reporter;
}

export async function runBuild(request: BuildRequest, io: CliIo): Promise<number> {
  const { reporter, log } = request;
  const site = await loadSiteConfig(request.inputDir, io, reporter, log, 'built', request.outputs, request.configFile);
  if ('exit' in site) return site.exit;
  const [{ readToolVersion }, { buildProject }] = await Promise.all([import('../io.ts'), import('../project/build.ts')]);
  const progress = log === 'quiet' ? undefined : toProgressBar(io);
  let result;
  try {
    result = await buildProject({
      cwd: io.cwd,
      inputDir: request.inputDir,
      articlesDir: request.articlesDir,
      outDir: request.outDir,
      partnerDir: request.partnerDir,
      stateFile: request.stateFile,
      site: site.config,
      configPath: site.configPath,
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
  if (log !== 'quiet') for (const line of result.recovered) io.stderr(`syndicate: ${line}`);
  const diagnostics = [...site.warnings, ...result.diagnostics];
  reportAll(diagnostics, reporter, log);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  reporter.finish({
    command: 'build',
    articles: result.articles,
    files: result.files,
    partnerFiles: result.partnerFiles,
    written: result.written,
    removed: result.removed,
    rejected: result.rejected,
    committed: result.committed,
    outDir: request.outDir,
    partnerDir: request.partnerDir,
    stateFile: request.stateFile,
    ...(result.nextEmbargo !== undefined ? { nextEmbargo: result.nextEmbargo } : {}),
    errors,
    warnings,
  });
  const read = `${count(result.articles, 'article')} read`;
  if (log === 'verbose') {
    const t = result.timings;
    const ms = (key: string) => `${Math.round(t[key] ?? 0)} ms`;
    io.stderr(
      `syndicate: ${result.mode} build, ${count(result.reused, 'source')} reused from the cache, ${formatNumber(result.built)} built ${result.workers > 0 ? `on ${count(result.workers, 'worker thread')}` : 'on the main thread'}`,
    );
    io.stderr(`syndicate: wall time list ${ms('list')}, articles ${ms('articles')}, feeds ${ms('feeds')}, write ${ms('write')}, cache ${ms('cache')}`);
    io.stderr(`syndicate: article CPU time read ${ms('read')}, emit ${ms('emit')}, validate ${ms('validate')}, consistency ${ms('consistency')}`);
  }
  if (errors > 0 && result.committed) {
    // --keep-going wrote the articles without errors: say which were left out, and still fail.
    // --quiet keeps the summary line (errors plus the summary line).
    if (log !== 'quiet') for (const source of result.rejected) io.stderr(`syndicate: rejected ${source}`);
    io.stderr(`syndicate: ${read}, ${count(result.written, 'file')} written to ${request.outDir}, ${count(result.rejected.length, 'article')} rejected, ${count(errors, 'error')}, ${count(warnings, 'warning')}`);
    return EXIT.content;
  }
  if (errors > 0) {
    io.stderr(`syndicate: ${read}, 0 files written (${request.outDir} left unchanged), ${count(errors, 'error')}, ${count(warnings, 'warning')}`);
    return EXIT.content;
  }
  {
    const unchanged = result.files + result.partnerFiles - result.written;
    const detail = [unchanged > 0 ? `${formatNumber(unchanged)} unchanged` : '', result.removed > 0 ? `${formatNumber(result.removed)} removed` : ''].filter(Boolean).join(', ');
    const where = result.partnerFiles > 0 ? `${request.outDir} and ${request.partnerDir}` : request.outDir;
    io.stderr(`syndicate: ${read}, ${count(result.written, 'file')} written to ${where}${detail ? ` (${detail})` : ''}, 0 errors, ${count(warnings, 'warning')}`);
    if (log !== 'quiet' && result.nextEmbargo !== undefined) io.stderr(`syndicate: next embargo lifts at ${result.nextEmbargo}; build again after it to publish what it holds`);
  }
  return EXIT.ok;
}

/** What `build`'s options hold once parsed. */
interface BuildOptions extends ReportOptions {
  input: string;
  out: string;
  partnerOut?: string;
  state?: string;
  check?: boolean;
  now?: string;
  /** `--cache DIR` gives the folder, `--no-cache` gives false. */
  cache?: string | false;
  keepGoing?: boolean;
  resetVersions?: boolean;
  workers?: string;
  outputs?: string;
  watch?: boolean;
  config?: string;
  articles?: string;
  serve?: boolean;
  port?: string;
  host?: string;
}

/** Adds `syndicate build` (and `build --check`) to the program; `settle` receives the exit code. */
export function defineBuildCommand(program: Command, io: CliIo, settle: (code: number) => void): Command {
  const command = program
    .command('build')
    .summary('build every output for the input folder')
    .description(
      'Reads the articles in DIR/articles (default input/articles; site.json "articles" or --articles names another folder) with the publication settings in DIR/site.json, and writes validated JSON-LD, RSS 2.0, Atom 1.0, JSON Feed, a news sitemap, NewsML-G2, ninjs, HTML head snippets and pages to the output folder (default dist/), which is safe to publish at any time: it never holds embargoed or withdrawn text, embargo times, source paths or build state. Embargoed stories and withdrawal notices for partners go to the partner folder (default dist-partners/); the versions state goes to DIR/versions.json, which you commit. Nothing is written when any output fails validation.',
    )
    .option('-i, --input <DIR>', 'input folder holding site.json and articles/', 'input')
    .option('-o, --out <DIR>', 'public output folder; only changed files are replaced, through a staging folder beside it', 'dist')
    .option(
      '--partner-out <DIR>',
      'partner folder: embargoed stories\' NewsML-G2 and ninjs, withdrawal notices and their index.json (default: the output folder\'s name + "-partners", beside it); written only while it has something, never inside the output folder',
    )
    .option('--state <FILE>', 'versions state to read and write (default: DIR/versions.json)')
    .option('-c, --config <FILE>', 'the site settings to read (default: DIR/site.json)')
    .option('-a, --articles <DIR>', 'the folder of articles to read, recursively (default: site.json "articles", relative to site.json, else DIR/articles)')
    .addOption(
      new Option(
        '--check',
        'write nothing: build in memory at the build time the state records and compare with the output folder, the partner folder and the state byte for byte; exit 1 listing every file that differs, is missing or should not be there',
      ).conflicts(['cache', 'keepGoing', 'workers', 'verbose']),
    )
    .option(
      '--now <TIME>',
      'build time (RFC 3339 with offset, e.g. 2024-09-05T12:00:00+08:00): the news sitemap\'s two days, which embargoes have passed, the time of new versions; default: $SOURCE_DATE_EPOCH (seconds since 1970) when set, else the clock. --check uses the state\'s recorded time instead (--now only when there is no state yet)',
    )
    .option('--cache <DIR>', 'cache of unchanged articles (default: .syndicate-cache)')
    .option('--no-cache', 'build everything from scratch; the cache is not read or written')
    .option('-k, --keep-going', 'write the articles without errors and list those left out; the exit code is still 1')
    .option('--reset-versions', 'start a new version history: ignore a missing or existing versions state and give every article version 1')
    .option('-j, --workers <N>', 'worker threads for large builds (default: one per CPU)')
    .option('--outputs <LIST>', `write only these (comma-separated; default all, or site.json "outputs"): ${OUTPUT_CHOICES.join(', ')}`)
    .addOption(
      new Option('-w, --watch', 'build, then build again on every change under the input folder until Ctrl-C; a build with errors leaves the output folder as the last good build and the watch goes on').conflicts('check'),
    )
    .option('--serve', 'with --watch: also preview the output folder (as syndicate serve does) and reload open pages after each build')
    .option('-p, --port <N>', 'with --serve: port to listen on (default: 4000; 0 picks a free one)')
    .option('--host <H>', 'with --serve: interface to listen on (default: 127.0.0.1, this machine only)');
  addReportOptions(command);
  // --cache DIR and --no-cache set the same value, so the parser cannot see them conflict: the events can.
  const given = new Set<string>();
  command.on('option:cache', () => given.add('cache'));
  command.on('option:no-cache', () => given.add('no-cache'));
  command.action(async (options: BuildOptions) => {
    if (given.has('cache') && given.has('no-cache')) {
      command.error("option '--no-cache' cannot be used with option '--cache <DIR>'; pick one", { exitCode: EXIT.usage });
    }
    if (!options.watch && (options.serve || options.port !== undefined || options.host !== undefined)) {
      const option = options.serve ? '--serve' : options.port !== undefined ? '--port' : '--host';
      command.error(`option '${option}' needs --watch (build --watch --serve), or run syndicate serve to preview the output folder as it is`, { exitCode: EXIT.usage });
    }
    if (!options.serve && (options.port !== undefined || options.host !== undefined)) command.error("options '--port' and '--host' need --serve", { exitCode: EXIT.usage });
    settle(await runBuildCommand(options, io));
  });
  return command;
}

/** Checks `build`'s option values, then builds (or checks). */
async function runBuildCommand(options: BuildOptions, io: CliIo): Promise<number> {
  const reporting = toReporting(options, io);
  if ('exit' in reporting) return reporting.exit;
  const { maxWarnings, ...reporter } = reporting;
  return applyMaxWarnings(await runBuildChecked(options, reporter, io), reporter.reporter, maxWarnings, io);
}

/** Builds (or checks) with the reporting the options asked for, once the other values are checked. */
async function runBuildChecked(options: BuildOptions, reporting: { reporter: Reporter; log: LogLevel }, io: CliIo): Promise<number> {
  const now = toBuildTime(options.now, io.env.SOURCE_DATE_EPOCH, io.clock);
  if (!now.ok) {
    io.stderr(`syndicate: ${now.message}`);
    return EXIT.usage;
  }
  const workers = options.workers === undefined ? undefined : Number(options.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 256)) {
    io.stderr(`syndicate: --workers "${options.workers}" must be a whole number from 1 to 256`);
    return EXIT.usage;
  }
  const outputs = options.outputs === undefined ? undefined : readOutputsOption(options.outputs);
  if (outputs !== undefined && !outputs.ok) {
    io.stderr(`syndicate: ${outputs.message}`);
    return EXIT.usage;
  }
  const { toDefaultPartnerDir, toDefaultStateFile } = await import('../pipeline/folders.ts');
  const request: BuildRequest = {
    inputDir: options.input,
    outDir: options.out,
    partnerDir: options.partnerOut ?? toDefaultPartnerDir(options.out),
    stateFile: options.state ?? toDefaultStateFile(options.input),
    now: now.value,
    cacheDir: options.cache === false ? undefined : (options.cache ?? '.syndicate-cache'),
    workers,
    outputs: outputs?.value,
    configFile: options.config,
    articlesDir: options.articles,
    resetVersions: options.resetVersions ?? false,
    keepGoing: options.keepGoing ?? false,
    ...reporting,
  };
  if (options.check) {
    const { runCheck } = await import('./check.ts');
    return runCheck(request, io);
  }
  if (options.watch) {
    const port = toPort(options.port);
    if (port === null) {
      io.stderr(`syndicate: --port "${options.port}" must be a whole number from 0 to 65535`);
      return EXIT.usage;
    }
    const { runWatch } = await import('../watch/command.ts');
    // Each build takes the time it runs at, unless --now or SOURCE_DATE_EPOCH fixes it, and has a
    // reporter of its own (the JSON reporter would otherwise repeat the earlier builds' findings).
    const fixed = options.now !== undefined || Boolean(io.env.SOURCE_DATE_EPOCH);
    const toNow = () => {
      const current = fixed ? now : toBuildTime(undefined, undefined, io.clock);
      return current.ok ? current.value : now.value;
    };
    const fresh = () => toReporting({ ...options, maxWarnings: undefined }, io);
    return runWatch(
      { inputDir: request.inputDir, articlesDir: request.articlesDir, configFile: request.configFile, outDir: request.outDir, stateFile: request.stateFile, cacheDir: request.cacheDir, serve: options.serve ? { port, host: options.host } : undefined, quiet: request.log === 'quiet' },
      io,
      () => {
        const reporting = fresh();
        return 'exit' in reporting ? Promise.resolve(reporting.exit) : runBuild({ ...request, now: toNow(), reporter: reporting.reporter }, io);
      },
    );
  }
  return runBuild(request, io);
}

/** A `--port` value: undefined when not given, null when it is not a port number. */
export function toPort(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  return /^\d{1,5}$/.test(value) && Number(value) <= 65535 ? Number(value) : null;
}
