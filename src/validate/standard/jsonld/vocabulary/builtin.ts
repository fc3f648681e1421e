/**
 * The vocabulary derived from the installed schema-dts at compile time (derive.mjs writes generated.ts,
 * which is git-ignored): parsed on first use, then shared.
 */
import { fromCompact, type CompactVocabulary } from './compact.ts';
import { DERIVED_VOCABULARY_JSON } from './generated.ts';
import type { Vocabulary } from './vocabulary.ts';

let builtin: Vocabulary | undefined;

/** The schema.org vocabulary derived from schema-dts (types, properties, domains, ranges, enumerations). */
export function loadBuiltinVocabulary(): Vocabulary {
  builtin ??= fromCompact(JSON.parse(DERIVED_VOCABULARY_JSON) as CompactVocabulary);
  return builtin;
}
