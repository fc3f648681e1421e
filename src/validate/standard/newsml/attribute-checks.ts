/**
 * The attributes of an element against its type (XML Schema Part 1 §3.4.4, cvc-complex-type clauses 3
 * and 4): declared attributes have valid values, required ones are present, fixed ones have their
 * value; others are taken only by the type's attribute wildcard, and then checked as it says.
 */
import { XML_NS, type XmlAttribute, type XmlElement } from '../../xml/tree.ts';
import { allowsNamespace } from './automaton.ts';
import { NAR, XSI, type ComplexType } from './model.ts';
import type { Sink } from './sink.ts';
import { checkTypedValue } from './typed-values.ts';
import { normalise, type ValueType } from './values.ts';
import { quote, tag } from './words.ts';

/** The global attributes of the xml namespace (xml.xsd), which a lax or strict wildcard validates. */
const XML_ATTRIBUTES: Readonly<Record<string, ValueType>> = { lang: 'xmlLang', space: 'xmlSpace', base: 'iri', id: 'ID' };

/** XML Schema Part 1 §3.2.7: the xsi attributes every element may carry. */
const XSI_ATTRIBUTES: ReadonlySet<string> = new Set(['type', 'nil', 'schemaLocation', 'noNamespaceSchemaLocation']);

/** The attribute as a message names it. */
function label(attribute: XmlAttribute): string {
  return `attribute ${attribute.qname}`;
}

/** An attribute the type's wildcard takes, checked as its {process contents} says. */
function checkWildcardAttribute(sink: Sink, element: XmlElement, attribute: XmlAttribute, type: ComplexType): void {
  const process = type.anyAttribute?.process ?? 'skip';
  if (process === 'skip') return;
  const known = attribute.uri === XML_NS ? XML_ATTRIBUTES[attribute.name] : undefined;
  if (known !== undefined) {
    checkTypedValue(sink, element, known, attribute.value, label(attribute), false);
    return;
  }
  if (process === 'strict') {
    // XML Schema Part 1 §3.10.4: a strict wildcard needs a global declaration, and none is known for this namespace.
    sink.report('unknown-attribute', `${tag(element)} takes attributes from other namespaces only when a schema declares them, and none declares ${attribute.qname} (namespace ${attribute.uri}): remove it.`, element);
  }
}

/** Checks the attributes of `element`, whose type is `type`. */
export function checkAttributes(sink: Sink, element: XmlElement, type: ComplexType): void {
  for (const attribute of element.attributes) {
    const declared = attribute.uri === '' ? type.attributes[attribute.name] : attribute.uri === XML_NS && attribute.name === 'lang' ? type.attributes['xml:lang'] : undefined;
    if (declared !== undefined) {
      if (checkTypedValue(sink, element, declared.type, attribute.value, label(attribute), false) && declared.fixed !== undefined) {
        const value = normalise(declared.type, attribute.value, false);
        if (value !== declared.fixed) sink.report('invalid-value', `The ${label(attribute)} of ${tag(element)} is ${quote(value)}; its value is fixed: "${declared.fixed}" or nothing.`, element);
      }
      continue;
    }
    if (attribute.uri === XSI && XSI_ATTRIBUTES.has(attribute.name)) {
      // cvc-elt.3.1: no NewsML-G2 element is nillable.
      if (attribute.name === 'nil') sink.report('unknown-attribute', `${tag(element)} carries xsi:nil, but no NewsML-G2 element is nillable: remove it.`, element);
      continue;
    }
    if (type.anyAttribute !== undefined && allowsNamespace(type.anyAttribute.namespace, attribute.uri)) {
      checkWildcardAttribute(sink, element, attribute, type);
      continue;
    }
    const why = attribute.uri === NAR ? 'attributes are never in the NewsML-G2 namespace (write it without a prefix)' : attribute.uri === '' ? 'NewsML-G2 does not define it there' : 'it takes no attributes from other namespaces';
    sink.report('unknown-attribute', `${tag(element)} does not allow the attribute ${attribute.qname}: ${why}.`, element);
  }
  for (const name of requiredOf(type)) {
    if (element.attributes.some((a) => a.uri === '' && a.name === name)) continue;
    sink.report('missing-attribute', `${tag(element)} lacks the required attribute ${name}.`, element);
  }
}

const required = new WeakMap<ComplexType, readonly string[]>();

/** The names of a type's required attributes, listed once per type (most types declare dozens, few require any). */
function requiredOf(type: ComplexType): readonly string[] {
  let names = required.get(type);
  if (names === undefined) {
    names = Object.entries(type.attributes).flatMap(([name, declared]) => (declared.required === true ? [name] : []));
    required.set(type, names);
  }
  return names;
}

/** The attributes of an element that has a simple type and so takes none (rb, rp, rt). */
export function checkNoAttributes(sink: Sink, element: XmlElement): void {
  for (const attribute of element.attributes) {
    if (attribute.uri === XSI && XSI_ATTRIBUTES.has(attribute.name) && attribute.name !== 'nil') continue;
    sink.report('unknown-attribute', `${tag(element)} takes no attributes, and has ${attribute.qname}: remove it.`, element);
  }
}

/** The attributes of an element read as xs:anyType (taken by a lax wildcard, undeclared): only the xml ones are checked. */
export function checkAnyTypeAttributes(sink: Sink, element: XmlElement): void {
  for (const attribute of element.attributes) {
    const known = attribute.uri === XML_NS ? XML_ATTRIBUTES[attribute.name] : undefined;
    if (known !== undefined) checkTypedValue(sink, element, known, attribute.value, label(attribute), false);
  }
}
