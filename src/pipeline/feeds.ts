/** The feeds' share of a build: which articles they list, and emitting and validating them. Pure. */
import type { SiteConfig } from '../config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { emitters } from '../emit/index.ts';
import type { Article } from '../model/article.ts';
import type { OutputFile, OutputFormat } from '../model/output.ts';
import { checkConsistency, type ReferenceFacts } from '../validate/consistency.ts';
import { validators } from '../validate/index.ts';
import { byPath, untimed, type StageTimer } from './article.ts';

/** Formats built from many articles: the site and section feeds, JSON Feed, the news sitemap and the index page. */
export const FEED_FORMATS = ['rss', 'atom', 'jsonfeed', 'sitemap', 'index'] as const satisfies readonly OutputFormat[];

/** The feed files built from the selected articles, with their validation and consistency findings. */
export interface FeedsBuild {
  outputs: OutputFile[];
  diagnostics: Diagnostic[];
}

/**
 * Emits and validates every feed from `articles` (the selection, newest first), checking what each
 * item states against the JSON-LD facts in `references`.
 */
export function buildFeeds(
  articles: readonly Article[],
  site: SiteConfig,
  now: string,
  references: readonly ReferenceFacts[],
  timed: StageTimer = untimed,
): FeedsBuild {
  const outputs = timed('emit', () => FEED_FORMATS.flatMap((format) => emitters[format](articles, site, { now })));
  outputs.sort(byPath);
  const diagnostics: Diagnostic[] = [];
  timed('validate', () => {
    for (const output of outputs) diagnostics.push(...validators[output.format](output, site));
  });
  diagnostics.push(...timed('consistency', () => checkConsistency(outputs, site, references)));
  return { outputs, diagnostics };
}
