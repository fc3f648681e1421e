/** The command-line shell over the library: arguments in, diagnostics and an exit code out. */
import { parseArgs } from 'node:util';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import type { SiteConfig } from './config.ts';
import { OUTPUT_CHOICES, type OutputChoice } from './model/output.ts';
import { isBuildTime } from './model/time.ts';
import { createReporter, toReportFormat, useColour, type Reporter } from './report/index.ts';

/** Exit codes: success, content or validation errors, usage or configuration errors. */
export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

/** The outside world as the CLI sees it; tests pass their own. */
export interface CliIo {
  cwd: string;
  /** Environment variables (only SOURCE_DATE_EPOCH, GITHUB_ACTIONS and NO_COLOR are read). */
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
  /** True when stderr is a terminal: text diagnostics are then coloured, unless NO_COLOR is set. */
  isTTY?: boolean | undefined;
  /**
   * For the commands that run until stopped (`build --watch`, `serve`): a signal aborted on Ctrl-C
   * (SIGINT) or SIGTERM. A function, so that other commands leave Ctrl-C's default (exit at once) alone.
   */
  interrupt?: (() => AbortSignal) | undefined;
}

const HELP = `Usage: syndicate build [--input DIR] [--out DIR] [--now TIME] [options]
       syndicate build --check [--input DIR] [--out DIR]
       syndicate build --watch [--serve [--port N] [--host H]] [build options]
       syndicate serve [--out DIR] [--input DIR] [--port N] [--host H]
       syndicate validate <files or folders...> [--input DIR] [--schemas DIR] [--profile P]

Reads the articles in DIR/articles (default input/articles) with the publication
settings in DIR/site.json, and writes validated JSON-LD, RSS 2.0, Atom 1.0,
JSON Feed, a news sitemap, NewsML-G2, ninjs, HTML head snippets and pages to
the output folder (default dist/), which is safe to publish at any time: it
never holds embargoed or withdrawn text, embargo times, source paths or build
state. Embargoed stories and withdrawal notices for partners go to the partner
folder (default dist-partners/); the versions state goes to DIR/versions.json,
which you commit. Nothing is written when any output fails validation.

Commands:
  build              build every output for the input folder
  validate           check RSS (0.9x, 1.0, 2.0), Atom, JSON Feed, JSON-LD (alone
                     or in HTML pages), NewsML-G2, ninjs and sitemap files,
                     whoever wrote them; formats are told by content, folders
                     are searched recursively; a file in no known format is an
                     error
  serve              preview the output folder over HTTP (feeds, JSON-LD and
                     JSON Feed with their media types), with an index of every
                     output and its validation status at /_syndicate/outputs

Options of build:
  -i, --input DIR    input folder holding site.json and articles/ (default: input)
  -o, --out DIR      public output folder (default: dist); only changed files
                     are replaced, through a staging folder beside it
      --partner-out DIR
                     partner folder: embargoed stories' NewsML-G2 and ninjs,
                     withdrawal notices and their index.json (default: the
                     output folder's name + "-partners", beside it); written
                     only while it has something, never inside the output folder
      --state FILE   versions state to read and write (default: DIR/versions.json)
      --check        write nothing: build in memory at the build time the state
                     records and compare with the output folder, the partner
                     folder and the state byte for byte; exit 1 listing every
                     file that differs, is missing or should not be there
      --now TIME     build time (RFC 3339 with offset, e.g.
                     2024-09-05T12:00:00+08:00): the news sitemap's two days,
                     which embargoes have passed, the time of new versions;
                     default: $SOURCE_DATE_EPOCH (seconds since 1970) when set,
                     else the clock. --check uses the state's recorded time
                     instead (--now only when there is no state yet)
      --cache DIR    cache of unchanged articles (default: .syndicate-cache)
      --no-cache     build everything from scratch; the cache is not read or written
  -k, --keep-going   write the articles without errors and list those left out;
                     the exit code is still 1
      --reset-versions
                     start a new version history: ignore a missing or existing
                     versions state and give every article version 1
  -j, --workers N    worker threads for large builds (default: one per CPU)
  --outputs LIST     write only these (comma-separated; default all, or site.json
                     "outputs"): jsonld, head, page, rss, atom, jsonfeed,
                     sitemap, newsml, ninjs
      --verbose      also print what was reused, rebuilt and written, and timings
  -w, --watch        build, then build again on every change under the input
                     folder until Ctrl-C; a build with errors leaves the output
                     folder as the last good build and the watch goes on
      --serve        with --watch: also preview the output folder (as serve
                     does) and reload open pages after each build

Options of serve (and build --watch --serve):
  -p, --port N       port to listen on (default: 4000; 0 picks a free one)
      --host H       interface to listen on (default: 127.0.0.1, this machine
                     only; 0.0.0.0 shows the preview to the network)
  -o, --out DIR      the folder to preview (default: dist)
  -i, --input DIR    the index checks the outputs against DIR/site.json

Options of validate:
  -i, --input DIR    with --profile syndicate, check against DIR/site.json
                     (default: input/site.json when it exists). Without one, the
                     house rules that compare a file with the publication are
                     skipped: feed self links and JSON Feed feed_url against
                     feed.baseUrl, the site feeds' language, the feed item
                     limit. The consistency check across formats is never run:
                     it compares the files of one build.
                     A file in no format syndicate recognises is an error.
                     Every rule: docs/rules.md.
      --schemas DIR  also validate against official schemas found in DIR: the
                     IPTC NewsML-G2 XSD, the Atom RELAX NG (atom.rng), the IPTC
                     ninjs JSON Schema (needs the ajv package installed), the
                     schema.org vocabulary (schemaorg-current-https.jsonld)
      --profile P    standard (default): what each specification requires of
                     anyone's file, at the severity its reference tool gives it;
                     syndicate: also what syndicate promises of its own output
                     (the checks build runs)

Options of both:
      --format F     text (default), json (one JSON document on stdout) or
                     github (GitHub Actions annotations on stdout; the default
                     when GITHUB_ACTIONS=true). Text is coloured only on a
                     terminal, and never when NO_COLOR is set.
  -q, --quiet        print errors only
  -h, --help         show this help
  -v, --version      show the version

Exit codes: 0 success (warnings allowed), 1 content or validation errors (or,
with --check, differences), 2 usage or configuration errors.`;

