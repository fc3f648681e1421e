/**
 * Building a project folder: the CLI's build. The same steps as the in-memory {@link build}
 * (buildArticle per source, then buildFeeds) with what a large archive needs around them: a cache of
 * what each source gave, worker threads for the sources that changed, articles kept on disk rather
 * than in memory, and output written through a staging folder.
 */
import { requireArgument, requireSite, requireStringOption } from '../arguments.ts';
import { isRecord } from '../validate/standard/jsonld/json.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_MAX_ARTICLE_BYTES, type SiteConfig } from '../config.ts';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import { toSeverityPolicy } from '../report/severity.ts';
import { toRecentArticles } from '../emit/scopes.ts';
import { toSkippedFeatureWarnings } from '../features.ts';
import {
  acquireOutputLock,
  commitStagedChanges,
  discardStaging,
  listSources,
  toArticlesDir,
  toConfigFile,
  readCodeFingerprint,
  readPreviousState,
  readSourceBytes,
  recoverOutputs,
  removeOutputFolder,
  swapInStaging,
  toDisplayPath,
  toStagingDir,
  writeStagedFiles,
  writeStateFile,
  type ListedSource,
} from '../io.ts';
import { acceptParts, toBuildRecords } from '../pipeline/assemble.ts';
import type { ArticleContext, BuildStage } from '../pipeline/article.ts';
import { toDefaultPartnerDir, toDefaultStateFile, toFolderNames, toPlaced } from '../pipeline/folders.ts';
import { selectFeedArticles } from '../pipeline/select.ts';
import { readState, toInputRelative } from '../pipeline/state.ts';
import {
  CACHE_FORMAT,
  hashFeedInput,
  hashSource,
  hashText,
  prepareStore,
  removeStored,
  readCacheIndex,
  toCacheDirs,
  toCacheKey,
  writeCacheIndex,
  type CacheEntry,
  type CacheIndex,
  type FeedsEntry,
  type OutputStamp,
} from './cache.ts';
import { loadArticles, restageKept } from './articles.ts';
import { countOutputs, outputsMatch, toOutputChanges, type OutputChanges } from './outputs.ts';
import type { JobPlaces, JobResult, SourceJob } from './process.ts';
import { loadHeavy } from './lazy.ts';
import { isCurrent } from './reuse.ts';
import { forgetUnchanged, readUnchanged, toDecisionHorizon, writeUnchanged } from './unchanged.ts';
import { isWithin } from '../paths.ts';

/** Sources per batch sent to a worker: small enough to balance the load, large enough to keep messages few. */
const BATCH = 32;

