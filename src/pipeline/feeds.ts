/** The feeds' share of a build: which articles they list, and emitting and validating them. Pure. */
import type { SiteConfig } from '../config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { emitters } from '../emit/index.ts';
import type { Article } from '../model/article.ts';
import { toChosenFormats, type OutputFile, type OutputFormat } from '../model/output.ts';
import { checkConsistency, type ReferenceFacts, type StatedFacts } from '../validate/consistency.ts';
import { validateOutput } from '../validate/index.ts';
import { byPath, untimed, type StageTimer } from './article.ts';
import { toPlaced } from './folders.ts';

/** Formats built from many articles: the site and section feeds, JSON Feed, the news sitemap and the index page. */
export const FEED_FORMATS = ['rss', 'atom', 'jsonfeed', 'sitemap', 'index'] as const satisfies readonly OutputFormat[];

/** The feed files built from the selected articles, with their validation and consistency findings. */
export interface FeedsBuild {
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
}

/** What the feeds depend on besides the articles and the site. */
export interface FeedsContext {
  /** The build time (the news sitemap's window). */
  now: string;
  /** JSON-LD facts of the articles, which every item is checked against. */
  references: readonly ReferenceFacts[];
  /** The public output folder as diagnostics show it. */
  folder: string;
}

/**
 * Emits and validates every feed the site asks for from `articles` (the selection, newest first), checking what each
 * item states against the JSON-LD facts in `context.references`.
 */
export function buildFeeds(articles: readonly Article[], site: SiteConfig, context: FeedsContext, timed: StageTimer = untimed): FeedsBuild {
  const chosen = toChosenFormats(site);
  const outputs = timed('emit', () => FEED_FORMATS.filter((format) => chosen.has(format)).flatMap((format) => emitters[format](articles, site, { now: context.now })));
  outputs.sort(byPath);
  const diagnostics: Diagnostic[] = [];
  const stated: StatedFacts[] = [];
  timed('validate', () => {
    for (const output of outputs) {
      const checked = timed(`validate ${output.format}`, () => validateOutput(output, site));
      diagnostics.push(...checked.diagnostics);
      stated.push({ path: output.path, format: output.format, sources: output.sources, facts: checked.facts });
    }
  });
  diagnostics.push(...timed('consistency', () => checkConsistency(stated, context.references)));
  return { outputs, diagnostics: toPlaced(diagnostics, context.folder) };
}
