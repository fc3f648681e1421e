// @ts-check
// `npm run compile` runs this after tsc: writes lib/code-fingerprint.txt, the hash of the compiled code
// that readCodeFingerprint (src/io.ts) would otherwise compute on every build by reading every module.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashCode } from '../lib/io.js';

const lib = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../lib');
writeFileSync(path.join(lib, 'code-fingerprint.txt'), `${hashCode(lib)}\n`);
