import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.ts';
import { readSiteConfig } from '../src/config.ts';
import { toSkippedFeatureWarnings } from '../src/features.ts';
import { buildProject } from '../src/project/build.ts';

const MINIMAL = { name: 'Example News', url: 'https://news.example.com/' };
const read = (config: object) => readSiteConfig(JSON.stringify(config, null, 2), 'input/site.json');
const sampleDir = new URL('../input/articles/', import.meta.url);
const sources = readdirSync(sampleDir).map((f) => ({ path: `input/articles/${f}`, bytes: new Uint8Array(readFileSync(new URL(f, sampleDir))) }));
const NOW = '2024-09-05T00:00:00Z';
const configWarnings = (diagnostics: { file: string; severity: string; ruleId: string }[]) =>
  diagnostics.filter((d) => d.file.endsWith('site.json')).map((d) => `${d.severity} ${d.ruleId}`).sort();

describe('a site.json with only name and url', () => {
  it('is valid, every default applied and the assumed language announced once', () => {
    const { config, diagnostics } = read(MINIMAL);
    expect(config).toEqual({
      name: 'Example News',
      url: 'https://news.example.com/',
      language: 'en',
      copyright: { holder: 'Example News', notice: 'Copyright Example News' },
      feed: { title: 'Example News', baseUrl: 'https://news.example.com/', limit: 50 },
      permalink: 'articles/{id}/',
      guidPrefix: 'tag:news.example.com,2025:article:',
    });
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', ruleId: 'default-language', file: 'input/site.json' })]);
    expect(diagnostics[0]!.message).toContain('"language"');
  });

  it('says nothing about the language when it is set, and keeps what is written over every default', () => {
    const full = { ...MINIMAL, language: 'fr', copyright: { holder: 'Example SA' }, feed: { title: 'Nouvelles', limit: 10, baseUrl: 'https://cdn.example.com/feeds/' }, permalink: '/{yyyy}/{id}.html', guidPrefix: 'urn:example:' };
    const { config, diagnostics } = read(full);
    expect(diagnostics).toEqual([]);
    expect(config).toMatchObject({ language: 'fr', copyright: { holder: 'Example SA', notice: 'Copyright Example SA' }, feed: { title: 'Nouvelles', limit: 10, baseUrl: 'https://cdn.example.com/feeds/' }, permalink: '/{yyyy}/{id}.html', guidPrefix: 'urn:example:' });
  });

  it('still requires name and url', () => {
    const { config, diagnostics } = read({});
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => d.message.split(':')[0]).sort()).toEqual(['"name"', '"url"']);
  });

  it('accepts "$schema" (any string) for editors and leaves it out of the config', () => {
    const { config, diagnostics } = read({ $schema: './node_modules/syndicate/lib/site.schema.json', ...MINIMAL, language: 'en' });
    expect(diagnostics).toEqual([]);
    expect(config).not.toHaveProperty('$schema');
    expect(read({ $schema: 3, ...MINIMAL }).config).toBeUndefined();
  });

  it('builds in memory: one warning per skipped feature, no NewsML-G2, no publisher logo, no Media Topics', () => {
    const { config } = read({ ...MINIMAL, timeZone: 'Asia/Shanghai' });
    const result = build(sources, config!, { now: NOW });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(configWarnings(result.diagnostics)).toEqual(['warning skipped-logo', 'warning skipped-media-topics', 'warning skipped-newsml']);
    const paths = result.outputs.map((o) => o.path);
    expect(paths.some((p) => p.endsWith('newsml.xml'))).toBe(false);
    expect(paths).toContain('rss.xml');
    const jsonld = result.outputs.find((o) => o.path.endsWith('article.jsonld'))!.text;
    expect(jsonld).not.toContain('"logo"');
    expect(jsonld).toContain('https://news.example.com/articles/cyberspace-governance/');
    const rss = result.outputs.find((o) => o.path === 'rss.xml')!.text;
    expect(rss).toContain('<description>Example News</description>');
    expect(rss).toContain('tag:news.example.com,2025:article:cyberspace-governance');
    expect(result.outputs.find((o) => o.path === 'atom.xml')!.text).not.toContain('<subtitle');
    expect(JSON.parse(result.outputs.find((o) => o.path === 'feed.json')!.text)).not.toHaveProperty('description');
  });

  it('warns only about what the chosen outputs use', () => {
    const { config } = read({ ...MINIMAL, timeZone: 'Asia/Shanghai', outputs: ['rss', 'atom'] });
    expect(toSkippedFeatureWarnings(config!, 'site.json')).toEqual([]);
    expect(toSkippedFeatureWarnings({ ...config!, outputs: ['ninjs'] }, 'site.json').map((d) => d.ruleId)).toEqual(['skipped-media-topics']);
    expect(toSkippedFeatureWarnings({ ...config!, outputs: ['head'] }, 'site.json').map((d) => d.ruleId)).toEqual(['skipped-logo']);
  });

  it('needs a time zone only for a story that writes a time without offset, and says so at that story', () => {
    const { config } = read(MINIMAL);
    const wire = build(sources, config!, { now: NOW });
    const errors = wire.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ ruleId: 'missing-time-zone', file: 'input/articles/cyberspace-governance.txt', line: expect.any(Number) })]);
    expect(errors[0]!.message).toContain('"timeZone"');
    const md = (date: string) => ({ path: 'input/articles/a.md', bytes: new TextEncoder().encode(`---\nheadline: A story\ndate: ${date}\n---\n\nThe text of the story.\n`) });
    const withOffset = build([md('2024-09-04T21:03:00+08:00')], config!, { now: NOW });
    expect(withOffset.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Written in UTC when the site has no zone: the same instant.
    expect(withOffset.outputs.find((o) => o.path.endsWith('article.jsonld'))!.text).toContain('2024-09-04T13:03:00');
    const local = build([md('2024-09-04 21:03')], config!, { now: NOW });
    expect(local.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['missing-time-zone']);
  });
});

