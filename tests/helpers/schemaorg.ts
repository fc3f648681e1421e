import { readFileSync } from 'node:fs';

/**
 * A schema.org vocabulary checker for tests, built from the official release file
 * (`schemaorg-current-https.jsonld`): classes with `rdfs:subClassOf`, properties with
 * `schema:domainIncludes` / `schema:rangeIncludes`. Ids are compact (`schema:NewsArticle`).
 */
export interface Vocabulary {
  /** Every class, data types included, by compact id. */
  classes: ReadonlySet<string>;
  /** Data types (Text, URL, Date, DateTime, Number, Integer, Distance, …): classes whose values are literals. */
  dataTypes: ReadonlySet<string>;
  /** Properties with their domains and ranges (compact ids). */
  properties: ReadonlyMap<string, { domains: readonly string[]; ranges: readonly string[] }>;
  /** The class itself and all its ancestors. */
  ancestors(type: string): ReadonlySet<string>;
}

type Ref = { '@id': string };
type VocabNode = {
  '@id': string;
  '@type'?: string | string[];
  'rdfs:subClassOf'?: Ref | Ref[];
  'schema:domainIncludes'?: Ref | Ref[];
  'schema:rangeIncludes'?: Ref | Ref[];
};

function ids(value: Ref | Ref[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((r) => r['@id']);
}

function types(node: VocabNode): string[] {
  const t = node['@type'];
  return t === undefined ? [] : Array.isArray(t) ? t : [t];
}

/** Reads the release file and indexes it. */
export function loadVocabulary(file: string): Vocabulary {
  const graph = (JSON.parse(readFileSync(file, 'utf8')) as { '@graph': VocabNode[] })['@graph'];
  const parents = new Map<string, string[]>();
  const classes = new Set<string>();
  const directDataTypes = new Set<string>();
  const properties = new Map<string, { domains: string[]; ranges: string[] }>();
  for (const node of graph) {
    const t = types(node);
    if (t.includes('rdfs:Class')) {
      classes.add(node['@id']);
      parents.set(node['@id'], ids(node['rdfs:subClassOf']));
    }
    if (t.includes('schema:DataType')) directDataTypes.add(node['@id']);
    if (t.includes('rdf:Property')) {
      properties.set(node['@id'], { domains: ids(node['schema:domainIncludes']), ranges: ids(node['schema:rangeIncludes']) });
    }
  }
  const cache = new Map<string, Set<string>>();
  const ancestors = (type: string): Set<string> => {
    let found = cache.get(type);
    if (found) return found;
    found = new Set([type]);
    cache.set(type, found);
    for (const parent of parents.get(type) ?? []) for (const a of ancestors(parent)) found.add(a);
    return found;
  };
  // URL is a subclass of Text, Distance of Quantity, Integer of Number: data-typeness is inherited.
  const dataTypes = new Set([...classes].filter((c) => [...ancestors(c)].some((a) => directDataTypes.has(a))));
  return { classes, dataTypes, properties, ancestors };
}

const ABSOLUTE_URL = /^https?:\/\/[^\s/?#]+\S*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * Checks a JSON-LD document (compact, `@context` "https://schema.org"; one node or a `@graph` of
 * nodes) against the vocabulary and returns one message per problem (empty when it conforms):
 * unknown types, unknown properties, properties outside their domain (with inheritance), and
 * values outside their range. A `{"@id"}` reference takes the types of the node with that `@id`
 * anywhere in the document, and is a problem when no such node exists.
 */
export function checkSchemaOrg(document: unknown, vocab: Vocabulary): string[] {
  const problems: string[] = [];
  const s = (name: string): string => `schema:${name}`;
  const label = (id: string): string => id.replace(/^schema:/, '');

  // Node references ({"@id": …}) take the types of the node with that @id elsewhere in the document.
  const typesById = new Map<string, string[]>();
  const index = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(index);
    else if (isRecord(value)) {
      const id = value['@id'];
      if (typeof id === 'string' && value['@type'] !== undefined) {
        typesById.set(id, [...(typesById.get(id) ?? []), ...asArray(value['@type']).map(String)]);
      }
      Object.values(value).forEach(index);
    }
  };
  index(document);

  const inRange = (ranges: readonly string[], type: string): boolean => [...vocab.ancestors(type)].some((a) => ranges.includes(a));
  const rangeHas = (ranges: readonly string[], dataType: string): boolean => ranges.some((r) => vocab.ancestors(r).has(s(dataType)));
  const rangeHasThing = (ranges: readonly string[]): boolean => ranges.some((r) => !vocab.dataTypes.has(r));

  const checkLiteral = (where: string, value: unknown, ranges: readonly string[]): void => {
    const expected = ranges.map(label).join(' | ');
    if (typeof value === 'string') {
      const absolute = ABSOLUTE_URL.test(value);
      const ok =
        // Text and its subclasses other than URL (CssSelectorType, XPathType, …) take any string.
        ranges.some((r) => r !== s('URL') && vocab.ancestors(r).has(s('Text'))) ||
        (ranges.includes(s('URL')) && absolute) ||
        (ranges.includes(s('DateTime')) && DATE_TIME.test(value)) ||
        (ranges.includes(s('Date')) && DATE.test(value)) ||
        // Distance, Duration, Energy, Mass are written as strings ("7 ft").
        rangeHas(ranges, 'Quantity') ||
        // A URL-valued string may stand for a node of a Thing type (a JSON-LD node reference by IRI).
        (absolute && rangeHasThing(ranges));
      if (!ok) problems.push(`${where}: string ${JSON.stringify(value)} is not a valid ${expected}`);
    } else if (typeof value === 'number') {
      const ok = ranges.includes(s('Number')) || ranges.includes(s('Float')) || (ranges.includes(s('Integer')) && Number.isInteger(value));
      if (!ok) problems.push(`${where}: number ${value} is not in the range ${expected}`);
    } else if (typeof value === 'boolean') {
      if (!rangeHas(ranges, 'Boolean')) problems.push(`${where}: boolean is not in the range ${expected}`);
    } else {
      problems.push(`${where}: ${value === null ? 'null' : typeof value} is never a valid JSON-LD value here (expected ${expected})`);
    }
  };

  const checkNode = (where: string, node: Record<string, unknown>, root: boolean): string[] => {
    const declared = node['@type'];
    let nodeTypes: string[];
    if (declared === undefined) {
      const id = node['@id'];
      nodeTypes = typeof id === 'string' ? [...new Set(typesById.get(id) ?? [])].map(s).filter((t) => vocab.classes.has(t)) : [];
      if (nodeTypes.length === 0) problems.push(`${where}: node has no @type${typeof id === 'string' ? ` and @id ${id} is not typed anywhere in the document` : ''}`);
    } else {
      nodeTypes = [];
      for (const t of asArray(declared)) {
        if (typeof t !== 'string') {
          problems.push(`${where}.@type: not a string`);
          continue;
        }
        const id = s(t);
        if (!vocab.classes.has(id) || vocab.dataTypes.has(id)) problems.push(`${where}.@type: "${t}" is not a schema.org type`);
        else nodeTypes.push(id);
      }
    }
    const nodeAncestors = new Set(nodeTypes.flatMap((t) => [...vocab.ancestors(t)]));
    for (const [key, value] of Object.entries(node)) {
      const at = `${where}.${key}`;
      if (key === '@context') {
        if (!root) problems.push(`${at}: @context belongs on the top-level object only`);
        else if (value !== 'https://schema.org') problems.push(`${at}: expected "https://schema.org"`);
        continue;
      }
      if (key === '@type') continue;
      if (key === '@id') {
        if (typeof value !== 'string' || !ABSOLUTE_URL.test(value)) problems.push(`${at}: must be an absolute URL`);
        continue;
      }
      if (key.startsWith('@') || key.includes(':')) {
        problems.push(`${at}: unexpected keyword or prefixed term "${key}"`);
        continue;
      }
      const property = vocab.properties.get(s(key));
      if (!property) {
        problems.push(`${at}: "${key}" is not a schema.org property`);
        continue;
      }
      if (nodeTypes.length > 0 && property.domains.length > 0 && !property.domains.some((d) => nodeAncestors.has(d))) {
        problems.push(`${at}: "${key}" is not allowed on ${nodeTypes.map(label).join(', ')} (domain: ${property.domains.map(label).join(' | ')})`);
      }
      asArray(value).forEach((item, i) => {
        const itemAt = Array.isArray(value) ? `${at}[${i}]` : at;
        if (isRecord(item)) {
          const itemTypes = checkNode(itemAt, item, false);
          const fits = itemTypes.length === 0 ? rangeHasThing(property.ranges) : itemTypes.some((t) => inRange(property.ranges, t));
          if (!fits) {
            problems.push(`${itemAt}: ${itemTypes.map(label).join(', ') || 'node'} is not in the range of "${key}" (${property.ranges.map(label).join(' | ')})`);
          }
        } else if (Array.isArray(item)) {
          problems.push(`${itemAt}: nested arrays are not meaningful in JSON-LD here`);
        } else {
          checkLiteral(itemAt, item, property.ranges);
        }
      });
    }
    return nodeTypes;
  };

  if (!isRecord(document)) return ['the document is not a JSON object'];
  if (document['@context'] !== 'https://schema.org') problems.push('$.@context: expected "https://schema.org"');
  if (!Object.hasOwn(document, '@graph')) {
    checkNode('$', document, true);
    return problems;
  }
  // JSON-LD 1.1 §4.9: a top-level object with only @context and @graph is a set of nodes, each checked on its own.
  for (const key of Object.keys(document)) {
    if (key !== '@context' && key !== '@graph') problems.push(`$.${key}: a document with @graph has only @context and @graph at the top level`);
  }
  const graph = document['@graph'];
  if (!Array.isArray(graph)) problems.push('$.@graph: must be an array of nodes');
  else {
    graph.forEach((node, i) => {
      if (isRecord(node)) checkNode(`$.@graph[${i}]`, node, false);
      else problems.push(`$.@graph[${i}]: ${node === null ? 'null' : typeof node} is not a node object`);
    });
  }
  return problems;
}

