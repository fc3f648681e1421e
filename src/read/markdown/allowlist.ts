import type { BodyNode, ParentNode } from './nodes.ts';
import { LANGUAGE_CLASS } from './police.ts';

/** The only `style` there is: a table column's alignment. */
const CELL_ALIGNMENT = /^text-align:(?:left|center|right)$/;

/**
 * What the body may contain: exactly what our Markdown produces (CommonMark without raw HTML, GFM
 * tables, strikethrough and footnotes), nothing that runs code, submits data, styles or clobbers the
 * receiving page: no `id`/`name` (they would collide across the many items of one feed), no `style`
 * but a table column's alignment, no `class` but a code block's language, no `input`, `details` or `section`.
 * Element → the attributes it may have, each with the values it may take.
 */
const ALLOWED: ReadonlyMap<string, Readonly<Record<string, RegExp>>> = new Map<string, Record<string, RegExp>>([
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'li', 'pre', 'em', 'strong', 'br', 'hr'].map((name) => [name, {}] as [string, Record<string, RegExp>]),
  // Absolute http(s) only: police.ts has resolved every URL and removed the rest.
  ['a', { href: /^https?:\/\//, title: /^/ }],
  ['img', { src: /^https?:\/\//, alt: /^/, title: /^/ }],
  ['ol', { start: /^\d+$/ }],
  ['code', { class: LANGUAGE_CLASS }],
  // GitHub Flavored Markdown: tables, strikethrough, footnote references.
  ...['table', 'thead', 'tbody', 'tr', 'del', 'sup'].map((name) => [name, {}] as [string, Record<string, RegExp>]),
  // A column's alignment, exactly as markdown-it writes it (GFM §4.10 "delimiter row"): one declaration
  // of three values; any other style (another property, a second declaration, `url(…)`) is dropped.
  ...['th', 'td'].map((name) => [name, { style: CELL_ALIGNMENT }] as [string, Record<string, RegExp>]),
]);

/** Where an element may stand, when it may not stand anywhere. */
const PARENTS: Readonly<Record<string, readonly string[]>> = {
  li: ['ol', 'ul'],
  thead: ['table'],
  tbody: ['table'],
  tr: ['thead', 'tbody'],
  th: ['tr'],
  td: ['tr'],
};

/**
 * The guarantee, whatever the tree builder or a markdown-it plugin produced: an element outside
 * {@link ALLOWED} (or outside its parent) is unwrapped, its text kept, and an attribute outside it
 * (or with another value) is dropped. On what the reader builds it changes nothing.
 */
export function toAllowed(parent: ParentNode): void {
  const children: BodyNode[] = [];
  for (const child of parent.children) {
    if (child.type === 'text') {
      children.push(child);
      continue;
    }
    toAllowed(child);
    const attributes = ALLOWED.get(child.tagName);
    const parents = PARENTS[child.tagName];
    if (attributes === undefined || (parents !== undefined && (parent.type === 'root' || !parents.includes(parent.tagName)))) {
      children.push(...child.children);
      continue;
    }
    for (const [name, value] of Object.entries(child.attributes)) {
      if (!Object.hasOwn(attributes, name) || !attributes[name]!.test(value)) delete child.attributes[name];
    }
    children.push(child);
  }
  parent.children = children;
}
