/**
 * One file checked by its format's layers: the standard layer always, the house layer under the
 * `syndicate` profile (the build, `validate --profile syndicate`). The build's validation and
 * `syndicate validate` both come here, so one registry of rules speaks for both. One parse per file;
 * positions are computed only for files with findings.
 */
import type { SiteConfig } from '../config.ts';
import type { Diagnostic, Severity } from '../diagnostics.ts';
import { atomFacts, jsonFeedFacts, jsonLdFactsOf, newsmlFacts, ninjsFacts, rssFacts, sitemapFacts, type ArticleFacts } from './facts.ts';
import { checkFeedHouse } from './house/feeds.ts';
import { checkJsonFeedHouse } from './house/jsonfeed.ts';
import { checkJsonLdHouse, findUnsafeForHtml } from './house/jsonld.ts';
import { checkNewsmlHouse } from './house/newsml.ts';
import { checkNinjsHouse } from './house/ninjs.ts';
import { checkPage, type PageKind, type PageReference } from './house/pages.ts';
import { checkSitemapHouse } from './house/sitemap.ts';
import { toJsonSyntaxError, toLineColumn, toLineStarts } from './json/positions.ts';
import { toDiagnostics, toRuleTable, type ReportContext, type RuleTable } from './report.ts';
import type { Finding, Profile, ValidatedFormat } from './rule.ts';
import { COMMON_RULES } from './rules/common.ts';
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
import { checkFeed } from './standard/feeds/index.ts';
import { checkJsonFeed } from './standard/jsonfeed.ts';
import { checkJsonLd, type Vocabulary } from './standard/jsonld/index.ts';
import { checkNewsml } from './standard/newsml/index.ts';
import { checkNinjs } from './standard/ninjs/index.ts';
import { checkSitemap } from './standard/sitemap/index.ts';
import { checkPartnerIndex, checkState } from './records.ts';

export type { PageKind, PageReference } from './house/pages.ts';

/** What a check may know besides the file's text. */
export interface CheckContext {
  profile: Profile;
  /** The publication, when known: the house rules that compare a file with it (self links, feed_url, language) need it. */
  site?: SiteConfig | undefined;
  /** The file's path as served (feed self links are compared with the publication's URL of it). */
  publicPath: string;
  /** The source articles of an output, for `(from …)`. */
  origin?: string | undefined;
  /** For an article's head snippet or page in the build: its JSON-LD, already validated, which the block must equal. */
  reference?: PageReference | undefined;
  /** The official schema.org vocabulary (`--schemas`), instead of the one derived from schema-dts. */
  vocabulary?: Vocabulary | undefined;
}

/** What checking one file found (named as given), and what it states about its articles. */
export interface FileCheck {
  diagnostics: Diagnostic[];
  facts: ArticleFacts[];
  /** For HTML: how many JSON-LD blocks it holds. */
  jsonLdBlocks?: number;
}

/** The kinds of file a check knows: the formats, and syndicate's three HTML outputs by kind. */
export type CheckKind = Exclude<ValidatedFormat, 'html'> | PageKind | 'html';

/** A JSON format: its rules, the standard and house checks of its parsed value, the facts it states. */
interface JsonFormat {
  format: ValidatedFormat;
  rules: RuleTable;
  standard: (value: unknown, context: CheckContext) => Finding[];
  house?: (value: unknown, context: CheckContext) => Finding[];
  /** Checks of the raw text (house), which also run when it is not JSON. */
  raw?: (text: string) => Finding[];
  facts?: (value: unknown) => ArticleFacts[];
}

const JSON_FORMATS: Partial<Record<CheckKind, JsonFormat>> = {
  jsonld: {
    format: 'jsonld',
    rules: toRuleTable(COMMON_RULES, JSONLD_RULES, HOUSE_JSONLD_RULES),
    standard: (value, context) => checkJsonLd(value, context.vocabulary),
    house: (value) => checkJsonLdHouse(value),
    raw: findUnsafeForHtml,
    facts: jsonLdFactsOf,
  },
  ninjs: { format: 'ninjs', rules: toRuleTable(COMMON_RULES, NINJS_RULES, HOUSE_NINJS_RULES), standard: (value) => checkNinjs(value).findings, house: checkNinjsHouse, facts: ninjsFacts },
  jsonfeed: {
    format: 'jsonfeed',
    rules: toRuleTable(COMMON_RULES, JSON_FEED_RULES, HOUSE_JSONFEED_RULES),
    standard: (value) => checkJsonFeed(value).findings,
    house: (value, context) => checkJsonFeedHouse(value, context.site, context.publicPath),
    facts: jsonFeedFacts,
  },
  state: { format: 'state', rules: toRuleTable(COMMON_RULES, RECORD_RULES), standard: checkState },
  partners: { format: 'partners', rules: toRuleTable(COMMON_RULES, RECORD_RULES), standard: checkPartnerIndex },
};

