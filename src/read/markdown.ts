import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent, Text } from 'hast';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { toText } from 'hast-util-to-text';
import { unified } from 'unified';
import type { SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { escapeHtml } from '../model/html.ts';
import { ArticleSchema } from '../model/article.ts';
import { toGuid, toPermalink } from '../model/identity.ts';
import type { SourceFile } from '../model/output.ts';
import { toFrontMatterRfc3339 } from './datetime.ts';
import { MarkdownFrontMatterSchema, offsetFix, readFrontMatter, toArticleId, toFrontMatterImages, toLifecycle } from './frontmatter.ts';
import { decodeSource, rawLines } from './text.ts';
import type { ReadResult } from './wire.ts';

const SOURCE = 'read:markdown';

/** The class remark-rehype gives a fenced code block (```ts → `language-ts`); other info strings are dropped. */
const LANGUAGE_CLASS = /^language-[\w+#.-]+$/;

/**
 * What the body may contain after sanitising: exactly what CommonMark produces (no raw HTML, see
 * below), nothing that runs code, submits data or clobbers the receiving page. GitHub's default
 * schema (rehype-sanitize's) is wider than feeds need: it keeps `id`/`name` (prefixed `user-content-`,
 * which would still collide across the many items of one feed), `aria-*`, `input`, tables, `details`
 * and `mailto:`/`irc:` links, which our feed rules treat as relative. Every field is given because
 * hast-util-sanitize applies no defaults for missing ones (no `tagNames` would allow every element).
 */
const SANITIZE_SCHEMA: SanitizeSchema = {
  tagNames: ['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'code', 'em', 'strong', 'a', 'img', 'br', 'hr'],
  attributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    // A fenced block's info string (```js) as remark-rehype writes it; anything odd is dropped.
    code: [['className', LANGUAGE_CLASS]],
  },
  protocols: { href: ['http', 'https'], src: ['http', 'https'] },
  ancestors: { li: ['ol', 'ul'] },
  required: {},
  // Unknown elements are unwrapped (their text kept) except these, which go with their content.
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'form', 'textarea', 'select'],
  clobber: [],
  clobberPrefix: '',
  allowComments: false,
  allowDoctypes: false,
};

/** CommonMark parser (micromark via remark-parse); no GFM or other syntax extensions. */
const parser = unified().use(remarkParse).freeze();
/**
 * mdast → hast. Without `allowDangerousHtml`, remark-rehype leaves raw HTML out of the tree: inline
 * tags (`<b>`) vanish and their text stays, HTML blocks (`<div>…</div>`, `<script>…`) vanish whole.
 * That is our policy for raw HTML, reported by {@link findRawHtml}.
 */
const toHast = unified().use(remarkRehype).freeze();
const sanitizer = unified().use(rehypeSanitize, SANITIZE_SCHEMA).freeze();
/**
 * hast → HTML that is also XHTML: void elements self-closed (`<br />`), attributes always quoted, the
 * named references only for `&` and `"` (XML's own). Text nodes arrive as `raw` nodes already escaped
 * by {@link escapeHtml} (the escaping wire copy uses), which is what `allowDangerousHtml` lets through;
 * it runs after the sanitiser, so no other raw node can exist.
 */
const stringifier = unified()
  .use(rehypeStringify, { closeSelfClosing: true, allowDangerousHtml: true, characterReferences: { useNamedReferences: true } })
  .freeze();

/** One kind of removal the reader reports (once per rule, with every line). */
interface Removal {
  ruleId: 'raw-html' | 'unsafe-url' | 'unsupported-url';
  /** 1-based line in the article file. */
  line: number;
  /** What was removed, shortened and quoted for the message. */
  what: string;
}

/** A block's plain text, and whether it was a paragraph (the default description is the first paragraph). */
interface BlockText {
  text: string;
  paragraph: boolean;
}

/**
 * Reads a Markdown article: YAML front matter (required; `headline` and `date` required, see
 * {@link MarkdownFrontMatterSchema}) and a CommonMark body rendered to sanitised XHTML-compatible HTML.
 * Front-matter problems point at the key's line, body problems at the body line.
 */
export function readMarkdown(file: SourceFile, site: SiteConfig): ReadResult {
  const decoded = decodeSource(file.bytes, file.path, SOURCE);
  if ('severity' in decoded) return { diagnostics: [decoded] };
  const diagnostics: Diagnostic[] = [...decoded.warnings];
  const report = (severity: 'error' | 'warning', ruleId: string, message: string, line: number) =>
    diagnostics.push(diagnostic(severity, file.path, SOURCE, ruleId, message, { line, column: 1 }));

  const raw = rawLines(file.bytes);
  const front = readFrontMatter(decoded.lines, file.path, SOURCE, MarkdownFrontMatterSchema, raw);
  if (!front.present) {
    report('error', 'missing-front-matter', 'the file has no YAML front matter, which a Markdown article needs; start it with "---", `headline: …`, `date: …` and "---" lines', 1);
    return { diagnostics };
  }
  diagnostics.push(...front.diagnostics);
  if (front.diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const fm = front.data;
  const keyLine = (key: string) => front.keyLines[key] ?? 1;

  if (fm.headline === undefined) report('error', 'missing-headline', 'front matter has no `headline`; add `headline: …` (plain text, one line)', 1);
  const published = fm.date === undefined ? undefined : readTime(fm.date, 'date', keyLine('date'), site, report);
  if (fm.date === undefined) report('error', 'missing-date', 'front matter has no `date`; add e.g. `date: 2024-09-04T21:03:00+08:00` or `date: 2024-09-04 21:03` (read in the site\'s time zone)', 1);
  const updated = fm.updated === undefined ? undefined : readTime(fm.updated, 'updated', keyLine('updated'), site, report);
  if (published !== undefined && updated !== undefined && Date.parse(updated) < Date.parse(published)) {
    report('error', 'updated-before-published', `\`updated\` (${updated}) is earlier than \`date\` (${published}); correct one of them`, keyLine('updated'));
  }
  const sections = fm.section ?? [];
  const images = toFrontMatterImages([], fm, front.keyLines, file.path, SOURCE, diagnostics);
  const id = toArticleId(file.path, fm, front.keyLines, SOURCE, diagnostics);
  const lifecycle = toLifecycle(fm, front.keyLines, site.timeZone, file.path, SOURCE, diagnostics);
  if (diagnostics.some((d) => d.severity === 'error') || fm.headline === undefined || published === undefined || id === undefined) {
    return { diagnostics };
  }

  const url = fm.url ?? toPermalink(site, { id, datePublished: published, sections });
  // Body lines as written (tabs and trailing spaces are Markdown syntax), numbered like the file.
  const body = toBody(raw.slice(front.bodyStart).join('\n'), url, front.bodyStart);
  for (const warning of toRemovalWarnings(body.removals)) report('warning', warning.ruleId, warning.message, warning.line);
  if (body.blocks.length === 0) {
    // At the first non-blank body line, or at the closing "---" when there is none.
    const firstText = decoded.lines.findIndex((line, i) => i >= front.bodyStart && line !== '');
    report('error', 'missing-body', 'the article has no body text after the front matter; add the story in Markdown', firstText < 0 ? front.bodyStart : firstText + 1);
    return { diagnostics };
  }

  const paragraphs = body.blocks.map((b) => b.text);
  const draft = {
    id,
    guid: toGuid(id, site),
    source: file.path,
    url,
    headline: fm.headline,
    sections,
    datePublished: published,
    ...(updated !== undefined ? { dateModified: updated } : {}),
    authors: fm.authors ?? [],
    ...(fm.dateline !== undefined ? { dateline: fm.dateline } : {}),
    keywords: fm.keywords ?? [],
    description: fm.description ?? (body.blocks.find((b) => b.paragraph) ?? body.blocks[0]!).text,
    paragraphs,
    bodyHtml: body.html,
    images,
    language: site.language,
    ...lifecycle,
  };
  const checked = ArticleSchema.safeParse(draft);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      report('error', 'invalid-article', `${issue.path.join('.')}: ${issue.message}; check the front matter and body`, 1);
    }
    return { diagnostics };
  }
  return { article: checked.data, diagnostics };
}

