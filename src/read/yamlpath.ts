import { isMap, isScalar, isSeq, type Node } from 'yaml';

/** The deepest YAML node along a key path (map keys and sequence indexes), to place a diagnostic on it. */
export function nodeAt(root: Node | null, path: readonly string[]): Node | undefined {
  let node: Node | null = root;
  let found: Node | undefined = root ?? undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (!pair) break;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node)) {
      node = (node.items[Number(key)] as Node | undefined) ?? null;
    } else break;
    if (node) found = node;
  }
  return found;
}
