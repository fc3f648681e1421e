import { z } from 'zod';

/*
 * What the checks of JSON formats share: paths into the value JSON.parse gives, a walk over its
 * properties, common value shapes, and the wording of zod findings. Positions are not computed here:
 * findings name a path, and report.ts resolves it only for files that have something to report.
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
