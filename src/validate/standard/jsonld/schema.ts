/**
 * The vocabulary checks the Schema Markup Validator makes on any node: its types are schema.org types
 * (error), its properties schema.org properties (error) that apply to its type through domainIncludes
 * and rdfs:subClassOf (error), and its values of a kind rangeIncludes names (warning). Text may stand for
 * a node (schema.org's data model lets a name or URL stand for a thing), and a Role may wrap any value.
 */
import type { Finding } from '../../rule.ts';
import type { JsonLdRuleId } from '../../rules/jsonld.ts';
import type { JsonLdDocument, NodeRecord, PropertyRecord, ValueRecord } from './document.ts';
import { describeValue, listOr, truncate } from './json.ts';
import { isBooleanText, isIsoTime, isNumberText, isUrlText, parseIsoDate } from './literals.ts';
import { closest } from './suggest.ts';
import { typesOf } from './types.ts';
import type { PropertyTerm, VocabularyIndex } from './vocabulary/vocabulary.ts';

/** Suggestions cost a scan of the vocabulary: a document full of garbage keys gets this many. */
const MAX_SUGGESTIONS = 32;

/** The vocabulary findings of every node of `document`. */
export function checkSchemaTerms(document: JsonLdDocument, index: VocabularyIndex): Finding<JsonLdRuleId>[] {
  const findings: Finding<JsonLdRuleId>[] = [];
  let suggestions = 0;
  const suggest = (): boolean => suggestions++ < MAX_SUGGESTIONS;
  for (const node of document.nodes) {
    for (const type of node.types) {
      if (type.term.kind !== 'schema' || index.hasType(type.term.name)) continue;
      findings.push({ rule: 'unknown-type', message: unknownType(type.written, type.term.name, index, suggest()), at: { path: type.path } });
    }
    const types = typesOf(node, document, index);
    for (const property of node.properties) {
      if (property.term.kind !== 'schema') continue;
      const name = property.term.name;
      const term = index.property(name) ?? actionConstraint(name, index);
      if (term === undefined) {
        findings.push({ rule: 'unknown-property', message: unknownProperty(property.key, name, types.known, index, suggest()), at: { path: property.path } });
        continue;
      }
      if (types.known.length > 0 && !types.uncertain && !types.known.some((t) => index.appliesTo(term, t)) && !isRoleProperty(node, name, types.known, index)) {
        findings.push({ rule: 'property-not-for-type', message: notForType(property.key, term, types.known), at: { path: property.path } });
      }
      for (const value of property.values) {
        const mismatch = checkRange(property, term, value, document, index);
        if (mismatch !== undefined) findings.push({ rule: 'value-type', message: mismatch, at: { path: value.path } });
      }
    }
  }
  return findings;
}

/** `query-input`, `target-output`: schema.org's action constraints (a property of the action, suffixed). */
function actionConstraint(name: string, index: VocabularyIndex): PropertyTerm | undefined {
  const match = /^(.+)-(?:input|output)$/.exec(name);
  if (match === null || index.property(match[1] as string) === undefined) return undefined;
  return { domains: ['Action'], ranges: ['PropertyValueSpecification', 'Text'], superseded: false };
}

/** A Role repeats the property it qualifies (`"author": {"@type": "Role", "author": …}`). */
function isRoleProperty(node: NodeRecord, name: string, types: readonly string[], index: VocabularyIndex): boolean {
  return node.via?.kind === 'schema' && node.via.name === name && types.some((t) => index.isA(t, 'Role'));
}

function unknownType(written: string, name: string, index: VocabularyIndex, suggest: boolean): string {
  const other = index.typeInOtherCase(name);
  if (other !== undefined) return `@type "${truncate(written)}" is not a schema.org type: types are case-sensitive; write "${other}"`;
  if (index.property(name) !== undefined) return `@type "${truncate(written)}" is a schema.org property, not a type; use a type from https://schema.org/docs/full.html`;
  const near = suggest ? closest(name, index.vocabulary.types.keys()) : undefined;
  const hint = near === undefined ? '' : ` (did you mean "${near}"?)`;
  return `@type "${truncate(written)}" is not a schema.org type${hint}; use a type from https://schema.org/docs/full.html, or a full IRI for another vocabulary`;
}

function unknownProperty(key: string, name: string, types: readonly string[], index: VocabularyIndex, suggest: boolean): string {
  const other = index.propertyInOtherCase(name);
  if (other !== undefined) return `"${truncate(key)}" is not a schema.org property: properties are case-sensitive; write "${other}"`;
  const on = types.length > 0 ? ` of ${listOr(types)}` : '';
  const near = suggest ? closest(name, types.length > 0 ? index.propertiesOf(types) : index.vocabulary.properties.keys()) : undefined;
  const hint = near === undefined ? '' : ` (did you mean "${near}"?)`;
  if (index.hasType(name)) return `"${truncate(key)}" is a schema.org type, not a property${on}${hint}; name the property that links to it`;
  return `"${truncate(key)}" is not a schema.org property${on}${hint}; remove it, or use a full IRI for another vocabulary`;
}

