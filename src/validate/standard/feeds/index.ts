/**
 * The standard layer for feeds: RSS 0.9x/2.0, RSS 1.0/0.90 and Atom 1.0 (Atom 0.3 reported obsolete),
 * checked as the specifications and the W3C Feed Validation Service read them, whoever produced them.
 * Findings name rules of `../../rules/feeds.ts`; report.ts turns them into diagnostics.
 */
import { parseFragment } from 'parse5';
import type { Finding } from '../../rule.ts';
import type { FeedRuleId } from '../../rules/feeds.ts';
import { readXml, type XmlDocument } from '../../xml/tree.ts';
import type { FeedContext } from './kind.ts';
import { FEED_ROOTS, notAFeedMessage, readRoot } from './root.ts';
import { createVisit, walk } from './walk.ts';

/** The rules the findings name, for building a report table (`toRuleTable(FEED_RULES)`). */
export { FEED_RULES, type FeedRuleId } from '../../rules/feeds.ts';

/** The outcome of checking a feed. */
export interface FeedCheck {
  /** The format the document element makes it; undefined when it is not a feed (or not XML). */
  kind: 'rss' | 'rss1' | 'atom' | undefined;
  /** `<rss version>`, "1.0"/"0.90" for RDF feeds, "1.0"/"0.3" for Atom. */
  version?: string;
  findings: Finding<FeedRuleId>[];
  /** The document, when it is well-formed. */
  document?: XmlDocument;
}

const NETSCAPE_PUBLIC_ID = '-//Netscape Communications//DTD RSS 0.91//EN';
const NETSCAPE_RETIRED_SYSTEM_ID = 'http://my.netscape.com/publish/formats/rss-0.91.dtd';

/** Checks a feed's text (already decoded). A text that is not well-formed XML gives a `not-well-formed` finding (W3C SAXError). */
export function checkFeed(text: string): FeedCheck {
  let { document, errors, root } = readXml(text);
  if (document === undefined && errors.some((e) => e.message.includes('undefined entity'))) {
    // Entities the DOCTYPE defines: those of its internal subset (an external entity reads as empty,
    // as the W3C validator resolves it), and the HTML entities of the Netscape RSS 0.91 DTD.
    const entities = { ...(isNetscapeDoctype(text) ? htmlEntitiesIn(text) : {}), ...declaredEntities(text) };
    if (Object.keys(entities).length > 0) ({ document, errors, root } = readXml(text, { entities }));
  }
  if (document === undefined) {
    const first = errors[0];
    const findings: Finding<FeedRuleId>[] = [
      {
        rule: 'not-well-formed',
        message: `not well-formed XML: ${(first?.message ?? 'no document').replace(/\.$/, '')}; no reader can parse the feed until this is fixed`,
        at: first ? { line: first.line, column: first.column } : { line: 1 },
      },
    ];
    // A page that is not XML at all (HTML, say) is first of all not a feed.
    if (root !== undefined && !FEED_ROOTS.has(root.name)) {
      findings.unshift({ rule: 'not-a-feed', message: notAFeedMessage(root), at: { line: root.line, column: root.column } });
    }
    return { kind: undefined, findings };
  }
  return checkFeedDocument(document, text);
}

/** The same on an already read document (the house layer reuses the tree). */
export function checkFeedDocument(document: XmlDocument, text: string): FeedCheck {
  const context: FeedContext = {
    findings: [],
    text,
    feedType: undefined,
    version: undefined,
    defaultNamespaces: new Set(),
    netscapeDoctype: false,
    now: Date.now(),
    abouts: new Set(),
    encoding: document.declaration?.encoding,
  };
  const version = document.declaration?.version;
  if (version !== undefined && version !== '1.0') {
    context.findings.push({ rule: 'not-well-formed', message: `the XML declaration says version ${JSON.stringify(version)}; feeds are XML 1.0, so write version="1.0"`, at: { line: 1 } });
  }
  checkDoctype(context, document, text);
  const root = readRoot(context, document.root);
  if (root !== undefined) walk(createVisit(context, document.root, root.key, root.kind, undefined));
  const result: FeedCheck = { kind: root?.format, findings: ordered(context.findings), document };
  if (root !== undefined && context.version !== undefined) result.version = context.version;
  return result;
}

