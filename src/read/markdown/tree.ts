import type { Token } from 'markdown-it';
import { toElement, toText, toWrapped, type BodyNode, type ElementNode, type RootNode, type TextNode } from './nodes.ts';
import { toInlineStart, unescapeAll } from './parse.ts';
import { shorten, type Removal } from './removals.ts';

/**
 * markdown-it's tokens → the body tree, laid out as remark-rehype laid out the same Markdown before
 * (mdast-util-to-hast: "\n" text nodes between blocks, tight list items without `<p>`, a text node per
 * run of text), which is what keeps today's bytes. Raw HTML (blocks and inline tags) is left out and
 * reported: inline tags vanish and their text stays, HTML blocks vanish whole. Comments (`<!-- … -->`)
 * are editors' notes: dropped as well, but not worth a warning.
 *
 * The GFM additions are laid out the same way: a table as `<table>`, `<thead>`/`<tbody>`, `<tr>`,
 * `<th>`/`<td>` with a column's alignment as markdown-it writes it (`style="text-align:right"`: numbers
 * line up; the obsolete `align` attribute is not valid HTML5, a class would mean nothing in a feed, and
 * allowlist.ts lets through exactly these three values), strikethrough as `<del>`, and footnotes without ids
 * or fragment links, which would collide between the items of one feed and are relative URLs our feed
 * rules warn about: the reference is `<sup>1</sup>` and the notes follow the body, after an `<hr />`,
 * as an `<ol>` in the order of first reference (markdown-it-footnote's numbering; notes never referenced
 * are left out, as on GitHub).
 */
export function toTree(tokens: readonly Token[], lineOffset: number, removals: Removal[]): RootNode {
  const reader = new TreeReader(tokens, lineOffset, removals);
  return { type: 'root', children: toWrapped(reader.readBlocks(lineOffset + 1), false) };
}

/** Elements markdown-it opens inline, and what they become. */
const INLINE_ELEMENTS: Record<string, string> = { em_open: 'em', strong_open: 'strong', s_open: 'del', link_open: 'a' };

/**
 * Inline elements nested deeper than this are left out, their text kept: emphasis has no nesting limit
 * in markdown-it (blocks have `maxNesting`), and every later step walks the tree recursively.
 */
const MAX_INLINE_DEPTH = 1000;

/** A bare URL markdown-it's linkify found that GitHub would link too: with a scheme, or starting "www.". */
const LINKABLE_BARE_URL = /^(?:https?:\/\/|www\.)/i;

class TreeReader {
  /** Next token to read. */
  private at = 0;
  /** Paragraphs markdown-it hides in tight lists (their text goes straight into the `<li>`). */
  private readonly hidden = new WeakSet<ElementNode>();

  constructor(
    private readonly tokens: readonly Token[],
    private readonly lineOffset: number,
    private readonly removals: Removal[],
  ) {}

  /** The 1-based file line where a block token starts, or `fallback` when markdown-it gave it none. */
  private lineOf(token: Token, fallback: number): number {
    return token.map ? token.map[0] + 1 + this.lineOffset : fallback;
  }

  /** Blocks up to the closing token of the container being read (left for the caller) or the end. */
  readBlocks(line: number): BodyNode[] {
    const nodes: BodyNode[] = [];
    while (this.at < this.tokens.length) {
      const token = this.tokens[this.at]!;
      if (token.nesting === -1) return nodes;
      this.at++;
      nodes.push(...this.readBlock(token, this.lineOf(token, line)));
    }
    return nodes;
  }

  /** Skips the closing token of the container just read. */
  private close(): void {
    this.at++;
  }

