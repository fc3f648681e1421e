import { toAllowed } from './allowlist.ts';
import { formatHtml } from './format.ts';
import { parseMarkdown } from './parse.ts';
import { collectBlocks, toSummary, type BlockText } from './plaintext.ts';
import { policeTree } from './police.ts';
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
}

/**
 * Markdown → sanitised HTML, in named steps: parse (markdown-it), build the tree and report raw HTML
 * (tree.ts, which leaves it out), resolve and police URLs and normalise spaces, keep to the allow-list
 * (the guarantee), tidy what removals left, take each block's text, write the HTML.
 * `lineOffset` turns body lines into file lines.
 */
export function toBody(markdown: string, baseUrl: string, lineOffset: number): Body {
  const removals: Removal[] = [];
  const tree = toTree(parseMarkdown(markdown), lineOffset, removals);
  policeTree(tree, baseUrl, removals);
  toAllowed(tree);
  tidyTree(tree);
  const blocks: BlockText[] = [];
  collectBlocks(tree, blocks);
  return { html: formatHtml(tree.children), blocks, summary: toSummary(blocks), removals };
}
