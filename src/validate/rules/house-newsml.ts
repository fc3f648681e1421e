/**
 * What syndicate promises of its NewsML-G2 messages beyond what IPTC's schema and specification require of
 * anyone's (the standard layer, rules/newsml.ts): the message's shape, the version and conformance it
 * declares, IPTC's catalog, what an item carries by pubStatus, and how versions, signals and references
 * agree (standards.md "NewsML-G2 2.35").
 */
import { defineRules, type Rule } from '../rule.ts';
import { newsmlRules, type NewsmlRuleId } from './newsml.ts';

const STANDARDS = 'standards.md NewsML-G2';
const formats = ['newsml'] as const;

/** The house rules of syndicate's NewsML-G2. */
export const HOUSE_NEWSML_RULES = defineRules([
  { id: 'message-shape', layer: 'house', severity: 'error', formats, summary: 'One newsMessage whose itemSet holds the package (packageItem, ninat:composite), then the text newsItem (ninat:text), then a newsItem per picture (ninat:picture)', reference: `${STANDARDS} rules 1, 8, 9` },
  { id: 'standard-version', layer: 'house', severity: 'error', formats, summary: 'Every item declares standardversion="2.35", the version syndicate writes', reference: `${STANDARDS} rule 1` },
  { id: 'conformance-power', layer: 'house', severity: 'error', formats, summary: 'Every item declares conformance="power" (without it an item claims core, which its power elements break)', reference: `${STANDARDS} rule 1` },
  { id: 'item-version', layer: 'house', severity: 'error', formats, summary: 'Every item states its version (@version), never leaving it to the default of 1', reference: `${STANDARDS} rules 1 and 4` },
  { id: 'iptc-catalog', layer: 'house', severity: 'error', formats, summary: "Every item references IPTC's catalog 40 (http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_40.xml), which resolves its IPTC aliases", reference: `${STANDARDS} rule 3` },
  { id: 'undeclared-alias', layer: 'house', severity: 'error', formats, summary: "A QCode alias that IPTC's catalog 40 does not declare (group:) is declared in the item's inline catalog (or the header's, in the header)", reference: `${STANDARDS} rule 3; https://iptc.org/std/NewsML-G2/guidelines/ (QCodes and catalogs)` },
  { id: 'pub-status', layer: 'house', severity: 'error', formats, summary: 'Every item states its pubStatus: stat:usable, or stat:canceled for a withdrawal', reference: `${STANDARDS} rules 5 and 6` },
  { id: 'item-parts', layer: 'house', severity: 'error', formats, summary: 'A usable item carries its content: a packageItem its contentMeta and groupSet, a newsItem its rightsInfo, contentMeta and contentSet', reference: `${STANDARDS} rule 6` },
  { id: 'notice-content', layer: 'house', severity: 'error', formats, summary: 'A withdrawal notice (pubStatus stat:canceled) carries no contentMeta, contentSet or groupSet: no text of the withdrawn story', reference: `${STANDARDS} rule 5; http://cv.iptc.org/newscodes/pubstatusg2/canceled` },
  { id: 'rights-notice', layer: 'house', severity: 'error', formats, summary: 'Every rightsInfo carries a copyrightNotice with text', reference: `${STANDARDS} rule 6` },
  { id: 'itemref-complete', layer: 'house', severity: 'error', formats, summary: 'Every itemRef has @residref, @version and @contenttype, and repeats its item\'s itemClass, pubStatus and title', reference: `${STANDARDS} rule 9` },
  { id: 'xhtml-body', layer: 'house', severity: 'error', formats, summary: 'inlineXML is application/xhtml+xml and holds one XHTML <html> with <head><title> and <body> (IPTC lets anything through there)', reference: `${STANDARDS} rule 7` },
  { id: 'version-signal', layer: 'house', severity: 'error', formats, summary: 'A version above 1 signals sig:update or sig:correction; version 1 signals neither', reference: `${STANDARDS} rule 5` },
  { id: 'canceled-correction', layer: 'house', severity: 'error', formats, summary: 'A withdrawal (stat:canceled) is never signalled as a correction', reference: `${STANDARDS} rule 5` },
  { id: 'correction-note', layer: 'house', severity: 'error', formats, summary: 'An item signalling sig:correction says what changed in an edNote', reference: `${STANDARDS} rule 5` },
  { id: 'ref-version', layer: 'house', severity: 'error', formats, summary: "An itemRef or link to an item of the same message names that item's version", reference: `${STANDARDS} rules 8 and 9` },
  { id: 'ref-pubstatus', layer: 'house', severity: 'error', formats, summary: "An itemRef repeats its item's pubStatus", reference: `${STANDARDS} rule 9` },
] as const);

/** A house rule id of NewsML-G2. */
export type HouseNewsmlRuleId = (typeof HOUSE_NEWSML_RULES)[number]['id'];

/**
 * The guidelines' warnings that syndicate's own messages never carry, each checked against what emitNewsml
 * writes: every time with its offset (standards.md rule 4), xml:lang, standard="NewsML-G2" and
 * conformance="power" on every item (rule 1), contenttype on the XHTML body (rule 7), IPTC's catalog on every
 * item and the group alias declared inline (rule 3), no element outside NewsML-G2 where the schema lets
 * anything through (a misspelt name in an itemRef would pass unread), and every link, itemRef and
 * remoteContent pointing at its target by href or residref, never by the deprecated guidref (rules 8 and 9).
 */
const NEVER_IN_OUR_OUTPUT: ReadonlySet<NewsmlRuleId> = new Set<NewsmlRuleId>(['datetime-zone', 'item-language', 'standard-name', 'conformance-value', 'content-type', 'catalog-missing', 'qcode-alias', 'unknown-element-lax', 'link-target', 'deprecated-attribute']);

/** The standard NewsML-G2 rules as syndicate applies them to its own messages: those warnings are errors. */
export const NEWSML_RULES_HOUSE: readonly Rule[] = newsmlRules.map((rule) => (NEVER_IN_OUR_OUTPUT.has(rule.id) ? { ...rule, houseSeverity: 'error' as const } : rule));
