/**
 * The standard-layer rules for sitemaps (the Sitemaps 0.9 protocol and its XML Schema, as Google Search
 * Console applies them) and for the Google News extension. Image and video extensions are tolerated, not
 * checked. The W3C Feed Validation Service does not validate sitemaps, so no rule names a W3C class.
 */
import { defineRules } from '../rule.ts';

const PROTOCOL = 'https://www.sitemaps.org/protocol.html';
const GOOGLE_NEWS = 'https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap';

/** The sitemap rules, in the order checks report them. */
export const SITEMAP_RULES = defineRules([
  {
    id: 'not-well-formed',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: 'The sitemap is well-formed XML (a raw & or < in a URL must be written &amp; or &lt;)',
    reference: `${PROTOCOL}#escaping`,
  },
  {
    id: 'encoding',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: 'The sitemap is encoded in UTF-8',
    reference: `${PROTOCOL}#escaping`,
  },
  {
    id: 'file-too-large',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: 'The sitemap is at most 50 MB (52,428,800 bytes) uncompressed',
    reference: `${PROTOCOL}#index`,
  },
  {
    id: 'root',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: 'The root is <urlset> or <sitemapindex> in the namespace http://www.sitemaps.org/schemas/sitemap/0.9',
    reference: `${PROTOCOL}#xmlTagDefinitions`,
  },
  {
    id: 'unexpected-element',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: 'Sitemap and Google News elements appear only where the protocol puts them, at most once each',
    reference: `${PROTOCOL}#xmlTagDefinitions`,
  },
  {
    id: 'too-many-urls',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: 'A sitemap lists at most 50,000 URLs; an index at most 50,000 sitemaps',
    reference: `${PROTOCOL}#index`,
  },
  {
    id: 'missing-loc',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: 'Every <url> and <sitemap> has a <loc>',
    reference: `${PROTOCOL}#xmlTagDefinitions`,
  },
  {
    id: 'loc-url',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: '<loc> is an absolute http(s) URL with no spaces or characters URLs forbid',
    reference: `${PROTOCOL}#locdef`,
  },
  {
    id: 'loc-too-long',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: '<loc> is at most 2,048 characters',
    reference: `${PROTOCOL}#locdef`,
  },
  {
    id: 'lastmod',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: '<lastmod> is a W3C Datetime (YYYY-MM-DD, or a date and time with a time zone)',
    reference: `${PROTOCOL}#lastmoddef`,
  },
  {
    id: 'changefreq',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: '<changefreq> is always, hourly, daily, weekly, monthly, yearly or never',
    reference: `${PROTOCOL}#changefreqdef`,
  },
  {
    id: 'priority',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: '<priority> is a decimal number from 0.0 to 1.0',
    reference: `${PROTOCOL}#prioritydef`,
  },
  {
    id: 'too-many-news',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: 'A news sitemap has at most 1,000 <news:news> entries',
    reference: GOOGLE_NEWS,
  },
  {
    id: 'news-missing-element',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: '<news:news> has <news:publication> (with <news:name> and <news:language>), <news:publication_date> and <news:title>, none empty',
    reference: `${GOOGLE_NEWS}#tag-definitions`,
  },
  {
    id: 'news-language',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: '<news:language> is an ISO 639 code, with zh-cn or zh-tw for Chinese',
    reference: `${GOOGLE_NEWS}#tag-definitions`,
  },
  {
    id: 'news-publication-date',
    layer: 'standard',
    severity: 'error',
    formats: ['sitemap'],
    summary: '<news:publication_date> is a W3C Datetime: a complete date, or a date and time with a time zone',
    reference: `${GOOGLE_NEWS}#tag-definitions`,
  },
] as const);

/** The id of a sitemap rule. */
export type SitemapRuleId = (typeof SITEMAP_RULES)[number]['id'];