const HTML_RULES = toRuleTable(COMMON_RULES, JSONLD_RULES, HOUSE_HTML_RULES);
const SITEMAP_TABLE = toRuleTable(SITEMAP_RULES, HOUSE_SITEMAP_RULES);
const FEED_TABLE = toRuleTable(FEED_RULES_W3C_CLEAN, HOUSE_FEED_RULES);
const NEWSML_TABLE = toRuleTable(NEWSML_RULES_HOUSE, HOUSE_NEWSML_RULES);

/** Checks one file of kind `kind`, naming it `name` in diagnostics. */
export function checkFile(kind: CheckKind, text: string, name: string, context: CheckContext): FileCheck {
  const base = { file: name, text, profile: context.profile, origin: context.origin };
  const json = JSON_FORMATS[kind];
  if (json !== undefined) return checkJson(json, text, context, { ...base, rules: json.rules, format: json.format });
  switch (kind) {
    case 'head':
    case 'page':
    case 'index':
    case 'html':
      return checkHtml(kind, text, name, context);
    case 'rss':
    case 'rss1':
    case 'atom':
      return checkXmlFeed(kind, text, context, base);
    case 'newsml':
      return checkNewsmlFile(text, context, base);
    case 'sitemap': {
      const checked = checkSitemap(text);
      const findings: Finding[] = [...checked.findings];
      if (context.profile === 'syndicate' && checked.document !== undefined) findings.push(...beyondStandard(checked.findings, checkSitemapHouse(checked.document, context.site), SITEMAP_TABLE));
      return { diagnostics: toDiagnostics(findings, { ...base, rules: SITEMAP_TABLE, format: 'sitemap' }), facts: checked.document === undefined ? [] : sitemapFacts(checked.document) };
    }
    default:
      throw new Error(`no check for ${kind} here`);
  }
}

/**
 * An RSS or Atom feed: the standard layer as the W3C Feed Validation Service reads it (RSS 0.9x/1.0/2.0,
 * Atom 1.0, Atom 0.3 obsolete), then under the syndicate profile the house rules, with the standard's
 * warnings made errors (syndicate's feeds are W3C-clean). The document element decides what the feed is;
 * the kind asked for names the findings of a document too broken to have one.
 */
function checkXmlFeed(kind: 'rss' | 'rss1' | 'atom', text: string, context: CheckContext, base: Omit<ReportContext, 'rules' | 'format'>): FileCheck {
  const checked = checkFeed(text);
  const findings: Finding[] = [...checked.findings];
  const document = checked.document;
  if (context.profile === 'syndicate' && document !== undefined) findings.push(...beyondStandard(checked.findings, checkFeedHouse(document, context.publicPath, context.site), FEED_TABLE));
  const format: ValidatedFormat = checked.kind ?? kind;
  const facts = document === undefined ? [] : checked.kind === 'rss' ? rssFacts(document) : checked.kind === 'atom' ? atomFacts(document) : [];
  return { diagnostics: toDiagnostics(findings, { ...base, rules: FEED_TABLE, format }), facts };
}

/**
 * A NewsML-G2 document: the standard layer as IPTC's All-Power schema and the specification read it, then
 * under the syndicate profile the house rules, with the guidelines' warnings our messages never carry made
 * errors (rules/house-newsml.ts). Facts are read only when the publication is known (a text item without
 * creator is credited to it).
 */
function checkNewsmlFile(text: string, context: CheckContext, base: Omit<ReportContext, 'rules' | 'format'>): FileCheck {
  const checked = checkNewsml(text);
  const findings: Finding[] = [...checked.findings];
  const document = checked.document;
  if (context.profile === 'syndicate' && document !== undefined) findings.push(...beyondStandard(checked.findings, checkNewsmlHouse(document), NEWSML_TABLE));
  const facts = document === undefined || context.site === undefined ? [] : newsmlFacts(document, context.site);
  return { diagnostics: toDiagnostics(findings, { ...base, rules: NEWSML_TABLE, format: 'newsml' }), facts };
}

function checkJson(format: JsonFormat, text: string, context: CheckContext, report: ReportContext): FileCheck {
  const findings: Finding[] = context.profile === 'syndicate' ? (format.raw?.(text) ?? []) : [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const error = toJsonSyntaxError(text);
    findings.push({ rule: 'invalid-json', message: `${error.message}; fix the syntax there (a missing comma or quote, or a trailing comma, is the usual cause)`, at: { line: error.line, column: error.column } });
    return { diagnostics: toDiagnostics(findings, report), facts: [] };
  }
  try {
    const standard = format.standard(value, context);
    findings.push(...standard);
    if (context.profile === 'syndicate' && format.house !== undefined) findings.push(...beyondStandard(standard, format.house(value, context), format.rules));
  } catch (error) {
    // Only pathological input gets here (nesting deep enough to exhaust the stack); a check never throws.
    findings.push({ rule: 'invalid-json', message: `could not be checked (${(error as Error).message}); simplify the document` });
  }
  return { diagnostics: toJsonDiagnostics(findings, report), facts: format.facts?.(value) ?? [] };
}

