/**
 * The standard layer for schema.org JSON-LD, alone (`.jsonld`) or one block of an HTML page: the
 * vocabulary checks of the Schema Markup Validator for any type, and Google's Article rules for the
 * Article family. Checks run on the value `JSON.parse` gave and report JSON paths.
 */
import type { Finding } from '../../rule.ts';
import type { JsonLdRuleId } from '../../rules/jsonld.ts';
import { checkArticles } from './article.ts';
import { readJsonLd } from './document.ts';
import { checkSchemaTerms } from './schema.ts';
import { loadBuiltinVocabulary } from './vocabulary/builtin.ts';
import { indexOf, type Vocabulary } from './vocabulary/vocabulary.ts';

export type { PropertyTerm, Vocabulary } from './vocabulary/vocabulary.ts';
export { loadBuiltinVocabulary } from './vocabulary/builtin.ts';
export { toVocabulary } from './vocabulary/official.ts';

const ARTICLE_VALUE_ERRORS: ReadonlySet<string> = new Set<JsonLdRuleId>(['article-date-invalid', 'article-author-type', 'article-image-url']);

/**
 * Checks one JSON-LD value (a node, an array of nodes, or a @graph document) against `vocabulary`
 * (by default the one derived from schema-dts). Findings carry JSON paths; nothing is thrown.
 */
export function checkJsonLd(value: unknown, vocabulary: Vocabulary = loadBuiltinVocabulary()): Finding<JsonLdRuleId>[] {
  const findings: Finding<JsonLdRuleId>[] = [];
  try {
    const document = readJsonLd(value, (finding) => findings.push(finding));
    const index = indexOf(vocabulary);
    const articles = checkArticles(document, index);
    // A value Google rejects for an Article (a date, an author, an image) is one error: the vocabulary's
    // warning on the same value would only repeat it.
    const invalid = new Set(articles.filter((f) => ARTICLE_VALUE_ERRORS.has(f.rule)).map((f) => pathKey(f)));
    for (const finding of checkSchemaTerms(document, index)) if (finding.rule !== 'value-type' || !invalid.has(pathKey(finding))) findings.push(finding);
    findings.push(...articles);
  } catch (error) {
    // Defensive: a check must never throw on a user's file. A failure here is our bug; say so as a finding.
    findings.push({ rule: 'not-json-ld', message: `the JSON-LD could not be checked (${error instanceof Error ? error.message : String(error)}); please report this as a syndicate bug` });
  }
  return findings;
}

function pathKey(finding: Finding): string {
  return finding.at !== undefined && 'path' in finding.at ? JSON.stringify(finding.at.path) : '';
}
