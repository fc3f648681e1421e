/** How findings name things: elements as written, content-model places, values (truncated). */
import type { XmlElement } from '../../xml/tree.ts';
import type { Leaf } from './automaton.ts';

/** An element as its start tag names it: `<itemMeta>`. */
export function tag(element: XmlElement): string {
  return `<${element.qname}>`;
}

/** A place in a content model: `<itemClass>`, or what a wildcard takes. */
export function placeName(leaf: Leaf): string {
  if (leaf.kind === 'element') return `<${leaf.name}>`;
  switch (leaf.namespace) {
    case 'nar':
      return 'an item (newsItem, packageItem, …)';
    case 'xmldsig':
      return 'an XML Signature';
    case 'other':
      return 'an element from another namespace';
    default:
      return 'an element';
  }
}

/** Places in a content model, without repeats: `<a>, <b> and <c>`. */
export function placeNames(leaves: readonly Leaf[]): string {
  const names = [...new Set(leaves.map(placeName))];
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** A value quoted for a message, cut at 60 characters, control characters shown as escapes. */
export function quote(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(shown);
}
