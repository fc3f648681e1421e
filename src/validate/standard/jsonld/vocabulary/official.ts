/**
 * A vocabulary read from schema.org's own release file (`schemaorg-current-https.jsonld`, which a user
 * passes with `--schemas DIR`): classes (`rdfs:Class`, `rdfs:subClassOf`), data types (typed
 * `schema:DataType`), properties (`rdf:Property`, `schema:domainIncludes`, `schema:rangeIncludes`,
 * `schema:supersededBy`) and enumeration members (nodes typed with an Enumeration subtype).
 */
import { toSchemaName } from '../context.ts';
import { DATA_TYPE, indexOf, type PropertyTerm, type Vocabulary } from './vocabulary.ts';

const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/**
 * The vocabulary of schema.org's release file, parsed with `JSON.parse`. Throws a TypeError saying what
 * is missing when `official` is not such a file (no `@graph`, no classes).
 */
export function toVocabulary(official: unknown): Vocabulary {
  if (!isObject(official) || !Array.isArray(official['@graph'])) throw new TypeError('not a schema.org vocabulary file: expected an object with a "@graph" array (schemaorg-current-https.jsonld)');
  const prefixes = new Map<string, string>();
  const context = official['@context'];
  if (isObject(context)) for (const [prefix, iri] of Object.entries(context)) if (typeof iri === 'string') prefixes.set(prefix, iri);
  const expand = (id: string): string => {
    const colon = id.indexOf(':');
    const iri = colon > 0 ? prefixes.get(id.slice(0, colon)) : undefined;
    return iri !== undefined && !id.startsWith('//', colon + 1) ? iri + id.slice(colon + 1) : id;
  };
  const schemaName = (id: unknown): string | undefined => (typeof id === 'string' ? toSchemaName(expand(id)) : undefined);
  const names = (value: unknown): string[] => {
    const found: string[] = [];
    for (const v of Array.isArray(value) ? value : [value]) {
      const name = schemaName(isObject(v) ? v['@id'] : v);
      if (name !== undefined) found.push(name);
    }
    return found;
  };
  const typesOf = (node: Record<string, unknown>): string[] => (Array.isArray(node['@type']) ? node['@type'] : [node['@type']]).filter((t): t is string => typeof t === 'string').map(expand);

  const types = new Map<string, string[]>();
  const properties = new Map<string, PropertyTerm>();
  const typed: [string, string[]][] = [];
  for (const node of official['@graph']) {
    if (!isObject(node)) continue;
    const name = schemaName(node['@id']);
    if (name === undefined) continue;
    const nodeTypes = typesOf(node);
    if (nodeTypes.includes(`${RDFS}Class`) || nodeTypes.includes('rdfs:Class')) {
      const supertypes = names(node['rdfs:subClassOf'] ?? node[`${RDFS}subClassOf`]);
      // Text, Number, Date, … are typed schema:DataType rather than subclassed from it.
      if (nodeTypes.some((t) => toSchemaName(t) === DATA_TYPE) && name !== DATA_TYPE && !supertypes.includes(DATA_TYPE)) supertypes.push(DATA_TYPE);
      types.set(name, supertypes);
    } else if (nodeTypes.includes(`${RDF}Property`) || nodeTypes.includes('rdf:Property')) {
      properties.set(name, {
        domains: names(node['schema:domainIncludes'] ?? node['https://schema.org/domainIncludes']),
        ranges: names(node['schema:rangeIncludes'] ?? node['https://schema.org/rangeIncludes']),
        superseded: (node['schema:supersededBy'] ?? node['https://schema.org/supersededBy']) !== undefined,
      });
    }
    const memberOf = nodeTypes.map(toSchemaName).filter((t): t is string => t !== undefined && t !== DATA_TYPE);
    if (memberOf.length > 0) typed.push([name, memberOf]);
  }
  if (types.size === 0) throw new TypeError('not a schema.org vocabulary file: its "@graph" declares no rdfs:Class');
  // Members are the nodes typed with an enumeration, known only once every class is read.
  const partial: Vocabulary = { source: 'schemaorg-current-https.jsonld', types, properties, members: new Map() };
  const index = indexOf(partial);
  const members = new Map<string, string[]>();
  for (const [name, memberOf] of typed) {
    const enumerations = memberOf.filter((t) => index.isA(t, 'Enumeration'));
    if (enumerations.length > 0) members.set(name, enumerations);
  }
  return { ...partial, members };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
