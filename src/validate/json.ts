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

/** A {@link FileReport} for `file`, named by its path inside its folder (the build names the folder), tagged with `source` and the file's source articles as origin. */
export function fileReporter(file: OutputFile, source: string): FileReport {
  const origin = file.sources.join(', ') || undefined;
  return (severity, ruleId, message, position = {}) => diagnostic(severity, file.path, source, ruleId, message, position, origin);
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
 * ancestor): where its token starts (`{`, `[`, the opening quote, the first digit). The text is scanned
 * from the root along the path only when a position is asked for, skipping the values beside it; a
 * repeated key resolves to its first occurrence. Lines count `\n` only (JSON strings hold no raw line
 * breaks), columns are 1-based in UTF-16 code units. Text with a carriage return (never written by our
 * emitters) goes through the YAML parser instead, which positions values after a lone CR its own way.
 */
export function positionFinder(text: string): (at: readonly PathSegment[]) => Position {
  if (text.includes('\r')) return yamlPositionFinder(text);
  let lineStarts: number[] | undefined;
  return (at) => {
    try {
      const offset = offsetAt(text, at);
      if (offset === undefined) return {};
      lineStarts ??= toLineStarts(text);
      return linePosition(lineStarts, offset);
    } catch {
      return {};
    }
  };
}

/**
 * Positions through the YAML parser (YAML 1.2 is a superset of JSON and keeps source ranges): slower,
 * kept for text with carriage returns so that positions stay what they have always been there.
 */
function yamlPositionFinder(text: string): (at: readonly PathSegment[]) => Position {
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

/** The deepest YAML node along the path: keys step into maps, numeric indexes into sequences. */
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

function toLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset, by binary search over the line starts. */
function linePosition(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineStarts[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  return { line: low, column: offset - lineStarts[low - 1]! + 1 };
}

const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isJsonSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The offset just after the string token starting at `i` (its opening quote). */
function skipString(text: string, i: number): number {
  for (let quote = text.indexOf('"', i + 1); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    // Escaped when preceded by an odd number of backslashes.
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  throw new Error('unterminated string');
}

/** The offset just after the value starting at `i`. */
function skipValue(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code === QUOTE) return skipString(text, i);
  if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) j = skipString(text, j) - 1;
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) depth++;
      else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    throw new Error('unterminated collection');
  }
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || isJsonSpace(c)) break;
    j++;
  }
  return j;
}

/** The offset of the value at `at` in JSON text, or of its deepest existing ancestor; undefined without a root. */
function offsetAt(text: string, at: readonly PathSegment[]): number | undefined {
  let current = skipSpace(text, 0);
  if (current >= text.length) return undefined;
  for (const segment of at) {
    const next = childOffset(text, current, segment);
    if (next === undefined) break;
    current = next;
  }
  return current;
}

/** The offset of the member `segment` of the object or array at `start` (of a repeated key, the first one). */
function childOffset(text: string, start: number, segment: PathSegment): number | undefined {
  const open = text.charCodeAt(start);
  if (open === OPEN_OBJECT) {
    const key = String(segment);
    let i = skipSpace(text, start + 1);
    while (i < text.length && text.charCodeAt(i) === QUOTE) {
      const keyEnd = skipString(text, i);
      const raw = text.slice(i + 1, keyEnd - 1);
      const name = raw.includes('\\') ? (JSON.parse(text.slice(i, keyEnd)) as string) : raw;
      i = skipSpace(text, keyEnd);
      if (text.charCodeAt(i) !== COLON) return undefined;
      const value = skipSpace(text, i + 1);
      if (name === key) return value;
      i = skipSpace(text, skipValue(text, value));
      if (text.charCodeAt(i) !== COMMA) return undefined;
      i = skipSpace(text, i + 1);
    }
    return undefined;
  }
  if (open === OPEN_ARRAY && typeof segment === 'number') {
    if (!Number.isInteger(segment) || segment < 0) return undefined;
    let i = skipSpace(text, start + 1);
    if (text.charCodeAt(i) === CLOSE_ARRAY) return undefined;
    for (let index = 0; index < segment; index++) {
      i = skipSpace(text, skipValue(text, i));
      if (text.charCodeAt(i) !== COMMA) return undefined;
      i = skipSpace(text, i + 1);
    }
    return i;
  }
  return undefined;
}

/**
 * Calls `visit` for every property value in the tree (objects and arrays included) with its key and path,
 * and for every array item that is not itself an object or array, with the array's key. Returning
 * `'skip'` for a property leaves its subtree out. The path array is reused as the walk goes on: a
 * visitor that keeps it must copy it.
 */
export function walk(value: unknown, visit: (key: string, node: unknown, at: PathSegment[]) => 'skip' | void, at: PathSegment[] = [], key = ''): void {
  walkInto(value, visit, [...at], key);
}

function walkInto(value: unknown, visit: (key: string, node: unknown, at: PathSegment[]) => 'skip' | void, path: PathSegment[], key: string): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      path.push(index);
      if (!Array.isArray(item) && !isRecord(item)) visit(key, item, path);
      else walkInto(item, visit, path, key);
      path.pop();
    }
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      path.push(k);
      if (visit(k, v, path) !== 'skip' && (Array.isArray(v) || isRecord(v))) walkInto(v, visit, path, k);
      path.pop();
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
