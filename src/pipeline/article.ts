/** One article's share of a build: read it, emit its own files, validate them. Pure, and the unit workers and the cache deal in. */
import type { SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { emitArticleFiles, type ArticleFormat } from '../emit/articlefiles.ts';
import type { Article } from '../model/article.ts';
import { toChosenFormats, type OutputFile, type OutputFormat, type SourceFile } from '../model/output.ts';
import type { StateRecord } from '../model/state.ts';
import { readSource } from '../read/index.ts';
import { checkConsistency, toReferenceFacts, type ReferenceFacts, type StatedFacts } from '../validate/consistency.ts';
import { validateOutput, type PageReference } from '../validate/index.ts';
import { toPlaced } from './folders.ts';
import { applyRevision, isListed, toPlacement, toRevision, type Placement, type Revision } from './revision.ts';
import { toInputRelative } from './state.ts';

/** Formats written once per article (`articles/<id>/…`); every other format is a feed built from many articles. */
export const ARTICLE_FORMATS = ['jsonld', 'newsml', 'ninjs', 'head', 'page'] as const satisfies readonly ArticleFormat[];

/** Formats a partner receives for a story that is not on the web: an embargoed story, or a withdrawal notice. */
const PARTNER_FORMATS = ['newsml', 'ninjs'] as const satisfies readonly (typeof ARTICLE_FORMATS)[number][];


/**
 * The stages of a build, in order; `profile` hooks receive their durations. `validate <format>` splits the
 * `validate` stage by the format of the file checked (for the benchmark's per-format figures).
 */
export type BuildStage = 'read' | 'emit' | 'validate' | 'consistency' | `validate ${OutputFormat}`;

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
  /** The story's BCP 47 language: which language feed lists it. */
  language: string;
  /** False for a withdrawn story and one still under embargo: no feed, sitemap or JSON-LD carries it. */
  listed: boolean;
}

/** How the build names the input and output folders: in the state's source paths and in diagnostics. */
export interface FolderNames {
  /** The input folder as shown (`input`); the state's source paths are relative to it. */
  input: string;
  /** The public output folder as shown (`dist`). */
  public: string;
  /** The partner folder as shown (`dist-partners`). */
  partner: string;
}

/** What building one article depends on besides its source and the site: the build time, what was published before, and the folders. */
export interface ArticleContext {
  /** The build time (RFC 3339 with offset). */
  now: string;
  /** The article's record in the previous state, by id. */
  previous: (id: string) => StateRecord | undefined;
  /** The folders, as diagnostics show them. */
  folders: FolderNames;
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
  /** Where its files go at this build time, when it could be read. */
  placement?: Placement;
  /** The article's files in the public output folder, sorted by path. */
  outputs: OutputFile[];
  /** Its files in the partner folder (an embargoed story, a withdrawal notice), sorted by path. */
  partnerOutputs: OutputFile[];
  /** What reading the source found. */
  readDiagnostics: Diagnostic[];
  /** What validating the article's own files (and their consistency) found; reported only when the article is kept. */
  outputDiagnostics: Diagnostic[];
  /** What its JSON-LD states, for checking the feeds that carry it. */
  references: ReferenceFacts[];
}

/**
 * The article as the public folder carries it: without its embargo time, which is partners' business
 * (a passed embargo tells readers nothing, and an embargo time is never published).
 */
export function toPublicArticle(article: Article): Article {
  if (article.embargo === undefined) return article;
  const { embargo: _embargo, ...rest } = article;
  return rest;
}

/**
 * Reads one source, emits the article's own files and validates them (with their consistency against
 * the JSON-LD). A story on the web gets every article format in the public folder; an embargoed story
 * gets NewsML-G2 and ninjs in the partner folder only; a withdrawn one gets withdrawal notices there,
 * and in the public folder too when it had been public.
 */
