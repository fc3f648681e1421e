import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, readTree } from './helpers/project.ts';

// The CLI is tested as the real process users run: the compiled bin (built by `npm test`).
const bin = path.join(projectRoot, 'lib/bin.js');

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  // GITHUB_ACTIONS cleared: inside a GitHub Actions job the CLI would report as workflow commands on stdout.
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let work: string;
beforeAll(() => {
  if (!existsSync(bin)) throw new Error('lib/bin.js is missing: run `npm run compile` (npm test does it) before the CLI tests');
  work = mkdtempSync(path.join(tmpdir(), 'syndicate-cli-'));
  cpSync(path.join(projectRoot, 'input'), path.join(work, 'input'), { recursive: true });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('syndicate CLI (real process)', () => {
  it('prints the version from package.json', () => {
    const { version } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    expect(run(['--version'], work)).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('prints help with exit 0', () => {
    const { code, stdout } = run(['--help'], work);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: syndicate <command> [options]');
    for (const command of ['init', 'build', 'validate', 'help']) expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });

  it.each([
    [[], 'syndicate'],
    [['publish'], 'syndicate'],
    [['build', '--bogus'], 'syndicate build'],
    [['build', 'extra'], 'syndicate build'],
  ])('exits 2 on bad usage %j, pointing at the help that fits', (args, help) => {
    const { code, stderr } = run(args, work);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^syndicate: /);
    expect(stderr.trim().split('\n').at(-1)).toBe(`Run '${help} --help' for usage.`);
  });

  it('builds the sample into dist/ identical to the committed one, in any TZ, with a summary line', () => {
    for (const tz of ['America/New_York', 'Asia/Kolkata']) {
      rmSync(path.join(work, 'dist'), { recursive: true, force: true });
      const { code, stderr } = run(['build'], work, { TZ: tz });
      expect(code).toBe(0);
      expect(stderr).toMatch(/warning .*\[read:wire\/photo-without-url\]/);
      expect(stderr.trim().split('\n').at(-1)).toBe('syndicate: 1 article read, 14 files written to dist, 0 errors, 2 warnings');
      expect(readTree(path.join(work, 'dist'))).toEqual(readTree(path.join(projectRoot, 'dist')));
    }
  });

  it('honours --input and --out', () => {
    const { code } = run(['build', '--input', path.join(work, 'input'), '--out', 'elsewhere/out'], work);
    expect(code).toBe(0);
    expect(existsSync(path.join(work, 'elsewhere/out/rss.xml'))).toBe(true);
  });

  it('on bad input prints a diagnostic (no stack trace), exits 1 and leaves the output folder untouched', () => {
    const input = path.join(work, 'bad-input');
    cpSync(path.join(work, 'input'), input, { recursive: true });
    writeFileSync(path.join(input, 'articles/broken.txt'), 'WORLD\nHeadline\nPublished: Sep 31, 2024 09:03 PM\n\nBody.\n');
    const out = path.join(work, 'kept');
    cpSync(path.join(projectRoot, 'dist'), out, { recursive: true });
    writeFileSync(path.join(out, 'marker.txt'), 'previous build');
    const before = readTree(out);
    const { code, stderr } = run(['build', '--input', 'bad-input', '--out', 'kept'], work);
    expect(code).toBe(1);
    expect(stderr).toContain('bad-input/articles/broken.txt:3:1: error "Published:" 2024-09-31 21:03 is not a real date and time (September 2024 has 30 days); correct it [read:wire/impossible-date]');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr.trim().split('\n').at(-1)).toBe('syndicate: 1 article read, 0 files written (kept left unchanged), 1 error, 2 warnings');
    expect(readTree(out)).toEqual(before);
  });

  it('on a bad site.json names the field and exits 2', () => {
    const input = path.join(work, 'bad-config');
    cpSync(path.join(work, 'input'), input, { recursive: true });
    const config = JSON.parse(readFileSync(path.join(input, 'site.json'), 'utf8')) as Record<string, unknown>;
    config.timeZone = 'Beijing';
    writeFileSync(path.join(input, 'site.json'), JSON.stringify(config, null, 2));
    const { code, stderr } = run(['build', '--input', 'bad-config'], work);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^bad-config\/site\.json:5:\d+: error "timeZone": expected an IANA time-zone name/m);
  });

  it('refuses a malformed --now or SOURCE_DATE_EPOCH with exit 2', () => {
    expect(run(['build', '--now', 'yesterday'], work)).toMatchObject({ code: 2, stderr: expect.stringContaining('--now "yesterday" is not an RFC 3339 time with offset') });
    expect(run(['build'], work, { SOURCE_DATE_EPOCH: '12abc' })).toMatchObject({ code: 2, stderr: expect.stringContaining('SOURCE_DATE_EPOCH "12abc"') });
  });

  it('on a missing site.json says what to create and exits 2', () => {
    const { code, stderr } = run(['build', '--input', 'nowhere'], work);
    expect(code).toBe(2);
    expect(stderr).toContain('nowhere/site.json: error no site configuration; create nowhere/site.json');
  });

  it('reuses the cache on the next build, and says so', () => {
    const dir = path.join(work, 'cached');
    cpSync(path.join(work, 'input'), path.join(dir, 'input'), { recursive: true });
    expect(run(['build'], dir).stderr.trim().split('\n').at(-1)).toBe('syndicate: 1 article read, 14 files written to dist, 0 errors, 2 warnings');
    expect(existsSync(path.join(dir, '.syndicate-cache/index.json'))).toBe(true);
    const again = run(['build', '--verbose'], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('syndicate: incremental build, 1 source reused from the cache, 0 built on the main thread');
    expect(again.stderr).toMatch(/syndicate: wall time list \d+ ms, articles \d+ ms/);
    expect(again.stderr.trim().split('\n').at(-1)).toBe('syndicate: 1 article read, 0 files written to dist (14 unchanged), 0 errors, 2 warnings');
    expect(readTree(path.join(dir, 'dist'))).toEqual(readTree(path.join(projectRoot, 'dist')));
  });

  it('--no-cache neither reads nor writes a cache; --quiet prints errors and the summary line only', () => {
    const dir = path.join(work, 'uncached');
    cpSync(path.join(work, 'input'), path.join(dir, 'input'), { recursive: true });
    const quiet = run(['build', '--no-cache', '--quiet'], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^syndicate: 1 article read, \d+ files written to dist, 0 errors, 2 warnings$/)]);
    expect(existsSync(path.join(dir, '.syndicate-cache'))).toBe(false);
    expect(readTree(path.join(dir, 'dist'))).toEqual(readTree(path.join(projectRoot, 'dist')));
    writeFileSync(path.join(dir, 'input/articles/broken.txt'), 'WORLD\nHeadline\nPublished: Sep 31, 2024 09:03 PM\n\nBody.\n');
    const failed = run(['build', '--no-cache', '-q'], dir);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([expect.stringContaining('[read:wire/impossible-date]'), expect.stringMatching(/^syndicate: .*0 files written .*1 error/)]);
  });

  it.each([[['build', '--workers', '0']], [['build', '-j', 'many']], [['build', '--quiet', '--verbose']]])('refuses %j with exit 2', (args) => {
    expect(run(args, work).code).toBe(2);
  });
});

describe('progress bar', () => {
  it('draws on a terminal once the build has run for a second, then clears the line', async () => {
    const { main } = await import('../src/cli.ts');
    const dir = mkdtempSync(path.join(tmpdir(), 'syndicate-progress-'));
    try {
      cpSync(path.join(projectRoot, 'input'), path.join(dir, 'input'), { recursive: true });
      let t = Date.parse('2026-11-27T00:00:00Z');
      const drawn: (string | undefined)[] = [];
      const code = await main(['build', '--no-cache', '--now', '2026-11-27T12:00:00Z'], {
        cwd: dir,
        env: {},
        clock: () => new Date((t += 600)),
        stdout: () => {},
        stderr: () => {},
        progress: (line) => drawn.push(line),
      });
      expect(code).toBe(0);
      expect(drawn).toEqual([`syndicate: [${'#'.repeat(30)}] 1/1 articles`, undefined]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('formats the bar', async () => {
    const { formatProgress } = await import('../src/commands/progress.ts');
    expect(formatProgress(4200, 10000)).toBe(`syndicate: [${'#'.repeat(13)}${'.'.repeat(17)}] 4,200/10,000 articles`);
  });
});
