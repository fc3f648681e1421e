// Issue 6 at the project level: symlinks, --keep-going, dates against the build time, a build killed
// at random moments, and a build that touches neither the network nor files outside its folders.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSiteConfig } from '../../src/config.ts';
import { buildProject } from '../../src/project/build.ts';
import { projectRoot, readTree } from '../helpers/project.ts';

const bin = path.join(projectRoot, 'lib/bin.js');
const NOW = '2024-10-28T09:00:00Z';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A project with `count` wire stories (and the newsroom fixture's config). */
function makeProject(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'syndicate-safety-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'input/articles'), { recursive: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/newsroom/input/site.json'), path.join(dir, 'input/site.json'));
  for (let i = 0; i < count; i++) writeFileSync(path.join(dir, `input/articles/story-${i}.txt`), story(i));
  return dir;
}

function story(i: number, headline = `Story ${i} about ports`): string {
  const paragraphs = Array.from({ length: 12 }, (_, p) => `Paragraph ${p} of story ${i}, long enough to be a real paragraph of news copy with several clauses.`);
  return `SCIENCE / SPACE\n${headline}\nPublished: Oct ${String(1 + (i % 27)).padStart(2, '0')}, 2024 0${1 + (i % 9)}:${String(i % 60).padStart(2, '0')} AM\nBy Ann Example\n\n${paragraphs.join('\n\n')}\n`;
}

async function run(dir: string, options: { keepGoing?: boolean } = {}) {
  const { config } = readSiteConfig(readFileSync(path.join(dir, 'input/site.json'), 'utf8'), 'input/site.json');
  return buildProject({ cwd: dir, inputDir: 'input', outDir: 'dist', site: config!, toolVersion: 'test', now: NOW, cacheDir: '.cache', ...options });
}

function cli(dir: string, args: string[]) {
  // GITHUB_ACTIONS emptied: inside a GitHub job the CLI would print annotations instead of these lines.
  const result = spawnSync(process.execPath, [bin, 'build', '--now', NOW, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
  return { code: result.status, stderr: result.stderr };
}

describe('symbolic links under input/articles', () => {
  it('follows a link to a file inside the input folder; refuses one leading outside, and a broken one', async () => {
    const dir = makeProject(2);
    const outside = path.join(dir, 'secret.txt');
    writeFileSync(outside, story(9, 'A private draft'));
    mkdirSync(path.join(dir, 'input/drafts'));
    writeFileSync(path.join(dir, 'input/drafts/shared.txt'), story(7, 'A shared story'));
    symlinkSync(outside, path.join(dir, 'input/articles/leak.txt'));
    symlinkSync(path.join(dir, 'input/drafts/shared.txt'), path.join(dir, 'input/articles/shared.txt'));
    symlinkSync(path.join(dir, 'nowhere.txt'), path.join(dir, 'input/articles/broken.txt'));
    const result = await run(dir);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.ruleId])).toEqual([
      [`${dir}/input/articles/broken.txt`.replace(`${dir}/`, ''), 'broken-symlink'],
      ['input/articles/leak.txt', 'symlink-outside-input'],
    ]);
    const leak = result.diagnostics.find((d) => d.ruleId === 'symlink-outside-input')!;
    expect(leak.message).toContain(outside);
    expect(result.committed).toBe(false);
    rmSync(path.join(dir, 'input/articles/leak.txt'));
    rmSync(path.join(dir, 'input/articles/broken.txt'));
    const ok = await run(dir);
    expect(ok.committed).toBe(true);
    expect(readFileSync(path.join(dir, 'dist/rss.xml'), 'utf8')).toContain('A shared story');
    expect(readFileSync(path.join(dir, 'dist/rss.xml'), 'utf8')).not.toContain('A private draft');
  });
});

describe('--keep-going', () => {
  it('by default an error writes nothing; with --keep-going the good articles are written, the bad listed, exit 1', () => {
    const dir = makeProject(3);
    writeFileSync(path.join(dir, 'input/articles/bad-date.txt'), story(5).replace(/Published: .*/, 'Published: Sep 31, 2024 09:00 AM'));
    mkdirSync(path.join(dir, 'input/articles/copies'));
    writeFileSync(path.join(dir, 'input/articles/copies/story-1.txt'), story(1, 'Story 1, the copy'));
    const strict = cli(dir, []);
    expect(strict.code).toBe(1);
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    const going = cli(dir, ['--keep-going']);
    expect(going.code).toBe(1);
    expect(going.stderr).toContain('syndicate: rejected input/articles/bad-date.txt');
    // Two files with one id: which is the story is the editor's call, so neither is published.
    expect(going.stderr).toContain('syndicate: rejected input/articles/copies/story-1.txt');
    expect(going.stderr).toContain('syndicate: rejected input/articles/story-1.txt');
    expect(going.stderr.trim().split('\n').at(-1)).toMatch(/^syndicate: 2 articles read, \d+ files written to dist, 3 articles rejected, \d+ errors, \d+ warnings$/);
    const tree = readTree(path.join(dir, 'dist'));
    expect([...new Set(Object.keys(tree).filter((f) => f.startsWith('articles/')).map((f) => f.split('/')[1]))]).toEqual(['story-0', 'story-2']);
    for (const [file, text] of Object.entries(tree)) {
      expect(text, file).not.toContain('Story 1');
      expect(text, file).not.toContain('bad-date');
    }
    const state = JSON.parse(readFileSync(path.join(dir, 'input/versions.json'), 'utf8')) as { articles: { id: string }[] };
    expect(state.articles.map((r) => r.id)).toEqual(['story-0', 'story-2']);
    // Fixed, the next build takes the article in.
    rmSync(path.join(dir, 'input/articles/copies'), { recursive: true });
    writeFileSync(path.join(dir, 'input/articles/bad-date.txt'), story(5));
    expect(cli(dir, []).code).toBe(0);
    expect(existsSync(path.join(dir, 'dist/articles/bad-date/newsml.xml'))).toBe(true);
  });
});

