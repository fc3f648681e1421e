/**
 * Validation of the build's outputs: every file checked by both layers (the standard its format follows,
 * then what syndicate promises of it), with the facts it states about its articles returned beside the
 * findings for the consistency check. One parse per file.
 */
import type { SiteConfig } from '../config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { OutputFile } from '../model/output.ts';
import { atomFacts, jsonFeedFacts, jsonLdFactsOf, newsmlFacts, ninjsFacts, rssFacts, type ArticleFacts } from './facts.ts';
import { checkJsonFeedHouse } from './house/jsonfeed.ts';
import { checkJsonLdHouse, findUnsafeForHtml } from './house/jsonld.ts';
import { checkNinjsHouse } from './house/ninjs.ts';
import { checkPage, type PageReference } from './house/pages.ts';
import { toJsonSyntaxError } from './json/positions.ts';
import { legacyValidators } from './legacy.ts';
import { readXml } from './xml/tree.ts';
import { toDiagnostics, toRuleTable, type RuleTable } from './report.ts';
import type { Finding, ValidatedFormat } from './rule.ts';
import { COMMON_RULES } from './rules/common.ts';
import { HOUSE_HTML_RULES } from './rules/house-html.ts';
import { HOUSE_JSONFEED_RULES, HOUSE_JSONLD_RULES, HOUSE_NINJS_RULES } from './rules/house-json.ts';

export type { PageReference } from './house/pages.ts';

/** What validating one output found, and what it states about its articles. */
export interface OutputCheck {
  /** Named by the file's path inside its output folder (the build names the folder). */
  diagnostics: Diagnostic[];
  facts: ArticleFacts[];
}

/** A check of one JSON format: its rules, and the findings on the parsed value. */
interface JsonCheck {
  format: ValidatedFormat;
  rules: RuleTable;
  check: (value: unknown, text: string, site: SiteConfig) => Finding[];
  /** Checks of the raw text, which also run when it is not JSON. */
  raw?: (text: string) => Finding[];
  facts: (value: unknown) => ArticleFacts[];
}

const JSON_CHECKS: Partial<Record<OutputFile['format'], JsonCheck>> = {
  jsonld: { format: 'jsonld', rules: toRuleTable(COMMON_RULES, HOUSE_JSONLD_RULES), check: (value) => checkJsonLdHouse(value), raw: findUnsafeForHtml, facts: jsonLdFactsOf },
  ninjs: { format: 'ninjs', rules: toRuleTable(COMMON_RULES, HOUSE_NINJS_RULES), check: (value) => checkNinjsHouse(value), facts: ninjsFacts },
  jsonfeed: { format: 'jsonfeed', rules: toRuleTable(COMMON_RULES, HOUSE_JSONFEED_RULES), check: (value, _text, site) => checkJsonFeedHouse(value, site), facts: jsonFeedFacts },
};

const HTML_RULES = toRuleTable(HOUSE_HTML_RULES);

/**
 * Validates one output of the build with both layers. A head snippet or article page is given its
 * article's JSON-LD (`reference`), already validated, which its embedded block must equal.
 */
export function validateOutput(file: OutputFile, site: SiteConfig, reference?: PageReference): OutputCheck {
  const origin = file.sources.join(', ') || undefined;
  const base = { file: file.path, text: file.text, profile: 'syndicate' as const, origin };
  const json = JSON_CHECKS[file.format];
  if (json !== undefined) {
    const context = { ...base, rules: json.rules, format: json.format };
    const findings = json.raw?.(file.text) ?? [];
    let value: unknown;
    try {
      value = JSON.parse(file.text);
    } catch {
      const error = toJsonSyntaxError(file.text);
      findings.push({ rule: 'invalid-json', message: `${error.message}; regenerate the file`, at: { line: error.line, column: error.column } });
      return { diagnostics: toDiagnostics(findings, context), facts: [] };
    }
    try {
      findings.push(...json.check(value, file.text, site));
    } catch (error) {
      // Only pathological input gets here (nesting deep enough to exhaust the stack); a validator never throws.
      findings.push({ rule: 'schema', message: `could not be checked (${(error as Error).message}); regenerate the file` });
    }
    return { diagnostics: toDiagnostics(findings, context), facts: json.facts(value) };
  }
  if (file.format === 'head' || file.format === 'page' || file.format === 'index') {
    const checked = checkPage(file.text, file.format, reference);
    return { diagnostics: toDiagnostics(checked.findings, { ...base, rules: HTML_RULES, format: 'html' }), facts: checked.facts };
  }
  // Formats whose checks have not moved to the two layers yet.
  return { diagnostics: legacyValidators[file.format](file, site), facts: legacyFacts(file, site) };
}

function legacyFacts(file: OutputFile, site: SiteConfig): ArticleFacts[] {
  if (file.format !== 'rss' && file.format !== 'atom' && file.format !== 'newsml') return [];
  const { document } = readXml(file.text);
  if (document === undefined) return [];
  return file.format === 'rss' ? rssFacts(document) : file.format === 'atom' ? atomFacts(document) : newsmlFacts(document, site);
}
