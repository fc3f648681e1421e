/** What syndicate promises of its JSON outputs (article.jsonld, ninjs.json, feed.json) beyond their standards. */
import { defineRules } from '../rule.ts';

/** The house rules of syndicate's JSON-LD. */
export const HOUSE_JSONLD_RULES = defineRules([
  { id: 'schema', layer: 'house', severity: 'error', formats: ['jsonld'], summary: 'The @graph syndicate writes: its node types, each required one exactly once, their promised fields and nothing else' },
  { id: 'dangling-reference', layer: 'house', severity: 'error', formats: ['jsonld'], summary: 'Every {"@id"} reference names a node of the graph' },
  { id: 'unsafe-for-html', layer: 'house', severity: 'error', formats: ['jsonld'], summary: 'No raw "<", ">", "&", U+2028 or U+2029: the file can be pasted into a <script> as it is', reference: 'HTML Living Standard §4.12.1.3' },
  { id: 'date-offset', layer: 'house', severity: 'error', formats: ['jsonld'], summary: 'Dates carry the publisher\'s UTC offset' },
  { id: 'relative-url', layer: 'house', severity: 'error', formats: ['jsonld'], summary: 'URLs are absolute http(s) URLs in normalised form' },
  { id: 'image-size', layer: 'house', severity: 'warning', formats: ['jsonld'], summary: "Each of the story's images has a width and height giving at least 50,000 pixels (front matter can say them)", reference: 'https://developers.google.com/search/docs/appearance/structured-data/article#article-types' },
  { id: 'image-licence', layer: 'house', severity: 'warning', formats: ['jsonld'], summary: "Each of the story's images has a credit, creator or copyright notice, for Google's licence details", reference: 'https://developers.google.com/search/docs/appearance/structured-data/image-license-metadata' },
] as const);

/** The house rules of syndicate's ninjs. */
export const HOUSE_NINJS_RULES = defineRules([
  { id: 'schema', layer: 'house', severity: 'error', formats: ['ninjs'], summary: 'The ninjs 3.1 subset syndicate writes (a story, or a withdrawal notice), its fields and nothing else' },
  { id: 'uri-stable', layer: 'house', severity: 'error', formats: ['ninjs'], summary: "The uri is the article's guid: a tag:, urn: or http(s) URI without spaces" },
  { id: 'date-offset', layer: 'house', severity: 'error', formats: ['ninjs'], summary: "Dates carry the publisher's UTC offset" },
  { id: 'relative-url', layer: 'house', severity: 'error', formats: ['ninjs'], summary: 'URLs are absolute http(s) URLs in normalised form' },
] as const);

/** The house rules of syndicate's JSON Feed. */
export const HOUSE_JSONFEED_RULES = defineRules([
  { id: 'schema', layer: 'house', severity: 'error', formats: ['jsonfeed'], summary: 'The JSON Feed 1.1 subset syndicate writes, its fields and nothing else' },
  { id: 'feed-url', layer: 'house', severity: 'error', formats: ['jsonfeed'], summary: "feed_url is where the file is served: site.json feed.baseUrl + its path" },
  { id: 'feed-language', layer: 'house', severity: 'error', formats: ['jsonfeed'], summary: "The feed's language is the publication's (site.json language), or for a feed under languages/<tag>/ that language" },
  { id: 'unsafe-content', layer: 'house', severity: 'error', formats: ['jsonfeed'], summary: 'content_html has no script-like element, event handler or script/data URL' },
  { id: 'content-url', layer: 'house', severity: 'error', formats: ['jsonfeed'], summary: 'Links and images in content_html are absolute http(s) URLs' },
] as const);