/** What a `@graph` document holds, read independently of the product's validator (for tests). */
export interface GraphSummary {
  /** `@type` of each top-level node, in order. */
  topLevelTypes: string[];
  /** `@type` of every node that has an `@id`, embedded ones included (the Organization's logo), by `@id`. */
  typesById: Map<string, string>;
  /** `@id`s that `{"@id"}` references point to but no node defines. */
  unresolved: string[];
  /** Number of `{"@id"}` references. */
  references: number;
}

/** Summarises a `{"@context", "@graph"}` document: node types, defined ids, and unresolved references. */
export function summariseGraph(document: unknown): GraphSummary {
  const graph = isRecord(document) && Array.isArray(document['@graph']) ? (document['@graph'] as unknown[]) : [];
  const typesById = new Map<string, string>();
  const refs: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isRecord(value)) {
      const id = value['@id'];
      if (typeof id === 'string' && Object.keys(value).length === 1) refs.push(id);
      else if (typeof id === 'string') typesById.set(id, String(value['@type']));
      Object.values(value).forEach(visit);
    }
  };
  visit(graph);
  return {
    topLevelTypes: graph.map((node) => (isRecord(node) ? String(node['@type']) : typeof node)),
    typesById,
    unresolved: refs.filter((id) => !typesById.has(id)),
    references: refs.length,
  };
}
