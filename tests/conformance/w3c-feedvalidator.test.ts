/**
 * Agreement with the W3C Feed Validation Service on its own test suite (`../shared/testsuites/
 * w3c-feedvalidator`: 1,120 RSS 2.0 and Atom cases with the W3C's verdicts). Three figures, overall and
 * per top folder: valid files (no W3C error) we accept; broken files (an expected Error class) we reject;
 * and of those, how many get an error from us within one line of the W3C's. Measured as the issue names
 * it: `syndicate validate --format json` on the test cases folder, no site.json (the CLI run in process,
 * once over the whole folder, which also shows what it costs).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { toRuleTable } from '../../src/validate/report.ts';
import { FEED_RULES } from '../../src/validate/rules/feeds.ts';

const SUITE = path.join(process.env.SYNDICATE_TESTSUITES ?? path.resolve(import.meta.dirname, '../../../shared/testsuites'), 'w3c-feedvalidator');
const haveSuite = existsSync(path.join(SUITE, 'expectations.json'));

if (!haveSuite) {
  console.warn(
    `\n*** W3C FEED VALIDATOR TEST SUITE ABSENT: ${SUITE} not found. Agreement with the W3C Feed Validation Service is ` +
      `NOT MEASURED; these tests are SKIPPED, not passed. Set SYNDICATE_TESTSUITES to the folder holding w3c-feedvalidator/. ***\n`,
  );
}

/** One case of expectations.json. */
interface Case {
  file: string;
  description: string;
  expect: string;
  expectKind: string;
  w3c: { class: string; level: string; line: number | null; element: string | null }[];
}

/** The floors this validator must keep (a regression fails CI). */
const FLOORS = { valid: 0.98, broken: 0.95, located: 0.85 };

const rules = toRuleTable(FEED_RULES);

