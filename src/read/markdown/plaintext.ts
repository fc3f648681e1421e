import type { BodyNode, ElementNode, ParentNode } from './nodes.ts';
import { BLOCK_CONTAINERS, normaliseSpaces } from './police.ts';

/**
 * A block's plain text and what it was: a paragraph (`<p>`), a table row, a footnote, or other text
 * (a heading, a tight list item, a code block). The default description picks by kind ({@link toSummary}).
 */
export interface BlockText {
  text: string;
  kind: 'paragraph' | 'row' | 'note' | 'other';
  /** The text without footnote references, when it has any (a description has no notes to refer to). */
  unreferenced?: string;
}

/** Leaf blocks whose text is one entry of `paragraphs`; lists and quotes are walked into. */
const LEAF_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre']);

/** Elements whose text a reader sees on lines of its own (HTML's block-level elements, as innerText treats them). */
const BLOCK_ELEMENTS = new Set([...LEAF_BLOCKS, ...BLOCK_CONTAINERS, 'hr', 'th', 'td']);

/**
 * The plain text of every block, in order: paragraphs, headings, code blocks, the text of tight list
 * items (which has no `<p>`), and each table body row ({@link toRowText}). Blocks without text (an
 * image alone, a rule) give nothing.
 *
 * Where innerText would mislead a reader of plain text (JSON-LD `articleBody`, descriptions), it is not
 * followed: a table row is not its cells separated by tabs (consumers collapse white space, and
 * "Card payments 40 per cent" no longer says where a cell ends) but each cell labelled with its
 * column's header; a footnote reference is a superscript number ("rose 12%¹", where "12%1" would
 * change the figure), and each note starts with it ("¹ Port authority figures."); struck-through text
 * (`<del>`), which the editor marked as no longer true, is left out rather than read as part of the
 * sentence ("the ~~minister~~ ministry said" reads "the ministry said").
 */
export function collectBlocks(parent: ParentNode, blocks: BlockText[]): void {
  let inline: BodyNode[] = [];
  const flush = () => {
    pushText(inline, 'other', blocks);
    inline = [];
  };
  for (const child of parent.children) {
    if (child.type === 'element' && LEAF_BLOCKS.has(child.tagName)) {
      flush();
      pushText([child], child.tagName === 'p' ? 'paragraph' : 'other', blocks);
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

/** The text of `nodes` as one block of `kind`, unless it is empty. */
function pushText(nodes: readonly BodyNode[], kind: BlockText['kind'], blocks: BlockText[]): void {
  const text = toPlainText(nodes);
  if (text === '') return;
  const unreferenced = toPlainText(nodes, false);
  blocks.push(unreferenced === text ? { text, kind } : { text, kind, unreferenced });
}

/** One block per body row, each cell labelled with its column's header ({@link toRowText}); a table without body rows gives its header row. */
function collectRows(table: ElementNode, blocks: BlockText[]): void {
  const rows = (group: string) =>
    table.children
      .filter((c): c is ElementNode => c.type === 'element' && c.tagName === group)
      .flatMap((g) => g.children.filter((r): r is ElementNode => r.type === 'element'))
      .map((row) => row.children.filter((c): c is ElementNode => c.type === 'element').map((cell) => ({ text: toPlainText(cell.children), unreferenced: toPlainText(cell.children, false) })));
  const header = rows('thead')[0] ?? [];
  const body = rows('tbody');
  for (const cells of body.length === 0 ? [header] : body) {
    const text = toRowText(cells.map((c) => c.text), body.length === 0 ? [] : header.map((c) => c.text));
    if (text === '') continue;
    const unreferenced = toRowText(cells.map((c) => c.unreferenced), body.length === 0 ? [] : header.map((c) => c.unreferenced));
    blocks.push(unreferenced === text ? { text, kind: 'row' } : { text, kind: 'row', unreferenced });
  }
}

/**
 * A table row as plain text that survives white-space collapsing and reads on its own, as a screen
 * reader announces a cell with its column header: "Method: Cash; Share: 60%". No pipes (Markdown
 * syntax, not the editor's text; a `\|` the editor escaped inside a cell is text and stays). An empty
 * cell is left out, a cell under an empty header stands alone, and a label already ending in a colon
 * gets no second one. Every word stays the editor's; the header's are repeated on each row.
 */
export function toRowText(cells: readonly string[], headers: readonly string[]): string {
  return cells
    .map((cell, i) => {
      if (cell === '') return '';
      const label = headers[i] ?? '';
      if (label === '') return cell;
      return /[:：]$/.test(label) ? `${label} ${cell}` : `${label}: ${cell}`;
    })
    .filter((part) => part !== '')
    .join('; ');
}

/**
 * The default description: the first paragraph of prose, not a table row or a note, and without
 * footnote references (the notes are not there to refer to). A body without paragraphs gives its
 * first heading, list item or code block, and only a body that is nothing but a table gives a row.
 */
export function toSummary(blocks: readonly BlockText[]): string | undefined {
  const summaries = blocks.map((b) => ({ kind: b.kind, text: b.unreferenced ?? b.text })).filter((b) => b.text !== '');
  for (const kind of ['paragraph', 'other', 'row'] as const) {
    const found = summaries.find((b) => b.kind === kind);
    if (found !== undefined) return found.text;
  }
  return blocks[0]?.text;
}

function collectNotes(list: ElementNode, blocks: BlockText[]): void {
  let number = 0;
  for (const item of list.children) {
    if (item.type !== 'element') continue;
    number++;
    const note: BlockText[] = [];
    collectBlocks(item, note);
    if (note[0] !== undefined) note[0].text = `${toSuperscript(String(number))} ${note[0].text}`;
    // A note is never the description, even when it is the only paragraph of a body that is a table.
    blocks.push(...note.map((b) => ({ text: b.text, kind: 'note' as const })));
  }
}

/**
 * Text as a reader sees it (innerText), on one line: the text of the nodes, a break where a block or
 * `<br>` starts or ends, then wire copy's space normalisation, which makes each break one space.
 * Bidi controls are kept (CSS Text §4.1.1 collapses white space "as if they were not there").
 */
function toPlainText(nodes: readonly BodyNode[], references = true): string {
  const parts: string[] = [];
  for (const node of nodes) appendText(node, parts, references);
  return normaliseSpaces(parts.join('')).trim();
}

function appendText(node: BodyNode, parts: string[], references: boolean): void {
  if (node.type === 'text') {
    parts.push(node.value);
  } else if (node.tagName === 'del') {
    // Left out (see collectBlocks).
  } else if (node.tagName === 'sup') {
    // Only footnote references are <sup> (allowlist.ts).
    if (references) parts.push(toSuperscript(toPlainText(node.children)));
  } else if (node.tagName === 'br') {
    parts.push('\n');
  } else if (BLOCK_ELEMENTS.has(node.tagName)) {
    parts.push('\n');
    for (const child of node.children) appendText(child, parts, references);
    parts.push('\n');
  } else {
    for (const child of node.children) appendText(child, parts, references);
  }
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A footnote number in superscript digits ("12" → "¹²"). */
function toSuperscript(digits: string): string {
  return digits.replace(/[0-9]/g, (d) => SUPERSCRIPT_DIGITS[Number(d)]!);
}
