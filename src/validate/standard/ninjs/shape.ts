/**
 * The ninjs schemas as data written in our own terms (not IPTC's schema files, which stay out of the
 * product): a {@link Shape} says what a value must be, and {@link checkShape} walks a document along it,
 * reporting every departure as a finding with the JSON path of the value. One walk per document, each
 * value visited once.
 */
import type { Finding } from '../../rule.ts';
import type { NinjsRuleId } from '../../rules/ninjs.ts';
import { describeValue, formatPath, has, isObject, quote, type JsonPath } from './describe.ts';
import { checkGeoJson } from './geojson.ts';
import { toDateTimeForm, isTruncatedDateTime } from './syntax/date-time.ts';
import { isLanguageTag } from './syntax/language-tag.ts';
import { isUri } from './syntax/uri.ts';

/** The string formats ninjs schemas use, and BCP 47 for the "should follow IETF BCP47" language properties. */
export type StringFormat = 'uri' | 'date-time' | 'truncated-date-time' | 'language';

/** What a value must be. */
export type Shape = StringShape | NumberShape | BooleanShape | ArrayShape | ObjectShape | MapShape | LazyShape | GeoJsonShape | ConflictShape;

/** A string, possibly with a format or an enumeration. */
export interface StringShape {
  readonly kind: 'string';
  readonly format?: StringFormat;
  readonly values?: readonly string[];
}

/** A number: `integer` for JSON Schema's "integer", a range enforced by the schema, or one only described. */
export interface NumberShape {
  readonly kind: 'number';
  readonly integer?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  /** A range the property's description gives but the schema does not enforce (a warning). */
  readonly described?: readonly [number, number];
}

/** true or false. */
export interface BooleanShape {
  readonly kind: 'boolean';
}

/** An array whose items all have one shape. */
export interface ArrayShape {
  readonly kind: 'array';
  readonly items: Shape;
}

/** Keys of a family (`body_text`, `geometry_point`): a test and how a message describes it. */
export interface KeyPattern {
  readonly describe: string;
  readonly test: (key: string) => boolean;
}

/** An object with named properties. */
export interface ObjectShape {
  readonly kind: 'object';
  /** What the object is, for messages: "a rendition", "the rights information". */
  readonly name: string;
  readonly properties: Readonly<Record<string, Shape>>;
  /** Families of keys the object also allows (JSON Schema "patternProperties"). */
  readonly patterns?: readonly (KeyPattern & { readonly shape: Shape })[];
  readonly required?: readonly string[];
  /** True when other keys are errors (additionalProperties or unevaluatedProperties false). */
  readonly closed: boolean;
  /** Exactly one of two keys must be present (JSON Schema "oneOf" of two "required"). */
  readonly exactlyOne?: { readonly keys: readonly [string, string]; readonly rule: NinjsRuleId };
  /** A rule the data above cannot say (the dates' anyOf of oneOf). */
  readonly check?: (value: Record<string, unknown>, at: JsonPath, walk: Walk) => void;
  /** Names other ninjs versions use for a property this object calls otherwise, for hints. */
  readonly renamed?: Readonly<Record<string, string>>;
  /** The later version of the same major that brought a property this one lacks, for hints. */
  readonly introduced?: (key: string) => string | undefined;
}

/** An object used as a map: any keys (or keys of a family), every value of one shape. */
export interface MapShape {
  readonly kind: 'map';
  readonly name: string;
  readonly keys?: KeyPattern;
  readonly values: Shape;
}

/** A shape resolved when first needed, for the recursion of associations. */
export interface LazyShape {
  readonly kind: 'lazy';
  readonly resolve: () => Shape;
}

/** A GeoJSON object (RFC 7946). */
export interface GeoJsonShape {
  readonly kind: 'geojson';
}

/** A property the official schema makes impossible: any value fails official validation. */
export interface ConflictShape {
  readonly kind: 'conflict';
  /** Why no value passes, and what to do instead. */
  readonly explanation: string;
}

/** The state of one document's walk. */
export interface Walk {
  /** The version the document is checked against, for messages: "ninjs 3.1". */
  readonly label: string;
  readonly findings: Finding<NinjsRuleId>[];
  /** How many associations deep the walk is. */
  depth: number;
}

/** Deepest association nesting walked; deeper ones are reported once and skipped (a recursion guard). */
const MAX_DEPTH = 64;

