import { readByline, type Byline } from '../byline.ts';
import { toAllowed } from './allowlist.ts';
import { formatHtml } from './format.ts';
import { parseMarkdown } from './parse.ts';
import { collectBlocks, toSummary, type BlockText } from './plaintext.ts';
import { policeTree } from './police.ts';
import type { ElementNode, RootNode } from './nodes.ts';
import type { Removal } from './removals.ts';
import { tidyTree } from './tidy.ts';
import { toTree } from './tree.ts';

/** The rendered body: XHTML-compatible HTML, the plain text of each block, the default description, and what was removed. */
export interface Body {
  html: string;
  blocks: BlockText[];
  /** The description when front matter sets none ({@link toSummary}); undefined when no block has text. */
  summary: string | undefined;
  removals: Removal[];
  /** The byline taken from the first paragraph, with its file line, when asked for and found. */
  byline?: TakenByline;
}

/** A byline paragraph taken out of the body: the names, the place, the line, and the link of each linked name. */
export interface TakenByline extends Byline {
  line: number;
  /** Name → the (policed, absolute) URL of a link whose text is exactly that name: `By [Zhang Wei](https://…/zhang-wei)`. */
  links: Record<string, string>;
}

/**
 * Markdown → sanitised HTML, in named steps: parse (markdown-it), build the tree and report raw HTML
 * (tree.ts, which leaves it out), resolve and police URLs and normalise spaces, keep to the allow-list
 * (the guarantee), tidy what removals left, take each block's text, write the HTML.
 * `lineOffset` turns body lines into file lines. With `takeByline`, a first paragraph that is a byline
 * ("By Zhang Wei and Li Na", see byline.ts) is taken out of the body and returned apart.
 */
export function toBody(markdown: string, baseUrl: string, lineOffset: number, takeByline = false): Body {
  const removals: Removal[] = [];
  const tree = toTree(parseMarkdown(markdown), lineOffset, removals);
  policeTree(tree, baseUrl, removals);
  toAllowed(tree);
  tidyTree(tree);
  const byline = takeByline ? takeFirstByline(tree) : undefined;
  const blocks: BlockText[] = [];
  collectBlocks(tree, blocks);
  return { html: formatHtml(tree.children), blocks, summary: toSummary(blocks), removals, ...(byline ? { byline } : {}) };
}

/**
 * Removes the first block when it is a paragraph of text that reads as a byline, with the separator
 * after it, so the HTML is byte for byte what the body without that paragraph gives. A paragraph with
 * an image is never taken (the image would go with it).
 */
function takeFirstByline(tree: RootNode): TakenByline | undefined {
  const index = tree.children.findIndex((child) => child.type === 'element');
  const first = tree.children[index];
  if (first?.type !== 'element' || first.tagName !== 'p' || contains(first, 'img')) return undefined;
  const text: BlockText[] = [];
  collectBlocks({ type: 'root', children: [first] }, text);
  const byline = text.length === 1 ? readByline(text[0]!.text) : undefined;
  if (byline === undefined) return undefined;
  const next = tree.children[index + 1];
  tree.children.splice(index, next?.type === 'text' && next.value.trim() === '' ? 2 : 1);
  const links: Record<string, string> = {};
  for (const link of elementsOf(first, 'a')) {
    const label: BlockText[] = [];
    collectBlocks({ type: 'root', children: link.children }, label);
    const name = label[0]?.text;
    // The link goes with the name it is written on (a profile page), never guessed for another name.
    if (name !== undefined && byline.names.includes(name) && link.attributes.href !== undefined && !Object.hasOwn(links, name)) links[name] = link.attributes.href;
  }
  return { ...byline, line: first.line, links };
}

function contains(node: ElementNode, tagName: string): boolean {
  return elementsOf(node, tagName).length > 0;
}

function elementsOf(node: ElementNode, tagName: string): ElementNode[] {
  return node.children.flatMap((child) => (child.type === 'element' ? [...(child.tagName === tagName ? [child] : []), ...elementsOf(child, tagName)] : []));
}
