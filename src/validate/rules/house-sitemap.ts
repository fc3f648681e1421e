/** What syndicate promises of its news sitemap beyond the sitemaps protocol and Google News' rules. */
import { defineRules } from '../rule.ts';

/** The house rules of syndicate's news sitemap. */
export const HOUSE_SITEMAP_RULES = defineRules([
  { id: 'duplicate-loc', layer: 'house', severity: 'error', formats: ['sitemap'], summary: 'Each article is listed once' },
  { id: 'date-offset', layer: 'house', severity: 'error', formats: ['sitemap'], summary: "news:publication_date is the publisher's time with its UTC offset" },
  { id: 'publication-language', layer: 'house', severity: 'error', formats: ['sitemap'], summary: "news:language is written in Google's form (lowercase ISO 639, zh-cn or zh-tw); that it is the story's language is the consistency check's" },
] as const);
