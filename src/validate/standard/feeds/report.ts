/** Reporting helpers shared by the feed checks: where a finding is, and how values and elements are named. */
import type { FeedRuleId } from '../../rules/feeds.ts';
import type { XmlElement } from '../../xml/tree.ts';
import type { FeedContext, Visit, Where } from './kind.ts';

/** Records a finding at `element`'s start tag, or its end tag (where the W3C validator reads values). */
export function reportAt(context: FeedContext, rule: FeedRuleId, element: XmlElement, message: string, where: Where = 'start'): void {
  const at = where === 'end' ? { line: element.endLine, column: element.endColumn } : { line: element.line, column: element.column };
  context.findings.push({ rule, message, at });
}

/** Records a finding about `visit`'s element. */
export function report(visit: Visit, rule: FeedRuleId, message: string, where: Where = 'start'): void {
  reportAt(visit.context, rule, visit.element, message, where);
}

/** `value` in quotes for a message, cut to 80 characters. */
export function quote(value: string): string {
  const text = value.length > 80 ? `${value.slice(0, 77)}…` : value;
  return JSON.stringify(text);
}

/** `<name>` for a message. */
export function tag(element: XmlElement): string {
  return `<${element.qname}>`;
}

/** `<child> in <parent>` for a message. */
export function named(visit: Visit): string {
  const parent = visit.parent?.element;
  return parent ? `<${visit.element.qname}> in <${parent.qname}>` : `<${visit.element.qname}>`;
}

/** Withdraws every finding of `rule` made so far (a later finding supersedes them), in one pass. */
export function withdraw(context: FeedContext, rule: FeedRuleId): void {
  const findings = context.findings;
  let kept = 0;
  for (const finding of findings) if (finding.rule !== rule) findings[kept++] = finding;
  findings.length = kept;
}