/** Options of a project build. */
export interface ProjectBuildOptions {
  /** Working directory that relative paths are resolved against (and shown relative to). */
  cwd: string;
  /** Input folder (holding `site.json` and `articles/`), relative to `cwd`. */
  inputDir: string;
  /** The articles folder, relative to `cwd` (default: site.json's `articles`, relative to site.json's folder, else `<inputDir>/articles`). */
  articlesDir?: string | undefined;
  /** Public output folder, relative to `cwd`: safe to deploy at any time. */
  outDir: string;
  /** Partner folder (embargoed stories, withdrawal notices), relative to `cwd` (default: `<outDir>-partners`). */
  partnerDir?: string | undefined;
  /** The versions state file, relative to `cwd` (default: `<inputDir>/versions.json`). */
  stateFile?: string | undefined;
  /** The validated site configuration. */
  site: SiteConfig;
  /** The tool's version: part of the cache key, so an upgrade rebuilds everything. */
  toolVersion: string;
  /** The build time (RFC 3339 with offset), decided by the CLI. */
  now: string;
  /** Cache folder relative to `cwd`; undefined for a build without a persistent cache. */
  cacheDir?: string | undefined;
  /** Worker threads to use when there is enough to build (default: the machine's available parallelism). */
  workers?: number | undefined;
  /** Fewer sources to build than this are built on the main thread, as starting workers would cost more (default 64). */
  parallelThreshold?: number | undefined;
  /** The worker script (default: the compiled `worker.js` beside this module). */
  workerScript?: URL | undefined;
  /** `--keep-going`: write the articles without errors, leave out (and list) those with errors; the result still has the errors. */
  keepGoing?: boolean | undefined;
  /** `--reset-versions`: ignore a missing or previous state and start every version at 1. */
  resetVersions?: boolean | undefined;
  /** site.json as shown in diagnostics about it (default `<inputDir>/site.json`). */
  configPath?: string | undefined;
  /** Called as sources are done, for a progress bar. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** What a project build did. */
export interface ProjectBuildResult {
  /** Articles in the output. */
  articles: number;
  /** Files the public output folder holds after the build (unchanged when there were errors). */
  files: number;
  /** Files the partner folder holds after the build. */
  partnerFiles: number;
  /** Files written or replaced, and files deleted, by this build (both folders). */
  written: number;
  removed: number;
  /** True when the state file was written. */
  stateWritten: boolean;
  /** The earliest embargo still in force at the build time, when a story is held. */
  nextEmbargo?: string | undefined;
  /** Every finding, sorted by file and position (cached findings are reported again). */
  diagnostics: Diagnostic[];
  /** `clean` when the output folders were built from scratch, `incremental` when the cache was used. */
  mode: 'clean' | 'incremental';
  /** Sources taken from the cache, and sources built. */
  reused: number;
  built: number;
  /** Worker threads started (0: everything ran on the main thread). */
  workers: number;
  /** Sources left out because of their own errors (`keepGoing`), sorted. */
  rejected: string[];
  /** True when the folders now hold this build's result (false: errors stopped it, nothing was written). */
  committed: boolean;
  /** True when nothing had changed since the last build: its outcome was reported again without reading the cache index. */
  unchanged: boolean;
  /** What was done to finish or undo an interrupted earlier build. */
  recovered: string[];
  /** Wall time per phase and summed CPU time per stage, in ms, for `--verbose` and the benchmark. */
  timings: Record<string, number>;
}

/** Builds the project's output folders, reusing the cache for unchanged sources. Never writes a partial output folder. */
export async function buildProject(options: ProjectBuildOptions): Promise<ProjectBuildResult> {
  const call = 'buildProject(options)';
  requireArgument(isRecord(options), call, 'options', 'an object: { cwd, inputDir, outDir, site, toolVersion, now, … }', options);
  const given = options as unknown as Record<string, unknown>;
  for (const [key, example] of [['cwd', 'process.cwd()'], ['inputDir', '"input"'], ['outDir', '"dist"'], ['toolVersion', '"0.1.0"'], ['now', '"2024-09-05T12:00:00Z"']] as const) {
    requireStringOption(call, given, key, example);
  }
  for (const [key, example] of [['articlesDir', '"input/stories"'], ['partnerDir', '"dist-partners"'], ['stateFile', '"input/versions.json"'], ['cacheDir', '".syndicate-cache"'], ['configPath', '"input/site.json"']] as const) {
    if (given[key] !== undefined) requireStringOption(call, given, key, example);
  }
  requireSite(call, 'options.site', options.site);
  const partnerDir = options.partnerDir ?? toDefaultPartnerDir(options.outDir);
  const places = toBuildPlaces(options, partnerDir);
  const conflict = checkPlaces(places, options.cwd);
  if (conflict) return { ...emptyResult(), diagnostics: [conflict] };
  const locks = [];
  for (const dir of [options.outDir, partnerDir]) {
    const lock = acquireOutputLock(dir, options.cwd);
    if (!lock.ok) {
      for (const held of locks) held.release();
      const busy = diagnostic('error', dir, 'build', 'output-locked', `another build (process ${lock.holder}) is writing this output folder; wait for it to finish, or run the builds one after another`);
      return { ...emptyResult(), diagnostics: [busy] };
    }
    locks.push(lock);
  }
  try {
    return await buildLocked(options, partnerDir, places);
  } finally {
    for (const lock of locks) lock.release();
  }
}

function emptyResult(): ProjectBuildResult {
  return { articles: 0, files: 0, partnerFiles: 0, written: 0, removed: 0, stateWritten: false, diagnostics: [], mode: 'clean', reused: 0, built: 0, workers: 0, rejected: [], committed: false, unchanged: false, recovered: [], timings: {} };
}

/** Where a project build reads and writes, as absolute paths. */
interface BuildPlaces {
  input: string;
  /** The option, else site.json's `articles` (relative to site.json), else `<input>/articles`. */
  articles: string;
  config: string;
  public: string;
  partner: string;
  state: string;
}

function toBuildPlaces(options: ProjectBuildOptions, partnerDir: string): BuildPlaces {
  const { cwd, inputDir } = options;
  return {
    input: path.resolve(cwd, inputDir),
    articles: toArticlesDir(cwd, inputDir, { articlesDir: options.articlesDir, configured: options.site.articles, configPath: options.configPath }),
    config: toConfigFile(cwd, inputDir, options.configPath),
    public: path.resolve(cwd, options.outDir),
    partner: path.resolve(cwd, partnerDir),
    state: path.resolve(cwd, options.stateFile ?? toDefaultStateFile(inputDir)),
  };
}

/**
 * The public folder, the partner folder, the input and articles folders and the state file must be
 * apart: a partner folder inside the public one would publish embargoed text, and an output folder
 * over the input or the articles would replace them.
 */
function checkPlaces(places: BuildPlaces, cwd: string): Diagnostic | undefined {
  const { public: out, partner, input, articles, state } = places;
  const shown = (p: string) => toDisplayPath(p, cwd);
  const clash = (file: string, message: string) => diagnostic('error', file, 'build', 'output-overlap', message);
  if (isWithin(partner, out) || isWithin(out, partner)) return clash(shown(partner), `the partner folder and the output folder ${shown(out)} overlap; partners' files must never be deployed with the public folder: choose a partner folder beside it (--partner-out)`);
  for (const [dir, what] of [[out, 'output folder'], [partner, 'partner folder']] as const) {
    if (isWithin(input, dir) || isWithin(dir, input)) return clash(shown(dir), `the ${what} and the input folder ${shown(input)} overlap; a build replaces its output folders, so keep them apart`);
    if (isWithin(state, dir)) return clash(shown(state), `the versions state lies in the ${what} ${shown(dir)}: build state must never be published; keep it elsewhere (--state)`);
    if (isWithin(articles, dir) || isWithin(dir, articles)) return clash(shown(dir), `the ${what} and the articles folder ${shown(articles)} overlap; a build replaces its output folders, so keep them apart`);
  }
  return undefined;
}

async function buildLocked(options: ProjectBuildOptions, partnerDir: string, where: BuildPlaces): Promise<ProjectBuildResult> {
  const { cwd, site, now } = options;
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (phase: string) => {
    const t = performance.now();
    timings[phase] = (timings[phase] ?? 0) + t - mark;
    mark = t;
  };
  const recovered = [...(await recoverOutputs(options.outDir, cwd)), ...(await recoverOutputs(partnerDir, cwd))];
  const absolute = { public: where.public, partner: where.partner, state: where.state };
  // site.json and the state are the build's own files, never articles, even in an articles folder that holds them.
  const listed = await listSources(options.inputDir, cwd, { articlesDir: where.articles, skip: [where.config, where.state] });
  const { articlesPath, sources, diagnostics: inputDiagnostics } = listed;
  const { folders, places: statePlaces } = toFolderNames(articlesPath, {
    input: toDisplayPath(where.input, cwd),
    out: toDisplayPath(absolute.public, cwd),
    partner: toDisplayPath(absolute.partner, cwd),
    state: toDisplayPath(absolute.state, cwd),
  });
  const persistent = options.cacheDir !== undefined;
  const dirs = toCacheDirs(persistent ? path.resolve(cwd, options.cacheDir as string) : mkdtempSync(path.join(tmpdir(), 'syndicate-cache-')));
  // Without a persistent cache no index is read or written, so the tool's code is not hashed either.
  const key = persistent ? toCacheKey(`${options.toolVersion}+${await readCodeFingerprint()}`, site, { ...absolute, ...folders, state: statePlaces.statePath }) : '';
  if (persistent && !options.resetVersions && recovered.length === 0 && inputDiagnostics.length === 0) {
    const unchanged = readUnchanged(dirs, key, sources, now);
    if (unchanged) {
      lap('list');
      const { diagnostics, ...counts } = unchanged;
      // The last build's findings as it found them, under today's site.json "rules".
      return { ...emptyResult(), ...counts, diagnostics: sortDiagnostics(toSeverityPolicy(site.rules)(diagnostics)), mode: 'incremental', reused: sources.length, committed: true, unchanged: true, timings };
    }
    forgetUnchanged(dirs);
  }
  const found = readPreviousState(where.state, options.outDir, cwd);
  let prior = persistent ? readCacheIndex(dirs, key) : undefined;
  if (prior && (found.legacy || !outputsMatch(prior.index, absolute, found.text))) prior = undefined;
  // The state this tool wrote and validated last time (outputsMatch compared it with the hash in the
  // cache index) is not checked against its schema again: on a large archive that is most of a no-op rebuild.
  const trusted = prior !== undefined;
  const previous = readState({ ...found, reset: options.resetVersions }, statePlaces, trusted);
  const context: ArticleContext = { now, previous: (id) => previous.records.get(id), folders };
  const mode = prior ? 'incremental' : 'clean';
  const staging = { public: toStagingDir(options.outDir, cwd), partner: toStagingDir(partnerDir, cwd) };
  const places: JobPlaces = { staging: staging.public, partnerStaging: staging.partner, cache: dirs };
  const threshold = options.parallelThreshold ?? 64;
  const workerCount = (jobs: number) => Math.max(1, Math.min(options.workers ?? availableParallelism(), Math.ceil(jobs / BATCH)));
  const startPool = async (jobs: number) => new (await import('./pool.ts')).WorkerPool(workerCount(jobs), { site, places, now, previous: [...previous.records.values()], folders }, options.workerScript);
  // A clean build builds every source: its workers start now and load their code while the old store
  // is moved aside and the staging folders are cleared.
  let pool = !prior && sources.length >= threshold ? await startPool(sources.length) : undefined;
  let oldStoreGone: Promise<void> = Promise.resolve();
  try {
    oldStoreGone = prepareStore(dirs, !prior);
    await Promise.all([discardStaging(staging.public), discardStaging(staging.partner)]);
  } catch (error) {
    await pool?.close();
    throw error;
  }
  lap('list');

  try {
    // Sources whose stat stamp is unchanged (and not modified as late as the index) are taken as they are.
    const entries = new Map<string, CacheEntry>();
    const candidates: ListedSource[] = [];
    for (const source of sources) {
      const old = prior?.index.entries[source.path];
      if (old && prior && old.stamp === source.stamp && source.mtimeMs < prior.writtenAtMs && isCurrent(old, context)) entries.set(source.path, old);
      else candidates.push(source);
    }
    const reusedByStamp = entries.size;
    const total = sources.length;
    let done = reusedByStamp;
    options.onProgress?.(done, total);

    const limit = site.limits?.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
    pool ??= candidates.length >= threshold ? await startPool(candidates.length) : undefined;
    // Loaded only when something is to be built: a no-op rebuild never loads the readers and emitters.
    const processLocally = pool || candidates.length === 0 ? undefined : (await loadHeavy()).processSource;
    const cpu: Partial<Record<BuildStage, number>> = {};
    const collect = (results: JobResult[]) => {
      for (const { path: source, entry, timings: t } of results) {
        entries.set(source, entry);
        for (const [stage, ms] of Object.entries(t) as [BuildStage, number][]) cpu[stage] = (cpu[stage] ?? 0) + ms;
      }
      done += results.length;
      options.onProgress?.(done, total);
    };
    const pending: Promise<void>[] = [];
    let built = 0;
    try {
      for (let i = 0; i < candidates.length; i += BATCH) {
        const batch = candidates.slice(i, i + BATCH);
        const jobs: SourceJob[] = [];
        await Promise.all(
          batch.map(async (source) => {
            // A file over the size limit is not read: it is refused by its size (a stray multi-gigabyte export costs nothing).
            const oversize = source.size > limit;
            const bytes = oversize ? new Uint8Array(0) : await readSourceBytes(source.absolute);
            const hash = hashSource(source.path, oversize ? new TextEncoder().encode(`oversize ${source.stamp}`) : bytes);
            const old = prior?.index.entries[source.path];
            if (old && old.hash === hash && isCurrent(old, context)) entries.set(source.path, { ...old, stamp: source.stamp });
            else jobs.push({ path: source.path, hash, stamp: source.stamp, bytes, ...(oversize ? { size: source.size } : {}) });
          }),
        );
        done += batch.length - jobs.length;
        built += jobs.length;
        if (jobs.length === 0) continue;
        if (pool) pending.push(pool.run(jobs).then(collect));
        else collect(jobs.map((job) => (processLocally as NonNullable<typeof processLocally>)(job, site, context, places)));
      }
      await Promise.all(pending);
    } finally {
      await pool?.close();
    }
    lap('articles');
    Object.assign(timings, cpu);

    // The same decisions as the in-memory build, on the entries.
    const ordered = sources.map((s) => ({ source: s, entry: entries.get(s.path) as CacheEntry }));
    const { kept: keptParts, diagnostics, dated } = acceptParts(
      ordered.map(({ source, entry }) => ({
        source: source.path,
        readDiagnostics: entry.readDiagnostics,
        outputDiagnostics: entry.outputDiagnostics,
        story: entry.summary && entry.revision && entry.placement ? { summary: entry.summary, revision: entry.revision, placement: entry.placement, partnerFiles: entry.partnerOutputs.map(([file]) => file) } : undefined,
        entry,
      })),
      { articlesPath, now, previousDiagnostics: [...inputDiagnostics, ...previous.diagnostics] },
    );
    const accepted = new Set(keptParts.map((part) => part.source));
    let kept = keptParts.map((part) => part.entry as Built);
    // --keep-going: sources with errors of their own, and every source sharing an id with another, are
    // left out (and listed); their findings do not stop the build. Anything else (feeds, state,
    // configuration) still does.
    // site.json "rules", applied to the findings as found (the cache keeps those), before any decision.
    const policy = toSeverityPolicy(site.rules);
    const rejected = new Set<string>();
    const excused = new Set<Diagnostic>();
    if (options.keepGoing) {
      const duplicates = new Set(diagnostics.filter((d) => d.ruleId === 'duplicate-id').map((d) => d.file));
      for (const { source, entry } of ordered) {
        const own = policy([...entry.readDiagnostics, ...(accepted.has(source.path) ? [...entry.outputDiagnostics, ...dated.filter((d) => d.file === source.path)] : [])]);
        if (!duplicates.has(source.path) && !own.some((d) => d.severity === 'error')) continue;
        rejected.add(source.path);
        for (const d of own) excused.add(d);
        const why = diagnostic('error', source.path, 'build', 'rejected-article', 'left out of this build (--keep-going) because of its errors, reported with it; the other articles were written. Fix them and build again');
        excused.add(why);
        diagnostics.push(why);
      }
      for (const d of diagnostics) if (d.ruleId === 'duplicate-id') excused.add(d);
      kept = kept.filter((entry) => !rejected.has(entry.summary.source));
    }

    let feeds: FeedsEntry | undefined;
    const listed = kept.filter((entry) => entry.placement === 'public');
    if (listed.length > 0) {
      const summaries = listed.map((entry) => ({ ...entry.summary, hash: entry.hash }));
      const selection = selectFeedArticles(summaries, site, now);
      const recent = toRecentArticles(summaries, Date.parse(now)).map((s) => s.source);
      const feedKey = hashFeedInput(selection, recent);
      if (prior?.index.feeds?.key === feedKey) {
        feeds = prior.index.feeds;
      } else {
        const stored = await loadArticles(selection, dirs, site, sources, context);
        const { buildFeeds } = await loadHeavy();
        const made = buildFeeds(
          stored.map((s) => s.article),
          site,
          { now, references: stored.flatMap((s) => s.references), folder: folders.public },
        );
        writeStagedFiles(staging.public, made.outputs);
        feeds = { key: feedKey, outputs: made.outputs.map((o): OutputStamp => [o.path, hashText(o.text)]), diagnostics: made.diagnostics };
      }
      diagnostics.push(...feeds.diagnostics);
    }

    // Every source as last time (same paths, same hashes), each with the record the state holds.
    const sameSources = prior !== undefined && built === 0 && Object.keys(prior.index.entries).length === total && rejected.size === 0;
    const { validateOutput } = await loadHeavy();
    const records = toBuildRecords(
      keptParts.filter((part) => !rejected.has(part.source)).map((part) => part.story),
      {
        now,
        previous,
        places: statePlaces,
        folders,
        rejected: new Set([...rejected].map((source) => toInputRelative(source, folders.input))),
        // The same records at the same build time: the state would be the same bytes.
        sameState: (builtAt) => trusted && sameSources && builtAt === previous.builtAt && prior?.index.state !== undefined,
        validate: (file) => validateOutput(file, site).diagnostics,
      },
    );
    diagnostics.push(...records.diagnostics);
    let partnerIndex: OutputStamp | undefined;
    if (records.partnerIndex) {
      partnerIndex = [records.partnerIndex.path, hashText(records.partnerIndex.text)];
      if (prior?.index.partnerIndex?.[1] !== partnerIndex[1]) writeStagedFiles(staging.partner, [records.partnerIndex]);
    }
    let stateText: string | undefined;
    let stateHash: string | undefined;
    if (records.state !== undefined) {
      stateHash = hashText(records.state);
      if (found.text === undefined || found.legacy || hashText(found.text) !== stateHash) stateText = records.state;
    } else if (kept.length > 0) {
      stateHash = prior?.index.state;
    }
    const nextEmbargo = records.nextEmbargo;
    lap('feeds');

    // The features site.json leaves out, said on every build (a no-op replays them with the outcome);
    // among the findings as found, so site.json "rules" applies to them before the write decision.
    diagnostics.push(...toSkippedFeatureWarnings(site, options.configPath ?? toDisplayPath(where.config, cwd)));
    const asFound = sortDiagnostics(diagnostics);
    const sorted = policy(asFound);
    const result: ProjectBuildResult = {
      ...emptyResult(),
      articles: kept.length,
      nextEmbargo,
      diagnostics: sorted,
      mode,
      reused: total - built,
      built,
      workers: pool?.size ?? 0,
      recovered,
      timings,
    };
    if (sorted.some((d) => d.severity === 'error' && !excused.has(d)) || kept.length === 0) {
      await Promise.all([discardStaging(staging.public), discardStaging(staging.partner)]);
      result.files = prior ? countOutputs(prior.index, 'public') : 0;
      result.partnerFiles = prior ? countOutputs(prior.index, 'partner') : 0;
      lap('write');
      return result;
    }
    result.rejected = [...rejected].sort();
    if (rejected.size > 0) await restageKept(ordered, rejected, kept, site, context, places);

    const next: CacheIndex = {
      format: CACHE_FORMAT,
      key,
      entries: {},
      ...(feeds ? { feeds } : {}),
      ...(partnerIndex ? { partnerIndex } : {}),
      ...(stateHash ? { state: stateHash } : {}),
    };
    // Rejected sources are not cached: their files are not in the output folders.
    for (const { source, entry } of ordered) if (!rejected.has(source.path)) next.entries[source.path] = entry;
    result.files = countOutputs(next, 'public');
    result.partnerFiles = countOutputs(next, 'partner');
    // The state goes first: a build killed after it is repeated exactly by the next one (same versions,
    // same times), while folders written before their state could be written again with other versions.
    if (stateText !== undefined) {
      writeStateFile(where.state, cwd, stateText);
      result.stateWritten = true;
    }
    const sameOutputs = sameSources && feeds === prior?.index.feeds && partnerIndex?.[1] === prior?.index.partnerIndex?.[1];
    // The partner folder before the public one: a withdrawal notice reaches partners no later than the web changes.
    for (const folder of ['partner', 'public'] as const) {
      const dir = folder === 'public' ? options.outDir : partnerDir;
      const changes = await commitFolder(dir, cwd, staging[folder], countOutputs(next, folder), prior && !sameOutputs ? toOutputChanges(prior.index, next, folder) : prior ? 'same' : undefined);
      result.written += changes.written;
      result.removed += changes.removed;
    }
    result.committed = true;
    lap('write');
    // A no-op rebuild (every source matched by its stamp as well, so no stamp to update) leaves the index as it is.
    const unchanged = sameOutputs && reusedByStamp === total && stateText === undefined;
    if (persistent && !unchanged) {
      writeCacheIndex(dirs, next);
      // Stored articles of sources that changed or went away are no longer referenced.
      const live = new Set(Object.values(next.entries).map((e) => e.hash));
      if (prior) removeStored(dirs, Object.values(prior.index.entries).map((e) => e.hash).filter((hash) => !live.has(hash)));
    }
    // A build with nothing to report against it leaves what the next one needs to know it has nothing to do.
    if (persistent && rejected.size === 0 && !sorted.some((d) => d.severity === 'error')) {
      const checked = [absolute.state, ...(feeds?.outputs ?? []).map(([file]) => path.join(absolute.public, ...file.split('/')))];
      if (partnerIndex) checked.push(path.join(absolute.partner, ...partnerIndex[0].split('/')));
      writeUnchanged(dirs, {
        key,
        sources,
        now,
        until: toDecisionHorizon(kept.map((entry) => ({ datePublished: entry.summary.datePublished, embargo: entry.revision.embargo })), now),
        files: checked,
        outcome: { articles: result.articles, files: result.files, partnerFiles: result.partnerFiles, nextEmbargo: result.nextEmbargo, diagnostics: asFound },
      });
    }
    lap('cache');
    return result;
  } catch (error) {
    await Promise.all([discardStaging(staging.public), discardStaging(staging.partner)]);
    throw error;
  } finally {
    // A failed deletion of the old store costs only disk space: the next clean build deletes it again.
    await oldStoreGone.catch(() => undefined);
    if (!persistent) rmSync(dirs.root, { recursive: true, force: true });
  }
}

/** A kept entry: read and built, so its summary, revision and placement are known. */
type Built = CacheEntry & Required<Pick<CacheEntry, 'summary' | 'revision' | 'placement'>>;

/**
 * Puts one folder's staged files in place. `changes` are the files to write and delete (undefined: a
 * clean build, the staging folder replaces the folder whole; `'same'`: nothing changed); `files` is how
 * many the folder holds afterwards. A folder left with no files is removed (the partner folder once
 * nothing is held).
 */
async function commitFolder(dir: string, cwd: string, staging: string, files: number, changes: OutputChanges | 'same' | undefined): Promise<{ written: number; removed: number }> {
  if (changes === 'same') {
    await discardStaging(staging);
    return { written: 0, removed: 0 };
  }
  if (changes === undefined) {
    if (files === 0) {
      await discardStaging(staging);
      await removeOutputFolder(dir, cwd);
      return { written: 0, removed: 0 };
    }
    await swapInStaging(dir, cwd, staging);
    return { written: files, removed: 0 };
  }
  const { changed, removed } = changes;
  if (changed.length > 0 || removed.length > 0) await commitStagedChanges(dir, cwd, staging, changed, removed);
  else await discardStaging(staging);
  if (files === 0) await removeOutputFolder(dir, cwd);
  return { written: changed.length, removed: removed.length };
}
