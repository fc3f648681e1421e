/**
 * Just enough of JSON-LD 1.1 context processing (§4.1, "Context Processing") to tell which keys and
 * types are schema.org terms: `@vocab`, term and prefix definitions, keyword aliases, arrays of
 * contexts and `null`. Remote contexts are not fetched: schema.org's own is known by its URL (its
 * `@vocab` is schema.org, it aliases `type` and `id`, and defines the `schema` prefix); any other makes
 * the terms it might define unknown, and they are not checked.
 */
import type { Finding } from '../../rule.ts';
import type { JsonLdRuleId } from '../../rules/jsonld.ts';
import { describeValue, isRecord, type Path } from './json.ts';

/** What a key or a type expands to. */
export type Term =
  /** A schema.org term (either scheme), by name. */
  | { readonly kind: 'schema'; readonly name: string }
  /** A JSON-LD keyword, written as itself or through an alias. */
  | { readonly kind: 'keyword'; readonly keyword: string }
  /** A term of another vocabulary: not ours to check. */
  | { readonly kind: 'other'; readonly iri: string }
  /** A term a remote context we cannot read may define: not checked. */
  | { readonly kind: 'unknown' }
  /** No mapping at all: JSON-LD processors drop it. */
  | { readonly kind: 'dropped' };

/** The context in effect at a node. */
export interface ActiveContext {
  /** The `@vocab` IRI, if any. */
  readonly vocab: string | undefined;
  /** Term definitions: term to IRI (or keyword), `null` for a term explicitly left unmapped. */
  readonly terms: ReadonlyMap<string, string | null>;
  /** True when a remote context other than schema.org's applies (its definitions are unknown). */
  readonly opaque: boolean;
}

/** The context before any `@context`: nothing maps. */
export const EMPTY_CONTEXT: ActiveContext = { vocab: undefined, terms: new Map(), opaque: false };

const SCHEMA_VOCAB = 'https://schema.org/';
// schema.org's served context: `@vocab` plus the aliases and prefix that matter to term expansion.
const SCHEMA_CONTEXT_TERMS: readonly [string, string][] = [
  ['type', '@type'],
  ['id', '@id'],
  ['schema', 'http://schema.org/'],
];
/** Keys of a local context that are not term definitions. */
const CONTEXT_KEYWORDS = new Set(['@base', '@direction', '@import', '@language', '@propagate', '@protected', '@version', '@vocab']);

/** True for a URL of schema.org's context: `https://schema.org`, `http://schema.org/`, or the context document itself. */
export function isSchemaContextUrl(url: string): boolean {
  return /^https?:\/\/schema\.org(?:\/|\/docs\/jsonldcontext\.jsonld?)?$/i.test(url.trim());
}

/** The schema.org name in an IRI of either scheme (`http://schema.org/NewsArticle` → `NewsArticle`), if it is one. */
export function toSchemaName(iri: string): string | undefined {
  const match = /^https?:\/\/schema\.org\/([^/#?]+)$/i.exec(iri);
  return match?.[1];
}

/**
 * The context after `value` (a `@context` entry at `path`) is applied to `active`; what cannot be used
 * is reported (a value of the wrong kind, a remote context other than schema.org's).
 */
export function applyContext(active: ActiveContext, value: unknown, path: Path, report: (finding: Finding<JsonLdRuleId>) => void): ActiveContext {
  if (value === null) return EMPTY_CONTEXT;
  if (Array.isArray(value)) {
    let context = active;
    value.forEach((entry, i) => {
      context = applyContext(context, entry, [...path, i], report);
    });
    return context;
  }
  if (typeof value === 'string') {
    if (isSchemaContextUrl(value)) return { vocab: SCHEMA_VOCAB, terms: new Map([...active.terms, ...SCHEMA_CONTEXT_TERMS]), opaque: active.opaque };
    report({
      rule: 'unknown-context',
      message: `@context "${describeValue(value)}" is not schema.org's context, and remote contexts are not fetched: the terms it may define are not checked. For schema.org markup write "@context": "https://schema.org"`,
      at: { path },
    });
    return { ...active, opaque: true };
  }
  if (!isRecord(value)) {
    report({ rule: 'json-ld-syntax', message: `@context is ${describeValue(value)}; JSON-LD wants a context URL, a context object, or an array of them ("https://schema.org")`, at: { path } });
    return active;
  }
  const terms = new Map(active.terms);
  let vocab = active.vocab;
  let opaque = active.opaque;
  for (const [key, definition] of Object.entries(value)) {
    if (key === '@vocab') {
      if (definition === null) vocab = undefined;
      else if (typeof definition === 'string') vocab = expandVocab({ vocab, terms, opaque }, definition);
      else report({ rule: 'json-ld-syntax', message: `@vocab is ${describeValue(definition)}; it must be an IRI such as "https://schema.org/"`, at: { path: [...path, key] } });
      continue;
    }
    if (key === '@import') opaque = true;
    if (CONTEXT_KEYWORDS.has(key)) continue;
    if (definition === null) terms.set(key, null);
    else if (typeof definition === 'string') terms.set(key, definition);
    else if (isRecord(definition)) {
      const id = definition['@id'] ?? definition['@reverse'];
      if (typeof id === 'string') terms.set(key, id);
      else if (id === null) terms.set(key, null);
      // A definition without @id (type coercion only) keeps the term vocabulary-relative.
      else terms.delete(key);
    } else {
      report({ rule: 'json-ld-syntax', message: `the context defines "${describeValue(key)}" as ${describeValue(definition)}; a term definition is an IRI string, an object, or null`, at: { path: [...path, key] } });
    }
  }
  return { vocab, terms, opaque };
}

/** What `value` (a key, or a `@type` value) expands to under `context`. */
export function expandTerm(context: ActiveContext, value: string): Term {
  const iri = expandIri(context, value, 0);
  if (iri === undefined) return { kind: 'unknown' };
  if (iri === null) return { kind: 'dropped' };
  if (iri.startsWith('@')) return { kind: 'keyword', keyword: iri };
  const name = toSchemaName(iri);
  return name === undefined ? { kind: 'other', iri } : { kind: 'schema', name };
}

/** JSON-LD §5.2 IRI Expansion (vocabulary-relative): undefined when an unreadable context may define it, null when dropped. */
function expandIri(context: ActiveContext, value: string, depth: number): string | null | undefined {
  if (value.startsWith('@')) return value;
  if (context.terms.has(value)) {
    const mapped = context.terms.get(value) as string | null;
    // A term may map to a compact IRI or another term; a short bound stops definition cycles.
    if (mapped === null || mapped === value || depth > 8) return mapped;
    return expandIri(context, mapped, depth + 1);
  }
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.slice(0, colon);
    const suffix = value.slice(colon + 1);
    if (!suffix.startsWith('//') && context.terms.has(prefix) && depth <= 8) {
      const base = expandIri(context, prefix, depth + 1);
      return typeof base === 'string' ? base + suffix : base;
    }
    // An absolute IRI (or a blank node identifier): as written.
    return value;
  }
  if (context.opaque) return undefined;
  return context.vocab === undefined ? null : context.vocab + value;
}

/** `@vocab` may itself be a compact IRI or a term (JSON-LD 1.1 §4.1.2, step 5.7). */
function expandVocab(context: ActiveContext, value: string): string {
  if (value.includes(':')) {
    const expanded = expandIri({ ...context, vocab: undefined }, value, 0);
    return typeof expanded === 'string' ? expanded : value;
  }
  return context.terms.get(value) ?? value;
}
