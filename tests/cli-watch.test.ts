// The compiled CLI's `build --watch [--serve]` and `serve` (issue 15 item 6), run as a user runs them:
// a build, an edit rebuilt and served, a bad article reported without stopping, Ctrl-C ending it with 0.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/project.ts';

const bin = path.join(projectRoot, 'lib/bin.js');
const dirs: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'syndicate-cli-watch-'));
  dirs.push(dir);
  cpSync(path.join(projectRoot, 'input'), path.join(dir, 'input'), { recursive: true });
  return dir;
}

/** Starts the CLI; `stderr()` is what it has printed so far, `exited` its exit code. */
function start(dir: string, args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env, GITHUB_ACTIONS: '', NO_COLOR: '1' } });
  children.push(child);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

async function until(ready: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe('syndicate build --watch --serve', () => {
  it('builds, serves, rebuilds an edit, reports a bad article and goes on, and ends on Ctrl-C with 0', async () => {
    const dir = project();
    const run = start(dir, ['build', '--watch', '--serve', '--port', '0', '--now', '2024-10-28T09:00:00Z']);
    await until(() => run.stderr().includes('watching input for changes'));
    const url = /previewing dist at (http:\/\/127\.0\.0\.1:\d+)\//.exec(run.stderr())?.[1];
    expect(url).toBeDefined();
    expect(run.stderr()).toContain('14 files written to dist');
    const rss = await fetch(`${url}/rss.xml`);
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');

    const article = path.join(dir, 'input/articles/cyberspace-governance.txt');
    const original = readFileSync(article, 'utf8');
    writeFileSync(article, original.replace('China plays greater role', 'China plays a greater role'));
    await until(() => count(run.stderr(), 'syndicate: 1 article read') === 2);
    expect(run.stderr()).toContain('syndicate: input/articles/cyberspace-governance.txt changed; building again');
    expect(await (await fetch(`${url}/rss.xml`)).text()).toContain('China plays a greater role');

    writeFileSync(path.join(dir, 'input/articles/bad.txt'), 'broken\n');
    await until(() => run.stderr().includes('0 files written (dist left unchanged)'));
    expect(run.stderr()).toMatch(/input\/articles\/bad\.txt:1:1: error /);
    expect(run.child.exitCode).toBeNull();

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toContain('syndicate: stopped watching');
    // The versions state the builds wrote into input/ started no build of its own: three builds, three summaries.
    expect(count(run.stderr(), 'syndicate: 1 article read')).toBe(3);
  }, 15000);
});

describe('syndicate build --watch --serve with the articles and the settings outside the input folder', () => {
  it('rebuilds on an edit in the articles folder and on a save of the --config file', async () => {
    const dir = project();
    renameSync(path.join(dir, 'input/articles'), path.join(dir, 'stories'));
    mkdirSync(path.join(dir, 'settings'));
    renameSync(path.join(dir, 'input/site.json'), path.join(dir, 'settings/site.json'));
    const run = start(dir, ['build', '--watch', '--serve', '--port', '0', '--articles', 'stories', '--config', 'settings/site.json', '--now', '2024-10-28T09:00:00Z']);
    await until(() => run.stderr().includes('watching input and stories and settings/site.json for changes'));
    // The preview's index checks against the same settings as the build.
    const url = /previewing dist at (http:\/\/127\.0\.0\.1:\d+)\//.exec(run.stderr())?.[1];
    expect(await (await fetch(`${url}/_syndicate/outputs`)).text()).toContain('checks them against settings/site.json.');
    expect(run.stderr()).toContain('14 files written to dist');

    const article = path.join(dir, 'stories/cyberspace-governance.txt');
    writeFileSync(article, readFileSync(article, 'utf8').replace('China plays greater role', 'China plays a greater role'));
    await until(() => count(run.stderr(), 'syndicate: 1 article read') === 2);
    expect(run.stderr()).toContain('syndicate: stories/cyberspace-governance.txt changed; building again');
    expect(readFileSync(path.join(dir, 'dist/rss.xml'), 'utf8')).toContain('China plays a greater role');

    // Saved as editors save: a new file renamed over the old one.
    const settings = path.join(dir, 'settings/site.json');
    const changed = JSON.stringify({ ...JSON.parse(readFileSync(settings, 'utf8')), name: 'Global Times Online' }, null, 2);
    writeFileSync(`${settings}.tmp`, changed);
    renameSync(`${settings}.tmp`, settings);
    await until(() => count(run.stderr(), 'syndicate: 1 article read') === 3);
    expect(run.stderr()).toContain('syndicate: settings/site.json changed; building again');

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  }, 15000);
});

describe('syndicate serve', () => {
  it('previews the output folder as it is and ends on Ctrl-C', async () => {
    const dir = project();
    cpSync(path.join(projectRoot, 'dist'), path.join(dir, 'dist'), { recursive: true });
    const run = start(dir, ['serve', '--port', '0']);
    await until(() => run.stderr().includes('previewing dist at'));
    const url = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(run.stderr())?.[1];
    const jsonld = await fetch(`${url}/articles/cyberspace-governance/article.jsonld`);
    expect(jsonld.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const index = await (await fetch(`${url}/_syndicate/outputs`)).text();
    expect(index).toContain('14 files, 0 errors');
    expect(index).toContain('checks them against input/site.json.');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  }, 10000);

  it('checks against the --config file, and says when it has no settings', async () => {
    const dir = project();
    cpSync(path.join(projectRoot, 'dist'), path.join(dir, 'dist'), { recursive: true });
    mkdirSync(path.join(dir, 'settings'));
    renameSync(path.join(dir, 'input/site.json'), path.join(dir, 'settings/site.json'));
    for (const [args, said] of [
      [['--config', 'settings/site.json'], 'checks them against settings/site.json.'],
      [[], 'checks them without site settings (no input/site.json).'],
    ] as const) {
      const run = start(dir, ['serve', '--port', '0', ...args]);
      await until(() => run.stderr().includes('previewing dist at'));
      const url = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(run.stderr())?.[1];
      expect(await (await fetch(`${url}/_syndicate/outputs`)).text()).toContain(said);
      run.child.kill('SIGINT');
      expect(await run.exited).toBe(0);
    }
  }, 15000);

  it.each([
    [['build', '--serve'], "'--serve' needs --watch"],
    [['build', '--port', '80'], "'--port' needs --watch"],
    [['build', '--watch', '--port', '80'], "'--port' and '--host' need --serve"],
    [['build', '--watch', '--serve', '--port', 'x'], '--port "x" must be a whole number'],
    [['build', '--check', '--watch'], "'-w, --watch' cannot be used with option '--check'"],
    [['serve', '--now', '2024-10-28T09:00:00Z'], "unknown option '--now'"],
    [['serve', 'dist'], "too many arguments for 'serve'"],
  ])('%j is a usage error', (args, message) => {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
  });
});
