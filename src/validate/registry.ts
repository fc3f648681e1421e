/**
 * Every validation rule, by family: the one list the docs table is generated from (docs/rules.md) and the
 * tests check (ids unique within a family, every rule documented). A data-only module: loading it costs
 * no parser.
 */
import type { Rule } from './rule.ts';
import { COMMON_RULES } from './rules/common.ts';
import { CONSISTENCY_RULES } from './rules/consistency.ts';
import { FILE_RULES } from './rules/files.ts';
import { FEED_RULES_W3C_CLEAN, HOUSE_FEED_RULES } from './rules/house-feeds.ts';
import { HOUSE_HTML_RULES } from './rules/house-html.ts';
import { HOUSE_JSONFEED_RULES, HOUSE_JSONLD_RULES, HOUSE_NINJS_RULES } from './rules/house-json.ts';
import { HOUSE_NEWSML_RULES, NEWSML_RULES_HOUSE } from './rules/house-newsml.ts';
import { HOUSE_SITEMAP_RULES } from './rules/house-sitemap.ts';
import { JSON_FEED_RULES } from './rules/jsonfeed.ts';
import { JSONLD_RULES } from './rules/jsonld.ts';
import { NINJS_RULES } from './rules/ninjs.ts';
import { RECORD_RULES } from './rules/records.ts';
import { SITEMAP_RULES } from './rules/sitemap.ts';

/** A family of rules: the checks of one format (or layer of one), named as diagnostics name their stage. */
export interface RuleFamily {
  /** A short name for the docs: `RSS and Atom`, `JSON-LD (house)`. */
  name: string;
  /** The stages its findings are reported under (`validate:rss`, …). */
  sources: readonly string[];
  rules: readonly Rule[];
}

/** Every family, each format's standard layer before its house layer. */
export const RULE_FAMILIES: readonly RuleFamily[] = [
  { name: 'Every file', sources: ['validate', 'validate:official'], rules: FILE_RULES },
  { name: 'Every JSON format', sources: ['validate:jsonfeed', 'validate:jsonld', 'validate:ninjs', 'validate:state', 'validate:partners', 'validate:html'], rules: COMMON_RULES },
  { name: 'RSS and Atom', sources: ['validate:rss', 'validate:rss1', 'validate:atom'], rules: FEED_RULES_W3C_CLEAN },
  { name: 'RSS and Atom (house)', sources: ['validate:rss', 'validate:atom'], rules: HOUSE_FEED_RULES },
  { name: 'JSON Feed', sources: ['validate:jsonfeed'], rules: JSON_FEED_RULES },
  { name: 'JSON Feed (house)', sources: ['validate:jsonfeed'], rules: HOUSE_JSONFEED_RULES },
  { name: 'schema.org JSON-LD', sources: ['validate:jsonld', 'validate:html'], rules: JSONLD_RULES },
  { name: 'JSON-LD (house)', sources: ['validate:jsonld'], rules: HOUSE_JSONLD_RULES },
  { name: 'HTML pages (house)', sources: ['validate:html'], rules: HOUSE_HTML_RULES },
  { name: 'NewsML-G2', sources: ['validate:newsml'], rules: NEWSML_RULES_HOUSE },
  { name: 'NewsML-G2 (house)', sources: ['validate:newsml'], rules: HOUSE_NEWSML_RULES },
  { name: 'ninjs', sources: ['validate:ninjs'], rules: NINJS_RULES },
  { name: 'ninjs (house)', sources: ['validate:ninjs'], rules: HOUSE_NINJS_RULES },
  { name: 'Sitemaps and Google News sitemaps', sources: ['validate:sitemap'], rules: SITEMAP_RULES },
  { name: 'Sitemaps (house)', sources: ['validate:sitemap'], rules: HOUSE_SITEMAP_RULES },
  { name: 'Across formats (house)', sources: ['validate:consistency'], rules: CONSISTENCY_RULES },
  { name: 'Versions state and partners\' index', sources: ['validate:state', 'validate:partners'], rules: RECORD_RULES },
];
