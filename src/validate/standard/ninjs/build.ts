/** Small constructors for {@link Shape}s, so that each version's schema reads like its property list. */
import type { ArrayShape, KeyPattern, MapShape, NumberShape, ObjectShape, Shape, StringShape } from './shape.ts';

/** Any string. */
export const TEXT: StringShape = { kind: 'string' };
/** A string in RFC 3986 URI syntax (JSON Schema format "uri"). */
export const URI: StringShape = { kind: 'string', format: 'uri' };
/** An RFC 3339 date-time (JSON Schema format "date-time"). */
export const DATE_TIME: StringShape = { kind: 'string', format: 'date-time' };
/** A ninjs 3.x truncated date-time (YYYY, YYYY-MM, YYYY-MM-DD or a full date-time). */
export const TRUNCATED_DATE_TIME: StringShape = { kind: 'string', format: 'truncated-date-time' };
/** A string that should be a BCP 47 language tag. */
export const LANGUAGE: StringShape = { kind: 'string', format: 'language' };
/** Any JSON number. */
export const NUMBER: NumberShape = { kind: 'number' };
/** A JSON number without a fractional part (JSON Schema "integer"). */
export const INTEGER: NumberShape = { kind: 'number', integer: true };

/** A string from a list. */
export function oneOf(...values: string[]): StringShape {
  return { kind: 'string', values };
}

/** An integer the schema bounds. */
export function integerIn(minimum: number, maximum: number): NumberShape {
  return { kind: 'number', integer: true, minimum, maximum };
}

/** An array of `items`. */
export function arrayOf(items: Shape): ArrayShape {
  return { kind: 'array', items };
}

/** Options of {@link object}. */
export type ObjectOptions = Partial<Pick<ObjectShape, 'patterns' | 'required' | 'exactlyOne' | 'check' | 'renamed'>> & {
  /** False for an object that allows other keys (the schema has no additionalProperties false). */
  readonly closed?: boolean;
};

/** An object, closed unless said otherwise (every ninjs schema closes almost every object). */
export function object(name: string, properties: Readonly<Record<string, Shape>>, options: ObjectOptions = {}): ObjectShape {
  const { closed = true, ...rest } = options;
  return { kind: 'object', name, properties, closed, ...rest };
}

/** An object used as a map from keys (of a family, or any) to values of one shape. */
export function mapOf(name: string, values: Shape, keys?: KeyPattern): MapShape {
  return keys === undefined ? { kind: 'map', name, values } : { kind: 'map', name, values, keys };
}

/** Keys starting with `prefix` and one more letter, digit or "_" (the 1.x "^body_[a-zA-Z0-9_]+" patterns, unanchored at the end). */
export function prefixed(prefix: string): KeyPattern {
  return {
    describe: `"${prefix}" and a suffix of letters, digits or "_"`,
    test: (key) => key.startsWith(prefix) && key.length > prefix.length && isWordChar(key.charCodeAt(prefix.length), true),
  };
}

/** Keys whose first character is a letter or digit (or "_" when `underscore`): the 1.x "^[a-zA-Z0-9]+" patterns. */
export function startsWithWord(underscore: boolean): KeyPattern {
  return {
    describe: underscore ? 'keys starting with a letter, digit or "_"' : 'keys starting with a letter or digit',
    test: (key) => key.length > 0 && isWordChar(key.charCodeAt(0), underscore),
  };
}

/** Only the entries whose condition holds, for properties added in a later minor version. */
export function when(condition: boolean, properties: Readonly<Record<string, Shape>>): Readonly<Record<string, Shape>> {
  return condition ? properties : {};
}

function isWordChar(c: number, underscore: boolean): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (underscore && c === 0x5f);
}