describe('buildProject with a minimal site.json', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'syndicate-minimal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds and writes, with one warning per skipped feature', async () => {
    cpSync(new URL('../input/articles', import.meta.url), path.join(dir, 'input/articles'), { recursive: true });
    writeFileSync(path.join(dir, 'input/site.json'), JSON.stringify({ ...MINIMAL, timeZone: 'Asia/Shanghai' }));
    const { config } = read({ ...MINIMAL, timeZone: 'Asia/Shanghai' });
    const run = () => buildProject({ cwd: dir, inputDir: 'input', outDir: 'dist', site: config!, toolVersion: 'test', now: NOW, cacheDir: '.cache', workers: 1 });
    const first = await run();
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(first.committed).toBe(true);
    expect(configWarnings(first.diagnostics)).toEqual(['warning skipped-logo', 'warning skipped-media-topics', 'warning skipped-newsml']);
    expect(first.diagnostics.find((d) => d.ruleId === 'skipped-newsml')!.file).toBe('input/site.json');
    // A rebuild with nothing changed says it again, once.
    expect(configWarnings((await run()).diagnostics)).toEqual(['warning skipped-logo', 'warning skipped-media-topics', 'warning skipped-newsml']);
  });
});

describe('messages in our words, naming the key and the fix', () => {
  const messages = (config: object) => read(config).diagnostics.map((d) => d.message);

  it('suggests the nearest known key for a misspelt one, at its level, and none when nothing is near', () => {
    expect(messages({ ...MINIMAL, langauge: 'en' })).toEqual(['the top level: unknown field(s) "langauge" (did you mean "language"?); correct or remove them (every key: docs/configuration.md)']);
    expect(messages({ ...MINIMAL, feed: { titel: 'x' } })[0]).toContain('"titel" (did you mean "title"?)');
    expect(messages({ ...MINIMAL, colour: 'red' })[0]).toBe('the top level: unknown field(s) "colour"; correct or remove them (every key: docs/configuration.md)');
  });

  it('says what a value must be, with an example, and what to add for a missing key', () => {
    expect(messages({ ...MINIMAL, language: 'en', logo: { url: 'https://news.example.com/l.png', width: '600', height: 60 } })).toEqual([
      '"logo.width": must be a number, not a string (Width in pixels, a whole number), e.g. 600; correct the value',
    ]);
    expect(messages({ ...MINIMAL, language: 'en', logo: { url: 'https://news.example.com/l.png', width: 600.5, height: 60 } })[0]).toMatch(/^"logo.width": must be a whole number, not a number .*e\.g\. 600/);
    expect(messages({ name: 'Example News' })).toEqual([
      '"url": is required; add "url" (The publication\'s home page, ending in "/"; article permalinks are resolved against it), e.g. "https://news.example.com/"',
    ]);
    expect(messages({ ...MINIMAL, language: 'en', newsml: { provider: { name: 'Example' } } })[0]).toMatch(/^"newsml.provider.uri": is required; add "uri"/);
  });

  it('keeps the line of the key or value', () => {
    const text = '{\n  "name": "Example News",\n  "url": "https://news.example.com/",\n  "langauge": "en"\n}';
    expect(readSiteConfig(text, 'site.json').diagnostics).toEqual([expect.objectContaining({ line: 4, column: 3 })]);
  });
});
