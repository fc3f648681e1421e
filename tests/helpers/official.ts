import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Folder of the official reference schemas (NewsML-G2 XSD, Atom RELAX NG, schema.org, ninjs):
 * `$SYNDICATE_SCHEMAS`, else `../shared/schemas` beside the project. Tests that need them are
 * skipped with a loud notice when absent, never silently passed.
 */
export const officialSchemasDir = process.env.SYNDICATE_SCHEMAS ?? path.resolve(import.meta.dirname, '../../../shared/schemas');

/** True when the official schemas folder is present. */
export const haveOfficialSchemas = existsSync(path.join(officialSchemasDir, 'newsml-g2'));

if (!haveOfficialSchemas) {
  console.warn(
    `\n*** OFFICIAL SCHEMAS ABSENT: ${officialSchemasDir} not found. Conformance tests against the ` +
      `official NewsML-G2 XSD, Atom RELAX NG and schema.org vocabulary are SKIPPED, not passed. ` +
      `Set SYNDICATE_SCHEMAS to the folder to run them. ***\n`,
  );
}

/** Absolute path of a file in the official schemas folder. */
export function officialSchema(...parts: string[]): string {
  return path.join(officialSchemasDir, ...parts);
}
