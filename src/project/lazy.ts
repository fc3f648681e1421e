/** Loading the build's heavy half (heavy.ts) only when a build needs it, from its bundle when there is one. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Heavy = typeof import('./heavy.ts');
let loaded: Promise<Heavy> | undefined;

/**
 * The readers, emitters and validators: `heavy.bundle.js` when the compile step made it (one file loads
 * several times faster than the few hundred modules it holds; BENCHMARKS.md), else the modules.
 */
export function loadHeavy(): Promise<Heavy> {
  const bundle = new URL('./heavy.bundle.js', import.meta.url);
  loaded ??= existsSync(fileURLToPath(bundle)) ? (import(bundle.href) as Promise<Heavy>) : import('./heavy.ts');
  return loaded;
}
