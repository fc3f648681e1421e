import type { SiteConfig } from './config.ts';
import { hasErrors, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { compareArticles, type Article } from './model/article.ts';
import type { OutputFile, SourceFile } from './model/output.ts';
import { acceptArticles } from './pipeline/accept.ts';
import { buildArticle, byPath, untimed, type BuildStage, type StageTimer } from './pipeline/article.ts';
import { readManifest, toManifestFile, type PreviousManifest } from './pipeline/manifest.ts';
import { isListed, type Revision } from './pipeline/revision.ts';
import { validators } from './validate/index.ts';
import { buildFeeds } from './pipeline/feeds.ts';
import { checkPublicationDates } from './pipeline/schedule.ts';
import { selectFeedArticles } from './pipeline/select.ts';

export type { BuildStage } from './pipeline/article.ts';

/** What a build produced: the files to write (only meaningful without errors) and all diagnostics. */
export interface BuildResult {
  /** Articles read, newest first. */
  articles: Article[];
  /** Files to write under the output folder, sorted by path. */
  outputs: OutputFile[];
  /** Every finding, sorted by file and position. */
  diagnostics: Diagnostic[];
}

/** Options of a build. */
export interface BuildOptions {
  /** How the articles folder is named in diagnostics (default `input/articles`). */
  articlesPath?: string;
  /**
   * The build time, RFC 3339 with offset. Only the news sitemap ("articles of the last 2 days") depends
   * on it; the caller decides it (`--now`, `SOURCE_DATE_EPOCH` or the clock) so the build stays pure.
   */
  now: string;
  /**
   * Optional instrumentation for benchmarks: the build calls `record` with each stage's duration as
   * measured by the injected `clock` (the build itself never reads a clock).
   */
  profile?: { clock: () => number; record: (stage: BuildStage, ms: number) => void };
  /**
   * The previous `manifest.json` of the output folder, which carries every article's version across
   * builds. Default: none and no output yet (a first build: every article is version 1).
   */
  manifest?: PreviousManifest;
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
  const previous = readManifest(options.manifest ?? { outputsExist: false });
  const context = { now: options.now, previous: (id: string) => previous.records.get(id) };
  const parts = sources.map((file) => buildArticle(file, site, context, timed));
  const { accepted, diagnostics } = acceptArticles(
    parts.map((part) => ({ source: part.source, id: part.article?.id, failed: hasErrors(part.readDiagnostics) })),
    options.articlesPath ?? 'input/articles',
  );
  const kept = parts.filter((part) => part.article !== undefined && accepted.has(part.source));
  const articles = kept.map((part) => part.article as Article).sort(compareArticles);
  diagnostics.push(...previous.diagnostics);
  for (const part of parts) diagnostics.push(...part.readDiagnostics);
  for (const part of kept) diagnostics.push(...part.outputDiagnostics);
  const outputs = kept.flatMap((part) => part.outputs);
  const listed = articles.filter((article) => isListed(article, options.now));
  diagnostics.push(...checkPublicationDates(articles.map((a) => ({ source: a.source, datePublished: a.datePublished, listed: isListed(a, options.now) })), options.now));
  if (listed.length > 0) {
    const feeds = buildFeeds(
      selectFeedArticles(listed, site, options.now),
      site,
      options.now,
      kept.flatMap((part) => part.references),
      timed,
    );
    outputs.push(...feeds.outputs);
    diagnostics.push(...feeds.diagnostics);
  }
  if (articles.length > 0) {
    const manifest = toManifestFile(
      kept.map((part) => ({ revision: part.revision as Revision, files: part.outputs.map((o) => o.path) })),
      previous.records,
    );
    diagnostics.push(...manifest.diagnostics, ...validators.manifest(manifest.file, site));
    outputs.push(manifest.file);
  }
  if (profile) for (const [stage, ms] of totals) profile.record(stage, ms);
  return { articles, outputs: outputs.sort(byPath), diagnostics: sortDiagnostics(diagnostics) };
}
