// An articles folder that can be set: `build --articles DIR`, site.json "articles" (relative to the
// site.json that says it), the layout with everything in one folder, and what stays forbidden
// (an output folder over the articles, a link that leads outside both folders).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import { toArticlesDir } from '../src/io.ts';
import { toInputRelative, toShownSource } from '../src/pipeline/state.ts';
import { toWatchedPlaces } from '../src/watch/command.ts';
import { projectRoot } from './helpers/project.ts';

const work = mkdtempSync(path.join(tmpdir(), 'syndicate-articles-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SAMPLE = 'cyberspace-governance.txt';

/** A copy of the sample project in `work/<name>`, its articles moved to `articles` (relative to it) when given. */
function project(name: string, articles?: string, site: Record<string, unknown> = {}): string {
  const root = path.join(work, name);
  cpSync(path.join(projectRoot, 'input'), path.join(root, 'input'), { recursive: true });
  rmSync(path.join(root, 'input/versions.json'), { force: true });
  if (articles !== undefined) {
    mkdirSync(path.dirname(path.join(root, articles)), { recursive: true });
    renameSync(path.join(root, 'input/articles'), path.join(root, articles));
  }
  const file = path.join(root, 'input/site.json');
  writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ...site }, null, 2));
  return root;
}

async function run(cwd: string, args: string[]) {
  const stderr: string[] = [];
  const code = await main(args, { cwd, env: { SOURCE_DATE_EPOCH: '1790000000' }, clock: () => new Date(0), stdout: () => undefined, stderr: (l) => stderr.push(l) });
  return { code, text: stderr.join('\n') };
}

const stateOf = (root: string, file = 'input/versions.json') => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as { articles: { source: string }[] };

describe('toArticlesDir', () => {
  it('takes --articles relative to the working folder, else site.json "articles" relative to site.json, else <input>/articles', () => {
    expect(toArticlesDir('/w', 'input')).toBe('/w/input/articles');
    expect(toArticlesDir('/w', 'input', { articlesDir: 'stories', configured: 'ignored' })).toBe('/w/stories');
    expect(toArticlesDir('/w', 'input', { configured: 'stories' })).toBe('/w/input/stories');
    expect(toArticlesDir('/w', 'input', { configured: '../content/news' })).toBe('/w/content/news');
    expect(toArticlesDir('/w', 'input', { configured: 'news', configPath: 'settings/site.json' })).toBe('/w/settings/news');
    expect(toArticlesDir('/w', 'input', { configured: '/srv/news' })).toBe('/srv/news');
  });
});

describe('source paths in the versions state', () => {
  it('are relative to the input folder, also for an articles folder outside it', () => {
    expect(toInputRelative('input/articles/a.txt', 'input')).toBe('articles/a.txt');
    expect(toInputRelative('input/stories/a.txt', 'input')).toBe('stories/a.txt');
    expect(toInputRelative('stories/a.txt', 'input')).toBe('../stories/a.txt');
    expect(toInputRelative('stories/a.txt', '.')).toBe('stories/a.txt');
    expect(toShownSource('../stories/a.txt', 'input')).toBe('stories/a.txt');
    expect(toShownSource('articles/a.txt', 'input')).toBe('input/articles/a.txt');
  });
});

describe('build --articles DIR', () => {
  const root = project('option', 'stories');

  it('reads the articles there, records their path from the input folder, and build --check agrees', async () => {
    const built = await run(root, ['build', '--articles', 'stories', '--no-cache']);
    expect(built.code, built.text).toBe(0);
    expect(built.text).toContain(`stories/${SAMPLE}`);
    expect(existsSync(path.join(root, 'dist/articles/cyberspace-governance/article.jsonld'))).toBe(true);
    expect(stateOf(root).articles.map((a) => a.source)).toEqual([`../stories/${SAMPLE}`]);
    const check = await run(root, ['build', '--check', '--articles', 'stories']);
    expect(check.code, check.text).toBe(0);
  });

  it('says the articles folder holds nothing when it is not there, naming it', async () => {
    const result = await run(root, ['build', '--articles', 'stroies', '--no-cache']);
    expect(result.code).toBe(1);
    expect(result.text).toMatch(/^stroies: error the articles folder holds no files.*\[build\/no-articles\]$/m);
  });

  it('refuses an output folder over the articles, before anything is written', async () => {
    const result = await run(root, ['build', '--articles', 'stories', '--out', 'stories/site', '--no-cache']);
    expect(result.code).toBe(1);
    expect(result.text).toContain('the output folder and the articles folder stories overlap');
    expect(existsSync(path.join(root, 'stories/site'))).toBe(false);
  });

  it('names a removed story by its path as the user sees it', async () => {
    const other = project('removed', 'stories');
    expect((await run(other, ['build', '--articles', 'stories', '--no-cache'])).code).toBe(0);
    rmSync(path.join(other, 'stories', SAMPLE));
    writeFileSync(path.join(other, 'stories/second.md'), '---\nheadline: A second story\ndate: 2024-09-05T09:00:00+08:00\n---\n\nA body.\n');
    const result = await run(other, ['build', '--articles', 'stories', '--no-cache']);
    expect(result.text).toContain(`stories/${SAMPLE}`);
    expect(result.text).toContain('[state/source-missing]');
    expect(result.text).not.toContain('input/../');
  });
});