  private readBlock(token: Token, line: number): BodyNode[] {
    switch (token.type) {
      case 'paragraph_open':
      case 'heading_open': {
        const children = this.readInlineToken(line);
        // markdown-it-footnote puts its back-reference anchors between the text and the close: not ours.
        while (this.at < this.tokens.length && this.tokens[this.at]!.nesting !== -1) this.at++;
        this.close();
        const element = toElement(token.type === 'heading_open' ? token.tag : 'p', line, children);
        if (token.hidden) this.hidden.add(element);
        return [element];
      }
      case 'blockquote_open': {
        const children = this.readBlocks(line);
        this.close();
        return [toElement('blockquote', line, toWrapped(children, true))];
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const items: { line: number; children: BodyNode[] }[] = [];
        while (this.tokens[this.at]?.type === 'list_item_open') {
          const item = this.tokens[this.at++]!;
          const itemLine = this.lineOf(item, line);
          items.push({ line: itemLine, children: this.readBlocks(itemLine) });
          this.close();
        }
        this.readBlocks(line);
        this.close();
        const start = token.attrGet('start');
        const attributes: Record<string, string> = start === null ? {} : { start: String(start) };
        const loose = items.some((item) => item.children.some((c) => c.type === 'element' && c.tagName === 'p' && !this.hidden.has(c)));
        const lis = items.map((item) => toListItem(item.children, loose, item.line));
        return [toElement(token.type === 'bullet_list_open' ? 'ul' : 'ol', line, toWrapped(lis, true), attributes)];
      }
      case 'code_block':
      case 'fence': {
        const language = token.type === 'fence' ? toLanguage(token.info) : undefined;
        // mdast's value + "\n", which an unclosed fence ending the file lacks in markdown-it's content.
        const content = token.content === '' || token.content.endsWith('\n') ? token.content : `${token.content}\n`;
        const code = toElement('code', line, [toText(content)], language === undefined ? {} : { class: `language-${language}` });
        return [toElement('pre', line, [code])];
      }
      case 'hr':
        return [toElement('hr', line)];
      case 'html_block':
        this.reportHtml(token.content, line);
        return [];
      case 'table_open':
      case 'thead_open':
      case 'tbody_open':
      case 'tr_open': {
        const children = this.readBlocks(line);
        this.close();
        return [toElement(token.tag, line, toWrapped(children, true))];
      }
      case 'th_open':
      case 'td_open': {
        // Cells have no line of their own: the row's, passed down as `line`.
        const style = token.attrGet('style');
        const children = this.readInlineToken(line);
        this.close();
        return [toElement(token.tag, line, children, style === null ? {} : { style: String(style) })];
      }
      case 'footnote_block_open':
        return this.readFootnotes(line);
      default: {
        // Anything else a plugin might add: its content is kept, the token itself is not ours to render.
        if (token.nesting !== 1) return [];
        const children = this.readBlocks(line);
        this.close();
        return children;
      }
    }
  }

  /** The inline token at the cursor (if there is one) as nodes. */
  private readInlineToken(line: number): BodyNode[] {
    const token = this.tokens[this.at];
    if (token?.type !== 'inline') return [];
    this.at++;
    return this.readInline(token.children ?? [], token.content, this.lineOf(token, line));
  }

  /** The notes, as `<hr />` and `<ol>` (see {@link toTree}); markdown-it-footnote numbers them in order. */
  private readFootnotes(line: number): BodyNode[] {
    const notes: BodyNode[][] = [];
    while (this.tokens[this.at]?.type === 'footnote_open') {
      this.at++;
      notes.push(this.readBlocks(line));
      this.close();
    }
    this.readBlocks(line);
    this.close();
    const loose = notes.some((children) => children.length > 1);
    const list = toElement('ol', line, toWrapped(notes.map((children) => toListItem(children, loose, line)), true));
    list.footnotes = true;
    return [toElement('hr', line), list];
  }

