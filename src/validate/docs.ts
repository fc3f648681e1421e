/** The rules reference (`docs/rules.md`), generated from the registry so that it cannot drift from the code. */
import { RULE_FAMILIES, type RuleFamily } from './registry.ts';

const LAYERS = { standard: 'standard', house: 'house' } as const;

/** `docs/rules.md`: one table per family: rule id, layer, severity (and the stricter one syndicate applies to its own output), what it checks, and its reference. */
export function formatRulesDoc(families: readonly RuleFamily[] = RULE_FAMILIES): string {
  const lines = [
    '# Validation rules',
    '',
    '<!-- Generated from src/validate/registry.ts by tests/rules-doc.test.ts (`npx vitest run tests/rules-doc.test.ts -u` rewrites it). Do not edit by hand. -->',
    '',
    'Every finding of `syndicate validate` and of the build names one of these rules as `[validate:<format>/<rule id>]`.',
    'The **standard** layer is what a specification requires of anyone\'s file, at the severity its reference tool',
    'gives it (a W3C Feed Validation Service warning is a warning); `syndicate validate` applies it. The **house**',
    'layer is what syndicate promises of its own output on top; `build` and `syndicate validate --profile syndicate`',
    'apply both, and under that profile a rule marked "error (house)" is an error.',
    '',
  ];
  for (const family of families) {
    lines.push(`## ${family.name}`, '', '| rule id | layer | severity | checks | reference |', '| --- | --- | --- | --- | --- |');
    for (const rule of family.rules) {
      const severity = rule.houseSeverity !== undefined && rule.houseSeverity !== rule.severity ? `${rule.severity}; ${rule.houseSeverity} (house)` : rule.severity;
      const reference = [rule.w3c?.length ? `W3C ${rule.w3c.join(', ')}` : '', rule.reference ?? ''].filter(Boolean).join('; ');
      lines.push(`| \`${rule.id}\` | ${LAYERS[rule.layer]} | ${severity} | ${cell(rule.summary)} | ${cell(reference)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
