/** What syndicate promises across the formats of one build: every format states the same facts of a story. */
import type { ValidatedFormat } from '../rule.ts';
import { defineRules } from '../rule.ts';

const formats: readonly ValidatedFormat[] = ['rss', 'atom', 'jsonfeed', 'ninjs', 'newsml', 'sitemap', 'html'];
const compared = 'Every format states the same';

/** The consistency rules (reported under `validate:consistency`), each format compared with the story's JSON-LD. */
export const CONSISTENCY_RULES = defineRules([
  { id: 'unknown-article', layer: 'house', severity: 'error', formats, summary: 'Every article a format carries has its JSON-LD, under the same guid' },
  { id: 'inconsistent-headline', layer: 'house', severity: 'error', formats, summary: `${compared} headline as the JSON-LD` },
  { id: 'inconsistent-published', layer: 'house', severity: 'error', formats, summary: `${compared} publication instant as the JSON-LD` },
  { id: 'inconsistent-modified', layer: 'house', severity: 'error', formats, summary: `${compared} last-modified instant as the JSON-LD` },
  { id: 'inconsistent-url', layer: 'house', severity: 'error', formats, summary: `${compared} canonical URL as the JSON-LD` },
  { id: 'inconsistent-authors', layer: 'house', severity: 'error', formats, summary: `${compared} author names, in order, as the JSON-LD` },
  { id: 'inconsistent-images', layer: 'house', severity: 'error', formats, summary: `${compared} image URLs, in order, as the JSON-LD` },
  { id: 'inconsistent-language', layer: 'house', severity: 'error', formats, summary: `${compared} story language as the JSON-LD inLanguage (Atom entry or feed xml:lang, JSON Feed item, ninjs, NewsML-G2 item xml:lang, page <html lang>; the news sitemap in Google's code)` },
] as const);
