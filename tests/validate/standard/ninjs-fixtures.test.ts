import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toRuleTable } from '../../../src/validate/report.ts';
import { NINJS_RULES } from '../../../src/validate/rules/ninjs.ts';
import { checkNinjs, toNinjsVersion } from '../../../src/validate/standard/ninjs/index.ts';

/** Hand-written ninjs documents of every major version (tests/fixtures/others/json/ninjs, see its README). */
const DIR = path.resolve(import.meta.dirname, '../../fixtures/others/json/ninjs');
const rules = toRuleTable(NINJS_RULES);

function read(folder: string, name: string): unknown {
  return JSON.parse(readFileSync(path.join(DIR, folder, name), 'utf8'));
}

describe('hand-written ninjs documents', () => {
  const valid = readdirSync(path.join(DIR, 'valid')).filter((n) => n.endsWith('.json'));
  const invalid = readdirSync(path.join(DIR, 'invalid')).filter((n) => n.endsWith('.json'));

  it('cover the three major versions and most rules', () => {
    expect(new Set(valid.map((n) => n.charAt(0)))).toEqual(new Set(['1', '2', '3']));
    expect(invalid.length).toBeGreaterThanOrEqual(8);
  });

  it.each(valid)('%s reads as the version its name starts with and draws no finding', (name) => {
    const value = read('valid', name);
    const version = name.slice(0, name.indexOf('-'));
    expect(toNinjsVersion(value)).toBe(version);
    expect(checkNinjs(value)).toEqual({ version, findings: [] });
  });

  it.each(invalid)('%s draws the rule its name starts with, as an error', (name) => {
    const rule = name.slice(0, name.indexOf('--'));
    expect(rules.get(rule)?.severity).toBe('error');
    const findings = checkNinjs(read('invalid', name)).findings;
    expect(findings.map((f) => f.rule)).toContain(rule);
  });
});
