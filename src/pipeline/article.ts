/** One article's share of a build: read it, emit its own files, validate them. Pure, and the unit workers and the cache deal in. */
import type { SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { emitJsonLd } from '../emit/jsonld.ts';
import { emitNewsml } from '../emit/newsml.ts';
import { emitNinjs } from '../emit/ninjs.ts';
import type { Article } from '../model/article.ts';
import type { OutputFile, OutputFormat, SourceFile, Validator } from '../model/output.ts';
import { readSource } from '../read/index.ts';
import { checkConsistency, toReferenceFacts, type ReferenceFacts } from '../validate/consistency.ts';
import { validateJsonLd } from '../validate/jsonld.ts';
import { validateNewsml } from '../validate/newsml.ts';
import { validateNinjs } from '../validate/ninjs.ts';

/** Formats written once per article (`articles/<id>/…`); every other format is a feed built from many articles. */
export const ARTICLE_FORMATS = ['jsonld', 'newsml', 'ninjs'] as const satisfies readonly OutputFormat[];

// Imported one by one rather than through the registries so a worker (or a one-article rebuild) does
// not load the feed emitters and validators it never runs.
const articleEmitters = { jsonld: emitJsonLd, newsml: emitNewsml, ninjs: emitNinjs } as const;
const articleValidators: Record<(typeof ARTICLE_FORMATS)[number], Validator> = { jsonld: validateJsonLd, newsml: validateNewsml, ninjs: validateNinjs };

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
}

/** The result of building one source file. */
export interface ArticleBuild {
  /** Path of the source file. */
  source: string;
  /** False when no reader handles the file's extension. */
  supported: boolean;
  /** The article, when it could be read. */
  article?: Article;
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
export function buildArticle(file: SourceFile, site: SiteConfig, timed: StageTimer = untimed): ArticleBuild {
  const result = timed('read', () => readSource(file, site));
  if (!result) {
    const unsupported = diagnostic('warning', file.path, 'build', 'unsupported-file', 'not an article format syndicate reads (.txt wire copy, .md Markdown); the file is ignored. Rename or move it');
    return { source: file.path, supported: false, outputs: [], readDiagnostics: [unsupported], outputDiagnostics: [], references: [] };
  }
  const readDiagnostics = result.diagnostics;
  const article = result.article;
  if (!article) return { source: file.path, supported: true, outputs: [], readDiagnostics, outputDiagnostics: [], references: [] };
  const diagnostics: Diagnostic[] = [];
  const outputs = timed('emit', () => ARTICLE_FORMATS.flatMap((format) => articleEmitters[format]([article], site)));
  outputs.sort(byPath);
  timed('validate', () => {
    for (const output of outputs) diagnostics.push(...articleValidators[output.format as (typeof ARTICLE_FORMATS)[number]](output, site));
  });
  const references = timed('consistency', () => {
    diagnostics.push(...checkConsistency(outputs, site));
    return toReferenceFacts(outputs, site);
  });
  return { source: file.path, supported: true, article, outputs, readDiagnostics, outputDiagnostics: diagnostics, references };
}

/** The summary feeds select from. */
export function toArticleSummary(article: Article): ArticleSummary {
  return { id: article.id, source: article.source, datePublished: article.datePublished, sections: article.sections };
}

/** Orders output files by path (byte order, as the output folder is listed). */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
