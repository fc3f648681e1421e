/**
 * The body as a small tree, shaped like the hast tree remark-rehype built before (same elements, same
 * "\n" text nodes between blocks), so that tidying, plain text and serialisation give the same bytes.
 */

/** Text, not yet escaped. */
export interface TextNode {
  type: 'text';
  value: string;
}

/** An element; `attributes` in output order (JavaScript keeps string keys in insertion order). */
export interface ElementNode {
  type: 'element';
  tagName: string;
  attributes: Record<string, string>;
  children: BodyNode[];
  /** 1-based line in the article file where its Markdown starts (for diagnostics). */
  line: number;
  /** Set on the `<ol>` of footnotes, whose plain text carries each note's number. */
  footnotes?: true;
  /** Set on a link made from a bare URL in the text, which stays text, unreported, when it is no URL after all. */
  bare?: true;
}

/** The body's top. */
export interface RootNode {
  type: 'root';
  children: BodyNode[];
}

/** A node of the body. */
export type BodyNode = TextNode | ElementNode;

/** A node that has children. */
export type ParentNode = RootNode | ElementNode;

/** A text node. */
export function toText(value: string): TextNode {
  return { type: 'text', value };
}

/** An element node. */
export function toElement(tagName: string, line: number, children: BodyNode[] = [], attributes: Record<string, string> = {}): ElementNode {
  return { type: 'element', tagName, attributes, children, line };
}

/** `nodes` with "\n" between them, and around them when `loose` (mdast-util-to-hast's `wrap`, how remark-rehype laid out blocks). */
export function toWrapped(nodes: readonly BodyNode[], loose: boolean): BodyNode[] {
  const result: BodyNode[] = loose ? [toText('\n')] : [];
  nodes.forEach((node, i) => {
    if (i > 0) result.push(toText('\n'));
    result.push(node);
  });
  if (loose && nodes.length > 0) result.push(toText('\n'));
  return result;
}
