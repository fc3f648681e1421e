// @ts-check
// `npm run compile` runs this after tsc: bundles the build worker (lib/project/worker.js and everything
// it imports) into lib/project/worker.bundle.js. A worker thread then loads one file instead of resolving
// and linking some 800 modules: its start-up cost is about halved (BENCHMARKS.md).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const lib = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../lib');
// The main thread's heavy half (heavy.js: readers, emitters, validators), loaded only when a build has
// something to build, is bundled the same way.
await build({
  entryPoints: { worker: path.join(lib, 'project/worker.js'), heavy: path.join(lib, 'project/heavy.js') },
  outdir: path.join(lib, 'project'),
  entryNames: '[name].bundle',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // ESM builds of dependencies where they ship one (jsonc-parser's UMD build requires files at run time).
  mainFields: ['module', 'main'],
  // libxml2-wasm loads its .wasm file beside its own module; it is used only with --schemas.
  external: ['libxml2-wasm'],
  // CommonJS dependencies call require(); an ES module bundle has none of its own.
  banner: { js: "import { createRequire as __syndicateCreateRequire } from 'node:module'; const require = __syndicateCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
