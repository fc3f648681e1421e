import { requireArgument, requireSite, requireStringOption } from './arguments.ts';
import { isRecord } from './validate/standard/jsonld/json.ts';
import type { SiteConfig } from './config.ts';
import { sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { toSkippedFeatureWarnings } from './features.ts';
import { applyRuleSettings } from './report/severity.ts';
import { compareArticles, type Article } from './model/article.ts';
import type { OutputFile, SourceFile } from './model/output.ts';
import { acceptParts, toBuildRecords, type AssemblyPart } from './pipeline/assemble.ts';
import { buildArticle, byPath, toArticleSummary, untimed, type ArticleBuild, type BuildStage, type StageTimer } from './pipeline/article.ts';
import { buildFeeds } from './pipeline/feeds.ts';
import { toFolderNames, type OutputNames } from './pipeline/folders.ts';
import { selectFeedArticles } from './pipeline/select.ts';
import { readState, type PreviousState } from './pipeline/state.ts';
import { validateOutput } from './validate/index.ts';

export type { BuildStage } from './pipeline/article.ts';

/** What a build produced: the files to write (only meaningful without errors) and all diagnostics. */
export interface BuildResult {
  /** Articles read and kept, newest first. */
  articles: Article[];
  /** Files to write under the public output folder, sorted by path: safe to deploy at any time. */
  outputs: OutputFile[];
  /** Files to write under the partner folder (embargoed stories, withdrawal notices, its index), sorted by path; empty when nothing is held. */
  partnerOutputs: OutputFile[];
  /** The next versions state, the text of the state file; undefined when no article was built. */
  state?: string;
  /** The earliest embargo still in force at the build time, when a story is held. */
  nextEmbargo?: string;
  /** Every finding, sorted by file and position. */
  diagnostics: Diagnostic[];
}

/** Options of a build. */
export interface BuildOptions {
  /** How the articles folder is named in diagnostics (default `input/articles`); its parent is the input folder. */
  articlesPath?: string;
  /**
   * The build time, RFC 3339 with offset. The news sitemap ("articles of the last 2 days") and
   * embargoes depend on it, and it times new versions; the caller decides it (`--now`,
   * `SOURCE_DATE_EPOCH`, the clock, or for `build --check` the state's `builtAt`) so the build stays pure.
   */
  now: string;
  /**
   * Optional instrumentation for benchmarks: the build calls `record` with each stage's duration as
   * measured by the injected `clock` (the build itself never reads a clock).
   */
  profile?: { clock: () => number; record: (stage: BuildStage, ms: number) => void };
  /**
   * The previous versions state, which carries every article's version across builds. Default: none
   * and no output yet (a first build: every article is version 1).
   */
  state?: PreviousState;
  /** How the output folders and the state file are named in diagnostics (default `dist`, `dist-partners`, `<input>/versions.json`). */
  names?: OutputNames;
  /** How site.json is named in diagnostics about it (default `<input>/site.json`, beside the articles folder). */
  configPath?: string;
}

/**
 * Reads every source, emits every format and validates every output, in memory. Pure: no filesystem,
 * no clock. Outputs are produced even when reading found errors in some articles, so that all problems
 * are reported in one run; the caller must not write them when the result has errors. The CLI builds
 * the same files from the same two steps ({@link buildArticle}, {@link buildFeeds}) with a cache and
 * worker threads.
 */
export function build(sources: readonly SourceFile[], site: SiteConfig, options: BuildOptions): BuildResult {
  const call = 'build(sources, site, options)';
  requireArgument(Array.isArray(sources) && sources.every((s) => isRecord(s) && typeof s.path === 'string' && s.bytes instanceof Uint8Array), call, 'sources', 'an array of { path, bytes } source files (loadInput gives them)', sources);
  requireSite(call, 'site', site);
  requireArgument(isRecord(options), call, 'options', 'an object with at least the build time, e.g. { now: "2024-09-05T12:00:00Z" }', options);
  requireStringOption(call, options as unknown as Record<string, unknown>, 'now', '"2024-09-05T12:00:00Z"');
  const totals = new Map<BuildStage, number>();
  const profile = options.profile;
  const timed: StageTimer = profile
    ? (stage, run) => {
        const start = profile.clock();
        try {
          return run();
        } finally {
          totals.set(stage, (totals.get(stage) ?? 0) + profile.clock() - start);
        }
      }
    : untimed;
  const articlesPath = options.articlesPath ?? 'input/articles';
  const { folders, places } = toFolderNames(articlesPath, options.names);
  const previous = readState(options.state ?? { outputsExist: false }, places);
  const context = { now: options.now, previous: (id: string) => previous.records.get(id), folders };
  const parts = sources.map((file) => toAssemblyPart(buildArticle(file, site, context, timed), options.now));
  const { kept, diagnostics } = acceptParts(parts, { articlesPath, now: options.now, previousDiagnostics: previous.diagnostics });
  diagnostics.push(...toSkippedFeatureWarnings(site, options.configPath ?? `${articlesPath.replace(/\/?[^/]*$/, '') || '.'}/site.json`));
  const articles = kept.map((part) => part.built.article).sort(compareArticles);
  const outputs = kept.flatMap((part) => part.built.outputs);
  const partnerOutputs = kept.flatMap((part) => part.built.partnerOutputs);
  const onWeb = new Set(kept.filter((part) => part.story.placement === 'public').map((part) => part.built.article));
  const listed = articles.filter((article) => onWeb.has(article));
  if (listed.length > 0) {
    const references = kept.flatMap((part) => part.built.references);
    const feeds = buildFeeds(selectFeedArticles(listed, site, options.now), site, { now: options.now, references, folder: folders.public }, timed);
    outputs.push(...feeds.outputs);
    diagnostics.push(...feeds.diagnostics);
  }
  const records = toBuildRecords(
    kept.map((part) => part.story),
    { now: options.now, previous, places, folders, validate: (file) => validateOutput(file, site).diagnostics },
  );
  if (records.partnerIndex) partnerOutputs.push(records.partnerIndex);
  diagnostics.push(...records.diagnostics);
  const { state, nextEmbargo } = records;
  if (profile) for (const [stage, ms] of totals) profile.record(stage, ms);
  return {
    articles,
    outputs: outputs.sort(byPath),
    partnerOutputs: partnerOutputs.sort(byPath),
    ...(state !== undefined ? { state } : {}),
    ...(nextEmbargo !== undefined ? { nextEmbargo } : {}),
    // site.json "rules": warnings turned off or made errors, here as in buildProject.
    diagnostics: sortDiagnostics(applyRuleSettings(diagnostics, site.rules)),
  };
}

/** One source's build as the assembly sees it, with the build itself beside it. */
interface BuiltPart extends AssemblyPart {
  built: ArticleBuild & { article: Article };
}

function toAssemblyPart(built: ArticleBuild, now: string): BuiltPart {
  const { article, revision, placement } = built;
  const story =
    article && revision && placement
      ? { summary: toArticleSummary(article, now), revision, placement, partnerFiles: built.partnerOutputs.map((o) => o.path) }
      : undefined;
  return { source: built.source, readDiagnostics: built.readDiagnostics, outputDiagnostics: built.outputDiagnostics, story, built: built as BuiltPart['built'] };
}
