/**
 * A JSON-LD value read as nodes (JSON-LD 1.1 §9, "JSON-LD Grammar"): top-level nodes, arrays of them,
 * `@graph` containers, nested nodes, `@list`/`@set` and value objects, each with its context, its
 * expanded types and properties, and its JSON path. Checks then walk plain records, and `@id`
 * references are resolved through {@link JsonLdDocument.byId}.
 */
import type { Finding } from '../../rule.ts';
import type { JsonLdRuleId } from '../../rules/jsonld.ts';
import { applyContext, EMPTY_CONTEXT, expandTerm, type ActiveContext, type Term } from './context.ts';
import { describeValue, isRecord, type Path } from './json.ts';

/** A `@type` entry: as written, what it expands to, and where. */
export interface TypeRecord {
  readonly written: string;
  readonly term: Term;
  readonly path: Path;
}

/** A property of a node: its key, what the key expands to, and its values. */
export interface PropertyRecord {
  readonly key: string;
  readonly term: Term;
  readonly path: Path;
  readonly values: readonly ValueRecord[];
}

/** One value of a property (arrays, `@list` and `@set` flattened). */
export type ValueRecord =
  | { readonly kind: 'node'; readonly node: NodeRecord; readonly path: Path }
  | { readonly kind: 'literal'; readonly value: string | number | boolean; readonly path: Path };

/** A node object. */
export interface NodeRecord {
  readonly path: Path;
  readonly id: string | undefined;
  readonly types: readonly TypeRecord[];
  readonly properties: readonly PropertyRecord[];
  /** The property this node is the value of, when nested (a Role repeats that property inside). */
  readonly via: Term | undefined;
  /** True for a node object with nothing but `@id`: a reference to a node described elsewhere. */
  readonly reference: boolean;
}

/** Every node of a JSON-LD value, in document order, and the nodes by `@id`. */
export interface JsonLdDocument {
  readonly nodes: readonly NodeRecord[];
  readonly byId: ReadonlyMap<string, readonly NodeRecord[]>;
}

/** JSON-LD 1.1 §9.5: the keys a value object may have besides @context. */
const VALUE_OBJECT_KEYWORDS = new Set(['@value', '@type', '@language', '@direction', '@index']);

/** Nesting beyond this is not read: real markup is a few levels deep, and a hostile value must not exhaust the stack. */
const MAX_DEPTH = 64;

