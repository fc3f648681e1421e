/**
 * Where the checks put what they find: findings, and the facts that are judged once the whole document
 * has been read (IDs and references to them, the QCodes of each item, the groupSets).
 */
import type { Finding } from '../../rule.ts';
import type { XmlElement } from '../../xml/tree.ts';
import type { NewsmlRuleId } from '../../rules/newsml.ts';

/** An ID reference, where it is written. */
export interface IdReference {
  readonly id: string;
  readonly element: XmlElement;
  readonly attribute: string;
}

/** An item being read: its root and the QCode scheme aliases used inside it. */
export interface ItemRecord {
  readonly element: XmlElement;
  /** Each alias with the first element that uses it. */
  readonly aliases: Map<string, XmlElement>;
}

/** The findings and facts of one document. */
export class Sink {
  readonly findings: Finding<NewsmlRuleId>[] = [];
  /** Each ID with the element that holds it first. */
  readonly ids = new Map<string, XmlElement>();
  readonly references: IdReference[] = [];
  readonly groupSets: XmlElement[] = [];
  /** The items open around the element being read, innermost last. */
  readonly openItems: ItemRecord[] = [];

  /** Records a finding at `element`'s start tag. */
  report(rule: NewsmlRuleId, message: string, element: XmlElement): void {
    this.findings.push({ rule, message, at: { line: element.line, column: element.column } });
  }

  /** Records a QCode's scheme alias for the innermost item's catalog advice. */
  qcode(alias: string, element: XmlElement): void {
    const item = this.openItems.at(-1);
    if (item !== undefined && !item.aliases.has(alias)) item.aliases.set(alias, element);
  }
}
