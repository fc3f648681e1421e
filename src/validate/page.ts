/**
 * Validators of the HTML outputs: the head snippet (`head`), the article pages (`page`) and the index
 * page (`index`). Each document is parsed as browsers parse it (parse5, HTML §13.2) and checked against
 * what the pages promise: well-formed by the HTML parser's own rules, exactly one readable and
 * HTML-safe JSON-LD graph, the Open Graph a link preview needs with absolute URLs, a canonical link, no
 * external assets or scripts, and for whole pages `lang`, `charset`, `<title>`, one `<h1>` and an `alt`
 * on every image.
 */
import type { SiteConfig } from '../config.ts';
import type { Diagnostic, Position } from '../diagnostics.ts';
import type { OutputFile, Validator } from '../model/output.ts';
import { factsFromHtml, rememberFacts } from './facts.ts';
import {
  attributeOf,
  childElements,
  elementsNamed,
  elementsOf,
  hasToken,
  isJsonLdScript,
  metaProperties,
  parseHtml,
  positionOf,
  textOf,
  type HtmlElement,
  type ParsedHtml,
} from './htmldoc.ts';
import { fileReporter, type FileReport } from './json.ts';

/** The HTML formats checked here. */
export type HtmlFormat = 'head' | 'page' | 'index';

/** Open Graph properties each format must carry (OGP §"Basic Metadata" plus the description every preview shows). */
export const REQUIRED_OPEN_GRAPH: Record<HtmlFormat, readonly string[]> = {
  head: ['og:type', 'og:title', 'og:description', 'og:url', 'article:published_time'],
  page: ['og:type', 'og:title', 'og:description', 'og:url', 'article:published_time'],
  index: ['og:type', 'og:title', 'og:url'],
};

