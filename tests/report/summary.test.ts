/** Reports that fit on a screen: first few of each rule, the rest counted, --quiet, --max-warnings, GitHub limits and step summary. */
import { describe, expect, it } from 'vitest';
import { diagnostic, formatDiagnostic, type Diagnostic } from '../../src/diagnostics.ts';
import { ANNOTATIONS_PER_KIND, checkMaxWarnings, countByRule, createReporter, formatStepSummary, selectAnnotations, shortenOrigin, toMaxWarnings, type ReportLevel } from '../../src/report/index.ts';

const name = (i: number) => `input/articles/a${String(i).padStart(4, '0')}.txt`;
/** What the 3,000-article archive reported: a missing image per article, 385 feed warnings naming 50 sources each. */
function archive(): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (let i = 1; i <= 3000; i++) found.push(diagnostic('warning', `dist/articles/a${i}/article.jsonld`, 'validate:jsonld', 'article-image', 'NewsArticle has no "image"; Google recommends crawlable images', { line: 4, column: 5 }, name(i)));
  const fifty = Array.from({ length: 50 }, (_, i) => name(i + 1)).join(', ');
  for (let i = 1; i <= 385; i++) found.push(diagnostic('warning', 'dist/atom.xml', 'validate:atom', 'duplicate-updated', `<updated> ${i} is the same as another entry's`, { line: i, column: 3 }, fifty));
  found.push(diagnostic('error', name(7), 'read:wire', 'impossible-date', '"Published:" 2024-09-31 is not a real date', { line: 3, column: 1 }));
  return found;
}

function report(level: ReportLevel, format: 'text' | 'github' | 'json', found: Diagnostic[], withSummary = false) {
  const out: string[] = [];
  const err: string[] = [];
  const summaries: string[] = [];
  const reporter = createReporter(format, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), colour: false, ...(withSummary ? { stepSummary: (m: string) => summaries.push(m) } : {}) }, level);
  reporter.report(found);
  reporter.finish({ command: 'build' });
  return { out, err, summaries, reported: reporter.reported() };
}

describe('text report', () => {
  it('prints the 3,000-article archive in fewer than 40 lines, counting each rule', () => {
    const { err } = report('normal', 'text', archive());
    expect(err.length).toBeLessThan(40);
    const text = err.join('\n');
    expect(text).toContain('3,000 × warning jsonld/article-image  NewsArticle has no "image"; Google recommends crawlable images (2,997 more)');
    expect(text).toContain('  385 × warning atom/duplicate-updated');
    expect(text).toContain('    1 × error read:wire/impossible-date');
    expect(err.filter((l) => l.includes('[validate:jsonld/article-image]'))).toHaveLength(3);
    // Source lists shortened: the feed warnings no longer name 50 files.
    expect(err.find((l) => l.includes('duplicate-updated]'))).toMatch(/\(from input\/articles\/a0001\.txt and 49 more\)$/);
    expect(Math.max(...err.map((l) => l.length))).toBeLessThan(250);
  });
  it('prints a small report exactly as before: every finding, in order, no table', () => {
    const small = archive().slice(0, 3);
    expect(report('normal', 'text', small).err).toEqual(small.map((d) => formatDiagnostic(d)));
  });
  it('--verbose prints everything, whole', () => {
    const found = archive();
    expect(report('verbose', 'text', found).err).toEqual(found.map((d) => formatDiagnostic(d)));
  });
  it('--quiet prints errors only, but reported() still has every finding', () => {
    const found = archive();
    const { err, reported } = report('quiet', 'text', found);
    expect(err).toEqual([formatDiagnostic(found.at(-1)!)]);
    expect(reported).toHaveLength(found.length);
  });
});

describe('json report', () => {
  it('keeps every finding, even with --quiet, and counts them by rule', () => {
    const found = archive();
    const parsed = JSON.parse(report('quiet', 'json', found).out[0]!);
    expect(parsed.diagnostics).toHaveLength(found.length);
    expect(parsed.summary.rules).toEqual([
      { rule: 'read:wire/impossible-date', severity: 'error', count: 1 },
      { rule: 'jsonld/article-image', severity: 'warning', count: 3000 },
      { rule: 'atom/duplicate-updated', severity: 'warning', count: 385 },
    ]);
  });
});