/** The Netscape DOCTYPE makes an RSS 0.91 feed; its retired my.netscape.com address is an error (W3C DeprecatedDTD). */
function checkDoctype(context: FeedContext, document: XmlDocument, text: string): void {
  const doctype = document.doctype;
  if (doctype === undefined) return;
  const ids = /PUBLIC\s+(["'])(.*?)\1\s+(["'])(.*?)\3/s.exec(doctype);
  if (ids === null || ids[2] !== NETSCAPE_PUBLIC_ID) return;
  context.netscapeDoctype = true;
  if (ids[4] === NETSCAPE_RETIRED_SYSTEM_ID) {
    const offset = text.indexOf('<!DOCTYPE');
    const line = offset < 0 ? 1 : text.slice(0, offset).split('\n').length;
    context.findings.push({ rule: 'invalid-doctype', message: `the DOCTYPE points to ${NETSCAPE_RETIRED_SYSTEM_ID}, which no longer exists; use "http://www.rssboard.org/rss-0.91.dtd" or drop the DOCTYPE`, at: { line } });
  }
}

function isNetscapeDoctype(text: string): boolean {
  const head = text.slice(0, 2000);
  return head.includes('<!DOCTYPE') && head.includes(NETSCAPE_PUBLIC_ID);
}

/**
 * The general entities declared in the internal subset of the DOCTYPE (XML 1.0 §4.2): internal ones
 * with their literal value, external ones (SYSTEM/PUBLIC) as empty text, since they are not fetched.
 */
function declaredEntities(text: string): Record<string, string> {
  const entities: Record<string, string> = {};
  const start = text.indexOf('<!DOCTYPE');
  if (start < 0) return entities;
  const open = text.indexOf('[', start);
  const firstClose = text.indexOf('>', start);
  if (open < 0 || (firstClose >= 0 && firstClose < open)) return entities;
  const close = text.indexOf(']', open);
  if (close < 0) return entities;
  const subset = text.slice(open + 1, close);
  for (const m of subset.matchAll(/<!ENTITY\s+([A-Za-z_:][\w.:-]*)\s+(?:"([^"]*)"|'([^']*)'|(?:SYSTEM|PUBLIC)\s[^>]*)>/g)) {
    entities[m[1] as string] = m[2] ?? m[3] ?? '';
  }
  return entities;
}

/** The HTML character entities named in `text`, as an HTML parser resolves them. */
function htmlEntitiesIn(text: string): Record<string, string> {
  const entities: Record<string, string> = {};
  for (const m of text.matchAll(/&([A-Za-z][A-Za-z0-9]*);/g)) {
    const name = m[1] as string;
    if (Object.hasOwn(entities, name) || ['amp', 'lt', 'gt', 'quot', 'apos'].includes(name)) continue;
    const node = parseFragment(`&${name};`).childNodes[0];
    const value = node !== undefined && 'value' in node ? (node.value as string) : undefined;
    if (value !== undefined && value !== `&${name};`) entities[name] = value;
  }
  return entities;
}

/** Findings in document order, each once. */
function ordered(findings: Finding<FeedRuleId>[]): Finding<FeedRuleId>[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const at = f.at && 'line' in f.at ? `${f.at.line}:${f.at.column ?? 0}` : '';
    const key = `${f.rule}|${at}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const line = (f: Finding) => (f.at && 'line' in f.at ? f.at.line : 0);
  const column = (f: Finding) => (f.at && 'line' in f.at ? (f.at.column ?? 0) : 0);
  return unique.map((f, i) => ({ f, i })).sort((a, b) => line(a.f) - line(b.f) || column(a.f) - column(b.f) || a.i - b.i).map(({ f }) => f);
}