/** A front-matter time in the site's zone; undefined (with a diagnostic at the key's line) when it cannot be read. */
function readTime(
  text: string,
  key: 'date' | 'updated',
  line: number,
  site: SiteConfig,
  report: (severity: 'error' | 'warning', ruleId: string, message: string, line: number) => void,
): string | undefined {
  const zoned = toFrontMatterRfc3339(text, site.timeZone);
  if (zoned === undefined) {
    report('error', 'unrecognised-date', `\`${key}: ${text}\` is not a date and time; write RFC 3339 with an offset ("2024-09-04T21:03:00+08:00") or a local time in the site's zone ("2024-09-04 21:03")`, line);
    return undefined;
  }
  if (!zoned.ok) {
    report('error', zoned.ruleId, `\`${key}:\` ${zoned.message}`, line);
    return undefined;
  }
  if (zoned.note) report('warning', zoned.note.ruleId, `\`${key}:\` ${zoned.note.message}; ${offsetFix(key, zoned.note.alternative)}`, line);
  return zoned.value;
}

/** The rendered body: XHTML-compatible HTML, the plain text of each block, and what was removed. */
interface Body {
  html: string;
  blocks: BlockText[];
  removals: Removal[];
}

/**
 * CommonMark → sanitised HTML, in named steps: parse (remark-parse), report raw HTML, convert
 * (remark-rehype, which drops raw HTML), resolve and police URLs and normalise spaces, sanitise
 * (rehype-sanitize, the guarantee), take each block's text, escape text, stringify (rehype-stringify).
 * `lineOffset` turns body lines into file lines.
 */