/** `syndicate validate --format json testcases` from the suite's folder: every file's diagnostics, by path, and the time it took. */
async function validateSuite(): Promise<{ byFile: Map<string, Diagnostic[]>; seconds: number; files: number; crash?: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const started = performance.now();
  const code = await main(['validate', '--format', 'json', 'testcases'], { cwd: SUITE, env: {}, clock: () => new Date(), stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  const seconds = (performance.now() - started) / 1000;
  const byFile = new Map<string, Diagnostic[]>();
  if (stdout.length !== 1) return { byFile, seconds, files: 0, crash: `exit ${code}, ${stdout.length} stdout lines: ${stderr.join('\n')}` };
  const report = JSON.parse(stdout[0] as string) as { diagnostics: Diagnostic[]; summary: { files: number } };
  for (const d of report.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  return { byFile, seconds, files: report.summary.files };
}

/** What we said about one case. */
interface Outcome {
  case: Case;
  folder: string;
  valid: boolean;
  broken: boolean;
  errors: { rule: string; line: number | undefined; message: string }[];
  crashed?: string;
  accepted?: boolean;
  rejected?: boolean;
  located?: boolean;
  /** An error within a line of the W3C's, from a rule that reports the W3C's class (informational). */
  sameClass?: boolean;
}

function run(byFile: Map<string, Diagnostic[]>): Outcome[] {
  const cases = JSON.parse(readFileSync(path.join(SUITE, 'expectations.json'), 'utf8')) as Case[];
  return cases.map((c) => {
    const folder = c.file.split('/')[1] as string;
    const valid = !c.w3c.some((w) => w.level === 'Error');
    const broken = c.expectKind === 'Error' && !c.expect.startsWith('not ');
    const outcome: Outcome = { case: c, folder, valid, broken, errors: [] };
    const found = byFile.get(c.file) ?? [];
    const failed = found.find((d) => d.ruleId === 'validator-failed');
    if (failed !== undefined) outcome.crashed = failed.message;
    outcome.errors = found.filter((d) => d.severity === 'error').map((d) => ({ rule: d.ruleId, line: d.line, message: d.message }));
    if (valid) outcome.accepted = outcome.errors.length === 0;
    if (broken) {
      outcome.rejected = outcome.errors.length > 0;
      const expected = c.w3c.filter((w) => w.class === c.expect && w.line !== null);
      const lines = (expected.length > 0 ? expected : c.w3c.filter((w) => w.level === 'Error' && w.line !== null)).map((w) => w.line as number);
      outcome.located = outcome.errors.some((e) => e.line !== undefined && lines.some((l) => Math.abs(l - (e.line as number)) <= 1));
      const reported = expected.length > 0 ? expected : c.w3c.filter((w) => w.level === 'Error' && w.line !== null);
      outcome.sameClass = outcome.errors.some((e) => reported.some((w) => (rules.get(e.rule)?.w3c ?? []).includes(w.class) && e.line !== undefined && Math.abs((w.line as number) - e.line) <= 1));
    }
    return outcome;
  });
}

interface Figures {
  valid: number;
  accepted: number;
  broken: number;
  rejected: number;
  located: number;
  sameClass: number;
}

function figures(outcomes: Outcome[]): Figures {
  return {
    valid: outcomes.filter((o) => o.valid).length,
    accepted: outcomes.filter((o) => o.accepted === true).length,
    broken: outcomes.filter((o) => o.broken).length,
    rejected: outcomes.filter((o) => o.rejected === true).length,
    located: outcomes.filter((o) => o.located === true).length,
    sameClass: outcomes.filter((o) => o.sameClass === true).length,
  };
}

const percent = (n: number, of: number) => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1)}%`);

describe.skipIf(!haveSuite)('agreement with the W3C Feed Validation Service on its test suite', async () => {
  const suite = haveSuite ? await validateSuite() : { byFile: new Map<string, Diagnostic[]>(), seconds: 0, files: 0 };
  const outcomes = haveSuite ? run(suite.byFile) : [];
  const all = figures(outcomes);

  it('prints the figures overall and per folder, and the cases it gets wrong', () => {
    const rows = [['all', all] as const, ...['atom', 'rss20'].map((folder) => [folder, figures(outcomes.filter((o) => o.folder === folder))] as const)];
    const table = rows.map(
      ([name, f]) =>
        `${name.padEnd(6)} valid accepted ${String(f.accepted).padStart(4)}/${String(f.valid).padEnd(4)} ${percent(f.accepted, f.valid).padStart(6)}   ` +
        `broken rejected ${String(f.rejected).padStart(4)}/${String(f.broken).padEnd(4)} ${percent(f.rejected, f.broken).padStart(6)}   ` +
        `located ±1 line ${String(f.located).padStart(4)}/${String(f.broken).padEnd(4)} ${percent(f.located, f.broken).padStart(6)}   ` +
        `(same W3C class ${String(f.sameClass).padStart(4)}/${String(f.broken).padEnd(4)} ${percent(f.sameClass, f.broken).padStart(6)})`,
    );
    const wrong = (label: string, list: Outcome[], detail: (o: Outcome) => string) =>
      list.length === 0 ? [] : [`${label} (${list.length}, first 20):`, ...list.slice(0, 20).map((o) => `  ${o.case.file.replace(/^testcases\//, '')}: ${detail(o)}`)];
    const w3cLines = (o: Outcome) => o.case.w3c.filter((w) => w.level === 'Error').map((w) => `${w.class}@${w.line}`).join(', ');
    const ours = (o: Outcome) => o.errors.map((e) => `${e.rule}@${e.line}`).join(', ') || 'none';
    console.log(
      [
        `W3C Feed Validation Service test suite: our verdicts against the W3C’s (syndicate validate --format json on ${suite.files} files: ${suite.seconds.toFixed(2)} s)`,
        ...table,
        ...wrong('valid files we reject', outcomes.filter((o) => o.accepted === false), (o) => `${o.errors[0]?.rule}@${o.errors[0]?.line}: ${o.errors[0]?.message}`),
        ...wrong('broken files we accept', outcomes.filter((o) => o.rejected === false), (o) => `W3C expects ${o.case.expect} (${o.case.description})`),
        ...wrong('broken files where our errors are elsewhere', outcomes.filter((o) => o.rejected === true && o.located === false), (o) => `W3C ${w3cLines(o)}; ours ${ours(o)}`),
      ].join('\n'),
    );
  });

  it('reads every file without crashing', () => {
    expect(suite.crash).toBeUndefined();
    expect(suite.files).toBe(outcomes.length);
    expect(outcomes.filter((o) => o.crashed !== undefined).map((o) => `${o.case.file}: ${o.crashed}`)).toEqual([]);
  });

  it(`accepts at least ${FLOORS.valid * 100}% of the files the W3C accepts`, () => {
    expect(all.accepted / all.valid).toBeGreaterThanOrEqual(FLOORS.valid);
  });

  it(`rejects at least ${FLOORS.broken * 100}% of the files the W3C rejects`, () => {
    expect(all.rejected / all.broken).toBeGreaterThanOrEqual(FLOORS.broken);
  });

  it(`reports an error within one line of the W3C's on at least ${FLOORS.located * 100}% of them`, () => {
    expect(all.located / all.broken).toBeGreaterThanOrEqual(FLOORS.located);
  });
});
