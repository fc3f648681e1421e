/** The schema.org types a node has, its own and those given where the same `@id` is described. */
import type { JsonLdDocument, NodeRecord } from './document.ts';
import type { VocabularyIndex } from './vocabulary/vocabulary.ts';

/** What is known of a node's types. */
export interface NodeTypes {
  /** The schema.org types the vocabulary knows. */
  readonly known: readonly string[];
  /** True when some type is not checkable (another vocabulary, an unknown context) or unknown. */
  readonly uncertain: boolean;
}

/** The types of `node`, merged over every node object with its `@id` (a reference has the referent's). */
export function typesOf(node: NodeRecord, document: JsonLdDocument, index: VocabularyIndex): NodeTypes {
  const sources = node.id === undefined ? [node] : (document.byId.get(node.id) ?? [node]);
  const known = new Set<string>();
  let uncertain = false;
  for (const source of sources) {
    for (const type of source.types) {
      if (type.term.kind === 'schema' && index.hasType(type.term.name)) known.add(type.term.name);
      else if (type.term.kind !== 'dropped') uncertain = true;
    }
  }
  return { known: [...known], uncertain };
}
