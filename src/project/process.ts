/** One source file's work in a project build, the same on a worker thread or the main thread. */
import { performance } from 'node:perf_hooks';
import type { SiteConfig } from '../config.ts';
import { hasErrors } from '../diagnostics.ts';
import { writeStagedFiles } from '../io.ts';
import { buildArticle, toArticleSummary, type ArticleContext, type BuildStage, type StageTimer } from '../pipeline/article.ts';
import { hashText, writeStoredArticle, type CacheDirs, type CacheEntry } from './cache.ts';

/** A source file to build: its path, content hash, stat stamp and bytes. */
export interface SourceJob {
  path: string;
  hash: string;
  stamp: string;
  bytes: Uint8Array;
  /** The file's size, when `bytes` is empty because it is over the size limit (see SourceFile.size). */
  size?: number;
}

/** What building one source gave: its cache entry, and the time spent per stage (for `--verbose` and the benchmark). */
export interface JobResult {
  /** The source's path. */
  path: string;
  entry: CacheEntry;
  timings: Partial<Record<BuildStage, number>>;
}

/** Where a build puts what it makes: the staging folders of the two output folders, and the cache for articles. */
export interface JobPlaces {
  /** Staging folder of the public output folder. */
  staging: string;
  /** Staging folder of the partner folder. */
  partnerStaging: string;
  cache: CacheDirs;
}

/**
 * Builds one source: reads it, emits and validates the article's own files, writes them to the staging
 * folders and the article to the cache's store, and returns the entry that describes it all.
 */
export function processSource(job: SourceJob, site: SiteConfig, context: ArticleContext, places: JobPlaces): JobResult {
  const timings: Partial<Record<BuildStage, number>> = {};
  // Instrumentation only: durations never reach an output.
  const timed: StageTimer = (stage, run) => {
    const start = performance.now();
    try {
      return run();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - start;
    }
  };
  const built = buildArticle({ path: job.path, bytes: job.bytes, ...(job.size !== undefined ? { size: job.size } : {}) }, site, context, timed);
  const entry: CacheEntry = {
    hash: job.hash,
    stamp: job.stamp,
    supported: built.supported,
    failed: hasErrors(built.readDiagnostics),
    readDiagnostics: built.readDiagnostics,
    outputDiagnostics: built.outputDiagnostics,
    outputs: built.outputs.map((o) => [o.path, hashText(o.text)]),
    partnerOutputs: built.partnerOutputs.map((o) => [o.path, hashText(o.text)]),
  };
  if (built.article) {
    entry.summary = toArticleSummary(built.article, context.now);
    if (built.revision) entry.revision = built.revision;
    if (built.placement) entry.placement = built.placement;
    writeStagedFiles(places.staging, built.outputs);
    writeStagedFiles(places.partnerStaging, built.partnerOutputs);
    writeStoredArticle(places.cache, job.hash, { article: built.article, references: built.references });
  }
  return { path: job.path, entry, timings };
}
