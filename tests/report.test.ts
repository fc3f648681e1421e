import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import type { Diagnostic } from '../src/diagnostics.ts';
import { formatDiagnostic } from '../src/diagnostics.ts';
import {
  createReporter,
  escapeCommandData,
  escapeCommandProperty,
  formatGithubAnnotation,
  formatJsonReport,
  formatTextDiagnostic,
  toReportFormat,
  useColour,
} from '../src/report/index.ts';
import { projectRoot } from './helpers/project.ts';

async function run(args: string[], cwd: string, env: Record<string, string> = {}, isTTY = false) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { cwd, env, clock: () => new Date(), stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l), isTTY });
  return { code, stdout, stderr };
}

const error: Diagnostic = { file: 'dist/rss.xml', line: 16, column: 7, severity: 'error', source: 'validate:rss', ruleId: 'rss-date', message: 'bad date' };
const warning: Diagnostic = { file: 'input/site.json', severity: 'warning', source: 'config', ruleId: 'x', message: 'no position' };

describe('GitHub Actions workflow commands', () => {
  it('escapes data (%, CR, LF) and properties (also : and ,) as the runner unescapes them', () => {
    expect(escapeCommandData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeCommandProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    // % first: an existing escape sequence in the text is escaped, not kept.
    expect(escapeCommandData('%0A')).toBe('%250A');
  });

  it('formats errors and warnings, with position only when known', () => {
    expect(formatGithubAnnotation(error)).toBe('::error file=dist/rss.xml,line=16,col=7,title=validate%3Arss/rss-date::bad date');
    expect(formatGithubAnnotation(warning)).toBe('::warning file=input/site.json,title=config/x::no position');
    const { column: _column, ...lineOnly } = error;
    expect(formatGithubAnnotation(lineOnly)).toBe('::error file=dist/rss.xml,line=16,title=validate%3Arss/rss-date::bad date');
  });

  it('escapes hostile file names and messages, and adds the origin', () => {
    const hostile: Diagnostic = {
      file: 'in,put/a:b%.txt',
      line: 3,
      column: 1,
      severity: 'error',
      source: 'read:wire',
      ruleId: 'missing-headline',
      message: 'line one\nline two: 50% :: done\r',
      origin: 'input/x.txt',
    };
    expect(formatGithubAnnotation(hostile)).toBe(
      '::error file=in%2Cput/a%3Ab%25.txt,line=3,col=1,title=read%3Awire/missing-headline::line one%0Aline two: 50%25 :: done%0D (from input/x.txt)',
    );
  });
});

describe('report formats', () => {
  it('text is exactly formatDiagnostic without colour; with colour, severity red/yellow and rule dim', () => {
    expect(formatTextDiagnostic(error)).toBe(formatDiagnostic(error));
    expect(formatTextDiagnostic(error, true)).toBe('dist/rss.xml:16:7: \x1b[31merror\x1b[39m bad date \x1b[2m[validate:rss/rss-date]\x1b[22m');
    expect(formatTextDiagnostic(warning, true)).toBe('input/site.json: \x1b[33mwarning\x1b[39m no position \x1b[2m[config/x]\x1b[22m');
    // Without the escapes, the coloured line reads the same.
    expect(formatTextDiagnostic(error, true).replace(/\x1b\[\d+m/g, '')).toBe(formatDiagnostic(error));
  });

  it('colours only on a terminal and never when NO_COLOR is set to something', () => {
    expect(useColour(true, {})).toBe(true);
    expect(useColour(true, { NO_COLOR: '1' })).toBe(false);
    expect(useColour(true, { NO_COLOR: '' })).toBe(true);
    expect(useColour(false, {})).toBe(false);
    expect(useColour(undefined, {})).toBe(false);
  });

  it('json is one document with the diagnostics and counted summary', () => {
    const parsed = JSON.parse(formatJsonReport([error, warning], { command: 'validate', files: 2 })) as unknown;
    expect(parsed).toEqual({
      diagnostics: [error, warning],
      summary: { errors: 1, warnings: 1, command: 'validate', files: 2, rules: [{ rule: `${error.source.replace('validate:', '')}/${error.ruleId}`, severity: 'error', count: 1 }, { rule: `${warning.source.replace('validate:', '')}/${warning.ruleId}`, severity: 'warning', count: 1 }] },
    });
  });

  it('chooses github inside GitHub Actions unless --format says otherwise, and refuses unknown formats', () => {
    expect(toReportFormat(undefined, {})).toEqual({ ok: true, value: 'text' });
    expect(toReportFormat(undefined, { GITHUB_ACTIONS: 'true' })).toEqual({ ok: true, value: 'github' });
    expect(toReportFormat('text', { GITHUB_ACTIONS: 'true' })).toEqual({ ok: true, value: 'text' });
    expect(toReportFormat('json', {})).toEqual({ ok: true, value: 'json' });
    expect(toReportFormat('sarif', {})).toMatchObject({ ok: false, message: '--format "sarif" is not one of text, json, github' });
  });

  it('never colours json or github output, even on a terminal', () => {
    const out: string[] = [];
    const err: string[] = [];
    for (const format of ['json', 'github'] as const) {
      const reporter = createReporter(format, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), colour: true });
      reporter.report([error, warning]);
      reporter.finish({});
    }
    expect(err).toEqual([]);
    expect(out.join('\n')).not.toContain('\x1b[');
  });
});

