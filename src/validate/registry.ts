/**
 * Every validation rule, by family: the one list the docs table is generated from (docs/rules.md) and the
 * tests check (ids unique within a family, every rule documented). A data-only module: loading it costs
 * no parser.
 */
import type { Rule } from './rule.ts';
import { COMMON_RULES } from './rules/common.ts';
import { HOUSE_HTML_RULES } from './rules/house-html.ts';
import { HOUSE_JSONFEED_RULES, HOUSE_JSONLD_RULES, HOUSE_NINJS_RULES } from './rules/house-json.ts';

/** A family of rules: the checks of one format (or layer of one), named as diagnostics name their stage. */
export interface RuleFamily {
  /** A short name for the docs: `RSS and Atom`, `JSON-LD (house)`. */
  name: string;
  rules: readonly Rule[];
}

/** Every family, standard layers first. */
export const RULE_FAMILIES: readonly RuleFamily[] = [
  { name: 'Every JSON format', rules: COMMON_RULES },
  { name: 'JSON-LD (house)', rules: HOUSE_JSONLD_RULES },
  { name: 'ninjs (house)', rules: HOUSE_NINJS_RULES },
  { name: 'JSON Feed (house)', rules: HOUSE_JSONFEED_RULES },
  { name: 'HTML pages (house)', rules: HOUSE_HTML_RULES },
];
