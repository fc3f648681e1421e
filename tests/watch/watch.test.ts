// `build --watch` (issue 15 item 6): when builds run, what they are told changed, what is ignored,
// and end to end on a copy of the sample: one edited article rebuilt with its feeds within a second,
// a bad article reported without stopping the watch or touching the last good output.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { readSiteConfig } from '../../src/config.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { buildProject } from '../../src/project/build.ts';
import { isWatched, watchProject, type WatchRun } from '../../src/watch/watch.ts';
import { projectRoot, readTree } from '../helpers/project.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'syndicate-watch-'));
  dirs.push(dir);
  return dir;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `ready()` holds (or fails after `ms`). */
async function until(ready: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(10);
  }
}

describe('isWatched', () => {
  const root = '/p/input';
  it('takes articles and site.json', () => {
    expect(isWatched('/p/input/site.json', root, [])).toBe(true);
    expect(isWatched('/p/input/articles/a/b.md', root, [])).toBe(true);
  });
  it('leaves out ignored paths, dot files, backups and vim’s probe', () => {
    expect(isWatched('/p/input/versions.json', root, ['/p/input/versions.json'])).toBe(false);
    expect(isWatched('/p/input/cache/x', root, ['/p/input/cache'])).toBe(false);
    expect(isWatched('/p/input/cache-2/x', root, ['/p/input/cache'])).toBe(true);
    expect(isWatched('/p/input/articles/.a.md.swp', root, [])).toBe(false);
    expect(isWatched('/p/input/.git/index', root, [])).toBe(false);
    expect(isWatched('/p/input/articles/a.md~', root, [])).toBe(false);
    expect(isWatched('/p/input/articles/4913', root, [])).toBe(false);
  });
});

describe('watchProject', () => {
  /** Watches a fresh folder with a build that records its runs and takes `buildMs`. */
  function start(buildMs = 0) {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'input/articles'), { recursive: true });
    const runs: WatchRun[] = [];
    let active = 0;
    let overlapped = false;
    const controller = new AbortController();
    const ended = watchProject({ cwd: dir, paths: ['input'], ignore: ['input/versions.json'], debounceMs: 50, signal: controller.signal }, async (run) => {
      overlapped ||= active > 0;
      active++;
      runs.push(run);
      await sleep(buildMs);
      active--;
    });
    const write = (file: string, text = 'x') => writeFileSync(path.join(dir, 'input', file), text);
    return { dir, runs, ended, write, stop: () => controller.abort(), overlapped: () => overlapped, active: () => active };
  }

  it('builds at once, then once per burst of changes, naming what changed', async () => {
    const w = start();
    await until(() => w.runs.length === 1);
    expect(w.runs[0]).toEqual({ run: 0, changed: [] });
    for (let i = 0; i < 5; i++) w.write('articles/a.txt', `edit ${i}`);
    w.write('site.json', '{}');
    await until(() => w.runs.length === 2);
    await sleep(150);
    expect(w.runs).toHaveLength(2);
    expect(w.runs[1]).toEqual({ run: 1, changed: ['input/articles/a.txt', 'input/site.json'] });
    w.stop();
    expect(await w.ended).toEqual({ stopped: 'signal' });
  });

  it('ignores the build’s own state file and editors’ scratch files', async () => {
    const w = start();
    await until(() => w.runs.length === 1);
    w.write('versions.json', '{}');
    w.write('articles/.a.txt.swp', 'x');
    w.write('articles/a.txt~', 'x');
    await sleep(200);
    expect(w.runs).toHaveLength(1);
    w.write('articles/b.md', 'x');
    await until(() => w.runs.length === 2);
    w.stop();
    await w.ended;
  });

  it('a change during a build leads to one more build after it, never two at once', async () => {
    const w = start(300);
    await until(() => w.runs.length === 1);
    await until(() => w.active() === 0);
    w.write('articles/a.txt', '1');
    await until(() => w.runs.length === 2);
    // Build 1 is under way: two changes now make exactly one build after it.
    w.write('articles/a.txt', '2');
    await sleep(100);
    w.write('articles/c.txt', '3');
    await until(() => w.runs.length === 3, 2000);
    await sleep(500);
    expect(w.runs.map((r) => r.changed)).toEqual([[], ['input/articles/a.txt'], ['input/articles/a.txt', 'input/articles/c.txt']]);
    expect(w.overlapped()).toBe(false);
    w.stop();
    await w.ended;
  });

  it('stopping waits for the build under way', async () => {
    const w = start(200);
    await until(() => w.runs.length === 1);
    w.stop();
    expect(w.active()).toBe(1);
    await w.ended;
    expect(w.active()).toBe(0);
  });

  it('keeps watching when a build throws, and says why it stopped when the folder cannot be watched', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'input'));
    const errors: unknown[] = [];
    const controller = new AbortController();
    let runs = 0;
    const ended = watchProject({ cwd: dir, paths: ['input'], debounceMs: 20, signal: controller.signal, onBuildError: (e) => errors.push(e) }, async () => {
      runs++;
      throw new Error('bug');
    });
    await until(() => runs === 1);
    writeFileSync(path.join(dir, 'input/site.json'), '{}');
    await until(() => runs === 2);
    expect(errors).toHaveLength(2);
    controller.abort();
    await ended;
    const missing = await watchProject({ cwd: dir, paths: ['nowhere'] }, async () => undefined);
    expect(missing).toMatchObject({ stopped: 'error', message: expect.stringContaining('cannot watch nowhere') });
  });
});

