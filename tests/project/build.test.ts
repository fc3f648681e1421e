import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { readSiteConfig, type SiteConfig } from '../../src/config.ts';
import { loadInput, toStagingDir } from '../../src/io.ts';
import { buildProject, type ProjectBuildOptions } from '../../src/project/build.ts';
import { projectRoot, readTree } from '../helpers/project.ts';

// Worker threads run the compiled worker (lib/, built by `npm test` before vitest): Node 20 cannot
// start a worker from TypeScript sources.
const workerScript = new URL('../../lib/project/worker.js', import.meta.url);
const NOW = '2024-10-28T09:00:00Z';
const SECTIONS = ['WORLD / ASIA', 'WORLD / EUROPE', 'SCIENCE', 'BUSINESS / MARKETS', 'OPINION'];

/** A project of ~90 articles (wire copy and Markdown, nested folders, several sections, stories in French and Arabic, a feed limit of 5). */
function makeProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'syndicate-project-'));
  const fixture = path.join(projectRoot, 'tests/fixtures/newsroom/input');
  cpSync(fixture, path.join(dir, 'input'), { recursive: true });
  const config = JSON.parse(readFileSync(path.join(dir, 'input/site.json'), 'utf8')) as { feed: { limit: number } };
  config.feed.limit = 5;
  writeFileSync(path.join(dir, 'input/site.json'), JSON.stringify(config, null, 2));
  for (let i = 0; i < 88; i++) {
    const folder = path.join(dir, 'input/articles', `batch-${Math.floor(i / 30)}`);
    mkdirSync(folder, { recursive: true });
    const day = String(1 + (i % 27)).padStart(2, '0');
    const section = SECTIONS[i % SECTIONS.length];
    if (i % 3 === 0) {
      writeFileSync(
        path.join(folder, `md-${i}.md`),
        `---\nheadline: "Markdown story ${i} & <friends>"\ndate: 2024-10-${day}T${String(i % 24).padStart(2, '0')}:15:00+01:00\nsection: ${section}\nauthors: [Ann Example]\n${i % 9 === 0 ? 'language: ar\n' : ''}---\nFirst *paragraph* of story ${i}.\n\nSecond paragraph with [a link](https://example.org/${i}).\n`,
      );
    } else {
      writeFileSync(
        path.join(folder, `wire-${i}.txt`),
        `${i % 10 === 1 ? '---\nlanguage: fr\n---\n' : ''}${section}\nWire story ${i}: markets, ports and "quotes"\nPublished: Oct ${day}, 2024 0${1 + (i % 9)}:${String(i % 60).padStart(2, '0')} AM\nBy Bo Example\n\nParagraph one of ${i}.\n\nParagraph two of ${i}.\n`,
      );
    }
  }
  return dir;
}

async function siteOf(dir: string): Promise<SiteConfig> {
  const { config } = readSiteConfig(readFileSync(path.join(dir, 'input/site.json'), 'utf8'), 'input/site.json');
  if (!config) throw new Error('bad test site.json');
  return config;
}

/** The versions state a build of `dir` starts from (read before it runs). */
function stateOf(dir: string) {
  const file = path.join(dir, 'input/versions.json');
  return { outputsExist: existsSync(path.join(dir, 'dist/articles')), ...(existsSync(file) ? { text: readFileSync(file, 'utf8') } : {}) };
}

/**
 * What the in-memory build makes of the project from the versions state `previous` (default: none, a
 * first build): the reference every project build must equal.
 */
async function reference(dir: string, previous: { text?: string; outputsExist: boolean } = { outputsExist: false }, out = 'dist') {
  const input = await loadInput('input', dir);
  const result = build(input.sources, await siteOf(dir), { articlesPath: input.articlesPath, now: NOW, state: previous, names: { out } });
  return { files: Object.fromEntries(result.outputs.map((o) => [o.path, o.text])), state: result.state, diagnostics: result.diagnostics };
}