/** Reports a finding at a path. */
export function report(walk: Walk, rule: NinjsRuleId, message: string, at: JsonPath): void {
  walk.findings.push({ rule, message, at: { path: [...at] } });
}

/** Checks `value` (found at `at`) against `shape`, adding findings to the walk. */
export function checkShape(value: unknown, shape: Shape, at: JsonPath, walk: Walk): void {
  switch (shape.kind) {
    case 'string':
      return checkString(value, shape, at, walk);
    case 'number':
      return checkNumber(value, shape, at, walk);
    case 'boolean':
      if (typeof value !== 'boolean') wrongType(value, 'true or false', at, walk);
      return;
    case 'array':
      if (!Array.isArray(value)) return wrongType(value, 'an array', at, walk);
      value.forEach((item: unknown, index) => checkShape(item, shape.items, [...at, index], walk));
      return;
    case 'object':
      return checkObject(value, shape, at, walk);
    case 'map':
      return checkMap(value, shape, at, walk);
    case 'lazy':
      return checkNested(value, shape, at, walk);
    case 'geojson': {
      const problem = checkGeoJson(value);
      if (problem !== undefined) report(walk, 'invalid-geojson', `${formatPath(at)} is not GeoJSON: ${problem}; write a GeoJSON geometry, Feature or FeatureCollection (RFC 7946)`, at);
      return;
    }
    case 'conflict':
      report(walk, 'schema-conflict', `${formatPath(at)}: ${shape.explanation}`, at);
      return;
  }
}

function checkNested(value: unknown, shape: LazyShape, at: JsonPath, walk: Walk): void {
  if (walk.depth >= MAX_DEPTH) {
    report(walk, 'nesting-too-deep', `${formatPath(at)} nests associations more than ${MAX_DEPTH} deep; flatten them (associate the items with the top-level object) — the rest is not checked`, at);
    return;
  }
  walk.depth++;
  try {
    checkShape(value, shape.resolve(), at, walk);
  } finally {
    walk.depth--;
  }
}

function checkString(value: unknown, shape: StringShape, at: JsonPath, walk: Walk): void {
  if (typeof value !== 'string') return wrongType(value, shape.values === undefined ? 'a string' : `one of the strings ${list(shape.values)}`, at, walk);
  const where = formatPath(at);
  if (shape.values !== undefined && !shape.values.includes(value)) {
    const hint = shape.values.find((v) => v.toLowerCase() === value.toLowerCase());
    report(walk, 'enum-value', `${where} is ${quote(value)}, not one of ${list(shape.values)} in ${walk.label}${hint === undefined ? '' : `; write ${quote(hint)}`}`, at);
    return;
  }
  switch (shape.format) {
    case 'uri':
      if (!isUri(value)) report(walk, 'invalid-uri', `${where} ${quote(value)} is not a complete URI; ${walk.label} wants an absolute RFC 3986 URI with a scheme (such as "https://…" or "urn:…"), with spaces and other unsafe characters percent-encoded`, at);
      return;
    case 'date-time': {
      const form = toDateTimeForm(value);
      if (form === 'invalid') report(walk, 'invalid-date-time', `${where} ${quote(value)} is not an RFC 3339 date-time; write the date, "T", the time with seconds and the UTC offset, e.g. "2024-09-04T21:03:00+08:00"`, at);
      else if (form === 'lenient') report(walk, 'date-time-form', `${where} ${quote(value)} is not in RFC 3339 form although validators accept it; write "T" between date and time and the offset as ±hh:mm, e.g. "2024-09-04T21:03:00+08:00"`, at);
      return;
    }
    case 'truncated-date-time':
      if (!isTruncatedDateTime(value)) report(walk, 'invalid-truncated-date', `${where} ${quote(value)} is not a truncated date-time; write YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss with an optional Z or ±hh:mm`, at);
      return;
    case 'language':
      if (!isLanguageTag(value)) report(walk, 'language-tag', `${where} ${quote(value)} is not a BCP 47 language tag; write e.g. "en", "en-GB" or "zh-Hans-CN" (hyphens, not underscores)`, at);
      return;
    case undefined:
      return;
  }
}

