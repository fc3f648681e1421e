/**
 * What the HTML outputs (head snippet, article pages, index page) share: escaping, dates as readers
 * see them, feed links and the document shell. Pure: no clock, no time zone, and no `Intl` but the
 * tag parsing of language.ts.
 */
import type { SiteConfig } from '../config.ts';
import type { Article } from '../model/article.ts';
import { toChosenFormats } from '../model/output.ts';
import { toSectionPaths } from '../model/identity.ts';
import { feedUrls, toFeedTitle } from './feed.ts';
import { toJsonFeedUrl } from './jsonfeed.ts';
import { toLanguageName, toTextDirection } from './language.ts';

/**
 * Text for HTML element content: `&`, `<` and `>` as character references. `>` needs no escaping in
 * text (HTML §13.1.3), but escaping it keeps `]]>`-like sequences and copy-paste into XML harmless.
 */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/**
 * A value for a double-quoted HTML attribute: `&` (so no character reference is read into it, HTML
 * §13.2.5.72), `"` (which would end the value), and `<`/`>` (harmless to the HTML parser, but
 * naive tag-strippers and regex scanners cut at them).
 */
export function escapeHtmlAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => (c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : '&gt;'));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date-time as readers see it, in the publisher's own offset and words, formatted here rather than
 * by `Intl`/`toLocaleString` (whose output depends on the machine's zone and ICU data):
 * `2024-09-04T21:03:00+08:00` → `4 September 2024, 21:03 GMT+8`; `+05:30` → `GMT+5:30`; `Z` → `GMT`.
 */
export function formatReadableDate(offsetDateTime: string): string {
  const m = RFC3339.exec(offsetDateTime);
  if (m === null) return offsetDateTime;
  const [, yyyy, mm, dd, hh, min, offset] = m as unknown as [string, string, string, string, string, string, string];
  return `${Number(dd)} ${MONTHS[Number(mm) - 1] ?? mm} ${yyyy}, ${hh}:${min} ${toGmtOffset(offset)}`;
}

/** `+08:00` → `GMT+8`, `-03:30` → `GMT-3:30`, `Z`/`+00:00`/`-00:00` → `GMT`. */
function toGmtOffset(offset: string): string {
  if (offset === 'Z') return 'GMT';
  const sign = offset[0];
  const hours = Number(offset.slice(1, 3));
  const minutes = offset.slice(4, 6);
  if (hours === 0 && minutes === '00') return 'GMT';
  return `GMT${sign}${hours}${minutes === '00' ? '' : `:${minutes}`}`;
}

/** The Open Graph locale of a story's language (in language.ts, with the other per-language spellings). */
export { toOgLocale } from './language.ts';

/** One feed a page links to: `<link rel="alternate">` in the head, and a visible link in the footer. */
export interface FeedLink {
  /** The feed's MIME type. */
  type: 'application/rss+xml' | 'application/atom+xml' | 'application/feed+json';
  /** Its title as feed readers list it ("Global Times (RSS)", "Global Times — China (Atom)", "Global Times — français (RSS)"). */
  title: string;
  /** Short visible label ("RSS", "China: Atom", "français: JSON Feed"). */
  label: string;
  /** Its absolute public URL. */
  href: string;
  /** For a language's feed: the language of its stories (`hreflang`, HTML §4.6.7). */
  hreflang?: string;
}

/**
 * The site's RSS, Atom and JSON feeds, then (for an article with sections) the RSS and Atom feeds of
 * its first section, whose titles follow the section feeds' own (`toFeedTitle`: "Title — China"), then
 * the RSS, Atom and JSON feeds of each of `languages`. An article page lists its own language's feeds
 * when it is not in the site's language: the site then publishes in two languages at least, so that
 * language has feeds ({@link toFeedLanguages}); the home page lists every language's.
 */
export function toFeedLinks(site: SiteConfig, article?: Pick<Article, 'sections' | 'language'>, languages: readonly string[] = article === undefined || article.language === site.language ? [] : [article.language]): FeedLink[] {
  const siteFeeds = feedUrls(site);
  const links: FeedLink[] = [
    { type: 'application/rss+xml', title: `${site.feed.title} (RSS)`, label: 'RSS', href: siteFeeds.rss },
    { type: 'application/atom+xml', title: `${site.feed.title} (Atom)`, label: 'Atom', href: siteFeeds.atom },
    { type: 'application/feed+json', title: `${site.feed.title} (JSON Feed)`, label: 'JSON Feed', href: toJsonFeedUrl(site) },
  ];
  const section = article?.sections[0];
  const sectionPath = article === undefined ? undefined : toSectionPaths(article.sections)[0];
  if (section !== undefined && sectionPath !== undefined) {
    const sectionFeeds = feedUrls(site, sectionPath);
    links.push(
      { type: 'application/rss+xml', title: `${site.feed.title} — ${section} (RSS)`, label: `${section}: RSS`, href: sectionFeeds.rss },
      { type: 'application/atom+xml', title: `${site.feed.title} — ${section} (Atom)`, label: `${section}: Atom`, href: sectionFeeds.atom },
    );
  }
  for (const language of languages) {
    const feeds = feedUrls(site, '', language);
    const title = toFeedTitle(site, { names: [], language });
    const name = toLanguageName(language);
    links.push(
      { type: 'application/rss+xml', title: `${title} (RSS)`, label: `${name}: RSS`, href: feeds.rss, hreflang: language },
      { type: 'application/atom+xml', title: `${title} (Atom)`, label: `${name}: Atom`, href: feeds.atom, hreflang: language },
      { type: 'application/feed+json', title: `${title} (JSON Feed)`, label: `${name}: JSON Feed`, href: toJsonFeedUrl(site, language), hreflang: language },
    );
  }
  // Only the feeds the site writes (`outputs`): a page never links to a file that is not there.
  const chosen = toChosenFormats(site);
  return links.filter((link) => chosen.has(FEED_OF_TYPE[link.type]));
}

const FEED_OF_TYPE: Record<FeedLink['type'], 'rss' | 'atom' | 'jsonfeed'> = {
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'jsonfeed',
};

/** The footer's paragraph of feed links, or nothing when the site writes no feed. */
export function toFeedParagraph(links: readonly FeedLink[]): string[] {
  return links.length === 0 ? [] : [`<p>Feeds: ${toFeedAnchors(links)}</p>`];
}

/** `<link rel="alternate">` for each feed (HTML §4.6.7.1: `rel=alternate` with a feed `type` marks a syndication feed). */
export function toAlternateLinks(links: readonly FeedLink[]): string[] {
  return links.map((l) => `<link rel="alternate" type="${l.type}" title="${escapeHtmlAttribute(l.title)}" href="${escapeHtmlAttribute(l.href)}"${toHreflang(l)}>`);
}

/** The footer's visible feed links (`<a type>` carries the MIME type, HTML §4.6.2), separated by " · ". */
export function toFeedAnchors(links: readonly FeedLink[]): string {
  return links.map((l) => `<a href="${escapeHtmlAttribute(l.href)}" type="${l.type}"${toHreflang(l)}>${escapeHtmlText(l.label)}</a>`).join(' · ');
}

function toHreflang(link: FeedLink): string {
  return link.hreflang === undefined ? '' : ` hreflang="${escapeHtmlAttribute(link.hreflang)}"`;
}

/**
 * The pages' only styling, inline (no external CSS, fonts or scripts): a readable measure, images that
 * shrink to the screen, system fonts, the user's light or dark scheme, and the body's Markdown tables,
 * strikethrough and footnotes.
 */
export const PAGE_STYLE = [
  ':root{color-scheme:light dark;--muted:#5f6368;--rule:#dadce0;--shade:#f1f3f4}',
  '@media (prefers-color-scheme:dark){:root{--muted:#a0a4a8;--rule:#5f6368;--shade:#303134}}',
  // `overflow-wrap:anywhere`: a long unbroken word or URL in a headline wraps instead of making a phone scroll sideways.
  'body{margin:0 auto;max-width:42rem;padding:1rem;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:anywhere}',
  'a{color:inherit}',
  'img{max-width:100%;height:auto}',
  'h1{font-size:1.9rem;line-height:1.25;margin:.5rem 0}',
  'h2{line-height:1.3}',
  '.site{font-weight:700;font-size:1.1rem}',
  '.site a{text-decoration:none}',
  'nav ol{list-style:none;padding:0;margin:.5rem 0;font-size:.9rem;color:var(--muted)}',
  'nav li{display:inline}',
  'nav li+li::before{content:" › "}',
  '.meta,.byline,figcaption,footer{color:var(--muted);font-size:.9rem}',
  '.correction{border-left:4px solid #c5221f;padding:.25rem .75rem}',
  'figure{margin:1rem 0}',
  '.articles{list-style:none;padding:0}',
  '.articles li{margin:0 0 1.5rem}',
  'footer{border-top:1px solid;margin-top:2rem;padding-top:.5rem}',
  // A table wider than a phone scrolls inside its box (page.ts wraps it), not the page. Cells break
  // only between words (`anywhere`, inherited, would let a column shrink to one letter per line);
  // figures line up (tabular digits; the column's alignment is the cell's own `text-align`).
  '.table{overflow-x:auto;margin:1rem 0}',
  'table{border-collapse:collapse;font-variant-numeric:tabular-nums}',
  'th,td{border:1px solid var(--rule);padding:.375rem .625rem;vertical-align:top;overflow-wrap:normal}',
  'th{text-align:start;background:var(--shade)}',
  // Struck text stays legible (what the editor corrected), one step back.
  'del{color:var(--muted)}',
  // A footnote number does not push its line apart; the notes, which end the body after a rule, are set small.
  'sup{line-height:0}',
  '.body>hr+ol:last-child{font-size:.9rem;color:var(--muted)}',
].join('\n');

/**
 * ` lang="…"`, and ` dir="rtl"` for a right-to-left language (HTML §3.2.6.4: without `dir` the
 * document is left to right, so punctuation and the layout of an Arabic or Hebrew page come out
 * mirrored wrong). `dir` is written only when the direction differs from `contextDirection`, that of
 * the enclosing element (a document's is left to right).
 */
export function toLanguageAttributes(language: string, contextDirection: 'ltr' | 'rtl' = 'ltr'): string {
  const direction = toTextDirection(language);
  return ` lang="${escapeHtmlAttribute(language)}"${direction !== contextDirection ? ` dir="${direction}"` : ''}`;
}

/** The parts of an HTML page {@link toHtmlDocument} assembles. */
export interface HtmlDocumentParts {
  /** `<html lang>`: the BCP 47 language of the page; a right-to-left one also gives `dir="rtl"`. */
  language: string;
  /** `<title>` text (plain; escaped here). */
  title: string;
  /** Extra `<head>` lines after charset, viewport and title (already HTML). */
  head: readonly string[];
  /** `<body>` lines (already HTML). */
  body: readonly string[];
}

/**
 * A complete HTML5 document (HTML §13.1): doctype, `<html lang>`, `<meta charset>` first (it must be
 * within the first 1024 bytes, §4.2.5.4), the responsive viewport, the title, the given head lines,
 * the inline style, then the body. Ends with "\n".
 */
export function toHtmlDocument(parts: HtmlDocumentParts): string {
  return [
    '<!DOCTYPE html>',
    `<html${toLanguageAttributes(parts.language)}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtmlText(parts.title)}</title>`,
    ...parts.head,
    `<style>\n${PAGE_STYLE}\n</style>`,
    '</head>',
    '<body>',
    ...parts.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
