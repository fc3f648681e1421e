// @ts-check
// `npm run compile` runs this after tsc: writes lib/code-fingerprint.txt, the hash of the compiled code
// that readCodeFingerprint (src/io.ts) would otherwise compute on every build by reading every module.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../lib');
const files = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(?:js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
  .map((e) => path.join(e.parentPath, e.name))
  .sort();
const hash = createHash('sha256');
for (const file of files) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file));
writeFileSync(path.join(root, 'code-fingerprint.txt'), `${hash.digest('base64url')}\n`);