describe('--max-warnings', () => {
  it('reads a whole number and refuses anything else', () => {
    expect(toMaxWarnings(undefined)).toEqual({ ok: true, value: undefined });
    expect(toMaxWarnings('0')).toEqual({ ok: true, value: 0 });
    expect(toMaxWarnings('-1')).toMatchObject({ ok: false, message: expect.stringContaining('--max-warnings "-1"') });
    expect(toMaxWarnings('ten')).toMatchObject({ ok: false });
  });
  it('fails only above the limit, counting warnings, not errors', () => {
    const found = archive();
    expect(checkMaxWarnings(found, undefined)).toBeUndefined();
    expect(checkMaxWarnings(found, 3385)).toBeUndefined();
    expect(checkMaxWarnings(found, 3384)).toBe('syndicate: 3,385 warnings, more than --max-warnings 3,384 allows; fix them, or turn rules off in site.json "rules"');
    expect(checkMaxWarnings(found.slice(-1), 0)).toBeUndefined();
  });
});

describe('github report', () => {
  it('annotates at most ten of each kind, one of every rule first, and says how many it left out', () => {
    const found = archive();
    const chosen = selectAnnotations(found);
    expect(chosen.filter((d) => d.severity === 'warning')).toHaveLength(ANNOTATIONS_PER_KIND);
    expect(chosen.some((d) => d.ruleId === 'duplicate-updated')).toBe(true);
    expect(chosen.some((d) => d.severity === 'error')).toBe(true);
    const { out, summaries } = report('normal', 'github', found, true);
    expect(out.filter((l) => l.startsWith('::warning'))).toHaveLength(10);
    expect(out.at(-1)).toBe('::notice title=syndicate::3,375 more findings are not annotated (GitHub shows 10 of each kind per step); the job summary counts them by rule, and the log has them all');
    expect(summaries).toHaveLength(1);
  });
  it('writes no notice when everything was annotated, and no step summary without findings or the variable', () => {
    const few = archive().slice(0, 2);
    expect(report('normal', 'github', few).out).toHaveLength(2);
    expect(report('normal', 'github', [], true).summaries).toEqual([]);
  });
  it('step summary: a table by rule and the first three of each, with source lists shortened and cells escaped', () => {
    const found = [...archive(), diagnostic('warning', 'x.md', 'read:markdown', 'raw-html', 'removed "<b>a|b</b>"\nsecond line')];
    const md = formatStepSummary(found, 'syndicate build');
    expect(md).toMatch(/^### syndicate build\n\n1 errors, 3,386 warnings\n/);
    expect(md).toContain('| 3,000 | warning | `jsonld/article-image` | NewsArticle has no "image"; Google recommends crawlable images |');
    expect(md).toContain('| removed "<b>a\\|b</b>" second line |');
    expect(md.split('\n').filter((l) => l.includes('[validate:jsonld/article-image]'))).toHaveLength(3);
    expect(md).toContain('(from input/articles/a0001.txt and 49 more)');
    expect(md.length).toBeLessThan(10_000);
  });
});

describe('helpers', () => {
  it('shortenOrigin keeps one or two files and counts the rest', () => {
    expect(shortenOrigin('a.txt')).toBe('a.txt');
    expect(shortenOrigin('a.txt, b.txt')).toBe('a.txt, b.txt');
    expect(shortenOrigin('a.txt, b.txt, c.txt')).toBe('a.txt and 2 more');
  });
  it('countByRule puts errors first, then the most frequent', () => {
    expect(countByRule(archive()).map((c) => `${c.count} ${c.rule}`)).toEqual(['1 read:wire/impossible-date', '3000 jsonld/article-image', '385 atom/duplicate-updated']);
  });
});
