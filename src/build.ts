import type { SiteConfig } from './config.ts';
import { diagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.ts';
import { emitters } from './emit/index.ts';
import { compareArticles, type Article } from './model/article.ts';
import type { OutputFile, OutputFormat, SourceFile } from './model/output.ts';
import { readSource } from './read/index.ts';
import { checkConsistency } from './validate/consistency.ts';
import { validators } from './validate/index.ts';

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
}

/** The stages a build goes through, in order. */
export type BuildStage = 'read' | 'emit' | 'validate' | 'consistency';

/**
 * Reads every source, emits every format and validates every output. Pure: no filesystem, no clock.
 * Outputs are produced even when reading found errors in some articles, so that all problems are
 * reported in one run; the caller must not write them when the result has errors.
 */
export function build(sources: readonly SourceFile[], site: SiteConfig, options: BuildOptions): BuildResult {
  const articlesPath = options.articlesPath ?? 'input/articles';
  const timed = <T>(stage: BuildStage, run: () => T): T => {
    if (!options.profile) return run();
    const start = options.profile.clock();
    const result = run();
    options.profile.record(stage, options.profile.clock() - start);
    return result;
  };
  const diagnostics: Diagnostic[] = [];
  const articles: Article[] = [];
  const byId = new Map<string, Article>();
  const read = timed('read', () => sources.map((file) => ({ file, result: readSource(file, site) })));
  for (const { file, result } of read) {
    if (!result) {
      diagnostics.push(diagnostic('warning', file.path, 'build', 'unsupported-file', 'not an article format syndicate reads (.txt wire copy, .md Markdown); the file is ignored. Rename or move it'));
      continue;
    }
    diagnostics.push(...result.diagnostics);
    const article = result.article;
    if (!article) continue;
    const clash = byId.get(article.id);
    if (clash) {
      diagnostics.push(
        diagnostic('error', file.path, 'build', 'duplicate-id', `article id "${article.id}" is already used by ${clash.source}; ids must be unique: rename one file or set a different \`id:\` in its front matter`),
      );
      continue;
    }
    byId.set(article.id, article);
    articles.push(article);
  }
  articles.sort(compareArticles);
  if (articles.length === 0 && sources.length > 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(diagnostic('error', articlesPath, 'build', 'no-articles', 'no article could be read; add .txt or .md articles to the articles folder'));
  }
  if (sources.length === 0) {
    diagnostics.push(diagnostic('error', articlesPath, 'build', 'no-articles', 'the articles folder holds no files; add .txt or .md articles to it'));
  }
  const context = { now: options.now };
  const formats = Object.keys(emitters) as OutputFormat[];
  const outputs = timed('emit', () => (articles.length === 0 ? [] : formats.flatMap((format) => emitters[format](articles, site, context))));
  outputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  timed('validate', () => {
    for (const output of outputs) diagnostics.push(...validators[output.format](output, site));
  });
  diagnostics.push(...timed('consistency', () => checkConsistency(outputs, site)));
  return { articles, outputs, diagnostics: sortDiagnostics(diagnostics) };
}