describe('watchProject around buildProject, on a copy of the sample', () => {
  it('rebuilds one edited article and its feeds within a second; a bad article leaves the last good output and the watch goes on', async () => {
    const dir = tempDir();
    cpSync(path.join(projectRoot, 'input'), path.join(dir, 'input'), { recursive: true });
    const results: { diagnostics: Diagnostic[]; committed: boolean }[] = [];
    const errors: unknown[] = [];
    const controller = new AbortController();
    const ended = watchProject({ cwd: dir, paths: ['input'], ignore: ['input/versions.json'], signal: controller.signal, onBuildError: (e) => errors.push(e) }, async () => {
      // site.json is read on every build, as the CLI's build does: a change to it takes effect.
      const { config } = readSiteConfig(readFileSync(path.join(dir, 'input/site.json'), 'utf8'), 'input/site.json');
      results.push(await buildProject({ cwd: dir, inputDir: 'input', outDir: 'dist', site: config!, toolVersion: 'test', now: '2024-10-28T09:00:00Z', cacheDir: '.cache' }));
    });
    await until(() => results.length === 1 || errors.length > 0, 10000);
    expect(errors).toEqual([]);
    expect(results[0]!.committed).toBe(true);
    const article = path.join(dir, 'input/articles/cyberspace-governance.txt');
    const original = readFileSync(article, 'utf8');
    const before = readTree(path.join(dir, 'dist'));

    const headline = 'China plays greater role in global cyberspace governance: scholars meet again';
    const edited = original.replace(/^(.*\n)(.*)\n/, `$1${headline}\n`);
    const t0 = performance.now();
    writeFileSync(article, edited);
    const jsonld = path.join(dir, 'dist/articles/cyberspace-governance/article.jsonld');
    await until(() => readFileSync(jsonld, 'utf8').includes(headline), 2000);
    const ms = performance.now() - t0;
    console.info(`watch: edited article visible in dist after ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(1000);
    await until(() => results.length === 2);
    const after = readTree(path.join(dir, 'dist'));
    for (const feed of ['rss.xml', 'atom.xml', 'feed.json', 'sections/china/rss.xml', 'articles/cyberspace-governance/newsml.xml']) {
      expect(before[feed]).not.toContain(headline);
      expect(after[feed]).toContain(headline);
    }

    // A broken article: errors reported, dist as it was, and the next good edit is built.
    writeFileSync(article, 'CHINA / SOCIETY\n\n\n');
    await until(() => results.length === 3);
    expect(results[2]!.committed).toBe(false);
    expect(results[2]!.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(readTree(path.join(dir, 'dist'))).toEqual(after);
    writeFileSync(article, original);
    await until(() => results.length === 4);
    expect(results[3]!.committed).toBe(true);
    expect(readFileSync(jsonld, 'utf8')).not.toContain(headline);

    controller.abort();
    expect(await ended).toEqual({ stopped: 'signal' });
    // The state file the builds wrote into the watched folder started no build of its own.
    expect(results).toHaveLength(4);
  }, 20000);
});
