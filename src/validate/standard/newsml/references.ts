/**
 * What can be judged only once the whole document is read: ID references (XML Schema Part 1 §3.3.4
 * cvc-id clause 1, which libxml2 does not enforce), and the package rule that a groupSet's root and
 * groupRefs name groups of that groupSet.
 */
import { attributeOf, type XmlElement } from '../../xml/tree.ts';
import { NAR } from './model.ts';
import type { Sink } from './sink.ts';
import { collapse } from './values.ts';
import { tag } from './words.ts';

/** Reports ID references that name no ID of the document. */
function checkIdReferences(sink: Sink): void {
  for (const reference of sink.references) {
    if (sink.ids.has(reference.id)) continue;
    sink.report('unresolved-idref', `The ${reference.attribute} of ${tag(reference.element)} refers to "${reference.id}", but no element of the document has that ID.`, reference.element);
  }
}

/** The groups of a groupSet. */
function groupsOf(groupSet: XmlElement): XmlElement[] {
  return groupSet.children.filter((c): c is XmlElement => c.kind === 'element' && c.uri === NAR && c.name === 'group');
}

/** Reports a groupSet root or groupRef naming an ID that exists but is not one of the groupSet's groups. */
function checkGroupSet(sink: Sink, groupSet: XmlElement): void {
  const groups = groupsOf(groupSet);
  const groupIds = new Set(groups.flatMap((g) => {
    const id = attributeOf(g, 'id');
    return id === undefined ? [] : [collapse(id)];
  }));
  const check = (element: XmlElement, attribute: string, what: string) => {
    const value = attributeOf(element, attribute);
    if (value === undefined) return;
    const id = collapse(value);
    // An ID found nowhere is reported as unresolved already.
    if (groupIds.has(id) || !sink.ids.has(id)) return;
    sink.report('group-reference', `The ${attribute} of ${tag(element)} is "${id}", the ID of ${tag(sink.ids.get(id) as XmlElement)}, but ${what} must be a <group> of this groupSet.`, element);
  };
  check(groupSet, 'root', 'the root group');
  for (const group of groups) {
    for (const ref of group.children) {
      if (ref.kind === 'element' && ref.uri === NAR && ref.name === 'groupRef') check(ref, 'idref', 'the group it refers to');
    }
  }
}

/** Runs the document-wide checks on what the walk recorded. */
export function checkReferences(sink: Sink): void {
  checkIdReferences(sink);
  for (const groupSet of sink.groupSets) checkGroupSet(sink, groupSet);
}
