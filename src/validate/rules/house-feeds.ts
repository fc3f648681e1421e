/** What syndicate promises of its RSS and Atom feeds beyond RSS 2.0, RFC 4287 and the W3C Feed Validation Service. */
import { defineRules, type Rule } from '../rule.ts';
import { FEED_RULES } from './feeds.ts';

const feeds = ['rss', 'atom'] as const;
const STANDARDS = 'standards.md "RSS 2.0 and Atom 1.0"';

/** The house rules of syndicate's feeds. */
export const HOUSE_FEED_RULES = defineRules([
  { id: 'self-link', layer: 'house', severity: 'error', formats: feeds, summary: 'Exactly one self link, the first atom:link of an RSS channel, pointing at the URL the file is served at (site.json feed.baseUrl + its path), with its feed type', w3c: ['SelfDoesntMatchLocation', 'SelfNotAtom'], reference: `${STANDARDS} §1` },
  { id: 'feed-updated', layer: 'house', severity: 'error', formats: feeds, summary: "The feed is dated (RSS lastBuildDate, Atom updated), by its newest item's last change", reference: `${STANDARDS} §2` },
  { id: 'feed-language', layer: 'house', severity: 'error', formats: feeds, summary: "The feed names its language, RSS <language> and Atom xml:lang on <feed>: the publication's (site.json language), or for a feed under languages/<tag>/ that language", reference: 'https://www.rssboard.org/rss-specification#optionalChannelElements' },
  { id: 'feed-limit', layer: 'house', severity: 'error', formats: feeds, summary: 'At most site.json feed.limit items' },
  { id: 'item-order', layer: 'house', severity: 'error', formats: feeds, summary: 'Items newest first by first publication' },
  { id: 'item-id', layer: 'house', severity: 'error', formats: feeds, summary: "Every item's guid or id is the article's stable id: a tag: URI (RFC 4151), a urn: (urn:uuid: with a UUID) or an http(s) URL, never a headline or slug", reference: `${STANDARDS} §3` },
  { id: 'item-link', layer: 'house', severity: 'error', formats: feeds, summary: "Every item links to the article's page (RSS <link>, Atom <link rel=\"alternate\">): its id is not one readers can open", reference: 'https://www.rfc-editor.org/rfc/rfc4287#section-4.2.7.2' },
  { id: 'item-date', layer: 'house', severity: 'error', formats: feeds, summary: 'Every item gives its first publication (RSS pubDate, Atom published) as a date readers can read', reference: `${STANDARDS} §11` },
  { id: 'item-text', layer: 'house', severity: 'error', formats: ['rss'], summary: 'Every RSS item has a <description> or <content:encoded> (an Atom entry without either is the standard missing-textual-content)', reference: `${STANDARDS} §12` },
  { id: 'date-zone', layer: 'house', severity: 'error', formats: ['rss'], summary: 'RSS dates give their zone as GMT or a +hhmm offset, not UT, EST or a military letter', reference: `${STANDARDS} §11` },
  { id: 'plain-text', layer: 'house', severity: 'error', formats: feeds, summary: 'Headlines and descriptions are plain text: escaped with no markup where carried as HTML (RSS item description), type="text" in Atom (title and summary)', reference: `${STANDARDS} §9` },
  { id: 'unsafe-content', layer: 'house', severity: 'error', formats: feeds, summary: 'Article HTML has no script-like element, event handler or script/data URL', reference: `${STANDARDS} §10` },
  { id: 'relative-url', layer: 'house', severity: 'error', formats: feeds, summary: 'Every URL the feed gives (links, category domain and scheme, enclosure, media:content, author uri) is an absolute http(s) URL', reference: `${STANDARDS} §4` },
] as const);

/**
 * The W3C warnings about what the editor wrote rather than how syndicate wrote it: a headline that reads
 * like HTML ("Why <i> matters"), a story dated in the future or before 1990, two stories changed in the same
 * second, an address in a byline. syndicate keeps the editor's text and dates as they are (it never edits
 * a story to please a validator), so these stay warnings, with the W3C's wording of what to change.
 */
const EDITORIAL: ReadonlySet<string> = new Set(['contains-html', 'implausible-date', 'duplicate-updated', 'contains-email']);

/**
 * The feed rules as syndicate applies them to its own feeds: "clean" means no error and no warning from
 * the W3C Feed Validation Service (standards.md), so every warning of the standard layer about syndicate's
 * own markup is an error under the house profile; the editorial ones stay warnings.
 */
export const FEED_RULES_W3C_CLEAN: readonly Rule[] = FEED_RULES.map((rule) => (rule.severity === 'warning' && !EDITORIAL.has(rule.id) ? { ...rule, houseSeverity: 'error' as const } : rule));
