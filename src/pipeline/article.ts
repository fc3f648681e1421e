/** One article's share of a build: read it, emit its own files, validate them. Pure, and the unit workers and the cache deal in. */
import type { SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { emitJsonLd } from '../emit/jsonld.ts';
import { emitNewsml } from '../emit/newsml.ts';
import { emitNinjs } from '../emit/ninjs.ts';
import { emitHead } from '../emit/head.ts';
import { emitPage } from '../emit/page.ts';
import type { Article } from '../model/article.ts';
import type { OutputFile, OutputFormat, SourceFile, Validator } from '../model/output.ts';
import type { ManifestRecord } from '../model/manifest.ts';
import { readSource } from '../read/index.ts';
import { checkConsistency, toReferenceFacts, type ReferenceFacts } from '../validate/consistency.ts';
import { validateJsonLd } from '../validate/jsonld.ts';
import { validateNewsml } from '../validate/newsml.ts';
import { validateNinjs } from '../validate/ninjs.ts';
import { validateHead, validatePage } from '../validate/page.ts';
import { applyRevision, isListed, toRevision, type Revision } from './revision.ts';

/** Formats written once per article (`articles/<id>/…`); every other format is a feed built from many articles. */
export const ARTICLE_FORMATS = ['jsonld', 'newsml', 'ninjs', 'head', 'page'] as const satisfies readonly OutputFormat[];

/** Formats only a story on the web has: a withdrawn or embargoed story gets none of them (NewsML-G2 and ninjs say why). */
const WEB_FORMATS: ReadonlySet<(typeof ARTICLE_FORMATS)[number]> = new Set(['jsonld', 'head', 'page']);

// Imported one by one rather than through the registries so a worker (or a one-article rebuild) does
// not load the feed emitters and validators it never runs.
const articleEmitters = { jsonld: emitJsonLd, newsml: emitNewsml, ninjs: emitNinjs, head: emitHead, page: emitPage } as const;
const articleValidators: Record<(typeof ARTICLE_FORMATS)[number], Validator> = {
  jsonld: validateJsonLd,
  newsml: validateNewsml,
  ninjs: validateNinjs,
  head: validateHead,
  page: validatePage,
};

/** The stages of a build, in order; `profile` hooks receive their durations. */
export type BuildStage = 'read' | 'emit' | 'validate' | 'consistency';

/** Runs one stage, timing it when a profile is given. */
export type StageTimer = <T>(stage: BuildStage, run: () => T) => T;

/** A timer that only runs the stage. */
export const untimed: StageTimer = (_stage, run) => run();

/** What a feed needs to know about an article to decide whether it is listed: small, kept for every article. */
export interface ArticleSummary {
  id: string;
  source: string;
  datePublished: string;
  sections: string[];
  /** False for a withdrawn story and one still under embargo: no feed, sitemap or JSON-LD carries it. */
  listed: boolean;
}

/** What building one article depends on besides its source and the site: the build time and what was published before. */
export interface ArticleContext {
  /** The build time (RFC 3339 with offset). */
  now: string;
  /** The article's record in the previous manifest, by id. */
  previous: (id: string) => ManifestRecord | undefined;
}

/** The result of building one source file. */
export interface ArticleBuild {
  /** Path of the source file. */
  source: string;
  /** False when no reader handles the file's extension. */
  supported: boolean;
  /** The article as published (with its version), when it could be read. */
  article?: Article;
  /** Its version record, when it could be read. */
  revision?: Revision;
  /** The article's own files (JSON-LD, NewsML-G2, ninjs), sorted by path; empty when it could not be read. */
  outputs: OutputFile[];
  /** What reading the source found. */
  readDiagnostics: Diagnostic[];
  /** What validating the article's own files (and their consistency) found; reported only when the article is kept. */
  outputDiagnostics: Diagnostic[];
  /** What its JSON-LD states, for checking the feeds that carry it. */
  references: ReferenceFacts[];
}

/** Reads one source, emits the article's own files and validates them (with their consistency against the JSON-LD). */
export function buildArticle(file: SourceFile, site: SiteConfig, context: ArticleContext, timed: StageTimer = untimed): ArticleBuild {
  const result = timed('read', () => readSource(file, site));
  if (!result) {
    const unsupported = diagnostic('warning', file.path, 'build', 'unsupported-file', 'not an article format syndicate reads (.txt wire copy, .md Markdown); the file is ignored. Rename or move it');
    return { source: file.path, supported: false, outputs: [], readDiagnostics: [unsupported], outputDiagnostics: [], references: [] };
  }
  const readDiagnostics = result.diagnostics;
  if (!result.article) return { source: file.path, supported: true, outputs: [], readDiagnostics, outputDiagnostics: [], references: [] };
  const revision = toRevision(result.article, context.previous(result.article.id), context.now, site.timeZone);
  const article = applyRevision(result.article, revision);
  const diagnostics: Diagnostic[] = [];
  // A withdrawn or embargoed story is not on the web: no JSON-LD. Agencies still get NewsML-G2 and
  // ninjs, which say it is canceled or embargoed.
  const formats: readonly (typeof ARTICLE_FORMATS)[number][] = isListed(article, context.now) ? ARTICLE_FORMATS : ARTICLE_FORMATS.filter((format) => !WEB_FORMATS.has(format));
  const outputs = timed('emit', () => formats.flatMap((format) => articleEmitters[format]([article], site)));
  outputs.sort(byPath);
  timed('validate', () => {
    for (const output of outputs) diagnostics.push(...articleValidators[output.format as (typeof ARTICLE_FORMATS)[number]](output, site));
  });
  const references = timed('consistency', () => {
    // Without JSON-LD there is no reference to compare with.
    if (formats.includes('jsonld')) diagnostics.push(...checkConsistency(outputs, site));
    return toReferenceFacts(outputs, site);
  });
  return { source: file.path, supported: true, article, revision, outputs, readDiagnostics, outputDiagnostics: diagnostics, references };
}

/** The summary feeds select from. */
export function toArticleSummary(article: Article, now: string): ArticleSummary {
  return { id: article.id, source: article.source, datePublished: article.datePublished, sections: article.sections, listed: isListed(article, now) };
}

/** Orders output files by path (byte order, as the output folder is listed). */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