/** Open Graph / Twitter properties whose value is a URL that link-preview crawlers fetch without any base URL. */
const URL_PROPERTIES = ['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'og:video', 'og:audio', 'twitter:image'];

/** HTML §4.2 "metadata content": the only elements a `<head>` may hold; anything else ends the head early. */
const METADATA_ELEMENTS = new Set(['base', 'link', 'meta', 'noscript', 'script', 'style', 'template', 'title']);

/**
 * `type` values that make `<script>` a data block rather than a script (HTML §4.12.1.1): anything
 * other than empty, a JavaScript MIME type or `module`. We list the JavaScript ones to find scripts.
 */
const JAVASCRIPT_TYPE = /^(?:|module|(?:application|text)\/(?:x-)?(?:java|ecma)script|text\/javascript1\.[0-5]|text\/jscript|text\/livescript)$/;

/** Validates a head snippet (`articles/<id>/head.html`), parsed as a fragment. */
export const validateHead: Validator = (file, site) => validateHtml(file, site, 'head');

/** Validates an article page (`articles/<id>/index.html`). */
export const validatePage: Validator = (file, site) => validateHtml(file, site, 'page');

/** Validates the index page (`index.html`). */
export const validateIndexPage: Validator = (file, site) => validateHtml(file, site, 'index');

/** Validates one HTML output as `format`; never throws (an unexpected failure is one `html-parse-error`). */
export function validateHtml(file: OutputFile, site: SiteConfig, format: HtmlFormat): Diagnostic[] {
  const report = fileReporter(file, `validate:${format}`);
  let parsed: ParsedHtml;
  try {
    parsed = parseHtml(file.text, format === 'head' ? 'fragment' : 'document');
  } catch (error) {
    rememberFacts(file, site, []);
    return [report('error', 'html-parse-error', `could not be parsed as HTML (${error instanceof Error ? error.message : String(error)}); regenerate the file`)];
  }
  rememberFacts(file, site, factsFromHtml(format, parsed));
  try {
    return [
      ...parsed.errors.map((e) =>
        report('error', 'html-parse-error', `HTML parse error "${e.code}" (HTML Living Standard §13.2.2, parse errors): browsers recover from it in ways that differ from what was meant; fix the markup there`, { line: e.startLine, column: e.startCol }),
      ),
      ...checkJsonLd(parsed, format, report),
      ...checkOpenGraph(parsed, format, report),
      ...checkLinks(parsed, report),
      ...checkAssets(parsed, report),
      ...(format === 'head' ? checkHeadContent(parsed, report) : checkDocument(parsed, report)),
    ];
  } catch (error) {
    return [report('error', 'html-parse-error', `could not be checked (${error instanceof Error ? error.message : String(error)}); regenerate the file`)];
  }
}

/**
 * Head snippets and pages carry exactly one JSON-LD graph (two would state the article twice, and the
 * browser test compares one); the index page none or any. Every one must parse, and must not contain
 * what changes how its end tag is found (`</script`, `<!--`, `<script`: HTML §4.12.1.3).
 */
function checkJsonLd(parsed: ParsedHtml, format: HtmlFormat, report: FileReport): Diagnostic[] {
  const found: Diagnostic[] = [];
  const scripts = elementsNamed(parsed.root, 'script').filter(isJsonLdScript);
  if (format !== 'index' && scripts.length !== 1) {
    const where = scripts[1] === undefined ? {} : positionOf(scripts[1]);
    found.push(report('error', 'jsonld-count', `${scripts.length === 0 ? 'no' : scripts.length} <script type="application/ld+json"> elements; the ${format === 'head' ? 'head snippet' : 'page'} must carry exactly one, the article's graph (regenerate it)`, where));
  }
  for (const script of scripts) {
    const text = textOf(script);
    const at = scriptTextPosition(script);
    const unsafe = /<\/script|<!--|<script/i.exec(text);
    if (unsafe !== null) {
      found.push(report('error', 'jsonld-unsafe', `the JSON-LD contains a raw "${unsafe[0]}", which changes where the HTML parser ends the script (HTML §13.2.5.15 script data states); write "<" as \\u003c inside the JSON (formatJsonLd does)`, offsetPosition(text, unsafe.index, at)));
    }
    try {
      JSON.parse(text);
    } catch (error) {
      found.push(
        report(
          'error',
          'jsonld-unparseable',
          `the <script type="application/ld+json"> text is not JSON (${error instanceof Error ? error.message : String(error)}); a raw "</script" inside the JSON ends the element early, so escape "<" as \\u003c, or regenerate the file`,
          positionOf(script),
        ),
      );
    }
  }
  return found;
}

/** Where a script's text starts (just after its start tag), to position findings inside it. */
function scriptTextPosition(script: HtmlElement): Position {
  const tag = script.sourceCodeLocation?.startTag;
  return tag ? { line: tag.endLine, column: tag.endCol } : positionOf(script);
}

/** The position `offset` characters into `text`, which starts at `start`. */
function offsetPosition(text: string, offset: number, start: Position): Position {
  if (start.line === undefined || start.column === undefined) return start;
  const before = text.slice(0, offset);
  const newlines = before.split('\n').length - 1;
  return newlines === 0 ? { line: start.line, column: start.column + offset } : { line: start.line + newlines, column: offset - before.lastIndexOf('\n') };
}

/** Required Open Graph present and non-empty (`og-missing`); URL-valued properties absolute (`og-url`). */
function checkOpenGraph(parsed: ParsedHtml, format: HtmlFormat, report: FileReport): Diagnostic[] {
  const found: Diagnostic[] = [];
  const meta = metaProperties(parsed.root);
  for (const property of REQUIRED_OPEN_GRAPH[format]) {
    if (!(meta.get(property) ?? []).some((m) => m.value.trim() !== '')) {
      found.push(report('error', 'og-missing', `no <meta property="${property}" content="…">; link previews (Open Graph protocol, ogp.me) need it: regenerate the file`));
    }
  }
  for (const property of URL_PROPERTIES) {
    for (const { value, element } of meta.get(property) ?? []) {
      if (!isAbsoluteHttpUrl(value)) {
        found.push(report('error', 'og-url', `<meta property="${property}"> is "${value}", not an absolute http(s) URL; crawlers resolve nothing against the page, so write the full URL`, positionOf(element)));
      }
    }
  }
  return found;
}

/** One canonical link (`canonical-missing`, `canonical-duplicate`); canonical and alternate links absolute (`relative-url`). */
function checkLinks(parsed: ParsedHtml, report: FileReport): Diagnostic[] {
  const found: Diagnostic[] = [];
  const links = elementsNamed(parsed.root, 'link');
  const canonical = links.filter((l) => hasToken(l, 'rel', 'canonical'));
  if (canonical.length === 0) found.push(report('error', 'canonical-missing', 'no <link rel="canonical" href="…">; search engines need the story\'s canonical URL: regenerate the file'));
  if (canonical[1] !== undefined) found.push(report('error', 'canonical-duplicate', `${canonical.length} <link rel="canonical"> elements; search engines ignore all of them when there is more than one (keep one)`, positionOf(canonical[1])));
  for (const link of links.filter((l) => hasToken(l, 'rel', 'canonical') || hasToken(l, 'rel', 'alternate'))) {
    const href = attributeOf(link, 'href') ?? '';
    if (!isAbsoluteHttpUrl(href)) {
      found.push(report('error', 'relative-url', `<link rel="${attributeOf(link, 'rel') ?? ''}"> points to "${href}", not an absolute http(s) URL; a snippet is pasted into pages at other addresses, so write the full URL`, positionOf(link)));
    }
  }
  return found;
}

/**
 * No external assets (the pages are self-contained: no `<script src>`, `<link rel="stylesheet">`,
 * `@import` or `url(…)` in styles: `external-asset`), and no script at all other than JSON-LD data
 * blocks (`executable-script`: a page whose text made a script would run it).
 */
function checkAssets(parsed: ParsedHtml, report: FileReport): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const element of elementsOf(parsed.root)) {
    const name = element.tagName;
    if (name === 'script' && attributeOf(element, 'src') !== undefined) {
      found.push(report('error', 'external-asset', `<script src="${attributeOf(element, 'src') ?? ''}"> loads an external script; the pages carry no scripts: remove it`, positionOf(element)));
    } else if (name === 'script' && JAVASCRIPT_TYPE.test((attributeOf(element, 'type') ?? '').trim().toLowerCase())) {
      found.push(report('error', 'executable-script', 'an executable <script> element; the pages carry no scripts (only JSON-LD data blocks), so text must never become one: check the escaping of the content before it', positionOf(element)));
    }
    if (name === 'link' && hasToken(element, 'rel', 'stylesheet')) {
      found.push(report('error', 'external-asset', `<link rel="stylesheet" href="${attributeOf(element, 'href') ?? ''}"> loads an external style sheet; the pages use their inline <style> only: remove it`, positionOf(element)));
    }
    const css = name === 'style' ? textOf(element) : attributeOf(element, 'style');
    if (css !== undefined && /@import|url\s*\(/i.test(css)) {
      found.push(report('error', 'external-asset', 'a style loads an external resource (@import or url(…)); the pages carry no external CSS, fonts or images in styles: remove it', positionOf(element)));
    }
  }
  return found;
}

