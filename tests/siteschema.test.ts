import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatConfigurationDoc, formatSiteJsonSchema, toSiteJsonSchema } from '../src/siteschema.ts';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const check = ajv.compile(toSiteJsonSchema());
const text = (url: string) => readFileSync(new URL(url, import.meta.url), 'utf8');

describe('the JSON Schema of site.json', () => {
  it('is the one `npm run compile` shipped in lib/ (run it after changing src/config.ts)', () => {
    expect(text('../lib/site.schema.json')).toBe(formatSiteJsonSchema());
  });

  it('accepts the sample, the newsroom fixture, a minimal file and $schema; refuses what the build refuses by shape', () => {
    for (const file of ['../input/site.json', './fixtures/newsroom/input/site.json']) expect(check(JSON.parse(text(file))), file).toBe(true);
    expect(check({ $schema: './node_modules/syndicate/lib/site.schema.json', name: 'Example', url: 'https://news.example.com/' })).toBe(true);
    expect(check({ name: 'Example' })).toBe(false);
    expect(check({ name: 'Example', url: 'https://news.example.com/', titel: 'x' })).toBe(false);
    expect(check({ name: 'Example', url: 'https://news.example.com/', logo: { url: 'https://news.example.com/l.png', width: 600.5, height: 60 } })).toBe(false);
    expect(check({ name: 'Example', url: 'https://news.example.com/', outputs: ['html'] })).toBe(false);
  });

  it('describes every key', () => {
    const undescribed: string[] = [];
    const walk = (node: { properties?: Record<string, { description?: string }> }, prefix: string) => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if (!child.description) undescribed.push(prefix + key);
        walk(child as typeof node, `${prefix}${key}.`);
      }
    };
    walk(toSiteJsonSchema() as never, '');
    expect(undescribed).toEqual([]);
  });
});

describe('docs/configuration.md', () => {
  it('is generated from the schema (update with -u)', async () => {
    await expect(formatConfigurationDoc()).toMatchFileSnapshot('../docs/configuration.md');
  });
});
