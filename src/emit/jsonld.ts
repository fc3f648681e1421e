import type {
  BreadcrumbList,
  CorrectionComment,
  Graph,
  IdReference,
  ImageObject,
  ListItem,
  NewsArticle,
  Organization,
  Person,
  QuantitativeValue,
  WebPage,
  WebSite,
} from 'schema-dts';
import type { SiteConfig } from '../config.ts';
import type { Article } from '../model/article.ts';
import { toSectionPaths, toSectionUrl, toSlug } from '../model/identity.ts';
import type { Emitter, OutputFile } from '../model/output.ts';
import { toBodyText } from './html.ts';
import { toOutputValue } from './xmltext.ts';

// Every `@id` is derived from a URL (the site's or the article's canonical URL) plus a fragment,
// never from a headline, so a corrected headline never changes a node's identity. Ids go through
// the WHATWG URL parser so that they are in the same normalised form as every other URL we write
// (a non-ASCII person slug is percent-encoded, exactly as a browser would send it).

/** `@id` of the WebSite node: `<site.url>#website`. */
function toWebSiteId(site: SiteConfig): string {
  return withFragment(site.url, 'website');
}

/** `@id` of the publisher Organization: `<site.url>#organization`, shared by every article of the site. */
function toOrganizationId(site: SiteConfig): string {
  return withFragment(site.url, 'organization');
}

/** `@id` of the publisher's logo ImageObject: `<site.url>#logo`. */
function toLogoId(site: SiteConfig): string {
  return withFragment(site.url, 'logo');
}

/** `@id` of a Person (a byline or a photographer): `<site.url>#/schema/person/<slug of name>`, the same in every article. */
function toPersonId(site: SiteConfig, name: string): string {
  return withFragment(site.url, `/schema/person/${toSlug(name)}`);
}

/** `@id` of the NewsArticle node: `<article url>#article`. */
function toArticleId(article: Article): string {
  return withFragment(article.url, 'article');
}

/** `@id` of the BreadcrumbList node: `<article url>#breadcrumb`. */
function toBreadcrumbId(article: Article): string {
  return withFragment(article.url, 'breadcrumb');
}

/**
 * `@id` of the article's n-th photo (1-based among ALL its photos, with or without URL), so that an
 * earlier photo gaining a URL does not renumber the later ones: `<article url>#image-<n>`.
 */
function toImageId(article: Article, n: number): string {
  return withFragment(article.url, `image-${n}`);
}

/**
 * The article as one linked schema.org graph (the shape Yoast SEO emits, plus dateline, image credit
 * and licence, and breadcrumbs from the sections): WebSite, Organization (with its logo), WebPage,
 * NewsArticle, one ImageObject per photo with a URL, BreadcrumbList when section pages are
 * configured, and one Person per byline and per named photographer; nodes refer to each other by `@id`.
 */
export function toJsonLdGraph(raw: Article, site: SiteConfig): Graph {
  // JSON could escape controls and lone surrogates, but the XML formats cannot carry them: every format
  // states the same text (toOutputText), and the consistency check holds for any input.
  const article = toOutputValue(raw);
  site = toOutputValue(site);
  const images = toImageObjects(article, site);
  const breadcrumb = toBreadcrumbList(article, site);
  const persons = toPersons(article, site);
  return {
    '@context': 'https://schema.org',
    '@graph': [
      toNewsArticle(article, site),
      toWebPage(article, site),
      ...images,
      ...(breadcrumb !== undefined ? [breadcrumb] : []),
      toWebSite(site),
      toOrganization(site),
      ...persons,
    ],
  };
}

/**
 * The NewsArticle node of the graph (`@type` is always the single string "NewsArticle", so readers
 * find it with `graph.find((n) => n['@type'] === 'NewsArticle')`); other nodes are referenced by `@id`.
 */
