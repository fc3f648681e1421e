/**
 * Schema-validity assessment of a NewsML-G2 tree (XML Schema Part 1 §3.3.4 and §3.4.4, as libxml2
 * applies them): each element against its declaration's type, children through the type's content
 * model, elements taken by a lax wildcard against their global declaration when NewsML-G2 has one.
 * The walk keeps its own stack, so a deeply nested document cannot exhaust the call stack.
 */
import type { XmlElement } from '../../xml/tree.ts';
import { ContentReader, automatonOf, leafTakes, type Leaf } from './automaton.ts';
import { checkAnyTypeAttributes, checkAttributes, checkNoAttributes } from './attribute-checks.ts';
import { NAR, type ComplexType } from './model.ts';
import { GLOBAL_ELEMENTS, type ElementType } from './schema/elements.ts';
import { KNOWN_NAMES } from './schema/names.ts';
import type { Sink } from './sink.ts';
import { checkSpec, closeItem } from './spec.ts';
import { checkTypedValue } from './typed-values.ts';
import type { ValueType } from './values.ts';
import { placeName, placeNames, quote, tag } from './words.ts';

/** What is left to do: an element to assess against a type, one read as xs:anyType, an item to close. */
type Work =
  | { readonly kind: 'typed'; readonly element: XmlElement; readonly type: ElementType }
  | { readonly kind: 'any'; readonly element: XmlElement }
  | { readonly kind: 'close-item' };

/** The child elements of `element`. */
function elementsOf(element: XmlElement): XmlElement[] {
  return element.children.filter((c): c is XmlElement => c.kind === 'element');
}

/** The text of `element`'s own text children (comments and processing instructions are not in the tree). */
function ownText(element: XmlElement): string {
  let text = '';
  for (const c of element.children) if (c.kind === 'text') text += c.value;
  return text;
}

/** Assesses `root` against `type` and everything below it. */
export function assess(sink: Sink, root: XmlElement, type: ElementType): void {
  const stack: Work[] = [{ kind: 'typed', element: root, type }];
  for (let work = stack.pop(); work !== undefined; work = stack.pop()) {
    let next: Work[];
    if (work.kind === 'close-item') {
      const item = sink.openItems.pop();
      if (item !== undefined) closeItem(sink, item);
      continue;
    }
    if (work.kind === 'any') next = assessAnyType(sink, work.element);
    else if (typeof work.type === 'string') next = assessSimpleElement(sink, work.element, work.type);
    else next = assessComplex(sink, work.element, work.type, stack);
    // Children are pushed last first, so they are assessed in document order.
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i] as Work);
  }
}

/** An element whose type is a simple type (rb, rp, rt): no attributes, no children, a valid value. */
function assessSimpleElement(sink: Sink, element: XmlElement, type: ValueType): Work[] {
  checkNoAttributes(sink, element);
  if (elementsOf(element).length > 0) sink.report('children-not-allowed', `${tag(element)} holds text only, not elements.`, element);
  else checkTypedValue(sink, element, type, ownText(element), 'content', true);
  return [];
}

/** An element taken by a lax wildcard without a declaration: xs:anyType, whose children are read laxly too. */
function assessAnyType(sink: Sink, element: XmlElement): Work[] {
  checkAnyTypeAttributes(sink, element);
  return elementsOf(element).map((child) => laxWork(sink, child));
}

/** XML Schema Part 1 §3.10.4 lax: a NewsML-G2 element with a global declaration is assessed against it. */
function laxWork(sink: Sink, child: XmlElement): Work {
  const declared = child.uri === NAR ? GLOBAL_ELEMENTS.get(child.name) : undefined;
  if (declared !== undefined) return { kind: 'typed', element: child, type: declared };
  // Reported once, at the outermost unknown element of a subtree.
  const parent = child.parent;
  const inUnknown = parent !== undefined && parent.uri === NAR && !KNOWN_NAMES.has(parent.name);
  if (child.uri === NAR && !KNOWN_NAMES.has(child.name) && !inUnknown) {
    sink.report('unknown-element-lax', `${tag(child)} is not a NewsML-G2 element: it is let through here without any check, so a misspelt name goes unnoticed. Check the name, or put it in a namespace of your own.`, child);
  }
  return { kind: 'any', element: child };
}

/** An element of a complex type: attributes, content, the specification's checks. */
function assessComplex(sink: Sink, element: XmlElement, type: ComplexType, stack: Work[]): Work[] {
  if (type.spec?.some((s) => s.kind === 'item') === true) {
    sink.openItems.push({ element, aliases: new Map() });
    stack.push({ kind: 'close-item' });
  }
  checkAttributes(sink, element, type);
  checkSpec(sink, element, type);
  const { content } = type;
  if (content === 'empty') {
    // cvc-complex-type.2.1: empty content has no character or element children, not even white space.
    if (elementsOf(element).length > 0) sink.report('children-not-allowed', `${tag(element)} is an empty element: it takes attributes only, not child elements.`, element);
    else if (element.children.length > 0) sink.report('text-not-allowed', `${tag(element)} is an empty element: it takes attributes only, not text (write it as ${tag(element).replace('>', '/>')}).`, element);
    return [];
  }
  if (typeof content === 'object') {
    if (elementsOf(element).length > 0) sink.report('children-not-allowed', `${tag(element)} holds a value (text), not child elements.`, element);
    else checkTypedValue(sink, element, content.value, ownText(element), 'content', true);
    return [];
  }
  if (content === 'elements') {
    const text = element.children.find((c) => c.kind === 'text' && /[^ \t\n\r]/.test(c.value));
    if (text !== undefined && text.kind === 'text') sink.report('text-not-allowed', `${tag(element)} holds elements only, and has the text ${quote(text.value.trim())}: remove it or move it into the element it belongs to.`, element);
  }
  return readChildren(sink, element, type);
}

