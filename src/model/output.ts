import type { Diagnostic } from '../diagnostics.ts';
import type { SiteConfig } from '../config.ts';
import type { Article } from './article.ts';

/**
 * The output formats the build writes. The HTML ones: `head` is `articles/<id>/head.html` (the head
 * snippet), `page` is `articles/<id>/index.html` (the article page), `index` is `index.html`.
 */
export type OutputFormat = 'jsonld' | 'rss' | 'atom' | 'newsml' | 'jsonfeed' | 'sitemap' | 'ninjs' | 'state' | 'partners' | 'head' | 'page' | 'index';

/**
 * The formats emitters write from articles. The build writes the other two from its records: `state`
 * (the versions state, outside the output folders) and `partners` (the partner folder's index).
 */
export type EmittedFormat = Exclude<OutputFormat, 'state' | 'partners'>;

/**
 * What a site can choose to write (site.json `outputs`, `--outputs`), as Hugo's `outputs` does: the
 * article's JSON-LD, head snippet and page, the three feeds, the news sitemap, NewsML-G2 and ninjs.
 * `page` includes the home page (`index.html`), which lists the article pages.
 */
export const OUTPUT_CHOICES = ['jsonld', 'head', 'page', 'rss', 'atom', 'jsonfeed', 'sitemap', 'newsml', 'ninjs'] as const;

/** One of {@link OUTPUT_CHOICES}. */
export type OutputChoice = (typeof OUTPUT_CHOICES)[number];

/** The emitted formats the site asked for (all by default) and can write; `page` brings the home page (`index`) with it. */
export function toChosenFormats(site: Pick<SiteConfig, 'outputs' | 'newsml'>): ReadonlySet<EmittedFormat> {
  const chosen: readonly OutputChoice[] = site.outputs ?? OUTPUT_CHOICES;
  const formats = new Set<EmittedFormat>(chosen);
  // NewsML-G2 requires a provider (itemMeta/provider), which is never guessed: without one it is skipped (src/features.ts warns).
  if (site.newsml === undefined) formats.delete('newsml');
  if (formats.has('page')) formats.add('index');
  return formats;
}

/** A source file handed to the readers: its path relative to the project, and its raw bytes. */
export interface SourceFile {
  /** Path relative to the project root, with `/` separators (`input/articles/a.txt`). */
  path: string;
  /** The file's bytes; readers decode and normalise them. */
  bytes: Uint8Array;
  /**
   * The file's size, when `bytes` does not hold the whole file: a file over the size limit is not read
   * at all (its bytes are empty), and is refused by size.
   */
  size?: number;
}

/** One file the build will write under the output folder. */
export interface OutputFile {
  /** Path relative to the output folder, with `/` separators (`articles/a/newsml.xml`). */
  path: string;
  /** Complete file contents. */
  text: string;
  /** Which format it is, which picks its validator. */
  format: OutputFormat;
  /** Source files of the articles it carries (for diagnostics). */
  sources: string[];
}

/** What an emitter may know besides the articles and the site: the build time, passed in, never read from a clock. */
export interface EmitContext {
  /**
   * The build time as RFC 3339 (`--now`, `SOURCE_DATE_EPOCH`, else the clock, decided by the CLI).
   * Only the news sitemap may depend on it ("articles of the last 2 days"); every other output must not.
   */
  now: string;
}

/**
 * A pure emitter: articles in (already sorted newest first), files out. No clock, no I/O. The build
 * always passes `context`; emitters that do not depend on time simply ignore it.
 */
export type Emitter = (articles: readonly Article[], site: SiteConfig, context?: EmitContext) => OutputFile[];

/** A validator: checks one output file against the format's own schema and rules. */
export type Validator = (file: OutputFile, site: SiteConfig) => Diagnostic[];