function checkNumber(value: unknown, shape: NumberShape, at: JsonPath, walk: Walk): void {
  const expected = shape.integer === true ? 'an integer' : 'a number';
  if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType(value, expected, at, walk);
  const where = formatPath(at);
  if (shape.integer === true && !Number.isInteger(value)) {
    report(walk, 'property-type', `${where} is ${value}, not an integer as ${walk.label} requires; write a whole number`, at);
    return;
  }
  const { minimum, maximum } = shape;
  if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) {
    report(walk, 'out-of-range', `${where} is ${value}, outside ${range(minimum, maximum)} in ${walk.label}`, at);
    return;
  }
  const described = shape.described;
  if (described !== undefined && (value < described[0] || value > described[1])) {
    report(walk, 'documented-range', `${where} is ${value}; ${walk.label} describes it as ${range(described[0], described[1])}`, at);
  }
}

function checkObject(value: unknown, shape: ObjectShape, at: JsonPath, walk: Walk): void {
  if (!isObject(value)) return wrongType(value, `an object (${shape.name})`, at, walk);
  const where = formatPath(at);
  for (const key of shape.required ?? []) {
    if (!has(value, key)) report(walk, 'required-property', `${where} has no "${key}"; ${walk.label} requires it in ${shape.name}`, at);
  }
  if (shape.exactlyOne !== undefined) {
    const [a, b] = shape.exactlyOne.keys;
    const count = (has(value, a) ? 1 : 0) + (has(value, b) ? 1 : 0);
    if (count !== 1) {
      const what = count === 0 ? 'neither' : 'both';
      report(walk, shape.exactlyOne.rule, `${where} has ${what} "${a}" and "${b}"; ${shape.name} must have exactly one of them in ${walk.label}`, at);
    }
  }
  for (const key of Object.keys(value)) {
    const child = [...at, key];
    const known = Object.hasOwn(shape.properties, key) ? shape.properties[key] : undefined;
    if (known !== undefined) {
      checkShape(value[key], known, child, walk);
      continue;
    }
    const pattern = shape.patterns?.find((p) => p.test(key));
    if (pattern !== undefined) {
      checkShape(value[key], pattern.shape, child, walk);
      continue;
    }
    if (shape.closed) report(walk, 'unknown-property', unknownMessage(key, shape, at, walk), child);
  }
  shape.check?.(value, at, walk);
}

function checkMap(value: unknown, shape: MapShape, at: JsonPath, walk: Walk): void {
  if (!isObject(value)) return wrongType(value, `an object (${shape.name})`, at, walk);
  for (const key of Object.keys(value)) {
    const child = [...at, key];
    if (shape.keys !== undefined && !shape.keys.test(key)) {
      report(walk, 'unknown-property', `${formatPath(child)}: the key ${quote(key)} is not allowed in ${shape.name}; ${walk.label} wants ${shape.keys.describe}`, child);
      continue;
    }
    checkShape(value[key], shape.values, child, walk);
  }
}

function unknownMessage(key: string, shape: ObjectShape, at: JsonPath, walk: Walk): string {
  const place = at.length === 0 ? 'at the top level' : `in ${formatPath(at)}`;
  const lower = key.toLowerCase();
  const spelled = Object.keys(shape.properties).find((k) => k !== key && k.toLowerCase() === lower);
  const renamed = shape.renamed !== undefined && Object.hasOwn(shape.renamed, key) ? shape.renamed[key] : undefined;
  const hint = spelled ?? renamed;
  const later = shape.introduced?.(key);
  const fix =
    later !== undefined
      ? `it came with ninjs ${later}: declare that version (standard.version "${later}") or remove it`
      : hint === undefined
        ? 'remove it, or put it where the schema allows'
        : `${walk.label} calls it "${hint}"`;
  return `${quote(key)} is not a property ${walk.label} allows ${place} (${shape.name}); ${fix}`;
}

function wrongType(value: unknown, expected: string, at: JsonPath, walk: Walk): void {
  report(walk, 'property-type', `${formatPath(at)} is ${describeValue(value)}; ${walk.label} wants ${expected} there`, at);
}

function list(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(', ');
}

function range(minimum: number | undefined, maximum: number | undefined): string {
  if (minimum !== undefined && maximum !== undefined) return `${minimum} to ${maximum}`;
  return minimum !== undefined ? `${minimum} or more` : `${maximum ?? ''} or less`;
}