function notForType(key: string, term: PropertyTerm, types: readonly string[]): string {
  const domains = term.domains.length > 4 ? `${term.domains.slice(0, 4).join(', ')}, …` : listOr(term.domains);
  return `"${truncate(key)}" is not a property of ${listOr(types)} in schema.org (it applies to ${domains}); move it to a node of such a type, or remove it`;
}

/** Why `value` is not of a kind `term` takes, or undefined when it is. */
function checkRange(property: PropertyRecord, term: PropertyTerm, value: ValueRecord, document: JsonLdDocument, index: VocabularyIndex): string | undefined {
  const ranges = knownRanges(term, index);
  // No range the vocabulary knows (another vocabulary's classes): nothing to compare with.
  if (ranges.length === 0) return undefined;
  const expected = () => `"${truncate(property.key)}" expects ${listOr(ranges)}`;
  if (value.kind === 'literal') {
    if (ranges.some((range) => acceptsLiteral(range, value.value, index))) return undefined;
    const found = typeof value.value === 'string' ? `"${describeValue(value.value, 60)}" is not one` : `found the ${typeof value.value} ${String(value.value)}`;
    return `${expected()}; ${found}. ${hint(ranges)}`;
  }
  const node = value.node;
  const types = typesOf(node, document, index);
  // An untyped node, or a reference to a node this document does not describe, may be anything.
  if (types.known.length === 0 || types.uncertain) return undefined;
  if (types.known.some((t) => index.isA(t, 'Role'))) return undefined;
  if (ranges.some((range) => types.known.some((t) => index.isA(t, range)))) return undefined;
  // The schema.org context reads URL-valued properties as @id: a reference is a URL.
  if (node.reference && ranges.includes('URL')) return undefined;
  return `${expected()}; this node is ${listOr(types.known)}. Give a value of an expected type, or use a property that takes ${listOr(types.known)}`;
}

const rangesOfTerm = new WeakMap<PropertyTerm, readonly string[]>();

/** The ranges of `term` the vocabulary knows, computed once per term. */
function knownRanges(term: PropertyTerm, index: VocabularyIndex): readonly string[] {
  let ranges = rangesOfTerm.get(term);
  if (ranges === undefined) {
    ranges = term.ranges.filter((r) => index.hasType(r));
    rangesOfTerm.set(term, ranges);
  }
  return ranges;
}

/** True when `range` takes the JSON literal `value`. */
function acceptsLiteral(range: string, value: string | number | boolean, index: VocabularyIndex): boolean {
  if (!index.isDataType(range)) {
    // schema.org's data model: text (a name, a URL, an enumeration member) may stand for a thing.
    return typeof value === 'string';
  }
  if (index.isA(range, 'Quantity') || range === 'DataType') return typeof value !== 'boolean';
  if (index.isA(range, 'Number')) {
    if (typeof value === 'number') return range !== 'Integer' || Number.isInteger(value);
    return typeof value === 'string' && isNumberText(value) && (range !== 'Integer' || Number.isInteger(Number(value)));
  }
  if (range === 'Boolean') return typeof value === 'boolean' || (typeof value === 'string' && isBooleanText(value));
  if (range === 'Date' || range === 'DateTime') return typeof value === 'string' && parseIsoDate(value) !== undefined;
  if (range === 'Time') return typeof value === 'string' && isIsoTime(value);
  if (range === 'URL') return typeof value === 'string' && isUrlText(value);
  // Text and its other subtypes (CssSelectorType, XPathType, PronounceableText) take any literal.
  if (index.isA(range, 'Text')) return typeof value !== 'boolean';
  return typeof value === 'string';
}

/** How to write a value of one of `ranges`. */
function hint(ranges: readonly string[]): string {
  if (ranges.includes('DateTime')) return 'Write an ISO 8601 date-time such as "2024-09-04T21:03:00+08:00".';
  if (ranges.includes('Date')) return 'Write an ISO 8601 date such as "2024-09-04".';
  if (ranges.includes('Time')) return 'Write an ISO 8601 time such as "21:03:00+08:00".';
  if (ranges.includes('Boolean')) return 'Write true or false.';
  if (ranges.includes('Integer') || ranges.includes('Number')) return 'Write a JSON number.';
  if (ranges.includes('URL')) return 'Write a URL such as "https://example.com/page".';
  return 'Give a value of an expected kind.';
}
