/**
 * Findings become diagnostics here, and only here: the rule's severity under the profile, the file's
 * name, and positions, which are computed only for a file that has something to report (a JSON path is
 * resolved to a line and column with jsonc-parser; an offset with the text's line starts).
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { toJsonLocator, toLineColumn, toLineStarts, type JsonLocator } from './json/positions.ts';
import type { Finding, Profile, Rule, ValidatedFormat } from './rule.ts';

/** Rules by id: one validator's table (its own rules and the house rules it runs). */
export type RuleTable = ReadonlyMap<string, Rule>;

/** A table of `rules`; an id given twice is a programmer error. */
export function toRuleTable(...lists: readonly (readonly Rule[])[]): RuleTable {
  const table = new Map<string, Rule>();
  for (const rule of lists.flat()) {
    if (table.has(rule.id)) throw new Error(`validation rule "${rule.id}" is declared twice`);
    table.set(rule.id, rule);
  }
  return table;
}

/** What turning findings into diagnostics needs to know about the file. */
export interface ReportContext {
  /** The rules the findings name. */
  rules: RuleTable;
  /** The file as diagnostics name it. */
  file: string;
  /** Its text, for positions. */
  text: string;
  format: ValidatedFormat;
  profile: Profile;
  /** The source articles of an output, for `(from …)`. */
  origin?: string | undefined;
  /** Where `text` starts inside the file (a JSON-LD block inside an HTML page), 1-based. */
  base?: { line: number; column: number } | undefined;
}

/**
 * The diagnostics of `findings`: a house rule's findings only under the `syndicate` profile, each with the
 * rule's severity (its stricter house severity under that profile) and a position when the finding has one.
 */
export function toDiagnostics(findings: readonly Finding[], context: ReportContext): Diagnostic[] {
  if (findings.length === 0) return [];
  let locator: JsonLocator | undefined;
  let lineStarts: number[] | undefined;
  const found: Diagnostic[] = [];
  for (const finding of findings) {
    const rule = context.rules.get(finding.rule);
    if (rule === undefined) throw new Error(`validation rule "${finding.rule}" is not declared for ${context.format}`);
    if (rule.layer === 'house' && context.profile !== 'syndicate') continue;
    const severity = context.profile === 'syndicate' ? (rule.houseSeverity ?? rule.severity) : rule.severity;
    let position: { line?: number | undefined; column?: number | undefined } = {};
    const at = finding.at;
    if (at !== undefined && 'path' in at) {
      locator ??= toJsonLocator(context.text);
      position = locator.locate(at.path);
    } else if (at !== undefined && 'offset' in at) {
      lineStarts ??= toLineStarts(context.text);
      position = toLineColumn(lineStarts, at.offset);
    } else if (at !== undefined) {
      position = { line: at.line, column: at.column };
    }
    found.push(diagnostic(severity, context.file, `validate:${context.format}`, rule.id, finding.message, shift(position, context.base), context.origin));
  }
  return found;
}

/** A position inside embedded text moved to the enclosing file: the first line starts where the text does. */
function shift(position: { line?: number | undefined; column?: number | undefined }, base: ReportContext['base']): { line?: number | undefined; column?: number | undefined } {
  if (base === undefined || position.line === undefined) return position;
  const column = position.column ?? 1;
  return { line: base.line + position.line - 1, column: position.line === 1 ? base.column + column - 1 : column };
}
