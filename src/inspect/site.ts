/** The publication settings `syndicate validate` checks files against when no site.json is given. */
import type { SiteConfig } from '../config.ts';
import type { Diagnostic } from '../diagnostics.ts';

/** The host of {@link NEUTRAL_SITE}'s URLs: `.invalid` is reserved and never resolves (RFC 2606 §2). */
const NEUTRAL_HOST = 'site.invalid';

/**
 * A stand-in publication for files whoever produced them, when no `site.json` is at hand. The format
 * rules do not depend on it; the few that compare a file with the publication cannot apply and are
 * dropped by {@link toNeutralFinding}: a feed's self link and JSON Feed `feed_url` against
 * `feed.baseUrl`, the feed's and the news sitemap's language against `language`, and the item limit `feed.limit`
 * (set here to the largest the configuration allows, so it never fires).
 */
export const NEUTRAL_SITE: SiteConfig = {
  name: 'Unknown publication',
  url: `https://${NEUTRAL_HOST}/`,
  language: 'en',
  timeZone: 'UTC',
  logo: { url: `https://${NEUTRAL_HOST}/logo.png`, width: 600, height: 60 },
  copyright: { holder: 'Unknown publication', notice: 'Unknown publication' },
  feed: { title: 'Unknown publication', description: 'Unknown publication', baseUrl: `https://${NEUTRAL_HOST}/`, limit: 10_000 },
  permalink: '/{id}',
  guidPrefix: `tag:${NEUTRAL_HOST},2024:`,
  newsml: { provider: { name: 'Unknown publication', uri: `https://${NEUTRAL_HOST}/` } },
  mediaTopics: {},
};

/** Findings that only compare the file with the publication's settings, recognised by rule and wording. */
const SITE_ONLY: readonly { ruleId: string; message: RegExp }[] = [
  // house/feeds.ts: the self link is present but is not feed.baseUrl + the file's path.
  { ruleId: 'self-link', message: /points to "/ },
  // house/feeds.ts: the feed names a language other than site.json "language".
  { ruleId: 'feed-language', message: /is not the publication's language/ },
  // jsonfeed.ts: feed_url is not feed.baseUrl + "feed.json".
  { ruleId: 'feed-url', message: /./ },
  // sitemap.ts: a valid Google News code that differs from site.json "language".
  { ruleId: 'news-language', message: /does not match the publication's language/ },
];

/**
 * A finding made with {@link NEUTRAL_SITE} as it should read without a site.json: undefined when the
 * rule only compares the file with the publication; otherwise the stand-in's URLs and language are
 * taken out of the message (a missing self link still says which link is needed, not which URL).
 */
export function toNeutralFinding(d: Diagnostic): Diagnostic | undefined {
  if (SITE_ONLY.some((rule) => rule.ruleId === d.ruleId && rule.message.test(d.message))) return undefined;
  const message = d.message
    .replace(new RegExp(`"https://${NEUTRAL_HOST.replace('.', '\\.')}/[^"]*"`, 'g'), '"<this feed\'s public URL>"')
    .replace(/ \(site\.json "language" "[^"]*" gives "[^"]*"\)/, '');
  return message === d.message ? d : { ...d, message };
}
