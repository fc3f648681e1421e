/**
 * The JSON Schema of site.json, generated from the schema the build reads it with ({@link SiteConfigInputSchema}),
 * so editors complete and check the file as the build does (`npm run compile` writes it to
 * `lib/site.schema.json`, which the package ships; tests/siteschema.test.ts fails when it drifts).
 */
import { z } from 'zod';
import { SiteConfigInputSchema } from './config.ts';

/** The JSON Schema (draft 2020-12) of what people may write in site.json. */
export function toSiteJsonSchema(): Record<string, unknown> {
  // io 'input': what the file may hold, before defaults; refinements (a URL ending in "/", a known zone) stay the build's to check.
  const schema = z.toJSONSchema(SiteConfigInputSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });
  return { ...schema, title: 'syndicate site.json', description: 'Settings of a syndicate publication: only "name" and "url" are required (docs/configuration.md).' };
}

/** The schema as the file `lib/site.schema.json` holds it. */
export function formatSiteJsonSchema(): string {
  return `${JSON.stringify(toSiteJsonSchema(), null, 2)}\n`;
}

interface SchemaNode {
  type?: string;
  description?: string;
  examples?: unknown[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  required?: string[];
  items?: SchemaNode;
  enum?: unknown[];
}

/**
 * docs/configuration.md: every key of site.json with its type and meaning (defaults are stated in the
 * descriptions), from the JSON Schema, so the page cannot drift from the code (tests/siteschema.test.ts).
 */
export function formatConfigurationDoc(): string {
  const rows: string[] = [];
  const walk = (node: SchemaNode, prefix: string, required: readonly string[]) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const name = `${prefix}${key}`;
      const type = child.type === 'array' && child.items?.enum ? `array of ${child.items.enum.map((v) => `"${String(v)}"`).join(', ')}` : child.type === 'object' && child.additionalProperties && typeof child.additionalProperties === 'object' ? 'object (map)' : (child.type ?? 'any');
      const example = child.examples?.[0] === undefined ? '' : `\`${JSON.stringify(child.examples[0])}\``;
      const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
      rows.push(`| \`${name}\` | ${type} | ${required.includes(key) ? 'yes' : 'no'} | ${cell(child.description ?? '')} | ${cell(example)} |`);
      if (child.properties) walk(child, `${name}.`, child.required ?? []);
      const entry = typeof child.additionalProperties === 'object' ? child.additionalProperties : undefined;
      if (entry?.properties) walk(entry, `${name}.<key>.`, entry.required ?? []);
    }
  };
  const schema = toSiteJsonSchema() as SchemaNode;
  walk(schema, '', schema.required ?? []);
  return [
    '# Configuration: site.json',
    '',
    '<!-- Generated from the code (src/config.ts via src/siteschema.ts); tests/siteschema.test.ts fails when it drifts. Update with `npx vitest run tests/siteschema.test.ts -u`. -->',
    '',
    'Everything about the publication that the articles do not say themselves. Only `name` and `url` are required:',
    '',
    '```json',
    '{',
    '  "$schema": "./node_modules/syndicate/lib/site.schema.json",',
    '  "name": "Example News",',
    '  "url": "https://news.example.com/",',
    '  "language": "en",',
    '  "timeZone": "Europe/London"',
    '}',
    '```',
    '',
    'Every other key has a default or is derived from these two, except the facts about the publication that',
    'are never guessed: without `logo` the JSON-LD publisher has no logo, without `newsml.provider` no NewsML-G2',
    'is written, without `mediaTopics` no story has an IPTC Media Topic; each is said in one warning naming the',
    'keys to add. `language` defaults to English, announced by one warning until it is set. `timeZone` has no',
    'default: a story that writes a time without a UTC offset (every wire-copy story) is an error until it is set.',
    '',
    '`$schema` is accepted and ignored: point it at the JSON Schema the package ships (`lib/site.schema.json`,',
    'generated from the same schema the build uses) and editors complete and check the file.',
    '',
    '| Key | Type | Required | Meaning and default | Example |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
