/**
 * Checks of the library API's arguments: a caller who passes the wrong thing learns which argument
 * and what it must be, instead of a TypeError from deep inside (`Cannot read properties of undefined`).
 * Misuse of the API is a programming error, so it throws; bad content is never a throw (diagnostics).
 */
import { isRecord } from './validate/standard/jsonld/json.ts';

/** `undefined`, `null`, `an array`, `a string "abc"`, `a number 3`, `an object`. */
function describeValue(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `a string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value} ${String(value)}`;
}

/** Throws a TypeError naming the call, the argument and what it must be, unless `ok`. */
export function requireArgument(ok: boolean, call: string, name: string, expected: string, value: unknown): void {
  if (!ok) throw new TypeError(`syndicate ${call}: ${name} must be ${expected}, got ${describeValue(value)}`);
}

/** Checks that `value` looks like a SiteConfig from readSiteConfig (an object with a name and url). */
export function requireSite(call: string, name: string, value: unknown): void {
  requireArgument(isRecord(value) && typeof value['name'] === 'string' && typeof value['url'] === 'string', call, name, 'a site configuration (the `config` readSiteConfig returns)', value);
}

/** Checks that `options[key]` is a string. */
export function requireStringOption(call: string, options: Record<string, unknown>, key: string, example: string): void {
  requireArgument(typeof options[key] === 'string', call, `options.${key}`, `a string (e.g. ${example})`, options[key]);
}