describe('site.json "articles"', () => {
  it('is read relative to the folder of site.json', async () => {
    const root = project('configured', 'content/news', { articles: '../content/news' });
    const built = await run(root, ['build', '--no-cache']);
    expect(built.code, built.text).toBe(0);
    expect(stateOf(root).articles.map((a) => a.source)).toEqual([`../content/news/${SAMPLE}`]);
    expect((await run(root, ['build', '--check'])).code).toBe(0);
    // A cached rebuild lists the same folder.
    expect((await run(root, ['build'])).text).toContain('1 article read');
  });

  it('is read relative to a --config file elsewhere', async () => {
    const root = project('elsewhere', 'settings/news', { articles: 'news' });
    renameSync(path.join(root, 'input/site.json'), path.join(root, 'settings/site.json'));
    const built = await run(root, ['build', '--config', 'settings/site.json', '--no-cache']);
    expect(built.code, built.text).toBe(0);
    expect(built.text).toContain('1 article read');
  });

  it('"." puts everything in one folder: site.json and the versions state are not read as articles', async () => {
    const root = project('flat', undefined, { articles: '.' });
    renameSync(path.join(root, 'input/articles', SAMPLE), path.join(root, 'input', SAMPLE));
    rmSync(path.join(root, 'input/articles'), { recursive: true });
    const first = await run(root, ['build', '--out', 'public', '--no-cache']);
    expect(first.code, first.text).toBe(0);
    expect(existsSync(path.join(root, 'input/versions.json'))).toBe(true);
    const again = await run(root, ['build', '--out', 'public', '--no-cache']);
    expect(again.code, again.text).toBe(0);
    expect(again.text).not.toContain('unsupported-file');
    expect(again.text).toContain('1 article read');
    expect(stateOf(root).articles.map((a) => a.source)).toEqual([SAMPLE]);
  });

  it('must name a folder', async () => {
    const root = project('empty-name', undefined, { articles: '' });
    const result = await run(root, ['build', '--no-cache']);
    expect(result.code).toBe(2);
    expect(result.text).toContain('"articles": must not be empty; fill it in, e.g. "stories"');
  });
});

describe('symbolic links in an articles folder outside the input folder', () => {
  it('may lead to a file inside the articles folder, not outside both folders', async () => {
    const root = project('links', 'stories');
    mkdirSync(path.join(root, 'stories/linked'));
    symlinkSync(path.join(root, 'stories', SAMPLE), path.join(root, 'stories/linked/inside.txt'));
    writeFileSync(path.join(root, 'private.txt'), 'Not for publication.\n');
    symlinkSync(path.join(root, 'private.txt'), path.join(root, 'stories/outside.txt'));
    const result = await run(root, ['build', '--articles', 'stories', '--no-cache']);
    expect(result.code).toBe(1);
    expect(result.text).toMatch(/^stories\/outside\.txt: error is a symbolic link to .*private\.txt, outside the input folder and the articles folder/m);
    expect(result.text).not.toMatch(/inside\.txt: error is a symbolic link/);
  });
});

describe('build --watch follows the articles folder and the settings where they are', () => {
  it('adds an articles folder and a --config file outside the input folder', async () => {
    const root = project('watched', 'stories', { articles: '../stories' });
    expect(await toWatchedPlaces({ inputDir: 'input' }, root)).toEqual({ paths: ['input', 'stories'], files: [] });
    expect(await toWatchedPlaces({ inputDir: 'input', articlesDir: 'input/articles' }, root)).toEqual({ paths: ['input'], files: [] });
    expect(await toWatchedPlaces({ inputDir: 'input', articlesDir: 'other', configFile: 'settings.json' }, root)).toEqual({ paths: ['input', 'other'], files: ['settings.json'] });
  });
});
