/** Small helpers over values `JSON.parse` gives. */

/** A JSON path: object keys and array indexes from the root. */
export type Path = readonly (string | number)[];

/** True for a JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value for a message: a string as itself (truncated), anything else as its JSON kind. */
export function describeValue(value: unknown, max = 80): string {
  if (typeof value === 'string') return truncate(value, max);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

/** `text` cut to `max` characters with an ellipsis, control characters shown as spaces. */
export function truncate(text: string, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** `a`, `a or b`, `a, b or c`. */
export function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