describe('two builds of one output folder', () => {
  it('a build finds the folder locked by a live build and writes nothing; a lock left by a dead one is taken over', async () => {
    const dir = makeProject(2);
    const lock = path.join(dir, '.dist.syndicate-lock');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'], { stdio: 'ignore' });
    try {
      writeFileSync(lock, String(other.pid));
      const busy = await run(dir);
      expect(busy.committed).toBe(false);
      expect(busy.diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'output-locked', message: expect.stringContaining(`process ${other.pid}`) })]);
      expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    } finally {
      other.kill('SIGKILL');
      await new Promise((resolve) => other.on('exit', resolve));
    }
    // The holder is gone: its lock is stale.
    const taken = await run(dir);
    expect(taken.committed).toBe(true);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('a file over limits.maxArticleBytes', () => {
  it('is refused by its size without being read, with its real size in the message', async () => {
    const dir = makeProject(2);
    const config = JSON.parse(readFileSync(path.join(dir, 'input/site.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(dir, 'input/site.json'), JSON.stringify({ ...config, limits: { maxArticleBytes: 4096 } }));
    writeFileSync(path.join(dir, 'input/articles/big.txt'), story(3) + 'x'.repeat(50_000));
    // 3 GiB, sparse: reading it whole would fail (Node reads at most 2 GiB at once), so only a build
    // that never reads it can report it.
    writeFileSync(path.join(dir, 'input/articles/huge.txt'), '');
    truncateSync(path.join(dir, 'input/articles/huge.txt'), 3 * 2 ** 30);
    const result = await run(dir);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ file: 'input/articles/big.txt', ruleId: 'file-too-large', message: expect.stringContaining(`${(Buffer.byteLength(story(3)) + 50_000).toLocaleString('en-US')} bytes`) }),
      expect.objectContaining({ file: 'input/articles/huge.txt', ruleId: 'file-too-large', message: expect.stringContaining('3,221,225,472 bytes (3072.0 MiB)') }),
    ]);
  });
});

describe('publication dates against the build time', () => {
  it('a date more than a year ahead is an error; a few days ahead a warning, unless embargoed', async () => {
    const dir = makeProject(1);
    writeFileSync(path.join(dir, 'input/articles/typo.txt'), story(3).replace(/Published: .*/, 'Published: Oct 03, 2204 01:03 AM'));
    writeFileSync(path.join(dir, 'input/articles/soon.txt'), story(4).replace(/Published: .*/, 'Published: Oct 30, 2024 01:04 AM'));
    writeFileSync(path.join(dir, 'input/articles/held.txt'), `---\nembargo: 2024-10-30T01:05:00Z\n---\n${story(5).replace(/Published: .*/, 'Published: Oct 30, 2024 01:05 AM')}`);
    const result = await run(dir);
    expect(result.diagnostics.filter((d) => d.source === 'build').map((d) => [d.file, d.severity, d.ruleId])).toEqual([
      ['input/articles/soon.txt', 'warning', 'future-date'],
      ['input/articles/typo.txt', 'error', 'far-future-date'],
    ]);
  });
});

/** A digest of the output folder, and whether an interrupted write left anything beside it. */
function snapshot(dir: string): { tree: string; leftovers: string[] } {
  const tree = existsSync(path.join(dir, 'dist')) ? createHash('sha256').update(JSON.stringify(readTree(path.join(dir, 'dist')))).digest('hex') : 'absent';
  return { tree, leftovers: readdirSync(dir).filter((n) => n.startsWith('.dist.syndicate-')) };
}

