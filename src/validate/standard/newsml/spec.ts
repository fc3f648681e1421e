/**
 * What the NewsML-G2 specification requires beyond its schema (errors, for its MUSTs) and what its
 * guidelines recommend (warnings), run on the elements whose types carry a spec check (model.ts).
 */
import { attributeOf, inheritedXmlAttribute, type XmlElement } from '../../xml/tree.ts';
import { NAR, type ComplexType } from './model.ts';
import type { ItemRecord, Sink } from './sink.ts';
import { collapse } from './values.ts';
import { quote, tag } from './words.ts';

// RFC 6838 §4.2: type "/" subtype, each a restricted-name, parameters after a semicolon.
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(?:[ \t]*;.*)?$/;

/** True when `element` has the unqualified attribute `name`, with a value other than white space. */
function has(element: XmlElement, name: string): boolean {
  const value = attributeOf(element, name);
  return value !== undefined && collapse(value) !== '';
}

/** Runs the specification's checks of `type` on `element`. */
export function checkSpec(sink: Sink, element: XmlElement, type: ComplexType): void {
  for (const check of type.spec ?? []) {
    switch (check.kind) {
      case 'qcode-or-uri':
        if (!has(element, 'qcode') && !has(element, 'uri')) sink.report('qcode-or-uri', `${tag(element)} has neither qcode nor uri: give its value as a QCode (qcode="alias:code") or a URI (uri="…").`, element);
        break;
      case 'one-of': {
        const [a, b] = check.attributes;
        if (!has(element, a) && !has(element, b)) sink.report('qualifier-required', `${tag(element)} has neither ${a} nor ${b}: NewsML-G2 requires one of them.`, element);
        break;
      }
      case 'link-target':
        // NewsML-G2 2.35 XSD, targetResourceAttributes: href ("the locator of the target resource") and
        // residref ("the provider's identifier of the target resource") are both use="optional", and no
        // documentation of a link type says one MUST be used; deprecatedLinkAttributes keeps guidref as the
        // old spelling of residref. A link with none of them is valid (IPTC's own planning examples have a
        // deliveredItemRef holding only a title), but names nothing a receiver could fetch: a warning.
        if (!has(element, 'href') && !has(element, 'residref') && !has(element, 'guidref')) {
          sink.report('link-target', `${tag(element)} does not identify what it points to; NewsML-G2 allows that, but a receiver cannot follow it: give the target's location (href) or its identifier (residref).`, element);
        }
        break;
      case 'deprecated-attributes':
        // NewsML-G2 2.35 XSD, deprecatedLinkAttributes: "The use of this attribute is DEPRECATED, use @residref
        // instead" (guidref), "… use @contenttype instead" (hreftype). Still valid, so a warning.
        for (const [name, replacement] of Object.entries(check.replacements)) {
          if (attributeOf(element, name) !== undefined) sink.report('deprecated-attribute', `${name} on ${tag(element)} is deprecated in NewsML-G2: use ${replacement} instead (same value).`, element);
        }
        break;
      case 'content-type':
        if (attributeOf(element, 'contenttype') === undefined) sink.report('content-type', `${tag(element)} does not say what it holds: add contenttype with its media type (e.g. application/xhtml+xml, text/plain).`, element);
        break;
      case 'item':
        checkItemRoot(sink, element);
        break;
      case 'group-set':
        sink.groupSets.push(element);
        break;
    }
  }
  const contentType = type.attributes['contenttype'] === undefined ? undefined : attributeOf(element, 'contenttype');
  if (contentType !== undefined && !MEDIA_TYPE.test(contentType.trim())) {
    sink.report('content-type', `The contenttype of ${tag(element)} is ${quote(contentType)}, which is not a media type (type/subtype, such as application/nitf+xml).`, element);
  }
}

/** The root attributes an item should have beyond what the schema requires. */
function checkItemRoot(sink: Sink, element: XmlElement): void {
  const guid = attributeOf(element, 'guid');
  if (guid !== undefined && collapse(guid) === '') sink.report('empty-guid', `The guid of ${tag(element)} is empty: give the item its persistent, globally unique identifier (e.g. urn:newsml:example.com:20240905:story-1).`, element);
  const standard = attributeOf(element, 'standard');
  if (standard !== undefined && standard !== 'NewsML-G2') sink.report('standard-name', `The standard of ${tag(element)} is ${quote(standard)}; a NewsML-G2 item declares standard="NewsML-G2".`, element);
  const conformance = attributeOf(element, 'conformance');
  if (conformance !== undefined && conformance !== 'core' && conformance !== 'power') {
    sink.report('conformance-value', `The conformance of ${tag(element)} is ${quote(conformance)}; NewsML-G2 defines "core" and "power".`, element);
  }
  if (inheritedXmlAttribute(element, 'lang') === undefined) sink.report('item-language', `${tag(element)} does not say its language: add xml:lang (e.g. xml:lang="en") to the item root.`, element);
}

/** The scheme aliases declared by an item's inline catalogs. */
function inlineAliases(item: XmlElement): Set<string> {
  const aliases = new Set<string>();
  for (const catalog of item.children) {
    if (catalog.kind !== 'element' || catalog.uri !== NAR || catalog.name !== 'catalog') continue;
    for (const scheme of catalog.children) {
      if (scheme.kind !== 'element' || scheme.uri !== NAR || scheme.name !== 'scheme') continue;
      const alias = attributeOf(scheme, 'alias');
      if (alias !== undefined) aliases.add(collapse(alias));
    }
  }
  return aliases;
}

/** Once an item is read: are its QCodes' scheme aliases resolvable through its catalogs? */
export function closeItem(sink: Sink, item: ItemRecord): void {
  if (item.aliases.size === 0) return;
  const remote = item.element.children.some((c) => c.kind === 'element' && c.uri === NAR && c.name === 'catalogRef');
  if (remote) return;
  const declared = inlineAliases(item.element);
  if (declared.size === 0) {
    const some = [...item.aliases.keys()].slice(0, 3).map((a) => `${a}:`).join(', ');
    sink.report('catalog-missing', `${tag(item.element)} uses QCodes (${some}…) but neither references a catalog (catalogRef) nor declares one (catalog), so their scheme aliases cannot be resolved.`, item.element);
    return;
  }
  for (const [alias, element] of item.aliases) {
    if (!declared.has(alias)) sink.report('qcode-alias', `The scheme alias "${alias}" used by ${tag(element)} is not declared by the item's catalog: add <scheme alias="${alias}" uri="…"/> to it, or reference a catalog that declares it.`, element);
  }
}
