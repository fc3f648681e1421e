import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { z } from 'zod';
import { diagnostic, type Diagnostic, type Position, type Severity } from '../diagnostics.ts';
import type { OutputFile } from '../model/output.ts';

/*
 * What the JSON validators (JSON-LD, JSON Feed, ninjs) share: parsing without throwing, paths into
 * the parsed value and their source positions, a walk over its properties, and the wording of the
 * zod findings. Each validator keeps its own schema, rules and format-specific messages.
 */

/** One step of a path into parsed JSON: an object key or an array index. */
export type PathSegment = string | number;

/** Non-empty text. */
export const TextSchema = z.string().min(1);

/** A BCP 47 language tag as the Article model accepts it (`en`, `zh-CN`). */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** A language tag of the form {@link LANGUAGE_TAG}. */
export const LanguageSchema = z.string().regex(LANGUAGE_TAG, 'a BCP 47 language tag such as "en" or "zh-CN"');

/** A stable guid as the Article model requires it: a `tag:`, `urn:` or http(s) URI without spaces. */
export const GUID = /^(?:tag:|urn:|https?:\/\/)\S+$/;

/** A date or date-time without a UTC offset (ISO 8601 local time): every reader would have to guess the zone. */
export const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** Creates a diagnostic about one output file, at a position when known. */
export type FileReport = (severity: Severity, ruleId: string, message: string, position?: Position) => Diagnostic;

/** A {@link FileReport} for `file`: `dist/<path>`, tagged with `source` and the file's source articles as origin. */
export function fileReporter(file: OutputFile, source: string): FileReport {
  const origin = file.sources.join(', ') || undefined;
  return (severity, ruleId, message, position = {}) => diagnostic(severity, `dist/${file.path}`, source, ruleId, message, position, origin);
}

/**
 * Parses `text` and runs `check` on the value. Text that is not JSON gives one `invalid-json` with the
 * parser's position; a `check` that throws (only pathological input, e.g. nesting deep enough to exhaust
 * the stack) gives one `schema` finding naming `regenerate`, so a validator never throws.
 */
export function checkJson(text: string, report: FileReport, regenerate: string, check: (value: unknown) => Diagnostic[]): Diagnostic[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [report('error', 'invalid-json', `not valid JSON (${reasonOf(error)}); regenerate the file or fix the syntax`, jsonErrorPosition(text, error))];
  }
  try {
    return check(value);
  } catch (error) {
    return [report('error', 'schema', `could not be checked (${reasonOf(error)}); regenerate the file with ${regenerate}`)];
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Node's JSON.parse messages carry "position N"; turn it into a 1-based line and column. */
function jsonErrorPosition(text: string, error: unknown): Position {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  if (!match) return {};
  const before = text.slice(0, Number(match[1]));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

/**
 * Returns a function giving the line and column of the value at a JSON path (or of its closest existing
 * ancestor). YAML 1.2 is a superset of JSON and the yaml parser keeps source ranges; the document is
 * parsed only when a position is first asked for.
 */
export function positionFinder(text: string): (at: readonly PathSegment[]) => Position {
  let parsed: { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | undefined;
  return (at) => {
    try {
      if (!parsed) {
        const lines = new LineCounter();
        parsed = { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false }), lines };
      }
      const node = nodeAt(parsed.doc.contents as Node | null, at);
      if (!node?.range) return {};
      const { line, col } = parsed.lines.linePos(node.range[0]);
      return { line, column: col };
    } catch {
      return {};
    }
  };
}

/** The deepest node along the path: keys step into maps, numeric indexes into sequences. */
function nodeAt(root: Node | null, at: readonly PathSegment[]): Node | undefined {
  let current: Node | undefined = root ?? undefined;
  for (const segment of at) {
    let next: unknown;
    if (isMap(current)) next = current.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment))?.value;
    else if (isSeq(current) && typeof segment === 'number') next = current.items[segment];
    if (!(isMap(next) || isSeq(next) || isScalar(next))) break;
    current = next;
  }
  return current;
}

/**
 * Calls `visit` for every property value in the tree (objects and arrays included) with its key and path,
 * and for every array item that is not itself an object or array, with the array's key. Returning
 * `'skip'` for a property leaves its subtree out.
 */