/** The work for each child a leaf of the content model took. */
function childWork(sink: Sink, child: XmlElement, leaf: Leaf): Work | undefined {
  if (leaf.kind === 'element') {
    const type = leaf.type ?? GLOBAL_ELEMENTS.get(leaf.name);
    return type === undefined ? undefined : { kind: 'typed', element: child, type };
  }
  if (leaf.process === 'skip') return undefined;
  if (leaf.process === 'lax') return laxWork(sink, child);
  const declared = child.uri === NAR ? GLOBAL_ELEMENTS.get(child.name) : undefined;
  if (declared !== undefined) return { kind: 'typed', element: child, type: declared };
  // XML Schema Part 1 §3.10.4: a strict wildcard takes only declared elements.
  sink.report('unexpected-element', `${tag(child)} is not allowed in ${tag(child.parent ?? child)}: only an element declared by a schema may be here, and none declares ${child.qname} (namespace ${child.uri || 'none'}).`, child);
  return undefined;
}

/** Reads the children of `element` through its content model, reporting what does not fit. */
function readChildren(sink: Sink, element: XmlElement, type: ComplexType): Work[] {
  const children = elementsOf(element);
  const work: Work[] = [];
  if (type.model === undefined) return work;
  const reader = new ContentReader(automatonOf(type.model));
  let previous: XmlElement | undefined;
  const misplaced: XmlElement[] = [];
  children.forEach((child, index) => {
    const step = reader.peek(child);
    if (step.kind === 'taken') {
      reader.advance(step);
      const w = childWork(sink, child, step.leaf);
      if (w !== undefined) work.push(w);
      previous = child;
      return;
    }
    if (step.kind === 'missing-before') {
      // What is "missing" before this child may come after it: then the child is early, not the other missing.
      const early = children.slice(index + 1).find((later) => step.missing.some((leaf) => leafTakes(leaf, later)));
      // ... or before it, already reported as out of order.
      const reported = step.missing.every((leaf) => misplaced.some((m) => leafTakes(leaf, m)));
      if (early === undefined) {
        if (!reported) sink.report('missing-element', `${tag(element)} lacks ${placeNames(step.missing)} before ${tag(child)}${previous === undefined ? '' : ` (after ${tag(previous)})`}.`, child);
        reader.advance(step);
        const w = childWork(sink, child, step.leaf);
        if (w !== undefined) work.push(w);
        previous = child;
        return;
      }
      sink.report('element-order', `${tag(child)} is out of order in ${tag(element)}: it must come after ${tag(early)}. The schema fixes the order of these children.`, child);
    } else {
      reportMisfit(sink, element, child, previous, step);
    }
    misplaced.push(child);
    // A declared NewsML-G2 element out of place is still checked inside, against its global declaration.
    const declared = child.uri === NAR ? GLOBAL_ELEMENTS.get(child.name) : undefined;
    if (declared !== undefined) work.push({ kind: 'typed', element: child, type: declared });
  });
  const missing = reader.missingAtEnd();
  if (missing !== undefined) {
    const after = previous === undefined ? '' : ` after ${tag(previous)}`;
    sink.report('missing-element', `${tag(element)} lacks ${placeNames(missing)}${after}: the schema requires ${missing.length === 1 ? 'it' : 'them'} here.`, element);
  }
  return work;
}

/** Says why `child` has no place where it is. */
function reportMisfit(sink: Sink, parent: XmlElement, child: XmlElement, previous: XmlElement | undefined, step: { kind: 'misplaced'; leaf: Leaf; repeated: boolean } | { kind: 'unexpected' }): void {
  if (step.kind === 'misplaced') {
    if (step.repeated) sink.report('too-many-elements', `${tag(parent)} allows ${placeName(step.leaf)} only once here: remove the extra one or merge them.`, child);
    else sink.report('element-order', `${tag(child)} is out of order in ${tag(parent)}: it must come before ${previous === undefined ? 'the elements around it' : tag(previous)}. The schema fixes the order of these children.`, child);
    return;
  }
  if (child.uri === '' && KNOWN_NAMES.has(child.name)) {
    sink.report('namespace', `${tag(child)} has no namespace, so it is not the NewsML-G2 element ${child.name}: declare the default namespace xmlns="${NAR}" or use the prefix bound to it.`, child);
    return;
  }
  if (child.uri !== NAR && KNOWN_NAMES.has(child.name) && /iptc\.org\/std\/nar/i.test(child.uri)) {
    sink.report('namespace', `${tag(child)} is in the namespace ${child.uri}, so it is not the NewsML-G2 element ${child.name}: NewsML-G2 elements are in ${NAR}.`, child);
    return;
  }
  if (child.uri === NAR && !KNOWN_NAMES.has(child.name)) {
    sink.report('unknown-element', `${tag(child)} is not a NewsML-G2 element, and ${tag(parent)} allows only the elements NewsML-G2 defines here: check the spelling, or put your own elements in a namespace of your own where an extension point allows them.`, child);
    return;
  }
  const whose = child.uri === NAR ? `the NewsML-G2 element ${tag(child)}` : child.uri === '' ? `${tag(child)}, an element without namespace,` : `${tag(child)} (namespace ${child.uri})`;
  sink.report('unexpected-element', `${tag(parent)} does not allow ${whose} among its children.`, child);
}
