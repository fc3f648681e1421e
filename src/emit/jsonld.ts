import type { IdReference, ImageObject, NewsArticle, Organization, Person, QuantitativeValue, WithContext } from 'schema-dts';
import type { SiteConfig } from '../config.ts';
import type { Article, Image } from '../model/article.ts';
import type { Emitter } from '../model/output.ts';
import { toBodyText } from './html.ts';

/** `@id` of the publisher Organization: the site URL plus a fragment, so every article links to one node. */
function toOrganizationId(site: SiteConfig): string {
  return `${site.url}#organization`;
}

/** The article as one schema.org NewsArticle object (not a `@graph`), typed with schema-dts. */
export function toNewsArticle(article: Article, site: SiteConfig): WithContext<NewsArticle> {
  const images = article.images.flatMap(toImageObject);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${article.url}#article`,
    headline: article.headline,
    // Dates pass through untouched: the model already holds RFC 3339 with the publisher's offset.
    datePublished: article.datePublished,
    dateModified: article.dateModified ?? article.datePublished,
    author: toAuthors(article, site),
    publisher: toPublisher(site),
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    url: article.url,
    ...(article.sections.length > 0 ? { articleSection: article.sections } : {}),
    inLanguage: article.language,
    description: article.description,
    articleBody: toBodyText(article),
    ...(images.length > 0 ? { image: images } : {}),
    copyrightHolder: toCopyrightHolder(site),
    copyrightNotice: site.copyright.notice,
    ...(article.keywords.length > 0 ? { keywords: article.keywords } : {}),
    // schema.org: `dateline` has domainIncludes NewsArticle only.
    ...(article.dateline !== undefined ? { dateline: article.dateline } : {}),
    identifier: article.guid,
  };
}

/** One JSON-LD file per article, at `articles/<id>/article.jsonld`. */
export const emitJsonLd: Emitter = (articles, site) =>
  articles.map((article) => ({
    path: `articles/${article.id}/article.jsonld`,
    text: formatJsonLd(toNewsArticle(article, site)),
    format: 'jsonld',
    sources: [article.source],
  }));

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

function toPublisher(site: SiteConfig): Organization {
  return {
    '@type': 'Organization',
    '@id': toOrganizationId(site),
    name: site.name,
    url: site.url,
    logo: {
      '@type': 'ImageObject',
      url: site.logo.url,
      width: toPixels(site.logo.width),
      height: toPixels(site.logo.height),
    },
  };
}

/** One Person per byline (Google: one object per author, `name` holds only the name); else the publisher. */
function toAuthors(article: Article, site: SiteConfig): (Person | Organization)[] {
  if (article.authors.length === 0) {
    return [{ '@type': 'Organization', '@id': toOrganizationId(site), name: site.name, url: site.url }];
  }
  return article.authors.map(
    (person): Person => ({ '@type': 'Person', name: person.name, ...(person.url !== undefined ? { url: person.url } : {}) }),
  );
}

/** The publisher by reference when it holds the copyright, else an Organization named by `site.copyright.holder`. */
function toCopyrightHolder(site: SiteConfig): IdReference | Organization {
  if (site.copyright.holder === site.name) return { '@id': toOrganizationId(site) };
  return { '@type': 'Organization', name: site.copyright.holder };
}

/** Photos without a URL are left out: the reader has already warned about them. */
function toImageObject(image: Image): ImageObject[] {
  if (image.url === undefined) return [];
  return [
    {
      '@type': 'ImageObject',
      url: image.url,
      // Google's image licence metadata wants `contentUrl` plus a credit or licence field.
      contentUrl: image.url,
      ...(image.width !== undefined ? { width: toPixels(image.width) } : {}),
      ...(image.height !== undefined ? { height: toPixels(image.height) } : {}),
      caption: image.caption,
      ...(image.credit !== undefined ? { creditText: image.credit } : {}),
      ...(image.contentType !== undefined ? { encodingFormat: image.contentType } : {}),
    },
  ];
}

/**
 * A pixel length. schema.org's `width`/`height` range is Distance or QuantitativeValue, not Number
 * (schemaorg/schemaorg#1668), so a bare number is off-vocabulary and schema-dts rejects it;
 * UN/CEFACT Recommendation 20 code `E37` is "pixel".
 */
function toPixels(value: number): QuantitativeValue {
  return { '@type': 'QuantitativeValue', value, unitCode: 'E37' };
}
