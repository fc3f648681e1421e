// @ts-check
// `npm run compile` runs this after tsc: writes lib/site.schema.json, the JSON Schema of site.json
// generated from the code's own schema (src/siteschema.ts), shipped in the package for editors.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatSiteJsonSchema } from '../lib/siteschema.js';

writeFileSync(fileURLToPath(new URL('../lib/site.schema.json', import.meta.url)), formatSiteJsonSchema());
