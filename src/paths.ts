/** Path predicates shared by the build, the watch and the preview. Pure (no filesystem access). */
import path from 'node:path';

/** Whether the absolute path `inner` is `outer` or lies inside it (a sibling `outer-x` does not). */
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer + path.sep);
}
