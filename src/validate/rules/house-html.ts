/** What syndicate promises of its HTML outputs: the head snippet, the article pages and the index page. */
import { defineRules } from '../rule.ts';

const html = ['html'] as const;

/** The house rules of syndicate's HTML outputs. */
export const HOUSE_HTML_RULES = defineRules([
  { id: 'html-structure', layer: 'house', severity: 'error', formats: html, summary: 'A page starts with <!DOCTYPE html>; every element is closed where it was opened, no attribute is written twice, no NUL character: markup a browser reads as written', reference: 'HTML Living Standard §13.2.2 (parse errors)' },
  { id: 'jsonld-count', layer: 'house', severity: 'error', formats: html, summary: 'A head snippet and an article page carry exactly one JSON-LD block, the article graph' },
  { id: 'jsonld-differs', layer: 'house', severity: 'error', formats: html, summary: "The JSON-LD block is the article's article.jsonld, byte for byte" },
  { id: 'jsonld-unparseable', layer: 'house', severity: 'error', formats: html, summary: 'The JSON-LD block is JSON' },
  { id: 'jsonld-unsafe', layer: 'house', severity: 'error', formats: html, summary: 'The JSON-LD block holds no "<" (written \\u003c), so no text can end the script early', reference: 'HTML Living Standard §4.12.1.3, §13.2.5.15' },
  { id: 'og-missing', layer: 'house', severity: 'error', formats: html, summary: 'The Open Graph properties a link preview needs are present and not empty', reference: 'https://ogp.me/#metadata' },
  { id: 'og-url', layer: 'house', severity: 'error', formats: html, summary: 'URL-valued Open Graph and Twitter properties are absolute http(s) URLs' },
  { id: 'canonical-missing', layer: 'house', severity: 'error', formats: html, summary: 'One <link rel="canonical">', reference: 'RFC 6596' },
  { id: 'canonical-duplicate', layer: 'house', severity: 'error', formats: html, summary: 'No second <link rel="canonical"> (search engines then ignore both)' },
  { id: 'relative-url', layer: 'house', severity: 'error', formats: html, summary: 'Canonical and alternate links are absolute http(s) URLs (a snippet is pasted into pages at other addresses)' },
  { id: 'external-asset', layer: 'house', severity: 'error', formats: html, summary: 'No external script, style sheet, @import or url(…): the pages are self-contained' },
  { id: 'executable-script', layer: 'house', severity: 'error', formats: html, summary: 'No executable <script>: only JSON-LD data blocks', reference: 'HTML Living Standard §4.12.1.1' },
  { id: 'head-content', layer: 'house', severity: 'error', formats: html, summary: 'A head snippet holds only metadata content, or pasting it would end the <head> early', reference: 'HTML Living Standard §4.2, §13.2.6.4.4' },
  { id: 'html-lang', layer: 'house', severity: 'error', formats: html, summary: '<html lang> names the page language', reference: 'WCAG 2.2 SC 3.1.1' },
  { id: 'charset-missing', layer: 'house', severity: 'error', formats: html, summary: '<meta charset="utf-8">', reference: 'HTML Living Standard §4.2.5.4' },
  { id: 'viewport-missing', layer: 'house', severity: 'warning', formats: html, summary: '<meta name="viewport"> so phones render the page at their width' },
  { id: 'title-missing', layer: 'house', severity: 'error', formats: html, summary: 'A <title> with text', reference: 'HTML Living Standard §4.2.2' },
  { id: 'h1-count', layer: 'house', severity: 'error', formats: html, summary: 'A page has exactly one <h1>', reference: 'HTML Living Standard §4.3.11' },
  { id: 'img-alt', layer: 'house', severity: 'error', formats: html, summary: 'Every <img> has an alt attribute', reference: 'HTML Living Standard §4.8.4.4, WCAG 2.2 SC 1.1.1' },
] as const);
