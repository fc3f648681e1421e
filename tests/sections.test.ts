// Section names: wire copy's casing rule for its upper-case section line, Markdown's names as written,
// and site.json `sections` labels, in every output, without changing any URL or feed path.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.ts';
import { readSiteConfig, type SiteConfig } from '../src/config.ts';
import { toLabelledSections, checkSectionLabel } from '../src/model/sections.ts';
import { buildProject } from '../src/project/build.ts';
import { readMarkdown } from '../src/read/markdown.ts';
import { toSectionName } from '../src/read/section.ts';
import { readWire } from '../src/read/wire.ts';
import { makeSite } from './helpers/fixtures.ts';
import { xmlTexts } from './helpers/readback.ts';

const NOW = '2026-11-27T12:00:00Z';
const encode = (text: string) => new TextEncoder().encode(text);
const wire = (section: string, id = 'story') => ({ path: `input/articles/${id}.txt`, bytes: encode(`${section}\nA headline\nPublished: Sep 04, 2024 09:03 PM\n\nBody.\n`) });
const markdown = (section: string, id = 'story-md') => ({ path: `input/articles/${id}.md`, bytes: encode(`---\nheadline: A headline\ndate: 2024-09-04 21:03\nsection: "${section}"\n---\nBody.\n`) });

describe('toSectionName: the casing rule for wire copy section lines', () => {
  it.each([
    ['UK', 'UK'],
    ['US', 'US'],
    ['EU', 'EU'],
    ['AI', 'AI'],
    ['UN', 'UN'],
    ['U.S.', 'U.S.'],
    ['G20', 'G20'],
    ['COP28', 'COP28'],
    ['5G', '5G'],
    ['SCI-TECH', 'Sci-Tech'],
    ['US-CHINA', 'US-China'],
    ['HONG KONG', 'Hong Kong'],
    ['ASIA & PACIFIC', 'Asia & Pacific'],
    ['BELT AND ROAD', 'Belt and Road'],
    ['WORLD OF SPORT', 'World of Sport'],
    ['OF', 'Of'],
    ['IN FOCUS', 'In Focus'],
    ['IT', 'IT'],
    ['SOCIETY', 'Society'],
    ["WOMEN'S FOOTBALL", "Women's Football"],
    ['NATO', 'Nato'],
    ['МИР', 'Мир'],
  ])('%s → %s', (line, name) => {
    expect(toSectionName(line)).toBe(name);
  });

  it('reads each level of a wire section line, and keeps Markdown names as the editor wrote them', () => {
    const site = makeSite();
    expect(readWire(wire('WORLD / UK'), site).article!.sections).toEqual(['World', 'UK']);
    expect(readWire(wire('CHINA / HONG KONG / G20'), site).article!.sections).toEqual(['China', 'Hong Kong', 'G20']);
    expect(readMarkdown(markdown('world / uk'), site).article!.sections).toEqual(['world', 'uk']);
    expect(readMarkdown(markdown('WORLD / UK'), site).article!.sections).toEqual(['WORLD', 'UK']);
    expect(readMarkdown(markdown('World / Uk'), site).article!.sections).toEqual(['World', 'Uk']);
  });
});