describe('--format on the CLI', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), 'syndicate-report-'));
    const rss = readFileSync(path.join(projectRoot, 'dist/rss.xml'), 'utf8');
    const lines = rss.split('\n');
    const at = lines.findIndex((l) => l.includes('<pubDate>'));
    lines[at] = '      <pubDate>2024-09-04 13:03</pubDate>';
    writeFileSync(path.join(work, 'feed, 50%.xml'), lines.join('\n'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const pubDateLine = () => readFileSync(path.join(projectRoot, 'dist/rss.xml'), 'utf8').split('\n').findIndex((l) => l.includes('<pubDate>')) + 1;

  it('validate --format github prints exactly the annotations on stdout', async () => {
    const { code, stdout, stderr } = await run(['validate', 'feed, 50%.xml', '--format', 'github'], work);
    expect(code).toBe(1);
    expect(stdout).toEqual([
      `::error file=feed%2C 50%25.xml,line=${pubDateLine()},col=32,title=validate%3Arss/invalid-rfc822-date::<pubDate> in <item> "2024-09-04 13:03" is not an RFC 822 date; write e.g. "Sat, 07 Sep 2002 09:42:31 GMT"`,
    ]);
    expect(stderr).toEqual([expect.stringMatching(/^syndicate: 1 file validated \(1 rss\), 1 error, 0 warnings/)]);
  });

  it('GITHUB_ACTIONS=true picks github by itself', async () => {
    const { stdout } = await run(['validate', 'feed, 50%.xml'], work, { GITHUB_ACTIONS: 'true' });
    expect(stdout).toEqual([expect.stringMatching(/^::error file=feed%2C 50%25\.xml,line=\d+,col=\d+,title=validate%3Arss\/invalid-rfc822-date::/)]);
  });

  it('json parses and carries the summary', async () => {
    const { stdout } = await run(['validate', '.', '--format', 'json'], work);
    expect(stdout).toHaveLength(1);
    const report = JSON.parse(stdout[0]!) as { diagnostics: Diagnostic[]; summary: Record<string, unknown> };
    expect(report.diagnostics).toEqual([expect.objectContaining({ file: 'feed, 50%.xml', ruleId: 'invalid-rfc822-date', line: pubDateLine() })]);
    expect(report.summary).toMatchObject({ command: 'validate', files: 1, formats: { rss: 1 }, errors: 1, warnings: 0, site: null });
  });

  it('colours text on a terminal, and honours NO_COLOR', async () => {
    const coloured = await run(['validate', '.'], work, {}, true);
    expect(coloured.stderr[0]).toContain('\x1b[31merror\x1b[39m');
    const plain = await run(['validate', '.'], work, { NO_COLOR: '1' }, true);
    expect(plain.stderr.join('\n')).not.toContain('\x1b[');
    expect(plain.stderr[0]).toBe(coloured.stderr[0]!.replace(/\x1b\[\d+m/g, ''));
    const piped = await run(['validate', '.'], work, {}, false);
    expect(piped.stderr.join('\n')).not.toContain('\x1b[');
  });

  it('build --format json reports the build in one document', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'syndicate-report-build-'));
    try {
      cpSync(path.join(projectRoot, 'input'), path.join(dir, 'input'), { recursive: true });
      const { code, stdout } = await run(['build', '--no-cache', '--format', 'json'], dir);
      expect(code).toBe(0);
      const report = JSON.parse(stdout[0]!) as { diagnostics: Diagnostic[]; summary: Record<string, unknown> };
      expect(report.diagnostics.map((d) => d.ruleId).sort()).toEqual(['article-image', 'photo-without-url']);
      expect(report.summary).toMatchObject({ command: 'build', articles: 1, committed: true, errors: 0, warnings: 2, outDir: 'dist' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the real executable reports as annotations on stdout inside GitHub Actions (nothing coloured)', () => {
    const bin = path.join(projectRoot, 'lib/bin.js');
    if (!existsSync(bin)) throw new Error('lib/bin.js is missing: run `npm run compile` (npm test does it) first');
    const result = spawnSync(process.execPath, [bin, 'validate', '.'], { cwd: work, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: 'true', NO_COLOR: '' } });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(`::error file=feed%2C 50%25.xml,line=${pubDateLine()},col=32,title=validate%3Arss/invalid-rfc822-date::<pubDate> in <item> "2024-09-04 13:03" is not an RFC 822 date; write e.g. "Sat, 07 Sep 2002 09:42:31 GMT"\n`);
    expect(result.stderr).toMatch(/^syndicate: 1 file validated \(1 rss\), 1 error, 0 warnings/);
    expect(result.stderr).not.toContain('\x1b[');
  });

  it('refuses an unknown --format with exit 2', async () => {
    const { code, stderr } = await run(['build', '--format', 'xml'], work);
    expect(code).toBe(2);
    expect(stderr[0]).toBe('syndicate: --format "xml" is not one of text, json, github');
  });
});