async function run(dir: string, options: Partial<ProjectBuildOptions> = {}) {
  return buildProject({
    cwd: dir,
    inputDir: 'input',
    outDir: 'dist',
    site: await siteOf(dir),
    toolVersion: 'test',
    now: NOW,
    cacheDir: '.cache',
    workerScript,
    ...options,
  });
}

const projects: string[] = [];
const fresh = () => {
  const dir = makeProject();
  projects.push(dir);
  return dir;
};
// A dozen projects of ~90 articles with their outputs and caches: removing them can take more than the
// default 10 s hook timeout on a loaded machine.
afterAll(() => {
  for (const dir of projects) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('project build: same bytes as the in-memory build, whatever the workers', () => {
  let dir: string;
  let expected: Awaited<ReturnType<typeof reference>>;
  beforeAll(async () => {
    dir = fresh();
    expected = await reference(dir);
  });

  it.each([
    ['the main thread', { workers: 2, parallelThreshold: Infinity }],
    ['1 worker', { workers: 1, parallelThreshold: 0 }],
    ['3 workers', { workers: 3, parallelThreshold: 0 }],
  ])('on %s', async (_name, options) => {
    const outDir = `dist-${_name.replace(/\W+/g, '-')}`;
    const result = await run(dir, { ...options, outDir, cacheDir: undefined });
    // Findings name the output folder the build was given.
    const expected = await reference(dir, { outputsExist: false }, outDir);
    expect(result.workers).toBe(options.parallelThreshold === 0 ? options.workers : 0);
    expect(result.mode).toBe('clean');
    expect(result.diagnostics).toEqual(expected.diagnostics);
    expect(result.articles).toBe(91);
    expect(readTree(path.join(dir, outDir))).toEqual(expected.files);
    expect(readFileSync(path.join(dir, 'input/versions.json'), 'utf8')).toBe(expected.state);
  });

  it('selects the feeds from every article: a section feed holds its 5 newest', () => {
    expect(Object.keys(expected.files)).toContain('sections/world/asia/rss.xml');
    expect(expected.files['sections/world/rss.xml']?.match(/<item>/g)).toHaveLength(5);
  });

  it('selects the language feeds from every article: each language feed holds its 5 newest', () => {
    expect(Object.keys(expected.files).filter((p) => p.startsWith('languages/') && p.endsWith('rss.xml'))).toEqual(['languages/ar/rss.xml', 'languages/en-GB/rss.xml', 'languages/fr/rss.xml']);
    for (const tag of ['ar', 'en-GB', 'fr']) expect(expected.files[`languages/${tag}/rss.xml`]?.match(/<item>/g), tag).toHaveLength(5);
  });
});

describe('incremental project builds', () => {
  it('a no-op rebuild reuses every source, writes nothing and reports the same findings', async () => {
    const dir = fresh();
    const first = await run(dir, { parallelThreshold: 0, workers: 2 });
    expect(first).toMatchObject({ mode: 'clean', built: 91, reused: 0 });
    const before = readTree(path.join(dir, 'dist'));
    const index = readFileSync(path.join(dir, '.cache/index.json'), 'utf8');
    const again = await run(dir);
    expect(again).toMatchObject({ mode: 'incremental', built: 0, reused: 91, written: 0, removed: 0, workers: 0, files: first.files });
    expect(again.diagnostics).toEqual(first.diagnostics);
    expect(readTree(path.join(dir, 'dist'))).toEqual(before);
    expect(readFileSync(path.join(dir, '.cache/index.json'), 'utf8')).toBe(index);
  });

  it('one edited article rewrites only its files and the feeds, and equals a clean build', async () => {
    const dir = fresh();
    await run(dir);
    const file = path.join(dir, 'input/articles/batch-0/wire-1.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Wire story 1:', 'Wire story 1 (corrected):'));
    const before = stateOf(dir);
    const result = await run(dir);
    expect(result).toMatchObject({ mode: 'incremental', built: 1, reused: 90, removed: 0 });
    // Its JSON-LD, NewsML-G2 and ninjs, and at most the feeds that list it; the state (its version 2) beside.
    expect(result.written).toBeGreaterThanOrEqual(3);
    expect(result.written).toBeLessThan(20);
    expect(result.stateWritten).toBe(true);
    const expected = await reference(dir, before);
    expect(readTree(path.join(dir, 'dist'))).toEqual(expected.files);
    expect(readFileSync(path.join(dir, 'input/versions.json'), 'utf8')).toBe(expected.state);
    expect(result.diagnostics).toEqual(expected.diagnostics);
  });

  it("a story's language changed, and the last story of a language removed, give exactly the clean build", async () => {
    const dir = fresh();
    await run(dir);
    // wire-2 becomes Japanese: a new language, with feeds of its own, and the story moves out of the English feeds.
    const file = path.join(dir, 'input/articles/batch-0/wire-2.txt');
    writeFileSync(file, `---\nlanguage: ja\n---\n${readFileSync(file, 'utf8')}`);
    let before = stateOf(dir);
    let result = await run(dir);
    expect(result).toMatchObject({ mode: 'incremental', built: 1 });
    let expected = await reference(dir, before);
    expect(Object.keys(expected.files)).toContain('languages/ja/feed.json');
    expect(readTree(path.join(dir, 'dist'))).toEqual(expected.files);
    expect(result.diagnostics).toEqual(expected.diagnostics);
    // Without it, Japanese has no story left, and no feeds.
    rmSync(file);
    before = stateOf(dir);
    result = await run(dir);
    expected = await reference(dir, before);
    expect(Object.keys(expected.files).some((p) => p.startsWith('languages/ja/'))).toBe(false);
    expect(readTree(path.join(dir, 'dist'))).toEqual(expected.files);
    expect(result.diagnostics).toEqual(expected.diagnostics);
  });

  it('an edit that changes no byte of output rewrites nothing; touching a file without changing it rebuilds nothing', async () => {
    const dir = fresh();
    await run(dir);
    const file = path.join(dir, 'input/articles/batch-1/wire-31.txt');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text);
    expect(await run(dir)).toMatchObject({ built: 0, reused: 91, written: 0 });
    writeFileSync(file, text.replace('Paragraph one', 'Paragraph  one'));
    const result = await run(dir);
    // Spacing is formatting: same content hash, same version, no byte changed.
    expect(result).toMatchObject({ built: 1, written: 0 });
  });

  it('a new article, a deleted article and a renamed folder give exactly the clean build', async () => {
    const dir = fresh();
    await run(dir);
    writeFileSync(path.join(dir, 'input/articles/batch-0/brand-new.txt'), 'SCIENCE\nA new discovery\nPublished: Oct 27, 2024 11:00 PM\n\nBody.\n');
    rmSync(path.join(dir, 'input/articles/batch-2/wire-62.txt'));
    renameSync(path.join(dir, 'input/articles/batch-1'), path.join(dir, 'input/articles/batch-9'));
    const before = stateOf(dir);
    const result = await run(dir);
    expect(result.mode).toBe('incremental');
    // The deleted article's JSON-LD, NewsML-G2, ninjs, head snippet and page.
    expect(result.removed).toBe(5);
    const expected = await reference(dir, before);
    expect(readTree(path.join(dir, 'dist'))).toEqual(expected.files);
    expect(result.diagnostics).toEqual(expected.diagnostics);
    expect(existsSync(path.join(dir, 'dist/articles/wire-62'))).toBe(false);
  });

  it('a configuration change, a new tool version or an output folder changed by hand make a clean build', async () => {
    const dir = fresh();
    await run(dir);
    expect((await run(dir, { toolVersion: 'test-2' })).mode).toBe('clean');
    expect((await run(dir, { toolVersion: 'test-2' })).mode).toBe('incremental');
    writeFileSync(path.join(dir, 'dist/rss.xml'), 'edited by hand');
    const before = stateOf(dir);
    const repaired = await run(dir, { toolVersion: 'test-2' });
    expect(repaired.mode).toBe('clean');
    expect(readTree(path.join(dir, 'dist'))).toEqual((await reference(dir, before)).files);
    const config = JSON.parse(readFileSync(path.join(dir, 'input/site.json'), 'utf8')) as { feed: { title: string } };
    config.feed.title = 'Renamed';
    writeFileSync(path.join(dir, 'input/site.json'), JSON.stringify(config));
    expect((await run(dir, { toolVersion: 'test-2' })).mode).toBe('clean');
  });

  it('a build with errors leaves the output folder and the cache as they were', async () => {
    const dir = fresh();
    await run(dir);
    const before = readTree(path.join(dir, 'dist'));
    const index = readFileSync(path.join(dir, '.cache/index.json'), 'utf8');
    const bad = path.join(dir, 'input/articles/batch-0/wire-2.txt');
    const good = readFileSync(bad, 'utf8');
    writeFileSync(bad, good.replace(/Published: .*/, 'Published: Sep 31, 2024 09:03 PM'));
    const failed = await run(dir);
    expect(failed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['impossible-date']);
    expect(failed.written).toBe(0);
    expect(readTree(path.join(dir, 'dist'))).toEqual(before);
    expect(readFileSync(path.join(dir, '.cache/index.json'), 'utf8')).toBe(index);
    expect(readdirNames(dir).filter((n) => n.includes('syndicate-tmp'))).toEqual([]);
    writeFileSync(bad, good);
    expect(await run(dir)).toMatchObject({ built: 0, written: 0 });
  });

  it('two files with one id are an error on both, even when one comes from the cache; nothing is written', async () => {
    const dir = fresh();
    await run(dir);
    const written = readTree(path.join(dir, 'dist'));
    cpSync(path.join(dir, 'input/articles/batch-0/wire-1.txt'), path.join(dir, 'input/articles/batch-2/wire-1.txt'));
    const result = await run(dir);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ file: 'input/articles/batch-0/wire-1.txt', ruleId: 'duplicate-id', message: expect.stringContaining('input/articles/batch-2/wire-1.txt') }),
      expect.objectContaining({ file: 'input/articles/batch-2/wire-1.txt', ruleId: 'duplicate-id', message: expect.stringContaining('input/articles/batch-0/wire-1.txt') }),
    ]);
    expect(result.committed).toBe(false);
    expect(readTree(path.join(dir, 'dist'))).toEqual(written);
  });
});

