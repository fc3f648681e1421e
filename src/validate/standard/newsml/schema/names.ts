/** Every element name NewsML-G2 2.35 declares, globally or inside a type, found by walking the tables. */
import type { ComplexType, Particle } from '../model.ts';
import { GLOBAL_ELEMENTS } from './elements.ts';

function collect(names: Set<string>, seen: Set<ComplexType>, type: ComplexType | string | undefined): void {
  if (type === undefined || typeof type === 'string' || seen.has(type)) return;
  seen.add(type);
  const visit = (p: Particle): void => {
    if (p.kind === 'element') {
      names.add(p.name);
      collect(names, seen, p.type);
    } else if (p.kind !== 'any') {
      for (const item of p.items) visit(item);
    }
  };
  if (type.model !== undefined) visit(type.model);
}

/** The names of all NewsML-G2 elements, global and local (contentMeta, header, group, …). */
export const KNOWN_NAMES: ReadonlySet<string> = (() => {
  const names = new Set<string>(GLOBAL_ELEMENTS.keys());
  const seen = new Set<ComplexType>();
  for (const type of GLOBAL_ELEMENTS.values()) collect(names, seen, type);
  return names;
})();