function toBody(markdown: string, baseUrl: string, lineOffset: number): Body {
  const removals: Removal[] = [];
  const mdast = parser.parse(markdown);
  findRawHtml(mdast, lineOffset, removals);
  const hast = toHast.runSync(mdast) as HastRoot;
  policeTree(hast, baseUrl, lineOffset, removals);
  const clean = sanitizer.runSync(hast) as HastRoot;
  tidyTree(clean);
  const blocks: BlockText[] = [];
  collectBlocks(clean, blocks);
  escapeTextNodes(clean);
  return { html: toXhtmlAttributes(stringifier.stringify(clean)), blocks, removals };
}

/**
 * Raw HTML nodes of the Markdown (blocks and inline tags), which the conversion leaves out. Comments
 * (`<!-- … -->`) are editors' notes: dropped as well, but not worth a warning.
 */
function findRawHtml(node: MdastRoot | MdastContent, lineOffset: number, removals: Removal[]): void {
  if (node.type === 'html') {
    if (!/^<!--[\s\S]*-->$/.test(node.value.trim())) {
      removals.push({ ruleId: 'raw-html', line: (node.position?.start.line ?? 1) + lineOffset, what: `"${shorten(node.value)}"` });
    }
    return;
  }
  if ('children' in node) for (const child of node.children) findRawHtml(child, lineOffset, removals);
}

/** Containers whose whitespace-only text (remark-rehype's "\n" between children) only separates blocks. */
const BLOCK_CONTAINERS = new Set(['blockquote', 'ul', 'ol', 'li']);

/**
 * Before sanitising: resolves `href`/`src` against the article's canonical URL (feeds need absolute
 * URLs; a relative link means "on our site"), unwraps links and removes images whose URL is not
 * http(s) (reported), and normalises spaces in text as wire copy does (no-break and other Unicode
 * spaces, tabs, line breaks inside a paragraph), except inside `<pre>`.
 */
function policeTree(parent: HastRoot | Element, baseUrl: string, lineOffset: number, removals: Removal[], inPre = false): void {
  const children: HastContent[] = [];
  for (const child of parent.children) {
    if (child.type === 'text') {
      const separator = /^\s*$/.test(child.value) && child.value.includes('\n') && (parent.type === 'root' || BLOCK_CONTAINERS.has(parent.tagName));
      if (!inPre && !separator) child.value = normaliseSpaces(child.value);
      children.push(child);
      continue;
    }
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    const line = (child.position?.start.line ?? 1) + lineOffset;
    if (child.tagName === 'code' && child.properties.className !== undefined) {
      // The sanitiser would empty an odd class list and leave `class=""`; drop it here instead.
      const classes = child.properties.className;
      if (!Array.isArray(classes) || !classes.every((c) => LANGUAGE_CLASS.test(String(c)))) delete child.properties.className;
    }
    if (child.tagName === 'a' || child.tagName === 'img') {
      const key = child.tagName === 'a' ? 'href' : 'src';
      const value = child.properties[key];
      const checked = resolveUrl(typeof value === 'string' ? value : '', baseUrl);
      if (checked.ok) {
        child.properties[key] = checked.url;
      } else {
        const what = `${child.tagName === 'a' ? 'link to' : 'image'} "${shorten(String(value ?? ''))}"`;
        removals.push({ ruleId: checked.ruleId, line, what });
        if (child.tagName === 'a') {
          // The link text stays, as plain text.
          policeTree(child, baseUrl, lineOffset, removals, inPre);
          children.push(...(child.children as HastContent[]));
        }
        continue;
      }
    }
    policeTree(child, baseUrl, lineOffset, removals, inPre || child.tagName === 'pre');
    children.push(child);
  }
  parent.children = children as typeof parent.children;
}

