import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import type { Diagnostic } from '../src/diagnostics.ts';
import { compareOutputs } from '../src/inspect/compare.ts';
import { projectRoot, readTree } from './helpers/project.ts';

async function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { cwd, env, clock: () => new Date(), stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout, stderr };
}

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'syndicate-check-'));
  cpSync(path.join(projectRoot, 'input'), path.join(work, 'input'), { recursive: true });
  cpSync(path.join(projectRoot, 'dist'), path.join(work, 'dist'), { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('syndicate build --check', () => {
  it('passes on the committed sample and writes nothing (no cache either)', async () => {
    const before = readTree(path.join(work, 'dist'));
    const { code, stderr } = await run(['build', '--check'], work);
    expect(code).toBe(0);
    expect(stderr.at(-1)).toMatch(/^syndicate: dist is what the build writes at its recorded time \S+ \(\d+ files compared\), 2 warnings$/);
    expect(readTree(path.join(work, 'dist'))).toEqual(before);
    expect(existsSync(path.join(work, '.syndicate-cache'))).toBe(false);
  });

  it('lists a changed, a missing and an extra file, and exits 1', async () => {
    const rss = path.join(work, 'dist/rss.xml');
    const lines = readFileSync(rss, 'utf8').split('\n');
    const edited = lines.findIndex((l) => l.includes('<title>'));
    lines[edited] = '    <title>Edited by hand</title>';
    writeFileSync(rss, lines.join('\n'));
    unlinkSync(path.join(work, 'dist/articles/cyberspace-governance/ninjs.json'));
    writeFileSync(path.join(work, 'dist/stray.html'), '<p>not ours</p>\n');
    const before = readTree(path.join(work, 'dist'));

    const { code, stdout, stderr } = await run(['build', '--check', '--format', 'json'], work);
    expect(code).toBe(1);
    const report = JSON.parse(stdout[0]!) as { diagnostics: Diagnostic[]; summary: Record<string, unknown> };
    expect(report.summary['differences']).toEqual([
      { path: 'dist/articles/cyberspace-governance/ninjs.json', difference: 'missing' },
      { path: 'dist/rss.xml', difference: 'changed', line: edited + 1 },
      { path: 'dist/stray.html', difference: 'extra' },
    ]);
    expect(report.diagnostics.filter((d) => d.source === 'check').map((d) => [d.file, d.ruleId, d.line])).toEqual([
      ['dist/articles/cyberspace-governance/ninjs.json', 'output-missing', undefined],
      ['dist/rss.xml', 'output-changed', edited + 1],
      ['dist/stray.html', 'output-extra', undefined],
    ]);
    expect(report.summary).toMatchObject({ command: 'build --check', errors: 3, warnings: 2, checked: true });
    expect(stderr.at(-1)).toMatch(/^syndicate: the committed output is not what the build writes at \S+: 3 files differ \(1 changed, 1 missing, 1 extra\); run 'syndicate build --no-cache' and commit the result$/);
    expect(readTree(path.join(work, 'dist'))).toEqual(before);
  });

  it('prints each difference as text and as GitHub annotations', async () => {
    writeFileSync(path.join(work, 'dist/feed.json'), '{}\n');
    const text = await run(['build', '--check', '--quiet'], work);
    expect(text.code).toBe(1);
    expect(text.stderr).toEqual(['dist/feed.json:1:1: error is not what the build writes, from line 1 on; run `syndicate build --no-cache` and commit dist [check/output-changed]', expect.stringMatching(/^syndicate: the committed output is not what the build writes/)]);
    const github = await run(['build', '--check', '--quiet'], work, { GITHUB_ACTIONS: 'true' });
    expect(github.stdout).toEqual(['::error file=dist/feed.json,line=1,col=1,title=check/output-changed::is not what the build writes, from line 1 on; run `syndicate build --no-cache` and commit dist']);
  });

  it('honours --out, and treats a missing output folder as every file missing', async () => {
    cpSync(path.join(work, 'dist'), path.join(work, 'site/public'), { recursive: true });
    expect((await run(['build', '--check', '--out', 'site/public'], work)).code).toBe(0);
    const { code, stdout } = await run(['build', '--check', '--out', 'nowhere', '--format', 'json'], work);
    expect(code).toBe(1);
    const differences = (JSON.parse(stdout[0]!) as { summary: { differences: { difference: string }[] } }).summary.differences;
    expect(differences.length).toBeGreaterThan(5);
    expect(new Set(differences.map((d) => d.difference))).toEqual(new Set(['missing']));
  });

  it('does not compare when the build itself fails', async () => {
    writeFileSync(path.join(work, 'input/articles/broken.txt'), 'WORLD\nHeadline\nPublished: Sep 31, 2024 09:03 PM\n\nBody.\n');
    const { code, stderr } = await run(['build', '--check'], work);
    expect(code).toBe(1);
    expect(stderr.join('\n')).toContain('[read:wire/impossible-date]');
    expect(stderr.at(-1)).toMatch(/^syndicate: \d+ articles? read, 1 error: the build fails, so dist was not compared$/);
  });

  it.each([
    [['--keep-going'], '-k, --keep-going'],
    [['--no-cache'], '--no-cache'],
    [['--cache', 'c'], '--cache <DIR>'],
    [['--workers', '2'], '-j, --workers <N>'],
    [['--verbose'], '--verbose'],
  ])('refuses --check with %j (exit 2), naming both options', async (extra, named) => {
    const { code, stderr } = await run(['build', '--check', ...extra], work);
    expect(code).toBe(2);
    expect(stderr).toEqual([`syndicate: option '--check' cannot be used with option '${named}'`, "Run 'syndicate build --help' for usage."]);
  });

  it("refuses validate's options (exit 2)", async () => {
    const { code, stderr } = await run(['build', '--check', '--schemas', 'x'], work);
    expect(code).toBe(2);
    expect(stderr[0]).toBe("syndicate: unknown option '--schemas'");
  });
});

describe('compareOutputs', () => {
  it('compares bytes, not text: a byte order mark or CRLF is a difference', () => {
    const encode = (s: string) => new TextEncoder().encode(s);
    const expected = [{ path: 'a.xml', text: '<a/>\n', format: 'rss' as const, sources: [] }];
    expect(compareOutputs(expected, new Map([['a.xml', encode('<a/>\n')]]))).toEqual([]);
    expect(compareOutputs(expected, new Map([['a.xml', encode('\uFEFF<a/>\n')]]))).toEqual([{ path: 'a.xml', difference: 'changed', line: 1 }]);
    expect(compareOutputs(expected, new Map([['a.xml', encode('<a/>\r\n')]]))).toEqual([{ path: 'a.xml', difference: 'changed', line: 1 }]);
  });
});
