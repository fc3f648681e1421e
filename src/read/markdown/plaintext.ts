import type { BodyNode, ElementNode, ParentNode } from './nodes.ts';
import { BLOCK_CONTAINERS, normaliseSpaces } from './police.ts';

/** A block's plain text, and whether it was a paragraph (the default description is the first paragraph). */
export interface BlockText {
  text: string;
  paragraph: boolean;
}

/** Leaf blocks whose text is one entry of `paragraphs`; lists and quotes are walked into. */
const LEAF_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);

/** Elements whose text a reader sees on lines of its own (HTML's block-level elements, as innerText treats them). */
const BLOCK_ELEMENTS = new Set([...LEAF_BLOCKS, ...BLOCK_CONTAINERS, 'hr', 'th', 'td']);

/**
 * The plain text of every block, in order: paragraphs, headings, code blocks, the text of tight list
 * items (which has no `<p>`), and each table row (its cells separated by a tab, as innerText gives
 * them). Blocks without text (an image alone, a rule) give nothing.
 *
 * Where innerText would mislead a reader of plain text (JSON-LD `articleBody`, descriptions), it is not
 * followed: a footnote reference is a superscript number ("rose 12%¹", where "12%1" would change the
 * figure), and each note starts with it ("¹ Port authority figures."); struck-through text (`<del>`),
 * which the editor marked as no longer true, is left out rather than read as part of the sentence.
 */
export function collectBlocks(parent: ParentNode, blocks: BlockText[]): void {
  let inline: BodyNode[] = [];
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
    } else if (child.type === 'element' && child.tagName === 'table') {
      flush();
      collectRows(child, blocks);
    } else if (child.type === 'element' && child.footnotes) {
      flush();
      collectNotes(child, blocks);
    } else if (child.type === 'element' && (BLOCK_CONTAINERS.has(child.tagName) || child.tagName === 'hr')) {
      flush();
      collectBlocks(child, blocks);
    } else {
      inline.push(child);
    }
  }
  flush();
}

function collectRows(table: ElementNode, blocks: BlockText[]): void {
  for (const group of table.children) {
    if (group.type !== 'element') continue;
    for (const row of group.children) {
      if (row.type !== 'element') continue;
      const cells = row.children.filter((c): c is ElementNode => c.type === 'element').map((cell) => toPlainText(cell.children));
      if (cells.some((cell) => cell !== '')) blocks.push({ text: cells.join('\t'), paragraph: false });
    }
  }
}

function collectNotes(list: ElementNode, blocks: BlockText[]): void {
  let number = 0;
  for (const item of list.children) {
    if (item.type !== 'element') continue;
    number++;
    const note: BlockText[] = [];
    collectBlocks(item, note);
    if (note[0] !== undefined) note[0].text = `${toSuperscript(String(number))} ${note[0].text}`;
    blocks.push(...note);
  }
}

/**
 * Text as a reader sees it (innerText), on one line: the text of the nodes, a break where a block or
 * `<br>` starts or ends, then wire copy's space normalisation, which makes each break one space.
 * Bidi controls are kept (CSS Text §4.1.1 collapses white space "as if they were not there").
 */
function toPlainText(nodes: readonly BodyNode[]): string {
  const parts: string[] = [];
  for (const node of nodes) appendText(node, parts);
  return normaliseSpaces(parts.join('')).trim();
}

function appendText(node: BodyNode, parts: string[]): void {
  if (node.type === 'text') {
    parts.push(node.value);
  } else if (node.tagName === 'del') {
    // Left out (see collectBlocks).
  } else if (node.tagName === 'sup') {
    parts.push(toSuperscript(toPlainText(node.children)));
  } else if (node.tagName === 'br') {
    parts.push('\n');
  } else if (BLOCK_ELEMENTS.has(node.tagName)) {
    parts.push('\n');
    for (const child of node.children) appendText(child, parts);
    parts.push('\n');
  } else {
    for (const child of node.children) appendText(child, parts);
  }
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A footnote number in superscript digits ("12" → "¹²"). */
function toSuperscript(digits: string): string {
  return digits.replace(/[0-9]/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);
}
