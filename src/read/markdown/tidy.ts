import type { BodyNode, ParentNode } from './nodes.ts';

/** Blocks whose edges are trimmed and which are dropped when nothing is left in them. */
const TRIMMED_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Table cells: trimmed like blocks, but kept when empty so that the columns stay in place. */
const CELLS = new Set(['th', 'td']);

/**
 * After policing: what removals left behind is tidied so that the HTML reads as if written without
 * them. Adjacent texts are joined and their spaces collapsed ("A <img onerror> b" → "A b"), spaces at
 * the edges of a paragraph, heading or cell are trimmed, and a paragraph or heading left empty is dropped.
 */
export function tidyTree(parent: ParentNode): void {
  const children: BodyNode[] = [];
  for (const child of parent.children) {
    const previous = children.at(-1);
    if (child.type === 'text' && previous?.type === 'text') {
      // Two separators between blocks stay one; text joined across a removed element loses the double space.
      if (!(/^\s*$/.test(previous.value) && /^\s*$/.test(child.value))) previous.value = collapse(previous.value + child.value);
      continue;
    }
    if (child.type === 'element') {
      if (child.tagName !== 'pre') tidyTree(child);
      if (TRIMMED_BLOCKS.has(child.tagName) || CELLS.has(child.tagName)) {
        const first = child.children[0];
        const last = child.children.at(-1);
        if (first?.type === 'text') first.value = first.value.trimStart();
        if (last?.type === 'text') last.value = last.value.trimEnd();
        child.children = child.children.filter((c) => c.type !== 'text' || c.value !== '');
        if (child.children.length === 0 && !CELLS.has(child.tagName)) {
          // The separator before the dropped block goes too.
          if (previous?.type === 'text' && /^\s*$/.test(previous.value)) children.pop();
          continue;
        }
      }
    }
    children.push(child);
  }
  parent.children = children;
}

function collapse(text: string): string {
  return text.replace(/ {2,}/g, ' ');
}
