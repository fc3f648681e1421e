/**
 * The head snippet, `articles/<id>/head.html`: what an SEO team pastes into the `<head>` of its own
 * article template. Canonical link, the article's JSON-LD graph, Open Graph, Twitter card and the feed
 * links, one element per line.
 */
import type { SiteConfig } from '../config.ts';
import type { Article } from '../model/article.ts';
import type { Emitter, OutputFile } from '../model/output.ts';
import { toLinkedImages } from './html.ts';
import { escapeHtmlAttribute, toAlternateLinks, toFeedLinks, toOgLocale } from './htmlpage.ts';
import { toArticleJsonLd } from './jsonld.ts';
import { toOutputValue } from './xmltext.ts';

// Inside <script> the HTML tokenizer is in the "script data" states (HTML §13.2.5.4 and §13.2.5.15–
// 13.2.5.31) and nothing is entity-decoded, so values must NOT be HTML-escaped (`&amp;` would reach
// the JSON parser literally). What the tokenizer does react to: `</script` followed by whitespace,
// `/` or `>` (any case) ends the element (§13.2.5.17 "script data end tag name state"); `<!--` enters
// the "script data escaped" states, where a later `<script` makes the real `</script>` stop closing
// the element (§13.2.5.20–13.2.5.31; the content model restriction in §4.12.1.3 "Restrictions for
// contents of script elements" forbids both). Writing every `<` as the JSON escape `\u003c` makes all
// of those sequences impossible; `>` and `&` are escaped too so that no `-->` or character-reference-
// looking text remains for tools that scan the page naively, and U+2028/U+2029 because pre-ES2019
// JavaScript ends a string literal at them (scripts that inline the JSON). JSON.parse reads every
// escape back to the same character (RFC 8259 §7).
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON text safe as the content of `<script type="application/ld+json">`: `<`, `>`, `&`, U+2028 and
 * U+2029 as `\uXXXX` escapes. Idempotent, and a no-op on {@link formatJsonLd}'s output, which already
 * escapes them; applied again here so the snippet's safety does not depend on another module.
 */
export function toScriptSafeJson(json: string): string {
  return json.replace(SCRIPT_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `<meta property>` (Open Graph is RDFa: OGP §"Basic Metadata" uses `property`, not `name`). */
function og(property: string, content: string): string {
  return `<meta property="${property}" content="${escapeHtmlAttribute(content)}">`;
}

/** `<meta name>` (Twitter cards and HTML's own standard metadata names use `name`). */
function named(name: string, content: string): string {
  return `<meta name="${name}" content="${escapeHtmlAttribute(content)}">`;
}

/**
 * The snippet's elements, one per line, in this order: canonical link, description, author names, the
 * JSON-LD script, Open Graph (`og:*` then `article:*`), Twitter card, feed links. `jsonLd` is the
 * article's `article.jsonld` text ({@link toArticleJsonLd} of the same article and site), when the
 * caller has it already.
 */
export function toHeadLines(raw: Article, rawSite: SiteConfig, jsonLd: string = toArticleJsonLd(raw, rawSite)): string[] {
  // The text every output carries (toOutputText), so the snippet states exactly what the JSON-LD does.
  const article = toOutputValue(raw);
  const site = toOutputValue(rawSite);
  const images = toLinkedImages(article);
  const first = images[0];
  const json = toScriptSafeJson(jsonLd);
  const modified = article.dateModified ?? article.datePublished;
  return [
    `<link rel="canonical" href="${escapeHtmlAttribute(article.url)}">`,
    named('description', article.description),
    // HTML §4.2.5.1 "author": one name per element; the publisher when there is no byline, as the
    // JSON-LD names the Organization as author then.
    ...(article.authors.length > 0 ? article.authors.map((a) => named('author', a.name)) : [named('author', site.name)]),
    // Right after the start tag, so the element's text is article.jsonld byte for byte (a leading
    // newline would be kept: only <pre>, <textarea> and <listing> drop one, HTML §13.2.6.4.7).
    `<script type="application/ld+json">${json}</script>`,
    og('og:type', 'article'),
    og('og:title', article.headline),
    og('og:description', article.description),
    og('og:url', article.url),
    og('og:site_name', site.name),
    og('og:locale', toOgLocale(article.language)),
    // OGP §"Arrays": each og:image is followed by its own structured properties; the first is preferred.
    ...images.flatMap((image) => [
      og('og:image', image.url),
      ...(image.contentType !== undefined ? [og('og:image:type', image.contentType)] : []),
      ...(image.width !== undefined ? [og('og:image:width', String(image.width))] : []),
      ...(image.height !== undefined ? [og('og:image:height', String(image.height))] : []),
      og('og:image:alt', image.caption),
    ]),
    // OGP §"article": ISO 8601 datetimes, kept with the publisher's offset as the JSON-LD has them.
    og('article:published_time', article.datePublished),
    og('article:modified_time', modified),
    ...(article.sections[0] !== undefined ? [og('article:section', article.sections[0])] : []),
    // `article:author` is "profile array": the profile URL when known, else the name (what Facebook shows).
    ...article.authors.map((a) => og('article:author', a.url ?? a.name)),
    ...article.keywords.map((k) => og('article:tag', k)),
    named('twitter:card', first !== undefined ? 'summary_large_image' : 'summary'),
    named('twitter:title', article.headline),
    named('twitter:description', article.description),
    ...(first !== undefined ? [named('twitter:image', first.url), named('twitter:image:alt', first.caption)] : []),
    ...toAlternateLinks(toFeedLinks(site, article)),
  ];
}

/** The head snippet of one article: {@link toHeadLines} joined by "\n", ending with "\n". */
export function toHeadHtml(article: Article, site: SiteConfig, lines: readonly string[] = toHeadLines(article, site)): string {
  return `${lines.join('\n')}\n`;
}

/** The file `articles/<id>/head.html` holding `text`, the article's head snippet ({@link toHeadHtml}). */
export function toHeadFile(article: Article, text: string): OutputFile {
  return { path: `articles/${article.id}/head.html`, text, format: 'head', sources: [article.source] };
}

/** One head snippet per article, at `articles/<id>/head.html`. */
export const emitHead: Emitter = (articles, site) => articles.map((article) => toHeadFile(article, toHeadHtml(article, site)));
