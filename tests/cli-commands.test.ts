// The command line's grammar: each command's own help, suggestions for typos, conflicting options,
// and a closed pipe. In-process through main() except the pipe, which needs the real process.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import { formatParseError } from '../src/commands/program.ts';
import { projectRoot } from './helpers/project.ts';

const work = mkdtempSync(path.join(tmpdir(), 'syndicate-commands-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { cwd: work, env: {}, clock: () => new Date('2026-01-02T03:04:05Z'), stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('help', () => {
  it('help build and build --help print build\'s own help, on stdout, exit 0', async () => {
    const viaHelp = await run(['help', 'build']);
    const viaOption = await run(['build', '--help']);
    expect(viaHelp).toEqual(viaOption);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toMatch(/^Usage: syndicate build \[options\]/);
    expect(viaHelp.stdout).toContain('--keep-going');
    expect(viaHelp.stdout).not.toContain('--profile');
  });

  it("validate --help prints validate's help, not the global one", async () => {
    const { code, stdout } = await run(['validate', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: syndicate validate \[options\] <paths\.\.\.>/);
    expect(stdout).toContain('--profile <P>');
    expect(stdout).not.toContain('--keep-going');
  });

  it('wraps help at 80 columns whatever the terminal', async () => {
    const { stdout } = await run(['build', '--help']);
    expect(Math.max(...stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
  });
});

describe('typos and conflicts (exit 2, nothing run)', () => {
  it.each([
    [['buidl'], "syndicate: unknown command 'buidl' (did you mean build?)"],
    [['build', '--outptus', 'rss'], "syndicate: unknown option '--outptus' (did you mean --outputs?)"],
    [['validate', 'dist', '--profle', 'standard'], "syndicate: unknown option '--profle' (did you mean --profile?)"],
    [['build', '--no-cache', '--cache', 'x'], "syndicate: option '--no-cache' cannot be used with option '--cache <DIR>'; pick one"],
    [['build', '--cache', 'x', '--no-cache'], "syndicate: option '--no-cache' cannot be used with option '--cache <DIR>'; pick one"],
    [['build', '--quiet', '--verbose'], "syndicate: option '-q, --quiet' cannot be used with option '--verbose'"],
    [['validate', 'dist', '-q', '--verbose'], "syndicate: option '-q, --quiet' cannot be used with option '--verbose'"],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await run(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(message);
    expect(existsSync(path.join(work, 'dist'))).toBe(false);
  });

  it('accepts --cache alone and --no-cache alone (they conflict only together)', async () => {
    // Both reach the build, which stops at the missing site.json (exit 2 from the configuration, not the parser).
    for (const args of [['build', '--cache', 'c'], ['build', '--no-cache']]) {
      const { stderr } = await run(args);
      expect(stderr).toContain('no site configuration');
      expect(stderr).not.toContain('cannot be used with');
    }
  });

  it('puts commander\'s message in our voice on one line', () => {
    expect(formatParseError("error: unknown option '--wach'\n(Did you mean --watch?)\n")).toBe("syndicate: unknown option '--wach' (did you mean --watch?)\n");
    expect(formatParseError("error: missing required argument 'paths'\n")).toBe("syndicate: missing required argument 'paths'\n");
  });
});

describe('a closed pipe', () => {
  it('ends quietly with the exit code the run earns (validate --format github | head -1)', () => {
    const folder = path.join(work, 'feeds');
    mkdirSync(folder, { recursive: true });
    const feed = '<rss version="2.0"><channel><title>t</title><link>http://x/</link><description>d</description><item><title>a</title><pubDate>2024-09-04 13:03</pubDate></item></channel></rss>';
    for (let i = 0; i < 400; i++) writeFileSync(path.join(folder, `f${i}.xml`), feed);
    const bin = path.join(projectRoot, 'lib/bin.js');
    // The shell closes the pipe after one line; bash's PIPESTATUS gives syndicate's own exit code.
    const result = spawnSync('bash', ['-c', `node "${bin}" validate feeds --format github | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(result.stderr).toContain('syndicate: 400 files validated');
    expect(result.stderr).toContain('status=1');
  });
});