/** Blocks whose edges are trimmed and which are dropped when nothing is left in them. */
const TRIMMED_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * After sanitising: what removals left behind is tidied so that the HTML reads as if written without
 * them. Adjacent texts are joined and their spaces collapsed ("A <img onerror> b" → "A b"), spaces at
 * the edges of a paragraph or heading are trimmed, and a paragraph or heading left empty is dropped.
 */
function tidyTree(parent: HastRoot | Element): void {
  const children: HastContent[] = [];
  for (const child of parent.children) {
    const previous = children.at(-1);
    if (child.type === 'text' && previous?.type === 'text') {
      // Two separators between blocks stay one; text joined across a removed element loses the double space.
      if (!(/^\s*$/.test(previous.value) && /^\s*$/.test(child.value))) previous.value = collapse(previous.value + child.value);
      continue;
    }
    if (child.type === 'element') {
      if (child.tagName !== 'pre') tidyTree(child);
      if (TRIMMED_BLOCKS.has(child.tagName)) {
        const first = child.children[0];
        const last = child.children.at(-1);
        if (first?.type === 'text') first.value = first.value.trimStart();
        if (last?.type === 'text') last.value = last.value.trimEnd();
        child.children = child.children.filter((c) => c.type !== 'text' || c.value !== '');
        if (child.children.length === 0) {
          // The separator before the dropped block goes too.
          if (previous?.type === 'text' && /^\s*$/.test(previous.value)) children.pop();
          continue;
        }
      }
    }
    children.push(child);
  }
  parent.children = children as typeof parent.children;
}

function collapse(text: string): string {
  return text.replace(/ {2,}/g, ' ');
}

/** Wire copy's normalisation, applied to a text node: Unicode spaces and tabs become spaces, line breaks and runs of spaces one space. */
function normaliseSpaces(text: string): string {
  return text
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/ {2,}/g, ' ');
}

/** Schemes that run code or smuggle content in the URL itself (HTML §7.1.5, feedvalidator's SecurityRisk). */
const SCRIPT_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:']);

/** An http(s) URL made absolute, or why the URL cannot stay. */
function resolveUrl(value: string, baseUrl: string): { ok: true; url: string } | { ok: false; ruleId: 'unsafe-url' | 'unsupported-url' } {
  if (value.trim() === '') return { ok: false, ruleId: 'unsupported-url' };
  // The WHATWG parser also sees through what browsers ignore (tabs and newlines inside "java\tscript:").
  let url: URL;
  try {
    url = new URL(value, baseUrl);
  } catch {
    return { ok: false, ruleId: 'unsupported-url' };
  }
  // Markdown percent-encodes a destination's spaces (`<  javascript:…>` arrives as `%20%20javascript:…`),
  // which makes it a harmless relative link, but it was meant as a script: say so, and drop it.
  if (SCRIPT_SCHEMES.has(schemeOf(decodePercent(value)))) return { ok: false, ruleId: 'unsafe-url' };
  if (url.protocol === 'http:' || url.protocol === 'https:') return { ok: true, url: url.href };
  return { ok: false, ruleId: SCRIPT_SCHEMES.has(url.protocol) ? 'unsafe-url' : 'unsupported-url' };
}

/** `value` with percent-escapes decoded (left as it is where they do not decode). */
function decodePercent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The scheme the WHATWG URL parser would read from `value` on its own (`javascript:`), or '' for a relative reference. */
function schemeOf(value: string): string {
  try {
    return new URL(value).protocol;
  } catch {
    return '';
  }
}

/** Leaf blocks whose text is one entry of `paragraphs`; lists and quotes are walked into. */
const LEAF_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);

/**
 * The plain text of every block, in order: paragraphs, headings, code blocks, and the text of tight
 * list items (which has no `<p>`). Blocks without text (an image alone, a rule) give nothing.
 */
function collectBlocks(parent: HastRoot | Element, blocks: BlockText[]): void {
  let inline: ElementContent[] = [];
  const flush = () => {
    const text = toPlainText(inline);
    if (text !== '') blocks.push({ text, paragraph: false });
    inline = [];
  };
  for (const child of parent.children) {
    if (child.type === 'element' && LEAF_BLOCKS.has(child.tagName)) {
      flush();
      const text = toPlainText([child]);
      if (text !== '') blocks.push({ text, paragraph: child.tagName === 'p' });
    } else if (child.type === 'element' && (BLOCK_CONTAINERS.has(child.tagName) || child.tagName === 'hr')) {
      flush();
      collectBlocks(child, blocks);
    } else if (child.type === 'element' || child.type === 'text') {
      inline.push(child);
    }
  }
  flush();
}

