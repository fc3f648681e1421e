import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSiteConfig } from '../../src/config.ts';

/*
 * The catalogue of bad `site.json` files (issue 6, item 1): each gives exactly one `config`
 * diagnostic with its line and column and a message that says what to do.
 */

const FILE = 'input/site.json';
const sample = JSON.parse(readFileSync(new URL('../../input/site.json', import.meta.url), 'utf8')) as Record<string, unknown>;

/** The sample, changed by `edit`, pretty-printed as people write it. */
function variant(edit: (site: Record<string, any>) => void): string {
  const site = structuredClone(sample) as Record<string, any>;
  edit(site);
  return JSON.stringify(site, null, 2);
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  expect(offset, `"${needle}" in the test text`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

function after(text: string, needle: string): { line: number; column: number } {
  const start = positionOf(text, needle);
  return { line: start.line, column: start.column + needle.length };
}

interface ConfigCase {
  name: string;
  text: string;
  ruleId: 'invalid-json' | 'invalid-config';
  /** Where the diagnostic must point: a line and column, the text it must point at, or the place right after a text. */
  at: { line: number; column: number } | string | { after: string };
  says: RegExp[];
}

const withLimits = (limits: unknown) => variant((s) => (s['limits'] = limits));

const cases: ConfigCase[] = [
  { name: 'empty file', text: '', ruleId: 'invalid-json', at: { line: 1, column: 1 }, says: [/the file is empty/, /JSON object/] },
  { name: 'trailing comma', text: '{\n  "name": "x",\n}\n', ruleId: 'invalid-json', at: { line: 3, column: 1 }, says: [/not valid JSON at line 3, column 1/, /trailing comma/] },
  { name: 'unquoted key', text: '{\n  "name": "x",\n  language: "en"\n}', ruleId: 'invalid-json', at: { line: 3, column: 3 }, says: [/not valid JSON at line 3, column 3/, /fix the syntax there/] },
  { name: 'single quotes', text: "{\n  'name': 'x'\n}", ruleId: 'invalid-json', at: { line: 2, column: 3 }, says: [/line 2, column 3/] },
  { name: 'missing comma', text: '{\n  "name": "x"\n  "url": "https://example.com/"\n}', ruleId: 'invalid-json', at: { line: 3, column: 3 }, says: [/line 3, column 3/, /missing comma/] },
  { name: 'comment', text: '{\n  // the name\n  "name": "x"\n}', ruleId: 'invalid-json', at: { line: 2, column: 3 }, says: [/line 2, column 3/] },
  { name: 'truncated', text: '{\n  "name": "x",\n  "url": "https://exa', ruleId: 'invalid-json', at: { line: 3, column: 10 }, says: [/line 3, column 10/] },
  { name: 'not an object', text: '["Global Times"]', ruleId: 'invalid-config', at: { line: 1, column: 1 }, says: [/the top level: must be an object, not an array/] },
  { name: 'unknown key', text: variant((s) => (s['titel'] = 'x')), ruleId: 'invalid-config', at: '"titel"', says: [/unknown field\(s\) "titel"; correct or remove them \(every key: docs\/configuration.md\)/] },
  { name: 'unknown nested key', text: variant((s) => (s['feed']['limt'] = 5)), ruleId: 'invalid-config', at: '"limt"', says: [/"feed": unknown field\(s\) "limt" \(did you mean "limit"\?\)/] },
  { name: 'wrong type', text: variant((s) => (s['name'] = 5)), ruleId: 'invalid-config', at: '5,', says: [/"name": must be a string, not a number \(The publication's name\), e.g. "Global Times"; correct the value/] },
  { name: 'missing field', text: variant((s) => delete s['url']), ruleId: 'invalid-config', at: { line: 1, column: 1 }, says: [/"url": is required; add "url" \(The publication's home page, ending in "\/"; article permalinks are resolved against it\), e.g. "https:\/\/news.example.com\/"/] },
  { name: 'bad URL', text: variant((s) => (s['url'] = 'www.globaltimes.cn')), ruleId: 'invalid-config', at: '"www.globaltimes.cn"', says: [/"url": expected an absolute http\(s\) URL/] },
  { name: 'URL without a trailing slash', text: variant((s) => (s['url'] = 'https://www.globaltimes.cn/news')), ruleId: 'invalid-config', at: '"https://www.globaltimes.cn/news"', says: [/"url": expected a URL ending in "\/"/] },
  { name: 'bad time zone', text: variant((s) => (s['timeZone'] = 'Asia/Shangai')), ruleId: 'invalid-config', at: '"Asia/Shangai"', says: [/"timeZone": expected an IANA time-zone name such as "Asia\/Shanghai"/] },
  { name: 'offset as time zone', text: variant((s) => (s['timeZone'] = '+08:00')), ruleId: 'invalid-config', at: '"+08:00"', says: [/UTC offsets and abbreviations are not accepted/] },
  { name: 'feed limit 0', text: variant((s) => (s['feed']['limit'] = 0)), ruleId: 'invalid-config', at: { after: '"limit": ' }, says: [/"feed.limit": must be at least 1; correct the value/] },
  { name: 'limits.maxArticleBytes 0', text: withLimits({ maxArticleBytes: 0 }), ruleId: 'invalid-config', at: { after: '"maxArticleBytes": ' }, says: [/"limits.maxArticleBytes": must be greater than 0/] },
  { name: 'limits.maxArticleBytes as text', text: withLimits({ maxArticleBytes: '1 MB' }), ruleId: 'invalid-config', at: '"1 MB"', says: [/must be a number, not a string/] },
  { name: 'limits.maxArticleBytes fractional', text: withLimits({ maxArticleBytes: 1.5 }), ruleId: 'invalid-config', at: '1.5', says: [/must be a whole number, not a number/] },
  { name: 'limits with an unknown key', text: withLimits({ maxBytes: 10 }), ruleId: 'invalid-config', at: '"maxBytes"', says: [/"limits": unknown field\(s\) "maxBytes"/] },
];

describe('catalogue of bad site.json files: exactly one diagnostic each, with its position', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { config, diagnostics } = readSiteConfig(c.text, FILE);
    expect(config).toBeUndefined();
    expect(diagnostics, JSON.stringify(diagnostics, null, 2)).toHaveLength(1);
    const d = diagnostics[0]!;
    const at = typeof c.at === 'string' ? positionOf(c.text, c.at) : 'after' in c.at ? after(c.text, c.at.after) : c.at;
    expect(d).toMatchObject({ file: FILE, severity: 'error', source: 'config', ruleId: c.ruleId, line: at.line, column: at.column });
    for (const pattern of c.says) expect(d.message).toMatch(pattern);
  });

  it('reads the same position whatever the JSON error wording of the Node version (our own scan, not the message)', () => {
    // A BOM is allowed and does not shift positions.
    const { diagnostics } = readSiteConfig('\uFEFF{\n  "name": "x",\n}', FILE);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'invalid-json', line: 3, column: 1 })]);
  });

  it('accepts limits.maxArticleBytes, and leaves it out when absent (the default, 1 MiB, applies when reading)', () => {
    expect(readSiteConfig(withLimits({ maxArticleBytes: 2_000_000 }), FILE).config?.limits).toEqual({ maxArticleBytes: 2_000_000 });
    expect(readSiteConfig(JSON.stringify(sample), FILE).config?.limits).toBeUndefined();
  });
});