  /**
   * Inline tokens → nodes. Text, soft line breaks, escapes and entities make one text node until the
   * next element or removed tag, as in mdast; a hard break is `<br />` then a "\n" text node of its own.
   */
  private readInline(tokens: readonly Token[], source: string, line: number): BodyNode[] {
    const root: BodyNode[] = [];
    const open: BodyNode[][] = [root];
    let current = root;
    /** The text node later text may join (none after an element, a break or a removed tag). */
    let joinable: TextNode | undefined;
    const append = (value: string) => {
      if (joinable !== undefined) joinable.value += value;
      else current.push((joinable = toText(value)));
    };
    const lineAt = (token: Token) => line + countNewlines(source, toInlineStart(token) ?? 0);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === 'link_open' && token.markup === 'linkify' && !LINKABLE_BARE_URL.test(tokens[i + 1]?.content ?? '')) {
        // A domain without "www." ("example.com") stays text, as on GitHub (linkify gives open, text, close).
        append(tokens[i + 1]?.content ?? '');
        i += 2;
        continue;
      }
      switch (token.type) {
        case 'text':
          append(token.content);
          continue;
        case 'softbreak':
          append('\n');
          continue;
        case 'hardbreak':
          current.push(toElement('br', line), toText('\n'));
          break;
        case 'code_inline':
          current.push(toElement('code', line, [toText(token.content)]));
          break;
        case 'image': {
          const attributes: Record<string, string> = { src: token.attrGet('src') as string, alt: toAlt(token.children ?? []) };
          const title = token.attrGet('title');
          if (title !== null) attributes.title = title as string;
          current.push(toElement('img', lineAt(token), [], attributes));
          break;
        }
        case 'html_inline':
          this.reportHtml(token.content, lineAt(token));
          break;
        case 'footnote_ref':
          current.push(toElement('sup', line, [toText(String((token.meta as { id: number }).id + 1))]));
          break;
        default:
          if (token.nesting === 1) {
            const tagName = INLINE_ELEMENTS[token.type];
            const children: BodyNode[] = [];
            if (tagName !== undefined && open.length <= MAX_INLINE_DEPTH) {
              const attributes: Record<string, string> = {};
              if (tagName === 'a') {
                attributes.href = token.attrGet('href') as string;
                const title = token.attrGet('title');
                if (title !== null) attributes.title = title as string;
              }
              const element = toElement(tagName, tagName === 'a' ? lineAt(token) : line, children, attributes);
              if (token.markup === 'linkify') element.bare = true;
              current.push(element);
              open.push(children);
              current = children;
            } else {
              // An element a plugin adds, or one nested deeper than anyone writes: its content goes where it stands.
              open.push(current);
            }
          } else if (token.nesting === -1 && open.length > 1) {
            open.pop();
            current = open.at(-1)!;
          }
      }
      joinable = undefined;
    }
    return root;
  }

  private reportHtml(value: string, line: number): void {
    if (!/^<!--[\s\S]*-->$/.test(value.trim())) this.removals.push({ ruleId: 'raw-html', line, what: `"${shorten(value)}"` });
  }
}

/**
 * A list item as mdast-util-to-hast wrote it: in a tight list a paragraph's content goes straight into
 * the `<li>`; "\n" before every other child and after the last unless it is such a paragraph.
 */
function toListItem(results: readonly BodyNode[], loose: boolean, line: number): ElementNode {
  const children: BodyNode[] = [];
  results.forEach((child, i) => {
    const paragraph = child.type === 'element' && child.tagName === 'p';
    if (loose || i !== 0 || !paragraph) children.push(toText('\n'));
    if (paragraph && !loose) children.push(...child.children);
    else children.push(child);
  });
  const tail = results.at(-1);
  if (tail !== undefined && (loose || tail.type !== 'element' || tail.tagName !== 'p')) children.push(toText('\n'));
  return toElement('li', line, children);
}

/**
 * A fence's language as remark gave it: the info string's first word (up to a space or tab), escapes
 * and references decoded, then its first whitespace-separated part; undefined without one.
 */
function toLanguage(info: string): string | undefined {
  const word = /^[ \t]*([^ \t]+)/.exec(info)?.[1];
  if (word === undefined) return undefined;
  return unescapeAll(word).split(/\s+/)[0];
}

/** An image's `alt` as mdast had it: the text of its label, code and raw HTML included, hard breaks as nothing. */
function toAlt(tokens: readonly Token[]): string {
  let alt = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline' || token.type === 'html_inline') alt += token.content;
    else if (token.type === 'softbreak') alt += '\n';
    else if (token.type === 'image') alt += toAlt(token.children ?? []);
    else if (token.type === 'footnote_ref') alt += String((token.meta as { id: number }).id + 1);
  }
  return alt;
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
  return count;
}