/** A head snippet holds only metadata content (HTML §4.2), or pasting it would end the template's `<head>` early. */
function checkHeadContent(parsed: ParsedHtml, report: FileReport): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const element of childElements(parsed.root)) {
    if (!METADATA_ELEMENTS.has(element.tagName)) {
      found.push(report('error', 'head-content', `<${element.tagName}> is not metadata content; inside <head> it would end the head early (HTML §13.2.6.4.4 "in head"): a head snippet holds only link, meta, script, style, title, base, noscript, template`, positionOf(element)));
    }
  }
  const text = parsed.root.childNodes.find((n) => n.nodeName === '#text' && 'value' in n && /\S/.test(n.value));
  if (text !== undefined) {
    const at = text.sourceCodeLocation;
    found.push(report('error', 'head-content', 'text outside any element; inside <head> it would end the head early and show on the page: remove it', at ? { line: at.startLine, column: at.startCol } : {}));
  }
  return found;
}

/** Whole pages: `<html lang>`, `<meta charset>`, viewport, `<title>`, exactly one `<h1>`, `alt` on every `<img>`. */
function checkDocument(parsed: ParsedHtml, report: FileReport): Diagnostic[] {
  const found: Diagnostic[] = [];
  const html = elementsNamed(parsed.root, 'html')[0];
  if (html === undefined || (attributeOf(html, 'lang') ?? '').trim() === '') {
    found.push(report('error', 'html-lang', 'no <html lang="…">; screen readers and translators need the page language (WCAG 2.2 SC 3.1.1): set it to the article\'s BCP 47 language', html === undefined ? {} : positionOf(html)));
  }
  const metas = elementsNamed(parsed.root, 'meta');
  if (!metas.some((m) => (attributeOf(m, 'charset') ?? '').trim().toLowerCase() === 'utf-8')) {
    found.push(report('error', 'charset-missing', 'no <meta charset="utf-8">; a page opened from disk or served without a charset would be decoded as windows-1252 (HTML §4.2.5.4): add it first in <head>'));
  }
  if (!metas.some((m) => attributeOf(m, 'name')?.toLowerCase() === 'viewport')) {
    found.push(report('warning', 'viewport-missing', 'no <meta name="viewport">; phones would render the page at desktop width: add content="width=device-width, initial-scale=1"'));
  }
  const titles = elementsNamed(parsed.root, 'title');
  if (titles.length === 0 || textOf(titles[0]!).trim() === '') {
    found.push(report('error', 'title-missing', 'no <title> text; every HTML document needs one (HTML §4.2.2) and it is what search results show: add the headline', titles[0] === undefined ? {} : positionOf(titles[0])));
  }
  const h1s = elementsNamed(parsed.root, 'h1');
  if (h1s.length !== 1) {
    found.push(report('error', 'h1-count', `${h1s.length} <h1> elements; a page has exactly one, its headline (HTML §4.3.11 headings): use <h2>–<h6> for the others`, h1s[1] === undefined ? {} : positionOf(h1s[1])));
  }
  for (const img of elementsNamed(parsed.root, 'img')) {
    if (attributeOf(img, 'alt') === undefined) {
      found.push(report('error', 'img-alt', `<img src="${attributeOf(img, 'src') ?? ''}"> has no alt attribute; give it a text alternative (HTML §4.8.4.4, WCAG 2.2 SC 1.1.1): the caption, or alt="" for decoration`, positionOf(img)));
    }
  }
  return found;
}

function isAbsoluteHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+\S*$/i.test(value) && URL.canParse(value);
}