export function walk(value: unknown, visit: (key: string, node: unknown, at: PathSegment[]) => 'skip' | void, at: PathSegment[] = [], key = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const itemPath = [...at, index];
      if (!Array.isArray(item) && !isRecord(item)) visit(key, item, itemPath);
      else walk(item, visit, itemPath, key);
    });
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      const childPath = [...at, k];
      if (visit(k, v, childPath) === 'skip') continue;
      if (Array.isArray(v) || isRecord(v)) walk(v, visit, childPath, k);
    }
  }
}

/** True for a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A path as a set key, to remember which paths a specific rule has already reported. */
export function pathKey(at: readonly PathSegment[]): string {
  return JSON.stringify(at);
}

/** `items[0].authors[1].url`, `@graph[0].author[1].@id`; the root is "the top level". */
export function formatPath(at: readonly PathSegment[]): string {
  if (at.length === 0) return 'the top level';
  return at.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** What is at a path of the parsed value: `found` is false when the path does not exist. */
export interface LookedUp {
  /** Whether the path exists. */
  found: boolean;
  /** The value there, when it exists. */
  value?: unknown;
}

/** The value at a path, or `{ found: false }` when the path does not exist (zod 4 leaves `issue.input` out). */
export function lookUp(value: unknown, at: readonly PathSegment[]): LookedUp {
  let current = value;
  for (const segment of at) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return { found: false };
      current = current[segment];
    } else {
      if (!isRecord(current) || !Object.hasOwn(current, segment)) return { found: false };
      current = current[segment];
    }
  }
  return { found: true, value: current };
}

/** A schema finding to report: the zod issue and its path (symbol keys, which JSON cannot have, left out). */
export interface SchemaIssue {
  /** What zod found. */
  issue: z.core.$ZodIssue;
  /** Where, in the parsed value. */
  at: PathSegment[];
}

/**
 * The issues `schema` finds in `value`, except those at a path in `claimed` ({@link pathKey}): a specific
 * rule has already reported that value, and said it better.
 */
export function schemaIssues(schema: z.ZodType, value: unknown, claimed: ReadonlySet<string>): SchemaIssue[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.flatMap((issue) => {
    const at = issue.path.filter((p): p is PathSegment => typeof p !== 'symbol');
    return claimed.has(pathKey(at)) ? [] : [{ issue, at }];
  });
}

/** How one format words the zod findings {@link describeIssue} cannot word alike for every format. */
export interface IssueWording {
  /** What the schema promises, for unknown keys: "fields", "ninjs properties", "JSON Feed 1.1 fields". */
  promised: string;
  /** The exported schema to extend instead, e.g. `NinjsSchema`. */
  schema: string;
  /** The format's own wording, tried first; undefined falls through to the common cases. */
  specific?: (issue: z.core.$ZodIssue, actual: LookedUp) => string | undefined;
}

/** Says what a zod issue means and how to fix it (zod's own messages are terse); `actual` is {@link lookUp} at the issue's path. */
export function describeIssue(issue: z.core.$ZodIssue, actual: LookedUp, wording: IssueWording): string {
  const specific = wording.specific?.(issue, actual);
  if (specific !== undefined) return specific;
  if (issue.code === 'invalid_type') {
    if (!actual.found) return `is required; add it (expected ${issue.expected})`;
    return `expected ${issue.expected} but found ${describeValue(actual.value)}; correct the value`;
  }
  if (issue.code === 'unrecognized_keys') return describeUnknownKeys(issue.keys, wording);
  if (issue.code === 'invalid_value') return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}; correct the value`;
  if (issue.code === 'too_small' && issue.origin === 'array') return issue.minimum === 1 ? 'must not be empty; leave the field out instead' : `must have at least ${String(issue.minimum)} items`;
  if (issue.code === 'invalid_format' || issue.code === 'custom') return `expected ${issue.message}; correct the value`;
  return `${issue.message}; correct the value`;
}

/** The message for keys outside the schema. */
export function describeUnknownKeys(keys: readonly string[], wording: IssueWording): string {
  return `unknown field(s) ${keys.map((k) => `"${k}"`).join(', ')}: not among the ${wording.promised} syndicate promises; remove it (or add it to ${wording.schema})`;
}

/** A value as messages name it: `null`, `an array`, `an object`, `string "x"`, `number 5`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
