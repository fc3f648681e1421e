import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toRuleTable } from '../../../src/validate/report.ts';
import { JSON_FEED_RULES } from '../../../src/validate/rules/jsonfeed.ts';
import { checkJsonFeed } from '../../../src/validate/standard/jsonfeed.ts';

/** Hand-written JSON Feeds, 1.0 and 1.1 (tests/fixtures/others/json/jsonfeed, see its README). */
const DIR = path.resolve(import.meta.dirname, '../../fixtures/others/json/jsonfeed');
const rules = toRuleTable(JSON_FEED_RULES);

function read(folder: string, name: string): unknown {
  return JSON.parse(readFileSync(path.join(DIR, folder, name), 'utf8'));
}

describe('hand-written JSON Feeds', () => {
  const valid = readdirSync(path.join(DIR, 'valid')).filter((n) => n.endsWith('.json'));
  const invalid = readdirSync(path.join(DIR, 'invalid')).filter((n) => n.endsWith('.json'));

  it.each(valid)('%s draws no finding', (name) => {
    // The file name ends with the version: "-1.0.json" for https://jsonfeed.org/version/1, "-1.1.json".
    const version = name.endsWith('-1.0.json') ? '1' : '1.1';
    expect(checkJsonFeed(read('valid', name))).toEqual({ version, findings: [] });
  });

  it.each(invalid)('%s draws the rule its name starts with, as an error', (name) => {
    const rule = name.slice(0, name.indexOf('--'));
    expect(rules.get(rule)?.severity).toBe('error');
    expect(checkJsonFeed(read('invalid', name)).findings.map((f) => f.rule)).toContain(rule);
  });
});
