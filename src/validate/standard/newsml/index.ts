/**
 * The standard layer for IPTC NewsML-G2 2.35: structural checks of any producer's document, built in
 * (no schema at run time). Every item root and the newsMessage wrapper are checked against tables
 * written from the official All-Power XML Schema (schema/), then against the specification's rules
 * that the schema cannot express (spec.ts, references.ts).
 */
import type { Finding } from '../../rule.ts';
import type { NewsmlRuleId } from '../../rules/newsml.ts';
import { readXml, type XmlDocument } from '../../xml/tree.ts';
import { assess } from './assess.ts';
import { NAR } from './model.ts';
import { checkReferences } from './references.ts';
import { GLOBAL_ELEMENTS, ROOTS } from './schema/elements.ts';
import { KNOWN_NAMES } from './schema/names.ts';
import { Sink } from './sink.ts';
import { tag } from './words.ts';

/** The rules the findings name, for the caller's rule table. */
export { newsmlRules, type NewsmlRuleId } from '../../rules/newsml.ts';

/** What checking a NewsML-G2 document found: the kind of root (its element name), and the findings. */
export interface NewsmlCheck {
  /** newsMessage, newsItem, packageItem, conceptItem, knowledgeItem, planningItem or catalogItem; undefined for any other root. */
  readonly root: string | undefined;
  readonly findings: Finding<NewsmlRuleId>[];
}

/** Checks a NewsML-G2 document already read; `undefined` root kind when the root is not a NewsML-G2 root. */
export function checkNewsmlDocument(document: XmlDocument): NewsmlCheck {
  const sink = new Sink();
  const root = document.root;
  if (!ROOTS.has(root.name)) {
    const what = root.uri === NAR && KNOWN_NAMES.has(root.name) ? `the NewsML-G2 element ${tag(root)}` : tag(root);
    const meant = [...ROOTS].find((name) => name.toLowerCase() === root.name.toLowerCase());
    const hint = meant === undefined ? '' : ` (element names are case-sensitive: did you mean <${meant}>?)`;
    sink.report('root-element', `The root element is ${what}${hint}; a NewsML-G2 document is a <newsMessage> or an item (<newsItem>, <packageItem>, <conceptItem>, <knowledgeItem>, <planningItem>, <catalogItem>).`, root);
    return { root: undefined, findings: sink.findings };
  }
  if (root.uri !== NAR) {
    const where = root.uri === '' ? 'has no namespace' : `is in the namespace ${root.uri}`;
    sink.report('namespace', `${tag(root)} ${where}; NewsML-G2 elements are in ${NAR}: declare xmlns="${NAR}" on it.`, root);
    return { root: root.name, findings: sink.findings };
  }
  const type = GLOBAL_ELEMENTS.get(root.name);
  if (type !== undefined) assess(sink, root, type);
  checkReferences(sink);
  return { root: root.name, findings: sink.findings };
}

/** The same from text (not well-formed → a `not-well-formed` finding). */
export function checkNewsml(text: string): NewsmlCheck & { document?: XmlDocument } {
  const { document, errors } = readXml(text);
  if (document === undefined) {
    const findings: Finding<NewsmlRuleId>[] = errors.slice(0, 1).map((e) => ({ rule: 'not-well-formed', message: `The file is not well-formed XML: ${e.message.replace(/\.$/, '')}.`, at: { line: e.line, column: e.column } }));
    return { root: undefined, findings };
  }
  return { ...checkNewsmlDocument(document), document };
}