export function toNewsArticle(article: Article, site: SiteConfig): NewsArticle {
  const imageIds = toImageRefs(article);
  return {
    '@type': 'NewsArticle',
    '@id': toArticleId(article),
    headline: article.headline,
    // Dates pass through untouched: the model already holds RFC 3339 with the publisher's offset.
    datePublished: article.datePublished,
    dateModified: article.dateModified ?? article.datePublished,
    ...(article.correction !== undefined ? { correction: toCorrection(article.correction, article) } : {}),
    author: toAuthorRefs(article, site),
    publisher: ref(toOrganizationId(site)),
    mainEntityOfPage: ref(article.url),
    isPartOf: ref(article.url),
    url: article.url,
    ...(article.sections.length > 0 ? { articleSection: article.sections } : {}),
    inLanguage: article.language,
    description: article.description,
    articleBody: toBodyText(article),
    ...(imageIds.length > 0 ? { image: imageIds } : {}),
    copyrightHolder: toCopyrightHolder(site),
    copyrightNotice: site.copyright.notice,
    // The year as the publisher printed it: the date part of datePublished is already in its own offset.
    copyrightYear: Number(article.datePublished.slice(0, 4)),
    ...(article.keywords.length > 0 ? { keywords: article.keywords } : {}),
    // schema.org: `dateline` has domainIncludes NewsArticle only.
    ...(article.dateline !== undefined ? { dateline: article.dateline } : {}),
    identifier: article.guid,
    wordCount: toWordCount(article.paragraphs),
  };
}

/**
 * The correction notice (schema.org `correction`, range CorrectionComment | Text | URL; CorrectionComment is a
 * Comment "that corrects a CreativeWork", both from the Trust Project, schemaorg/schemaorg#1950). Its date is
 * the time of the version that carries it, which is the article's `dateModified` once the build has issued it.
 */
function toCorrection(text: string, article: Article): CorrectionComment {
  return { '@type': 'CorrectionComment', text, datePublished: article.dateModified ?? article.datePublished };
}

/**
 * The text of the article's `article.jsonld`: its graph, serialised by {@link formatJsonLd}. The head
 * snippet and the page carry the same text; the build computes it once per article and passes it to them.
 */
export function toArticleJsonLd(article: Article, site: SiteConfig): string {
  return formatJsonLd(toJsonLdGraph(article, site));
}

/** The file `articles/<id>/article.jsonld` holding `text`, the article's JSON-LD ({@link toArticleJsonLd}). */
export function toJsonLdFile(article: Article, text: string): OutputFile {
  return { path: `articles/${article.id}/article.jsonld`, text, format: 'jsonld', sources: [article.source] };
}

/** One JSON-LD file per article, at `articles/<id>/article.jsonld`, holding the article's `@graph`. */
export const emitJsonLd: Emitter = (articles, site) => articles.map((article) => toJsonLdFile(article, toArticleJsonLd(article, site)));

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * Serialises JSON-LD so it can be pasted verbatim into `<script type="application/ld+json">`:
 * `<`, `>`, `&`, U+2028 and U+2029 become `\u003c`-style escapes, which JSON parses back to the
 * same characters. Script contents are never entity-decoded (HTML §13.1.2.6), so HTML-escaping
 * values would be read literally; but `</script` ends the element and `<!--<script>` changes
 * how the real end tag is found (HTML §4.12.1.3), hence the escapes.
 */