describe('site.json section labels', () => {
  it('apply to the level of the path they name, and to nothing else', () => {
    const site = { sections: { 'world/uk': 'UK', nato: 'NATO' } };
    expect(toLabelledSections(['World', 'Uk'], site)).toEqual(['World', 'UK']);
    expect(toLabelledSections(['Uk'], site)).toEqual(['Uk']);
    expect(toLabelledSections(['Europe', 'Uk'], site)).toEqual(['Europe', 'Uk']);
    expect(toLabelledSections(['Nato', 'World'], site)).toEqual(['NATO', 'World']);
    expect(toLabelledSections(['World', 'Uk'], {})).toEqual(['World', 'Uk']);
    expect(toLabelledSections(['Constructor'], site)).toEqual(['Constructor']);
  });

  it('are checked: the key a slugged path, the label slugging to its last level', () => {
    expect(checkSectionLabel('world/uk', 'UK')).toBeUndefined();
    expect(checkSectionLabel('sci-tech', 'Sci-Tech')).toBeUndefined();
    expect(checkSectionLabel('中国', '中国')).toBeUndefined();
    expect(checkSectionLabel('world/uk', 'United Kingdom')).toMatch(/slugs to "uk".*"United Kingdom" slugs to "united-kingdom"/);
    expect(checkSectionLabel('World/UK', 'UK')).toMatch(/"world\/uk", not "World\/UK"/);
    expect(checkSectionLabel('world//uk', 'UK')).toMatch(/slugged section path/);
  });

  const base = JSON.parse(readFileSync(new URL('../input/site.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const configWith = (sections: unknown) => JSON.stringify({ ...base, sections }, null, 2);

  it('are read from site.json; a label that would change a URL is an error naming the key, at its line', () => {
    const good = readSiteConfig(configWith({ 'world/uk': 'UK', 'sci-tech': 'SCI-TECH' }), 'input/site.json');
    expect(good.diagnostics).toEqual([]);
    expect(good.config!.sections).toEqual({ 'world/uk': 'UK', 'sci-tech': 'SCI-TECH' });
    const text = configWith({ 'world/uk': 'UK', 'world/us': 'United States', 'World/EU': 'EU' });
    const bad = readSiteConfig(text, 'input/site.json');
    expect(bad.config).toBeUndefined();
    const lines = text.split('\n');
    expect(bad.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', ruleId: 'invalid-config', line: lines.findIndex((l) => l.includes('"United States"')) + 1 }),
      expect.objectContaining({ severity: 'error', ruleId: 'invalid-config', line: lines.findIndex((l) => l.includes('"EU"')) + 1 }),
    ]);
    expect(bad.diagnostics[0]!.message).toBe(
      '"sections.world/us": expected a label that slugs to "us", the key\'s last level: "United States" slugs to "united-states", which would change URLs and feed paths; write the name of that section (e.g. a different capitalisation), or change the key',
    );
    expect(bad.diagnostics[1]!.message).toContain('"sections.World/EU": expected a key written as a slugged section path');
    expect(readSiteConfig(configWith({ uk: '' }), 'input/site.json').diagnostics).toEqual([expect.objectContaining({ ruleId: 'invalid-config' })]);
  });

  describe('in every output of the in-memory build', () => {
    const labels = { world: 'WORLD', 'world/uk': 'UK', 'world/nato': 'NATO' };
    const plain = makeSite({ mediaTopics: { NATO: { qcode: 'medtop:11000000', name: 'politics' } } });
    const labelled = { ...plain, sections: labels };
    const sources = [wire('WORLD / UK', 'uk-wire'), markdown('World / Uk', 'uk-md'), wire('WORLD / NATO', 'nato-wire')];
    const before = build(sources, plain, { now: NOW });
    const after = build(sources, labelled, { now: NOW });
    const file = (result: typeof after, p: string) => result.outputs.find((o) => o.path === p)!.text;

    it('builds without errors, with the same files (no URL, id or feed path changes)', () => {
      expect(after.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(after.outputs.map((o) => o.path)).toEqual(before.outputs.map((o) => o.path));
      expect(after.articles.map((a) => [a.id, a.url, a.guid])).toEqual(before.articles.map((a) => [a.id, a.url, a.guid]));
    });

    it('names the sections by the labels: model, JSON-LD, breadcrumbs, RSS and Atom categories, section feed titles, page, NewsML-G2, ninjs', () => {
      const byId = (id: string) => after.articles.find((a) => a.id === id)!;
      expect(byId('uk-wire').sections).toEqual(['WORLD', 'UK']);
      expect(byId('uk-md').sections).toEqual(['WORLD', 'UK']);
      expect(byId('nato-wire').sections).toEqual(['WORLD', 'NATO']);
      const jsonld = JSON.parse(file(after, 'articles/uk-wire/article.jsonld')) as { '@graph': { '@type': string; articleSection?: string[]; itemListElement?: { name: string }[] }[] };
      expect(jsonld['@graph'].find((n) => n['@type'] === 'NewsArticle')!.articleSection).toEqual(['WORLD', 'UK']);
      expect(jsonld['@graph'].find((n) => n['@type'] === 'BreadcrumbList')!.itemListElement!.map((i) => i.name)).toEqual(['Global Times', 'WORLD', 'UK', 'A headline']);
      expect(xmlTexts(file(after, 'rss.xml'), '//item[guid="tag:globaltimes.cn,2024:article:uk-wire"]/category')).toEqual(['WORLD', 'UK']);
      expect(xmlTexts(file(after, 'atom.xml'), '//atom:entry[atom:id="tag:globaltimes.cn,2024:article:uk-md"]/atom:category/@label')).toEqual(['WORLD', 'UK']);
      expect(xmlTexts(file(after, 'atom.xml'), '//atom:entry[atom:id="tag:globaltimes.cn,2024:article:uk-md"]/atom:category/@term')).toEqual(['world', 'uk']);
      // The unlabelled feed takes its names from the newest article (ties by id: uk-md, "World / Uk").
      expect(xmlTexts(file(before, 'sections/world/uk/rss.xml'), '/rss/channel/title')[0]).toMatch(/World \/ Uk$/);
      expect(xmlTexts(file(after, 'sections/world/uk/rss.xml'), '/rss/channel/title')[0]).toMatch(/WORLD \/ UK$/);
      expect(xmlTexts(file(after, 'sections/world/nato/atom.xml'), '/atom:feed/atom:title')[0]).toMatch(/WORLD \/ NATO$/);
      expect(file(before, 'articles/uk-md/index.html')).toMatch(/>Uk</);
      const page = file(after, 'articles/uk-md/index.html');
      expect(page).toMatch(/>WORLD<.*>UK</s);
      expect(page).not.toMatch(/>Uk</);
      expect(xmlTexts(file(after, 'articles/nato-wire/newsml.xml'), '//n:subject/n:name')).toContain('politics');
      expect(JSON.parse(file(after, 'articles/nato-wire/ninjs.json')).subjects).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'politics' })]));
    });

    it('leaves the unlabelled build as the rule gives it', () => {
      const byId = (id: string) => before.articles.find((a) => a.id === id)!;
      expect(byId('uk-wire').sections).toEqual(['World', 'UK']);
      expect(byId('uk-md').sections).toEqual(['World', 'Uk']);
      expect(byId('nato-wire').sections).toEqual(['World', 'Nato']);
      expect(file(before, 'articles/nato-wire/newsml.xml')).not.toContain('politics');
    });
  });
});

