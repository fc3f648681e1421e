/**
 * Words for findings about JSON values: where a value is (`renditions[0].width`) and what it is
 * (`the string "70"`), truncated so that a message stays one readable line whatever the document holds.
 */

/** A path into a JSON value: object keys and array indices. */
export type JsonPath = readonly (string | number)[];

/** Longest quoted value a message shows before cutting it with "…". */
const SHOWN = 60;

/** `renditions[0].width` for ['renditions', 0, 'width']; keys that are not identifiers are quoted. */
export function formatPath(path: JsonPath): string {
  if (path.length === 0) return 'the document';
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) text += text === '' ? part : `.${part}`;
    else text += `[${quote(part)}]`;
  }
  return text;
}

/** A value as a message names it: `the string "abc"`, `the number 1.5`, `an array`, `null`… */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'number') return `the number ${Number.isFinite(value) ? String(value) : 'out of range'}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** A string in double quotes, control characters escaped and long text cut with "…". */
export function quote(text: string): string {
  const cut = text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text;
  return JSON.stringify(cut);
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for an own property of a JSON object (JSON.parse makes only own, enumerable ones). */
export function has(value: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}