describe('recovery from an interrupted build', () => {
  it('completes a committed change set, so the output folder is the new build', async () => {
    const dir = fresh();
    await run(dir);
    const staging = toStagingDir('dist', dir);
    mkdirSync(path.join(staging, 'articles/wire-1'), { recursive: true });
    writeFileSync(path.join(staging, 'articles/wire-1/ninjs.json'), 'new\n');
    writeFileSync(path.join(staging, '.syndicate-journal.json'), JSON.stringify({ changed: ['articles/wire-1/ninjs.json'], removed: ['articles/wire-4/ninjs.json'] }));
    const before = stateOf(dir);
    const result = await run(dir, { cacheDir: undefined });
    expect(result.recovered).toEqual([expect.stringContaining('completed the output changes of an interrupted build')]);
    expect(existsSync(staging)).toBe(false);
    // The clean build that followed rewrote both files.
    expect(readTree(path.join(dir, 'dist'))).toEqual((await reference(dir, before)).files);
  });

  it('discards an uncommitted staging folder and restores an output folder moved aside mid-swap', async () => {
    const dir = fresh();
    await run(dir);
    const before = readTree(path.join(dir, 'dist'));
    const staging = toStagingDir('dist', dir);
    mkdirSync(staging);
    writeFileSync(path.join(staging, 'rss.xml'), 'half written');
    renameSync(path.join(dir, 'dist'), path.join(dir, '.dist.syndicate-old'));
    // A failing build still recovers first: the previous output folder is back, whole.
    writeFileSync(path.join(dir, 'input/articles/batch-0/wire-1.txt'), 'not an article');
    const result = await run(dir);
    expect(result.recovered).toEqual([expect.stringContaining('restored dist')]);
    expect(readTree(path.join(dir, 'dist'))).toEqual(before);
    expect(readdirNames(dir).filter((n) => n.startsWith('.dist.'))).toEqual([]);
  });
});

function readdirNames(dir: string): string[] {
  return readdirSync(dir);
}
