// The rules reference is generated from the registry: a rule added, changed or removed in src/ changes
// docs/rules.md in the same commit, or this test fails (`-u` rewrites the file).
import { describe, expect, it } from 'vitest';
import { formatRulesDoc } from '../src/validate/docs.ts';
import { RULE_FAMILIES } from '../src/validate/registry.ts';

describe('the validation rules registry', () => {
  it('has unique ids within each family, one-line summaries, and house rules only in the house layer', () => {
    for (const family of RULE_FAMILIES) {
      const ids = family.rules.map((r) => r.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), family.name).toEqual([]);
      for (const rule of family.rules) {
        expect(rule.id, family.name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(rule.summary.length, `${family.name} ${rule.id}`).toBeGreaterThan(10);
        expect(rule.summary, `${family.name} ${rule.id}`).not.toContain('\n');
        if (family.name.includes('(house)')) expect(rule.layer, `${family.name} ${rule.id}`).toBe('house');
      }
    }
  });

  it('is what docs/rules.md says', async () => {
    await expect(formatRulesDoc()).toMatchFileSnapshot('../docs/rules.md');
  });
});
