/**
 * The standard layer for IPTC ninjs: recognise the version of a document (1.x, 2.x, 3.x) and check it
 * against that version's rules — required properties, types, enumerations, formats, closed objects,
 * associations recursively — reporting findings with the JSON path of each offending value.
 */
import type { Finding } from '../../rule.ts';
import type { NinjsRuleId } from '../../rules/ninjs.ts';
import { describeValue, isObject } from './describe.ts';
import { ninjs1 } from './schema-1.ts';
import { ninjs2 } from './schema-2.ts';
import { ninjs3 } from './schema-3.ts';
import { checkShape, type ObjectShape, type Walk } from './shape.ts';
import { LATEST_MINOR, readVersion, type NinjsVersion } from './version.ts';

/** The shapes built so far, by "major.minor" (shapes are immutable, so each version is built once). */
const shapes = new Map<string, ObjectShape>();

/** The top-level shape of a ninjs version. */
function shapeOf(version: NinjsVersion): ObjectShape {
  const key = `${version.major}.${version.minor}`;
  let shape = shapes.get(key);
  if (shape === undefined) {
    const built = version.major === 1 ? ninjs1(version.minor) : version.major === 2 ? ninjs2(version.minor) : ninjs3(version.minor);
    const { major, minor } = version;
    // A top-level property of a later minor version is named as such ("it came with ninjs 3.1").
    const introduced = (property: string): string | undefined => {
      for (let later = minor + 1; later <= LATEST_MINOR[major]; later++) if (Object.hasOwn(shapeOf({ major, minor: later }).properties, property)) return `${major}.${later}`;
      return undefined;
    };
    shape = minor < LATEST_MINOR[major] ? { ...built, introduced } : built;
    shapes.set(key, shape);
  }
  return shape;
}

/**
 * The ninjs version a JSON value reads as: "3.1", "2.2", "1.5"… when it declares a known version its
 * properties agree with, "3.x", "2.x" or "1.x" when only the major version shows; undefined when the value
 * is not an object or has no property of any ninjs version.
 */
export function toNinjsVersion(value: unknown): string | undefined {
  if (!isObject(value) || !looksLikeNinjs(value)) return undefined;
  return readVersion(value).label;
}

/** Checks a parsed JSON value as a ninjs document of the version it reads as (3.x rules when it shows none). */
export function checkNinjs(value: unknown): { version: string | undefined; findings: Finding<NinjsRuleId>[] } {
  if (!isObject(value)) {
    return { version: undefined, findings: [{ rule: 'not-object', message: `the document is ${describeValue(value)}; a ninjs document is one JSON object with at least a "uri"`, at: { path: [] } }] };
  }
  const ninjs = looksLikeNinjs(value);
  const reading = readVersion(value);
  const walk: Walk = { label: `ninjs ${reading.label}`, findings: [...reading.findings], depth: 0 };
  checkShape(value, shapeOf(reading.version), [], walk);
  return { version: ninjs ? reading.label : undefined, findings: walk.findings };
}

/** True when an object has at least one top-level property some ninjs version defines. */
function looksLikeNinjs(value: Record<string, unknown>): boolean {
  return Object.keys(value).some(isNinjsProperty);
}

/**
 * True when `key` is a top-level property of some ninjs version (the latest minor of each major, which only
 * add to the earlier ones), by name or by a 1.x pattern (`body_…`, `description_…`, `headline_…`).
 */
export function isNinjsProperty(key: string): boolean {
  const latest = [shapeOf({ major: 1, minor: LATEST_MINOR[1] }), shapeOf({ major: 2, minor: LATEST_MINOR[2] }), shapeOf({ major: 3, minor: LATEST_MINOR[3] })];
  return latest.some((shape) => Object.hasOwn(shape.properties, key) || (shape.patterns ?? []).some((p) => p.test(key)));
}
