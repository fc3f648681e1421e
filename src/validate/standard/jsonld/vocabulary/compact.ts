/**
 * The compact form derive.mjs writes (as JSON in the git-ignored generated.ts): arrays rather than
 * objects, so that the module stays small and parsing it is one `JSON.parse`.
 */
import type { PropertyTerm, Vocabulary } from './vocabulary.ts';

/** The derived vocabulary as derive.mjs writes it. */
export interface CompactVocabulary {
  readonly source: string;
  /** `[type, supertypes]`. */
  readonly types: readonly (readonly [string, readonly string[]])[];
  /** `[property, domains, ranges]`, with a fourth element `1` when the property is superseded. */
  readonly properties: readonly (readonly [string, readonly string[], readonly string[], 1?])[];
  /** `[enumeration, members]`. */
  readonly members: readonly (readonly [string, readonly string[]])[];
}

/** The vocabulary a compact form describes. */
export function fromCompact(compact: CompactVocabulary): Vocabulary {
  const properties = new Map<string, PropertyTerm>();
  for (const [name, domains, ranges, superseded] of compact.properties) properties.set(name, { domains, ranges, superseded: superseded === 1 });
  const members = new Map<string, string[]>();
  for (const [enumeration, names] of compact.members) {
    for (const name of names) {
      const list = members.get(name);
      if (list === undefined) members.set(name, [enumeration]);
      else list.push(enumeration);
    }
  }
  return { source: compact.source, types: new Map(compact.types), properties, members };
}