export function buildArticle(file: SourceFile, site: SiteConfig, context: ArticleContext, timed: StageTimer = untimed): ArticleBuild {
  const result = timed('read', () => readSource(file, site));
  const empty = { outputs: [], partnerOutputs: [], outputDiagnostics: [], references: [] };
  if (!result) {
    const unsupported = diagnostic('warning', file.path, 'build', 'unsupported-file', 'not an article format syndicate reads (.txt wire copy, .md Markdown); the file is ignored. Rename or move it');
    return { source: file.path, supported: false, readDiagnostics: [unsupported], ...empty };
  }
  const readDiagnostics = result.diagnostics;
  if (!result.article) return { source: file.path, supported: true, readDiagnostics, ...empty };
  const source = toInputRelative(file.path, context.folders.input);
  const revision = toRevision(result.article, context.previous(result.article.id), context.now, site.timeZone ?? 'UTC', source);
  const article = applyRevision(result.article, revision);
  const placement = toPlacement(article, context.now);
  const chosen = toChosenFormats(site);
  const publicFormats = ARTICLE_FORMATS.filter((format) => chosen.has(format));
  // The head snippet and the page embed the article's JSON-LD: when they are written without
  // article.jsonld, it is still made and validated (their block must equal it), but not written.
  const embedsOnly = !chosen.has('jsonld') && (chosen.has('head') || chosen.has('page'));
  // emitArticleFiles imports the five article emitters only, so a worker (or a one-article rebuild) does
  // not load the feed emitters it never runs; it builds the JSON-LD once for the JSON-LD, head and page.
  const emit = (formats: readonly ArticleFormat[], from: Article) => emitArticleFiles(formats, from, site).sort(byPath);
  const { outputs, partnerOutputs, embedded } = timed('emit', (): { outputs: OutputFile[]; partnerOutputs: OutputFile[]; embedded: OutputFile[] } => {
    if (placement === 'public') {
      const made = emit(embedsOnly ? ['jsonld', ...publicFormats] : publicFormats, toPublicArticle(article));
      if (!embedsOnly) return { outputs: made, partnerOutputs: [], embedded: [] };
      return { outputs: made.filter((file) => file.format !== 'jsonld'), partnerOutputs: [], embedded: made.filter((file) => file.format === 'jsonld') };
    }
    const held = emit(PARTNER_FORMATS.filter((format) => chosen.has(format)), placement === 'withdrawn' ? toPublicArticle(article) : article);
    // A withdrawal notice carries no text: readers who saw the story on the web get it where they saw it.
    return { outputs: placement === 'withdrawn' && revision.public ? held : [], partnerOutputs: held, embedded: [] };
  });
  const diagnostics: Diagnostic[] = [];
  const stated: StatedFacts[] = [];
  timed('validate', () => {
    for (const [files, folder, isPublic] of [[[...embedded, ...outputs], context.folders.public, true], [partnerOutputs, context.folders.partner, false]] as const) {
      // The JSON-LD first: the head snippet and the page are checked against it (their block must equal it).
      let reference: PageReference | undefined;
      for (const output of [...files].sort(jsonLdFirst)) {
        const checked = timed(`validate ${output.format}`, () => validateOutput(output, site, reference));
        if (output.format === 'jsonld') reference = { jsonLd: output.text, facts: checked.facts };
        const found = embedded.includes(output) ? toEmbedded(checked.diagnostics, output.path, chosen) : checked.diagnostics;
        diagnostics.push(...toPlaced(found, folder));
        if (isPublic) stated.push({ path: output.path, format: output.format, sources: output.sources, facts: checked.facts });
      }
    }
  });
  const references = timed('consistency', () => {
    // Only a story on the web has JSON-LD, the reference every other format is compared with.
    if (placement !== 'public') return [];
    diagnostics.push(...toPlaced(checkConsistency(stated), context.folders.public));
    return toReferenceFacts(stated);
  });
  return { source: file.path, supported: true, article, revision, placement, outputs, partnerOutputs, readDiagnostics, outputDiagnostics: diagnostics, references };
}

/**
 * Findings in a JSON-LD that is embedded but not written (`outputs` without `jsonld`) are about the
 * pages that carry it: named by the page (or the head snippet), without a position in a file that does
 * not exist.
 */
function toEmbedded(diagnostics: readonly Diagnostic[], jsonLdPath: string, chosen: ReadonlySet<string>): Diagnostic[] {
  const carrier = jsonLdPath.replace(/article\.jsonld$/, chosen.has('page') ? 'index.html' : 'head.html');
  return diagnostics.map(({ line: _line, column: _column, ...rest }) => ({ ...rest, file: carrier, message: `${rest.message} (in the JSON-LD the page embeds)` }));
}

function jsonLdFirst(a: OutputFile, b: OutputFile): number {
  return Number(b.format === 'jsonld') - Number(a.format === 'jsonld');
}

/** The summary feeds select from. */
export function toArticleSummary(article: Article, now: string): ArticleSummary {
  return { id: article.id, source: article.source, datePublished: article.datePublished, sections: article.sections, language: article.language, listed: isListed(article, now) };
}

/** Orders output files by path (byte order, as the output folder is listed). */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