describe('a build killed at any moment', () => {
  it('leaves the previous dist/ whole (or the new one), and the next build succeeds', async () => {
    const dir = makeProject(300);
    expect(cli(dir, ['--no-cache']).code).toBe(0);
    const before = snapshot(dir);
    // Change half the stories, so the next build rewrites many files.
    for (let i = 0; i < 300; i += 2) writeFileSync(path.join(dir, `input/articles/story-${i}.txt`), story(i, `Story ${i} about ports, updated`));
    // Deterministic "random" kill times spread over the build (reading, workers, writing).
    const delays = [150, 700, 1300, 1900, 2600, 3400, 4300];
    const states: { delay: number; tree: string; leftovers: string[]; code: number | null }[] = [];
    for (const delay of delays) {
      const child = spawn(process.execPath, [bin, 'build', '--now', NOW, '--no-cache', '--quiet'], { cwd: dir, stdio: 'ignore' });
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      clearTimeout(timer);
      states.push({ delay, code, ...snapshot(dir) });
      // A build that finished before its kill has written the new dist/: start the next attempt from the old one again.
      if (code === 0) break;
    }
    const finished = cli(dir, ['--no-cache']);
    expect(finished.code).toBe(0);
    const after = snapshot(dir);
    expect(after.leftovers).toEqual([]);
    expect(after.tree).not.toBe(before.tree);
    for (const state of states) {
      // Killed mid-swap, dist/ is briefly moved aside; the next build puts it back (tested in build.test.ts).
      if (state.leftovers.some((n) => n.endsWith('-old'))) continue;
      expect([before.tree, after.tree], `killed after ${state.delay} ms`).toContain(state.tree);
    }
    expect(states.some((s) => s.code === null)).toBe(true);
  }, 120_000);
});

describe('isolation', () => {
  const preload = path.join(projectRoot, 'tests/helpers/no-network.mjs');

  it('the network guard works (so the test below can fail)', () => {
    const probe = spawnSync(process.execPath, ['--import', preload, '-e', "fetch('http://127.0.0.1:9').catch(() => {})"], { encoding: 'utf8' });
    expect(probe.stderr).toContain('NETWORK ATTEMPT: fetch');
  });

  it('a build reaches no network and reads nothing outside input/, its output folders, its cache and its own code', () => {
    const dir = makeProject(3);
    // Real paths: the permission model checks resolved paths (node_modules may be a link, /tmp too).
    const real = (p: string) => realpathSync(p);
    const allowRead = [
      // The partner folder is given a name that `dist` is not a prefix of: Node 20's permission tree
      // stops matching `dist` against `dist/*` once `dist-partners/*` is allowed, and aborts when both are listed.
      ...['input', 'dist', '.dist.syndicate-tmp', '.dist.syndicate-old', 'partners', '.partners.syndicate-tmp', '.partners.syndicate-old', '.syndicate-cache'].map(
        (name) => `${real(dir)}/${name}/*`,
      ),
      `${real(dir)}/.dist.syndicate-lock`,
      `${real(dir)}/.partners.syndicate-lock`,
      `${real(projectRoot)}/lib/*`,
      `${real(path.join(projectRoot, 'node_modules'))}/*`,
      // Module resolution also looks at the path as written, before resolving links.
      `${projectRoot}/node_modules/*`,
      `${real(projectRoot)}/package.json`,
      real(preload),
    ];
    // Node 20 takes one path per flag (comma lists came later).
    // Deduplicated: Node 20 aborts (`!path_prefix.empty()`) on a path given twice.
    const permissions = ['--experimental-permission', ...[...new Set(allowRead)].map((p) => `--allow-fs-read=${p}`), `--allow-fs-write=${real(dir)}/*`, '--allow-worker'];
    const args = [...permissions, '--import', preload, bin, 'build', '--now', NOW, '--partner-out', 'partners'];
    // A story under embargo, so the partner folder is written too.
    writeFileSync(path.join(dir, 'input/articles/held.txt'), `---\nembargo: 2099-01-01T00:00:00Z\n---\n${story(7, 'A held story')}`);
    for (const attempt of ['first', 'again']) {
      const result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, SYNDICATE_DEBUG: '1', GITHUB_ACTIONS: '' } });
      expect(result.stderr, attempt).not.toContain('NETWORK ATTEMPT');
      expect(result.stderr, attempt).not.toContain('ERR_ACCESS_DENIED');
      expect(result.status, `${attempt}: ${result.stderr}`).toBe(0);
      expect(existsSync(path.join(dir, 'partners/articles/held/newsml.xml')), attempt).toBe(true);
    }
    // The permission model does bite: a file outside the allowed folders cannot be read.
    // A link to a file outside: the build refuses it by rule, without even trying to read it.
    writeFileSync(path.join(dir, 'outside.txt'), story(8));
    symlinkSync(path.join(dir, 'outside.txt'), path.join(dir, 'input/articles/outside.txt'));
    const denied = spawnSync(process.execPath, [...permissions, '-e', `require('fs').readFileSync(${JSON.stringify(path.join(dir, 'outside.txt'))})`], { encoding: 'utf8' });
    expect(denied.stderr).toContain('ERR_ACCESS_DENIED');
    const refused = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('[input/symlink-outside-input]');
    expect(refused.stderr).not.toContain('ERR_ACCESS_DENIED');
  });
});