/** Reads `value` (a node, an array of nodes, or a @graph document); what is not JSON-LD is reported. */
export function readJsonLd(value: unknown, report: (finding: Finding<JsonLdRuleId>) => void): JsonLdDocument {
  const nodes: NodeRecord[] = [];
  const byId = new Map<string, NodeRecord[]>();
  // Terms no context maps: counted so that a top-level node without @context is reported once, and only
  // when it relies on one (a node written with full schema.org IRIs needs none).
  let dropped = 0;
  const expand = (context: ActiveContext, written: string): Term => {
    const term = expandTerm(context, written);
    if (term.kind === 'dropped') dropped++;
    return term;
  };

  const readValues = (value: unknown, path: Path, context: ActiveContext, via: Term, depth: number, out: ValueRecord[]): void => {
    if (depth > MAX_DEPTH || value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => readValues(item, [...path, i], context, via, depth + 1, out));
      return;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      out.push({ kind: 'literal', value, path });
      return;
    }
    if (!isRecord(value)) return;
    const keys = keywordsOf(value, context);
    if (keys.has('@value')) {
      readValueObject(value, keys, path);
      const literal = value[keys.get('@value') as string];
      if (typeof literal === 'string' || typeof literal === 'number' || typeof literal === 'boolean') out.push({ kind: 'literal', value: literal, path });
      return;
    }
    const container = keys.get('@list') ?? keys.get('@set');
    if (container !== undefined) {
      readValues(value[container], [...path, container], context, via, depth + 1, out);
      return;
    }
    const node = readNode(value, path, context, via, depth + 1);
    if (node !== undefined) out.push({ kind: 'node', node, path });
  };

  const readValueObject = (value: Record<string, unknown>, keys: ReadonlyMap<string, string>, path: Path): void => {
    // JSON-LD 1.1 §9.5: a value object has @value and at most @type or @language (+ @direction, @index, @context).
    const literal = value[keys.get('@value') as string];
    const type = keys.get('@type');
    if (type !== undefined && keys.has('@language')) report({ rule: 'json-ld-syntax', message: 'a value object has both @type and @language; keep one of them', at: { path } });
    if (type !== undefined && value[type] === '@json') return;
    if (literal !== null && typeof literal === 'object') report({ rule: 'json-ld-syntax', message: `@value is ${describeValue(literal)}; it must be a string, number, boolean or null`, at: { path: [...path, keys.get('@value') as string] } });
    if (type !== undefined && typeof value[type] !== 'string') report({ rule: 'json-ld-syntax', message: `the @type of a value object is ${describeValue(value[type])}; it must be one IRI string`, at: { path: [...path, type] } });
    for (const [keyword, key] of keys) if (!VALUE_OBJECT_KEYWORDS.has(keyword)) report({ rule: 'json-ld-syntax', message: `a value object (one with @value) cannot have ${keyword}; move the value into a node or drop ${keyword}`, at: { path: [...path, key] } });
    const keywordKeys = new Set(keys.values());
    for (const key of Object.keys(value)) {
      if (key === '@context' || keywordKeys.has(key)) continue;
      report({ rule: 'json-ld-syntax', message: `a value object (one with @value) cannot have the property "${describeValue(key)}"; move it to a node or drop it`, at: { path: [...path, key] } });
    }
  };

  const readNode = (value: Record<string, unknown>, path: Path, outer: ActiveContext, via: Term | undefined, depth: number): NodeRecord | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    const context = '@context' in value ? applyContext(outer, value['@context'], [...path, '@context'], report) : outer;
    const keys = keywordsOf(value, context);
    const types: TypeRecord[] = [];
    const typeKey = keys.get('@type');
    if (typeKey !== undefined) {
      const written = value[typeKey];
      const list = Array.isArray(written) ? written : [written];
      list.forEach((t, i) => {
        const at = Array.isArray(written) ? [...path, typeKey, i] : [...path, typeKey];
        if (typeof t === 'string') types.push({ written: t, term: expand(context, t), path: at });
        else report({ rule: 'json-ld-syntax', message: `@type is ${describeValue(t)}; it must be a type name such as "NewsArticle", or an array of them`, at: { path: at } });
      });
    }
    let id: string | undefined;
    const idKey = keys.get('@id');
    if (idKey !== undefined) {
      if (typeof value[idKey] === 'string') id = value[idKey];
      else report({ rule: 'json-ld-syntax', message: `@id is ${describeValue(value[idKey])}; it must be an IRI string`, at: { path: [...path, idKey] } });
    }
    const properties: PropertyRecord[] = [];
    const readProperties = (object: Record<string, unknown>, objectPath: Path, nestDepth: number): void => {
      for (const [key, v] of Object.entries(object)) {
        if (key === '@context') continue;
        const term = expand(context, key);
        const at = [...objectPath, key];
        if (term.kind === 'keyword') {
          // @nest (JSON-LD 1.1 §9.2): its properties are the node's own.
          if (term.keyword === '@nest' && nestDepth < 8) for (const [i, nested] of (Array.isArray(v) ? v : [v]).entries()) if (isRecord(nested)) readProperties(nested, Array.isArray(v) ? [...at, i] : at, nestDepth + 1);
          continue;
        }
        const values: ValueRecord[] = [];
        readValues(v, at, context, term, depth + 1, values);
        properties.push({ key, term, path: at, values });
      }
    };
    readProperties(value, path, 0);

    // @graph and @included hold nodes of their own (a top-level @graph document holds them all).
    for (const keyword of ['@graph', '@included']) {
      const key = keys.get(keyword);
      if (key === undefined) continue;
      const members = value[key];
      if (!Array.isArray(members) && !isRecord(members)) {
        report({ rule: 'json-ld-syntax', message: `${keyword} is ${describeValue(members)}; it must be an array of nodes`, at: { path: [...path, key] } });
        continue;
      }
      (Array.isArray(members) ? members : [members]).forEach((member, i) => {
        const at = Array.isArray(members) ? [...path, key, i] : [...path, key];
        if (isRecord(member)) readNode(member, at, context, undefined, depth + 1);
        else report({ rule: 'json-ld-syntax', message: `a ${keyword} entry is ${describeValue(member)}; each entry must be a node object`, at: { path: at } });
      });
    }
    // A bare @graph container (only @context, @graph, maybe @id) is not a node itself.
    if (keys.has('@graph') && types.length === 0 && properties.length === 0) return undefined;
    const reference = id !== undefined && types.length === 0 && properties.length === 0;
    const node: NodeRecord = { path, id, types, properties, via, reference };
    nodes.push(node);
    if (id !== undefined) {
      const list = byId.get(id);
      if (list === undefined) byId.set(id, [node]);
      else list.push(node);
    }
    return node;
  };

  const readTop = (node: unknown, path: Path): void => {
    if (!isRecord(node)) {
      report({ rule: 'not-json-ld', message: `expected a JSON-LD node (an object with "@context" and "@type"), an array of them, or a @graph document; found ${describeValue(node)}`, at: { path } });
      return;
    }
    const before = dropped;
    readNode(node, path, EMPTY_CONTEXT, undefined, 0);
    if (!('@context' in node) && dropped > before) {
      report({ rule: 'missing-context', message: 'this node has no "@context", so its terms are not schema.org terms (search engines ignore it); add "@context": "https://schema.org"', at: { path } });
    }
  };

  if (Array.isArray(value)) value.forEach((node, i) => readTop(node, [i]));
  else readTop(value, []);
  return { nodes, byId };
}

/** The keys of `value` that are keywords (written as such or through an alias), keyword to key. */
function keywordsOf(value: Record<string, unknown>, context: ActiveContext): Map<string, string> {
  const keys = new Map<string, string>();
  for (const key of Object.keys(value)) {
    if (key.startsWith('@')) {
      if (!keys.has(key)) keys.set(key, key);
      continue;
    }
    if (!context.terms.has(key)) continue;
    const term = expandTerm(context, key);
    if (term.kind === 'keyword' && !keys.has(term.keyword)) keys.set(term.keyword, key);
  }
  return keys;
}
