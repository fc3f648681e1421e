import type { SiteConfig } from './config.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { compareArticles, type Article } from './model/article.ts';
import type { OutputFile, SourceFile } from './model/output.ts';
import { acceptArticles } from './pipeline/accept.ts';
import { buildArticle, byPath, toPlaced, untimed, type ArticleBuild, type BuildStage, type StageTimer } from './pipeline/article.ts';
import { buildFeeds } from './pipeline/feeds.ts';
import { toFolderNames, type OutputNames } from './pipeline/folders.ts';
import { toNextEmbargo, toPartnerIndex } from './pipeline/partners.ts';
import type { Revision } from './pipeline/revision.ts';
import { checkPublicationDates } from './pipeline/schedule.ts';
import { selectFeedArticles } from './pipeline/select.ts';
import { readState, toBuiltAt, toStateFile, type PreviousState } from './pipeline/state.ts';
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
}

/**
 * Reads every source, emits every format and validates every output, in memory. Pure: no filesystem,
 * no clock. Outputs are produced even when reading found errors in some articles, so that all problems
 * are reported in one run; the caller must not write them when the result has errors. The CLI builds
 * the same files from the same two steps ({@link buildArticle}, {@link buildFeeds}) with a cache and
 * worker threads.
 */
export function build(sources: readonly SourceFile[], site: SiteConfig, options: BuildOptions): BuildResult {
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
  const parts = sources.map((file) => buildArticle(file, site, context, timed));
  const { accepted, diagnostics } = acceptArticles(
    parts.map((part) => ({ source: part.source, id: part.article?.id, failed: hasErrors(part.readDiagnostics) })),
    articlesPath,
  );
  const kept = parts.filter((part): part is Kept => part.article !== undefined && accepted.has(part.source));
  const articles = kept.map((part) => part.article).sort(compareArticles);
  diagnostics.push(...previous.diagnostics);
  for (const part of parts) diagnostics.push(...part.readDiagnostics);
  for (const part of kept) diagnostics.push(...part.outputDiagnostics);
  const outputs = kept.flatMap((part) => part.outputs);
  const partnerOutputs = kept.flatMap((part) => part.partnerOutputs);
  const onWeb = new Set(kept.filter((part) => part.placement === 'public').map((part) => part.article));
  const listed = articles.filter((article) => onWeb.has(article));
  diagnostics.push(...checkPublicationDates(kept.map((part) => ({ source: part.source, datePublished: part.article.datePublished, listed: part.placement === 'public' })), options.now));
  if (listed.length > 0) {
    const references = kept.flatMap((part) => part.references);
    const feeds = buildFeeds(selectFeedArticles(listed, site, options.now), site, { now: options.now, references, folder: folders.public }, timed);
    outputs.push(...feeds.outputs);
    diagnostics.push(...feeds.diagnostics);
  }
  const index = toPartnerIndex(
    kept.flatMap((part) => (part.placement === 'public' ? [] : [{ revision: part.revision, placement: part.placement, files: part.partnerOutputs.map((o) => o.path) }])),
  );
  if (index) {
    partnerOutputs.push(index);
    diagnostics.push(...toPlaced(validateOutput(index, site).diagnostics, folders.partner));
  }
  let state: string | undefined;
  if (kept.length > 0) {
    const builtAt = toBuiltAt(previous.builtAt, options.now, articles);
    const next = toStateFile(kept.map((part) => part.revision), previous.records, builtAt, places);
    diagnostics.push(...next.diagnostics, ...validateOutput({ path: places.statePath, format: 'state', text: next.text, sources: [] }, site).diagnostics);
    state = next.text;
  }
  const nextEmbargo = toNextEmbargo(articles, options.now);
  if (profile) for (const [stage, ms] of totals) profile.record(stage, ms);
  return {
    articles,
    outputs: outputs.sort(byPath),
    partnerOutputs: partnerOutputs.sort(byPath),
    ...(state !== undefined ? { state } : {}),
    ...(nextEmbargo !== undefined ? { nextEmbargo } : {}),
    diagnostics: sortDiagnostics(diagnostics),
  };
}

/** A source that was read and kept: everything about it is known. */
type Kept = ArticleBuild & Required<Pick<ArticleBuild, 'article' | 'revision' | 'placement'>>;