/** The options each command accepts (besides --help and --version). */
const COMMAND_OPTIONS: Record<'build' | 'check' | 'validate' | 'serve', ReadonlySet<string>> = {
  build: new Set(['input', 'out', 'partner-out', 'state', 'now', 'cache', 'no-cache', 'reset-versions', 'keep-going', 'workers', 'outputs', 'quiet', 'verbose', 'format', 'watch', 'serve', 'port', 'host']),
  serve: new Set(['input', 'out', 'port', 'host', 'quiet']),
  check: new Set(['check', 'input', 'out', 'partner-out', 'state', 'now', 'reset-versions', 'outputs', 'quiet', 'format']),
  validate: new Set(['input', 'schemas', 'profile', 'quiet', 'format']),
};

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        input: { type: 'string', short: 'i' },
        out: { type: 'string', short: 'o' },
        'partner-out': { type: 'string' },
        state: { type: 'string' },
        now: { type: 'string' },
        cache: { type: 'string' },
        'no-cache': { type: 'boolean' },
        'reset-versions': { type: 'boolean' },
        'keep-going': { type: 'boolean', short: 'k' },
        workers: { type: 'string', short: 'j' },
        outputs: { type: 'string' },
        check: { type: 'boolean' },
        schemas: { type: 'string' },
        profile: { type: 'string' },
        format: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        verbose: { type: 'boolean' },
        watch: { type: 'boolean', short: 'w' },
        serve: { type: 'boolean' },
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usage(io, (error as Error).message);
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
  if (command !== 'build' && command !== 'validate' && command !== 'serve') {
    return usage(io, command === undefined ? 'missing command' : `unknown command or argument "${[command, ...rest].join(' ')}"`);
  }
  if ((command === 'build' || command === 'serve') && rest.length > 0) return usage(io, `unknown command or argument "${[command, ...rest].join(' ')}"`);
  const mode = command === 'validate' ? 'validate' : command === 'serve' ? 'serve' : values.check ? 'check' : 'build';
  const given = Object.keys(values).filter((key) => values[key as keyof typeof values] !== undefined);
  const foreign = given.filter((key) => !COMMAND_OPTIONS[mode].has(key));
  if (foreign.length > 0) {
    const what = mode === 'check' ? 'build --check' : mode;
    return usage(io, `${foreign.map((key) => `--${key}`).join(', ')} cannot be used with ${what}`);
  }
  const format = toReportFormat(values.format, io.env);
  if (!format.ok) return usage(io, format.message);
  if (values.quiet && values.verbose) {
    io.stderr('syndicate: --quiet and --verbose contradict each other; pick one');
    return EXIT.usage;
  }
  const log = values.quiet ? 'quiet' : values.verbose ? 'verbose' : 'normal';
  const reporter = createReporter(format.value, { stdout: io.stdout, stderr: io.stderr, colour: useColour(io.isTTY, io.env) });
  if (mode === 'validate') {
    if (rest.length === 0) return usage(io, 'validate needs the files or folders to check, e.g. syndicate validate dist');
    const profile = values.profile ?? 'standard';
    if (profile !== 'standard' && profile !== 'syndicate') return usage(io, `--profile "${profile}" is not one of standard, syndicate`);
    const { runValidate } = await import('./inspect/command.ts');
    return runValidate({ targets: rest, inputDir: values.input, schemasDir: values.schemas, profile, log, reporter }, io);
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!/^\d+$/.test(values.port ?? '') || port > 65535)) return usage(io, `--port "${values.port}" must be a whole number from 0 to 65535`);
  if (mode === 'build' && !values.watch && (values.serve || values.port !== undefined || values.host !== undefined)) {
    return usage(io, `${values.serve ? '--serve' : values.port !== undefined ? '--port' : '--host'} needs --watch (build --watch --serve), or run syndicate serve to preview the output folder as it is`);
  }
  if (!values.serve && mode === 'build' && (values.port !== undefined || values.host !== undefined)) return usage(io, '--port and --host need --serve');
  if (mode === 'serve') {
    const { runServe } = await import('./serve/command.ts');
    return runServe({ inputDir: values.input ?? 'input', outDir: values.out ?? 'dist', port, host: values.host, quiet: values.quiet ?? false }, io);
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
  const outputs = values.outputs === undefined ? undefined : readOutputsOption(values.outputs);
  if (outputs !== undefined && !outputs.ok) return usage(io, outputs.message);
  const { toDefaultPartnerDir, toDefaultStateFile } = await import('./pipeline/folders.ts');
  const inputDir = values.input ?? 'input';
  const outDir = values.out ?? 'dist';
  const request: BuildRequest = {
    inputDir,
    outDir,
    partnerDir: values['partner-out'] ?? toDefaultPartnerDir(outDir),
    stateFile: values.state ?? toDefaultStateFile(inputDir),
    now: now.value,
    cacheDir: values['no-cache'] ? undefined : (values.cache ?? '.syndicate-cache'),
    workers,
    outputs: outputs?.value,
    resetVersions: values['reset-versions'] ?? false,
    keepGoing: values['keep-going'] ?? false,
    log,
    reporter,
  };
  if (values.watch) {
    const { runWatch } = await import('./watch/command.ts');
    // Each build takes the time it runs at, unless --now or SOURCE_DATE_EPOCH fixes it.
    const fixed = values.now !== undefined || Boolean(io.env.SOURCE_DATE_EPOCH);
    const toNow = () => {
      const current = fixed ? now : toBuildTime(undefined, undefined, io.clock);
      return current.ok ? current.value : now.value;
    };
    const fresh = () => createReporter(format.value, { stdout: io.stdout, stderr: io.stderr, colour: useColour(io.isTTY, io.env) });
    return runWatch({ inputDir, outDir, stateFile: request.stateFile, cacheDir: request.cacheDir, serve: values.serve ? { port, host: values.host } : undefined, quiet: log === 'quiet' }, io, () => runBuild({ ...request, now: toNow(), reporter: fresh() }, io));
  }
  return mode === 'check' ? runCheck(request, io) : runBuild(request, io);
}