/**
 * The diagnostics of a parsed JSON text's findings. A text nested deeper than jsonc-parser's recursion can
 * follow (tens of thousands of levels, which JSON.parse accepts) cannot be positioned: its findings are then
 * reported without a line rather than the check throwing.
 */
function toJsonDiagnostics(findings: readonly Finding[], report: ReportContext): Diagnostic[] {
  try {
    return toDiagnostics(findings, report);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return toDiagnostics(findings.map((f) => (f.at !== undefined && 'path' in f.at ? { rule: f.rule, message: f.message } : f)), report);
  }
}

/**
 * The house findings that add to the standard ones. A value (a JSON path, an XML element) the standard layer
 * has reported is not reported again by the house layer: one finding, in the standard's words (made an error
 * under this profile by the rule's houseSeverity where syndicate promises more). Unless the house finding is
 * an error where the standard only warned: a relative image URL in article.jsonld is Google's warning
 * (`article-image`) but breaks syndicate's promise (`relative-url`), and dropping the error would let the
 * build pass the file.
 */
function beyondStandard(standard: readonly Finding[], house: readonly Finding[], rules: RuleTable): Finding[] {
  const said = new Map<string, Severity>();
  for (const finding of standard) {
    const place = placeOf(finding);
    if (place !== undefined && said.get(place) !== 'error') said.set(place, houseSeverityOf(finding, rules));
  }
  return house.filter((finding) => {
    const place = placeOf(finding);
    const there = place === undefined ? undefined : said.get(place);
    return there === undefined || (there === 'warning' && houseSeverityOf(finding, rules) === 'error');
  });
}

/** Where a finding is, as a key: its JSON path, or the line and column of the XML element it is about. */
function placeOf(finding: Finding): string | undefined {
  const at = finding.at;
  if (at === undefined || 'offset' in at) return undefined;
  return 'path' in at ? JSON.stringify(at.path) : `${at.line}:${at.column ?? ''}`;
}

/** A finding's severity under the syndicate profile, the only one that runs the house layer. */
function houseSeverityOf(finding: Finding, rules: RuleTable): Severity {
  const rule = rules.get(finding.rule);
  return rule?.houseSeverity ?? rule?.severity ?? 'error';
}

/**
 * An HTML file: the standard layer checks each JSON-LD block as JSON-LD, positioned in the page; the house
 * layer checks syndicate's page promises. In the build a head snippet or page is given its article's
 * JSON-LD as `reference`: its block is that file byte for byte, already checked, and is not checked again.
 */
function checkHtml(kind: PageKind | 'html', text: string, name: string, context: CheckContext): FileCheck {
  const pageKind: PageKind = kind === 'html' ? toPageKind(context.publicPath, text) : kind;
  const page = checkPage(text, pageKind, context.reference);
  const diagnostics: Diagnostic[] = [];
  if (context.reference === undefined) {
    const lineStarts = toLineStarts(text);
    for (const block of page.jsonLd) {
      let value: unknown;
      const base = toLineColumn(lineStarts, block.offset);
      const report = { file: name, text: block.text, profile: context.profile, origin: context.origin, rules: HTML_RULES, format: 'html' as const, base };
      try {
        value = JSON.parse(block.text);
      } catch {
        // The house rule jsonld-unparseable says so under the syndicate profile; the standard layer says it here.
        if (context.profile === 'standard') {
          const error = toJsonSyntaxError(block.text);
          diagnostics.push(...toDiagnostics([{ rule: 'invalid-json', message: `the JSON-LD block is ${error.message}`, at: { line: error.line, column: error.column } }], report));
        }
        continue;
      }
      diagnostics.push(...toJsonDiagnostics(checkJsonLd(value, context.vocabulary), report));
    }
  }
  if (context.profile === 'syndicate') diagnostics.push(...toDiagnostics(page.findings, { file: name, text, profile: context.profile, origin: context.origin, rules: HTML_RULES, format: 'html' }));
  return { diagnostics, facts: page.facts, jsonLdBlocks: page.jsonLd.length };
}

/** Which of syndicate's pages an HTML file is, by its path (`index.html`, `articles/<id>/head.html`) and shape. */
function toPageKind(publicPath: string, text: string): PageKind {
  if (publicPath === 'index.html') return 'index';
  if (publicPath.endsWith('head.html') || !/<html[\s>]/i.test(text)) return 'head';
  return 'page';
}
