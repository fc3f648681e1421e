/**
 * A schema.org vocabulary as the JSON-LD checks need it: types with their direct supertypes
 * (`rdfs:subClassOf`), properties with the types they apply to (`schema:domainIncludes`) and the kinds of
 * values they take (`schema:rangeIncludes`), and enumeration members. It comes either from schema-dts
 * (derived at compile time, see derive.mjs) or from schema.org's own release file (official.ts).
 */

/** One schema.org property. */
export interface PropertyTerm {
  /** The types it applies to (with their subtypes). */
  readonly domains: readonly string[];
  /** The kinds of values it takes: data types (Text, URL, Date, …) and types. */
  readonly ranges: readonly string[];
  /** True when schema.org marks it superseded: still valid markup (validators accept it), recorded for callers. */
  readonly superseded: boolean;
}

/** A schema.org vocabulary: every lookup a check makes goes through {@link VocabularyIndex}. */
export interface Vocabulary {
  /** Where the terms come from, e.g. `schema-dts 2.1.0` or `schemaorg-current-https.jsonld`. */
  readonly source: string;
  /** Types by name (as written in JSON-LD: `NewsArticle`, `3DModel`), with their direct supertypes. */
  readonly types: ReadonlyMap<string, readonly string[]>;
  /** Properties by name. */
  readonly properties: ReadonlyMap<string, PropertyTerm>;
  /** Enumeration members by name (`InStock`), with the enumerations they belong to. */
  readonly members: ReadonlyMap<string, readonly string[]>;
}

/** The data types of schema.org whose values are JSON literals rather than nodes. */
export const DATA_TYPE = 'DataType';

/** Lookups over a vocabulary, computed once per vocabulary (ancestors, case-insensitive names). */
export class VocabularyIndex {
  readonly #ancestors = new Map<string, ReadonlySet<string>>();
  #typesByLowerCase: Map<string, string> | undefined;
  #propertiesByLowerCase: Map<string, string> | undefined;

  constructor(readonly vocabulary: Vocabulary) {}

  /** True when `name` is a schema.org type. */
  hasType(name: string): boolean {
    return this.vocabulary.types.has(name);
  }

  /** The property named `name`, if schema.org has one. */
  property(name: string): PropertyTerm | undefined {
    return this.vocabulary.properties.get(name);
  }

  /** `type` and all its supertypes (empty for an unknown type). */
  ancestors(type: string): ReadonlySet<string> {
    const known = this.#ancestors.get(type);
    if (known !== undefined) return known;
    const found = new Set<string>();
    const pending = this.vocabulary.types.has(type) ? [type] : [];
    // Iterative, with a visited set: a cycle in a hand-edited vocabulary must not loop.
    while (pending.length > 0) {
      const next = pending.pop() as string;
      if (found.has(next)) continue;
      found.add(next);
      for (const parent of this.vocabulary.types.get(next) ?? []) pending.push(parent);
    }
    this.#ancestors.set(type, found);
    return found;
  }

  /** True when `type` is `ancestor` or one of its subtypes. */
  isA(type: string, ancestor: string): boolean {
    return this.ancestors(type).has(ancestor);
  }

  /** True when `type` is a data type (Text, URL, Date, Number, …), whose values are literals. */
  isDataType(type: string): boolean {
    return this.isA(type, DATA_TYPE);
  }

  /** True when `property` applies to a node of `type`. */
  appliesTo(property: PropertyTerm, type: string): boolean {
    const ancestors = this.ancestors(type);
    return property.domains.some((domain) => ancestors.has(domain));
  }

  /** True when `member` is a member of the enumeration `enumeration` (or of one of its subtypes). */
  isMemberOf(member: string, enumeration: string): boolean {
    return (this.vocabulary.members.get(member) ?? []).some((e) => this.isA(e, enumeration));
  }

  /** The type spelled `name` in another case (`imageObject` → `ImageObject`). */
  typeInOtherCase(name: string): string | undefined {
    this.#typesByLowerCase ??= lowerCaseIndex(this.vocabulary.types.keys());
    return this.#typesByLowerCase.get(name.toLowerCase());
  }

  /** The property spelled `name` in another case (`DatePublished` → `datePublished`). */
  propertyInOtherCase(name: string): string | undefined {
    this.#propertiesByLowerCase ??= lowerCaseIndex(this.vocabulary.properties.keys());
    return this.#propertiesByLowerCase.get(name.toLowerCase());
  }

  /** The properties that apply to one of `types`, for suggestions. */
  propertiesOf(types: readonly string[]): string[] {
    const found: string[] = [];
    for (const [name, property] of this.vocabulary.properties) if (types.some((t) => this.appliesTo(property, t))) found.push(name);
    return found;
  }
}

function lowerCaseIndex(names: Iterable<string>): Map<string, string> {
  const index = new Map<string, string>();
  for (const name of names) if (!index.has(name.toLowerCase())) index.set(name.toLowerCase(), name);
  return index;
}

const indexes = new WeakMap<Vocabulary, VocabularyIndex>();

/** The (cached) index of `vocabulary`. */
export function indexOf(vocabulary: Vocabulary): VocabularyIndex {
  let index = indexes.get(vocabulary);
  if (index === undefined) indexes.set(vocabulary, (index = new VocabularyIndex(vocabulary)));
  return index;
}