/** Reads a `--outputs` value (`page,rss`): the choices, or what is wrong with it. */
function readOutputsOption(value: string): { ok: true; value: OutputChoice[] } | { ok: false; message: string } {
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !(OUTPUT_CHOICES as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    const what = names.length === 0 ? 'names no output' : `names ${unknown.map((n) => `"${n}"`).join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not an output`;
    return { ok: false, message: `--outputs "${value}" ${what}; choose from ${OUTPUT_CHOICES.join(', ')} (comma-separated, e.g. --outputs page,rss)` };
  }
  return { ok: true, value: [...new Set(names as OutputChoice[])] };
}

function usage(io: CliIo, message: string): number {
  io.stderr(`syndicate: ${message}`);
  io.stderr("Run 'syndicate --help' for usage.");
  return EXIT.usage;
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
interface BuildRequest {
  inputDir: string;
  outDir: string;
  partnerDir: string;
  stateFile: string;
  now: string;
  cacheDir: string | undefined;
  workers: number | undefined;
  /** `--outputs`: replaces site.json's `outputs`. */
  outputs: OutputChoice[] | undefined;
  resetVersions: boolean;
  keepGoing: boolean;
  log: LogLevel;
  reporter: Reporter;
}

/** How much the CLI prints besides the report: errors only, the summary too, or timings as well. */
export type LogLevel = 'quiet' | 'normal' | 'verbose';

/**
 * Reads and validates `<input>/site.json`; on failure reports why and gives the exit code (2). The
 * same for `build`, `build --check` and `validate --input`.
 */
export async function loadSiteConfig(
  inputDir: string,
  io: Pick<CliIo, 'cwd' | 'stderr'>,
  reporter: Reporter,
  log: LogLevel,
  consequence = 'built',
  outputs?: OutputChoice[],
): Promise<{ config: SiteConfig; configPath: string } | { exit: number }> {
  const [{ readConfigText }, { readSiteConfig }] = await Promise.all([import('./io.ts'), import('./config.ts')]);
  const { configPath, configText } = await readConfigText(inputDir, io.cwd);
  if (configText === undefined) {
    const missing: Diagnostic = { file: configPath, severity: 'error', source: 'config', ruleId: 'missing-config', message: `no site configuration; create ${configPath} (see README "Configuration")` };
    reporter.report([missing]);
    reporter.finish({ configured: false });
    return { exit: EXIT.usage };
  }
  const { config, diagnostics } = readSiteConfig(configText, configPath);
  if (!config) {
    reportAll(diagnostics, reporter, log);
    if (log !== 'quiet') io.stderr(`syndicate: configuration invalid, nothing ${consequence} (${count(diagnostics.length, 'error')})`);
    reporter.finish({ configured: false });
    return { exit: EXIT.usage };
  }
  return { config: outputs === undefined ? config : { ...config, outputs }, configPath };
}

async function runBuild(request: BuildRequest, io: CliIo): Promise<number> {
  const { reporter, log } = request;
  const site = await loadSiteConfig(request.inputDir, io, reporter, log, 'built', request.outputs);
  if ('exit' in site) return site.exit;
  const [{ readToolVersion }, { buildProject }] = await Promise.all([import('./io.ts'), import('./project/build.ts')]);
  const progress = log === 'quiet' ? undefined : toProgressBar(io);
  let result;
  try {
    result = await buildProject({
      cwd: io.cwd,
      inputDir: request.inputDir,
      outDir: request.outDir,
      partnerDir: request.partnerDir,
      stateFile: request.stateFile,
      site: site.config,
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
  reportAll(result.diagnostics, reporter, log);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
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
      `syndicate: ${result.mode} build, ${count(result.reused, 'source')} reused from the cache, ${result.built} built ${result.workers > 0 ? `on ${count(result.workers, 'worker thread')}` : 'on the main thread'}`,
    );
    io.stderr(`syndicate: wall time list ${ms('list')}, articles ${ms('articles')}, feeds ${ms('feeds')}, write ${ms('write')}, cache ${ms('cache')}`);
    io.stderr(`syndicate: article CPU time read ${ms('read')}, emit ${ms('emit')}, validate ${ms('validate')}, consistency ${ms('consistency')}`);
  }
  if (errors > 0 && result.committed) {
    // --keep-going wrote the articles without errors: say which were left out, and still fail.
    if (log !== 'quiet') {
      for (const source of result.rejected) io.stderr(`syndicate: rejected ${source}`);
      io.stderr(`syndicate: ${read}, ${count(result.written, 'file')} written to ${request.outDir}, ${count(result.rejected.length, 'article')} rejected, ${count(errors, 'error')}, ${count(warnings, 'warning')}`);
    }
    return EXIT.content;
  }
  if (errors > 0) {
    if (log !== 'quiet') io.stderr(`syndicate: ${read}, 0 files written (${request.outDir} left unchanged), ${count(errors, 'error')}, ${count(warnings, 'warning')}`);
    return EXIT.content;
  }
  if (log !== 'quiet') {
    const unchanged = result.files + result.partnerFiles - result.written;
    const detail = [unchanged > 0 ? `${unchanged} unchanged` : '', result.removed > 0 ? `${result.removed} removed` : ''].filter(Boolean).join(', ');
    const where = result.partnerFiles > 0 ? `${request.outDir} and ${request.partnerDir}` : request.outDir;
    io.stderr(`syndicate: ${read}, ${count(result.written, 'file')} written to ${where}${detail ? ` (${detail})` : ''}, 0 errors, ${count(warnings, 'warning')}`);
    if (result.nextEmbargo !== undefined) io.stderr(`syndicate: next embargo lifts at ${result.nextEmbargo}; build again after it to publish what it holds`);
  }
  return EXIT.ok;
}

/**
 * `build --check`: the same build as `build` (the same input and versions state) made in memory with
 * {@link build} at the build time the state records (so a check minutes or days later, or on another
 * machine, rebuilds the same moment), and compared byte for byte with the public folder, the partner
 * folder and the state file, none of which is written. Every file that differs, is missing or is not
 * the build's own is an error.
 */
async function runCheck(request: BuildRequest, io: CliIo): Promise<number> {
  const { reporter, log } = request;
  const site = await loadSiteConfig(request.inputDir, io, reporter, log, 'built', request.outputs);
  if ('exit' in site) return site.exit;
  const [{ loadInput, readPreviousState, toDisplayPath }, { build }, { readOutputFolder }, { compareOutputs, toDifferenceDiagnostic }, { toRecordedBuildTime }, path] =
    await Promise.all([import('./io.ts'), import('./build.ts'), import('./inspect/files.ts'), import('./inspect/compare.ts'), import('./pipeline/state.ts'), import('node:path')]);
  const shown = (p: string) => toDisplayPath(path.resolve(io.cwd, p), io.cwd);
  const names = { out: shown(request.outDir), partner: shown(request.partnerDir), state: shown(request.stateFile) };
  const loaded = await loadInput(request.inputDir, io.cwd);
  const state = { ...readPreviousState(request.stateFile, request.outDir, io.cwd), reset: request.resetVersions };
  const now = toRecordedBuildTime(state) ?? request.now;
  const result = build(loaded.sources, site.config, { articlesPath: loaded.articlesPath, now, state, names });
  const found = sortDiagnostics([...(loaded.diagnostics ?? []), ...result.diagnostics]);
  const errors = found.filter((d) => d.severity === 'error').length;
  const summary = { command: 'build --check', articles: result.articles.length, outDir: names.out, partnerDir: names.partner, stateFile: names.state, builtAt: now };
  if (errors > 0) {
    reportAll(found, reporter, log);
    reporter.finish({ ...summary, checked: false, errors, warnings: found.length - errors });
    if (log !== 'quiet') io.stderr(`syndicate: ${count(result.articles.length, 'article')} read, ${count(errors, 'error')}: the build fails, so ${names.out} was not compared`);
    return EXIT.content;
  }
  // The state file is compared as the one file of its folder.
  const stateFolder = path.posix.dirname(names.state);
  const stateName = path.posix.basename(names.state);
  const stateBytes = state.text === undefined || state.legacy ? undefined : new TextEncoder().encode(state.text);
  const places = [
    { folder: names.out, expected: result.outputs, actual: await readOutputFolder(request.outDir, io.cwd) },
    { folder: names.partner, expected: result.partnerOutputs, actual: await readOutputFolder(request.partnerDir, io.cwd) },
    {
      folder: stateFolder,
      expected: result.state === undefined ? [] : [{ path: stateName, text: result.state, format: 'state' as const, sources: [] }],
      actual: new Map(stateBytes === undefined ? [] : [[stateName, stateBytes]]),
    },
  ];
  const differences = places.flatMap(({ folder, expected, actual }) => compareOutputs(expected, actual).map((d) => ({ folder, difference: d })));
  const all = [...found, ...differences.map(({ folder, difference }) => toDifferenceDiagnostic(difference, folder))];
  reportAll(all, reporter, log);
  const warnings = found.length;
  const compared = result.outputs.length + result.partnerOutputs.length + (result.state === undefined ? 0 : 1);
  reporter.finish({
    ...summary,
    files: compared,
    checked: true,
    differences: differences.map(({ folder, difference: d }) => ({ path: `${folder}/${d.path}`, difference: d.difference, ...(d.line === undefined ? {} : { line: d.line }) })),
    errors: differences.length,
    warnings,
  });
  if (differences.length === 0) {
    if (log !== 'quiet') io.stderr(`syndicate: ${names.out} is what the build writes at its recorded time ${now} (${count(compared, 'file')} compared), ${count(warnings, 'warning')}`);
    return EXIT.ok;
  }
  if (log !== 'quiet') {
    const kinds = (['changed', 'missing', 'extra'] as const).map((k) => [k, differences.filter((d) => d.difference.difference === k).length] as const).filter(([, n]) => n > 0);
    io.stderr(
      `syndicate: the committed output is not what the build writes at ${now}: ${count(differences.length, 'file')} ${differences.length === 1 ? 'differs' : 'differ'} (${kinds.map(([k, n]) => `${n} ${k}`).join(', ')}); run 'syndicate build --no-cache' and commit the result`,
    );
  }
  return EXIT.content;
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

/** Reports the diagnostics (errors only with --quiet). */
export function reportAll(diagnostics: readonly Diagnostic[], reporter: Reporter, log: LogLevel): void {
  reporter.report(log === 'quiet' ? diagnostics.filter((d) => d.severity === 'error') : diagnostics);
}

/** `1 file`, `2 files`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