describe('section labels in the project build', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('carry the labelled names in the cached summaries, and a label change rebuilds the feeds', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'syndicate-sections-'));
    dirs.push(dir);
    mkdirSync(path.join(dir, 'input/articles'), { recursive: true });
    for (const source of [wire('WORLD / UK', 'uk-wire'), markdown('World / Uk', 'uk-md')]) writeFileSync(path.join(dir, source.path), source.bytes);
    const run = (site: SiteConfig) =>
      buildProject({ cwd: dir, inputDir: 'input', outDir: 'dist', site, toolVersion: 'test', now: NOW, cacheDir: '.cache', workers: 1, parallelThreshold: Infinity });
    const title = () => xmlTexts(readFileSync(path.join(dir, 'dist/sections/world/uk/rss.xml'), 'utf8'), '/rss/channel/title')[0];
    const cachedSections = () => {
      const found: string[][] = [];
      JSON.stringify(JSON.parse(readFileSync(path.join(dir, '.cache/index.json'), 'utf8')), (key, value: unknown) => {
        if (key === 'sections') found.push(value as string[]);
        return value;
      });
      return found;
    };
    await run(makeSite());
    // The newest article names the feed (ties by id: uk-md, whose front matter says "World / Uk").
    expect(title()).toMatch(/World \/ Uk$/);
    expect(cachedSections()).toEqual(expect.arrayContaining([['World', 'Uk'], ['World', 'UK']]));
    const labelled = makeSite({ sections: { 'world/uk': 'UK' } });
    const first = await run(labelled);
    expect(first.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(title()).toMatch(/World \/ UK$/);
    expect(cachedSections()).toEqual([['World', 'UK'], ['World', 'UK']]);
    const again = await run(labelled);
    expect(again).toMatchObject({ mode: 'incremental', built: 0 });
    expect(title()).toMatch(/World \/ UK$/);
  });
});