export function formatJsonLd(value: unknown): string {
  const json = JSON.stringify(value, null, 2) as string | undefined;
  if (json === undefined) throw new TypeError('formatJsonLd: value is not representable as JSON');
  return `${json.replace(SCRIPT_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/**
 * Number of words in the body, counted the way word processors do for mixed scripts: a run of
 * letters/digits (with inner apostrophes, hyphens or dots: "O'Hara", "well-known", "5.3") is one
 * word, and each Han, Hiragana or Katakana character is one word (those scripts have no spaces).
 * A plain rule rather than `Intl.Segmenter`, whose dictionary-based CJK results vary with the ICU
 * version, which would break "same input, same bytes" across Node releases.
 */
export function toWordCount(paragraphs: readonly string[]): number {
  let count = 0;
  for (const paragraph of paragraphs) count += paragraph.match(LATIN_TEXT.test(paragraph) ? LATIN_WORD : WORD)?.length ?? 0;
  return count;
}

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
// A letter, digit or mark outside those scripts, as one class (`v` flag set difference) rather than a
// lookahead before every character: the same set, matched about a quarter faster.
const WORD_CHAR = String.raw`[[\p{L}\p{N}\p{M}]--[${CJK}]]`;
const WORD = new RegExp(String.raw`[${CJK}]|${WORD_CHAR}+(?:['’.\-]${WORD_CHAR}+)*`, 'gv');

// Matching that class is slow (V8 checks each character against hundreds of Unicode ranges): a
// paragraph written only with Latin letters, Latin-1 and General Punctuation (most news copy: curly
// quotes, dashes, ellipses) is counted with the same pattern over the class restricted to those blocks,
// about four times faster. The restricted class is derived here from WORD_CHAR itself, and those
// blocks hold no Han, Hiragana or Katakana, so both patterns find the same words in such a paragraph.
const LATIN_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0000, 0x02ff],
  [0x2000, 0x206f],
];
const LATIN_TEXT = new RegExp(`^[${LATIN_BLOCKS.map(([from, to]) => `${toClassChar(from)}-${toClassChar(to)}`).join('')}]*$`);
const LATIN_WORD_CHAR = toCharClass(new RegExp(`^${WORD_CHAR}$`, 'v'), LATIN_BLOCKS);
const LATIN_WORD = new RegExp(`${LATIN_WORD_CHAR}+(?:['’.\\-]${LATIN_WORD_CHAR}+)*`, 'g');

/** The characters of `blocks` that `single` matches, as a character class of `\uXXXX` ranges. */
function toCharClass(single: RegExp, blocks: readonly (readonly [number, number])[]): string {
  const ranges: string[] = [];
  for (const [from, to] of blocks) {
    let start: number | undefined;
    for (let c = from; c <= to + 1; c++) {
      const inClass = c <= to && single.test(String.fromCharCode(c));
      if (inClass && start === undefined) start = c;
      if (!inClass && start !== undefined) {
        ranges.push(`${toClassChar(start)}-${toClassChar(c - 1)}`);
        start = undefined;
      }
    }
  }
  return `[${ranges.join('')}]`;
}

function toClassChar(c: number): string {
  return `\\u${c.toString(16).padStart(4, '0')}`;
}

function withFragment(url: string, fragment: string): string {
  return new URL(`${url}#${fragment}`).href;
}

function ref(id: string): IdReference {
  return { '@id': id };
}

function toWebSite(site: SiteConfig): WebSite {
  return {
    '@type': 'WebSite',
    '@id': toWebSiteId(site),
    url: site.url,
    name: site.name,
    inLanguage: site.language,
    publisher: ref(toOrganizationId(site)),
  };
}

/** The publisher with its logo (Google, and the AMP-era rules tools still apply: `name` and `logo` with its pixel size). */
function toOrganization(site: SiteConfig): Organization {
  return {
    '@type': 'Organization',
    '@id': toOrganizationId(site),
    name: site.name,
    url: site.url,
    // Without a site.json logo the publisher has none (never guessed); the build warns once (config/no-logo).
    ...(site.logo === undefined
      ? {}
      : {
          logo: {
            '@type': 'ImageObject',
            '@id': toLogoId(site),
            url: site.logo.url,
            contentUrl: site.logo.url,
            width: toPixels(site.logo.width),
            height: toPixels(site.logo.height),
            caption: site.name,
          },
        }),
  };
}

function toWebPage(article: Article, site: SiteConfig): WebPage {
  const firstImage = toImageRefs(article)[0];
  return {
    '@type': 'WebPage',
    '@id': article.url,
    url: article.url,
    name: article.headline,
    isPartOf: ref(toWebSiteId(site)),
    inLanguage: article.language,
    datePublished: article.datePublished,
    dateModified: article.dateModified ?? article.datePublished,
    ...(hasBreadcrumb(article, site) ? { breadcrumb: ref(toBreadcrumbId(article)) } : {}),
    ...(firstImage !== undefined ? { primaryImageOfPage: firstImage } : {}),
    description: article.description,
  };
}

/** References to the photos that have a URL, numbered among all photos. */
function toImageRefs(article: Article): IdReference[] {
  return article.images.flatMap((image, i) => (image.url === undefined ? [] : [ref(toImageId(article, i + 1))]));
}

/** Photos without a URL are left out (the reader has already warned about them); their number is kept free. */
function toImageObjects(article: Article, site: SiteConfig): ImageObject[] {
  return article.images.flatMap((image, i): ImageObject[] => {
    if (image.url === undefined) return [];
    const creator = image.creator === undefined ? undefined : toCreator(image.creator, site);
    return [
      {
        '@type': 'ImageObject',
        '@id': toImageId(article, i + 1),
        url: image.url,
        // Google's image licence metadata wants `contentUrl` plus a credit or licence field.
        contentUrl: image.url,
        ...(image.width !== undefined ? { width: toPixels(image.width) } : {}),
        ...(image.height !== undefined ? { height: toPixels(image.height) } : {}),
        caption: image.caption,
        ...(image.credit !== undefined ? { creditText: image.credit } : {}),
        ...(creator !== undefined ? { creator } : {}),
        ...(image.copyright !== undefined ? { copyrightNotice: image.copyright } : {}),
        ...(image.contentType !== undefined ? { encodingFormat: image.contentType } : {}),
      },
    ];
  });
}

/**
 * The image's creator as named in front matter (never parsed out of a credit line). The model holds a
 * name only, so its kind is decided by what the site knows: the publisher is its Organization node,
 * the copyright holder an Organization, anyone else a Person node (usually the photographer).
 */
function toCreator(name: string, site: SiteConfig): IdReference | Organization {
  if (name === site.name) return ref(toOrganizationId(site));
  if (name === site.copyright.holder) return { '@type': 'Organization', name };
  return ref(toPersonId(site, name));
}

/** True when `toCreator` makes the name a Person node. */
function isPersonCreator(name: string, site: SiteConfig): boolean {
  return name !== site.name && name !== site.copyright.holder;
}

/** One Person node per distinct byline, then per photographer who is a person, in order of first mention. */
function toPersons(article: Article, site: SiteConfig): Person[] {
  const byId = new Map<string, { name: string; url?: string }>();
  const add = (name: string, url?: string): void => {
    const id = toPersonId(site, name);
    const known = byId.get(id);
    if (known === undefined) byId.set(id, url !== undefined ? { name, url } : { name });
    else if (known.url === undefined && url !== undefined) known.url = url;
  };
  for (const person of article.authors) add(person.name, person.url);
  for (const image of article.images) {
    if (image.url !== undefined && image.creator !== undefined && isPersonCreator(image.creator, site)) add(image.creator);
  }
  // `sameAs` is left out: the model knows no profile elsewhere, and it is never invented.
  return [...byId].map(([id, { name, url }]): Person => ({ '@type': 'Person', '@id': id, name, ...(url !== undefined ? { url } : {}) }));
}

/** One Person reference per byline (Google: one object per author, `name` holds only the name); else the publisher. */
function toAuthorRefs(article: Article, site: SiteConfig): IdReference[] {
  if (article.authors.length === 0) return [ref(toOrganizationId(site))];
  return [...new Set(article.authors.map((person) => toPersonId(site, person.name)))].map(ref);
}

/** The publisher by reference when it holds the copyright, else an Organization named by `site.copyright.holder`. */
function toCopyrightHolder(site: SiteConfig): IdReference | Organization {
  if (site.copyright.holder === site.name) return ref(toOrganizationId(site));
  return { '@type': 'Organization', name: site.copyright.holder };
}

function hasBreadcrumb(article: Article, site: SiteConfig): boolean {
  return site.sectionPermalink !== undefined && article.sections.length > 0;
}

/**
 * Home › each section path › the story (Google breadcrumb docs: ListItem with `position`, `name`,
 * `item`). Only when the site configures `sectionPermalink`: section page URLs are never guessed.
 */
function toBreadcrumbList(article: Article, site: SiteConfig): BreadcrumbList | undefined {
  if (!hasBreadcrumb(article, site)) return undefined;
  const crumbs: { name: string; item: string }[] = [{ name: site.name, item: site.url }];
  toSectionPaths(article.sections).forEach((path, i) => {
    const item = toSectionUrl(site, path);
    const name = article.sections[i];
    if (item !== undefined && name !== undefined) crumbs.push({ name, item });
  });
  crumbs.push({ name: article.headline, item: article.url });
  return {
    '@type': 'BreadcrumbList',
    '@id': toBreadcrumbId(article),
    itemListElement: crumbs.map((crumb, i): ListItem => ({ '@type': 'ListItem', position: i + 1, name: crumb.name, item: crumb.item })),
  };
}

/**
 * A pixel length. schema.org's `width`/`height` range is Distance or QuantitativeValue, not Number
 * (schemaorg/schemaorg#1668), so a bare number is off-vocabulary and schema-dts rejects it;
 * UN/CEFACT Recommendation 20 code `E37` is "pixel".
 */
function toPixels(value: number): QuantitativeValue {
  return { '@type': 'QuantitativeValue', value, unitCode: 'E37' };
}