/** Text as a reader sees it (hast-util-to-text's innerText), on one line. */
function toPlainText(nodes: readonly ElementContent[]): string {
  // One wrapper for the run, so that spaces between inline elements are kept (a lone " " text node collapses to "").
  const wrapper: Element = { type: 'element', tagName: 'span', properties: {}, children: nodes.map(protectBidi) };
  return restoreBidi(normaliseSpaces(toText(wrapper)).trim());
}

/*
 * CSS Text §4.1.1 says to collapse white space "ignoring bidi formatting characters as if they were
 * not there"; hast-util-to-text deletes them instead, so the plain text (JSON-LD articleBody, the
 * description) would lose the direction marks that bodyHtml keeps. They travel through it as
 * noncharacters U+FDD0…, which cannot be in the text: the decoder removes every noncharacter.
 */
const BIDI_CONTROLS = '\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
const BIDI_PATTERN = new RegExp(`[${BIDI_CONTROLS}]`, 'g');
const STAND_IN_PATTERN = new RegExp(`[${String.fromCharCode(0xfdd0)}-${String.fromCharCode(0xfdd0 + BIDI_CONTROLS.length - 1)}]`, 'g');

function protectBidi(node: ElementContent): ElementContent {
  if (node.type === 'text') return { ...node, value: node.value.replace(BIDI_PATTERN, (c) => String.fromCharCode(0xfdd0 + BIDI_CONTROLS.indexOf(c))) };
  if (node.type === 'element') return { ...node, children: node.children.map(protectBidi) };
  return node;
}

function restoreBidi(text: string): string {
  return text.replace(STAND_IN_PATTERN, (c) => BIDI_CONTROLS[c.charCodeAt(0) - 0xfdd0]!);
}

/**
 * Replaces every text node by a raw node holding its text escaped like wire copy's (`&amp;`, `&lt;`,
 * `&gt;`, `&quot;`, `&#39;`): the same facts give the same `bodyHtml` in both formats, and `>` is
 * escaped too, so `]]>` never appears in text (XML 1.0 §2.4 forbids it in character data).
 */
function escapeTextNodes(parent: HastRoot | Element): void {
  parent.children = parent.children.map((child) => {
    if (child.type === 'text') return { type: 'raw', value: escapeHtml((child as Text).value) } as unknown as typeof child;
    if (child.type === 'element') escapeTextNodes(child);
    return child;
  }) as typeof parent.children;
}

/**
 * hast-util-to-html leaves `<` and `>` raw inside double-quoted attribute values (HTML allows them;
 * XML 1.0 §3.1 forbids `<` there). Text is escaped already, so every `"` in the output delimits an
 * attribute value, and each value can be fixed in place.
 */
function toXhtmlAttributes(html: string): string {
  return html.replace(/="([^"]*)"/g, (_, value: string) => `="${value.replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`);
}

const REMOVAL_ORDER: readonly Removal['ruleId'][] = ['raw-html', 'unsafe-url', 'unsupported-url'];

/** One warning per rule: where it first happened, how often, and what to do. */
function toRemovalWarnings(removals: readonly Removal[]): { ruleId: Removal['ruleId']; line: number; message: string }[] {
  return REMOVAL_ORDER.flatMap((ruleId) => {
    const found = removals.filter((r) => r.ruleId === ruleId);
    const first = found[0];
    if (first === undefined) return [];
    const lines = [...new Set(found.map((r) => r.line))];
    const where = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
    const example = first.what;
    const count = found.length === 1 ? '' : ` (${found.length} times, ${where})`;
    const message =
      ruleId === 'raw-html'
        ? `raw HTML is not allowed in Markdown and was removed: ${example}${count}; inline tags lose their markup but keep their text, HTML blocks are dropped whole. Write it in Markdown`
        : ruleId === 'unsafe-url'
          ? `a script or data URL was removed: ${example}${count}; links keep their text, images are dropped. Link to an https URL instead`
          : `a URL that is not http(s) was removed: ${example}${count} (mailto:, tel:, empty or unparsable URLs cannot go into feeds); links keep their text, images are dropped. Use an http(s) URL`;
    return [{ ruleId, line: first.line, message }];
  });
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}
