/**
 * Which ninjs a document is: what it declares (`standard.version`, 1.x's `$standard.version`, or the
 * version in a schema URL) and what its properties show (3.x camelCase names, 1.x/2.x lower-case ones, 1.x
 * singular names and keyed renditions). A declaration is believed unless the properties are plainly of a
 * later major version: documents carry `standard` blocks over from older templates (IPTC's own 3.0 test
 * suite declares "2.2" in files written in 3.0), while a document declaring a later version is held to it.
 */
import type { Finding } from '../../rule.ts';
import type { NinjsRuleId } from '../../rules/ninjs.ts';
import { formatPath, isObject, quote, type JsonPath } from './describe.ts';

/** A ninjs major version. */
export type Major = 1 | 2 | 3;

/** The rules a document is checked against. */
export interface NinjsVersion {
  readonly major: Major;
  readonly minor: number;
}

/** The highest minor version IPTC has published (or drafted) for each major version. */
export const LATEST_MINOR: Readonly<Record<Major, number>> = { 1: 8, 2: 4, 3: 3 };

/** What a document's version is read as. */
export interface VersionReading {
  readonly version: NinjsVersion;
  /** "3.1" when a known version is declared and fits, "3.x" when only the major is known. */
  readonly label: string;
  /** Warnings about the declaration (a mismatch, an unknown version). */
  readonly findings: readonly Finding<NinjsRuleId>[];
}

/** Keys only ninjs 3.x has (camelCase), anywhere in a document. */
const CAMEL_CASE = new Set([
  'representationType', 'firstCreated', 'versionCreated', 'contentCreated', 'contentDigitised', 'embargoedUntil', 'pubStatus',
  'copyrightHolder', 'copyrightNotice', 'usageTerms', 'edNote', 'infoSources', 'altIds', 'trustIndicators', 'rightsInfo',
  'digitalSourceType', 'eventDetails', 'plannedCoverage', 'contentType', 'charCount', 'wordCount', 'sizeInBytes', 'aspectRatio',
  'videoCodec', 'frameRate', 'transportProtocol', 'scanType', 'contactInfo', 'postalCode', 'symbolType', 'geoJSON', 'startDate',
  'endDate', 'expectedStartDate', 'expectedEndDate', 'expectedDuration', 'recurrenceRules', 'recurrenceDates', 'eventStatus',
  'plannedCoverageStatus', 'langId', 'linkedRights', 'encodedRights', 'exclAudience', 'itemCount', 'rangeFrom', 'rangeTo',
]);

/** Lower-case keys of ninjs 1.x and 2.x that 3.x spells in camelCase (or dropped). */
const LOWER_CASE = new Set([
  'representationtype', 'firstcreated', 'versioncreated', 'contentcreated', 'contentdigitised', 'embargoed', 'pubstatus',
  'copyrightholder', 'copyrightnotice', 'usageterms', 'ednote', 'infosources', 'altids', 'trustindicators', 'rightsinfo',
  'digitalsourcetype', 'contenttype', 'charcount', 'wordcount', 'sizeinbytes', 'aspectratio', 'videocodec', 'framerate',
  'transportprotocol', 'scantype', 'contactinfo', 'postalcode', 'symboltype', 'geojson', 'langid', 'linkedrights', 'encodedrights',
  'mimetype', 'infosource', 'trustindicator',
]);

/** Keys only ninjs 1.x has. */
const ONLY_1 = new Set(['headline', 'byline', 'mimetype', 'person', 'organisation', 'place', 'subject', 'event', 'object', 'genre', 'infosource', 'trustindicator', '$standard', 'scheme', 'code']);

/** Keys ninjs 2.x and 3.x have and 1.x has not. */
const NOT_1 = new Set(['by', 'headlines', 'bodies', 'descriptions', 'people', 'organisations', 'places', 'subjects', 'events', 'objects', 'genres', 'standard', 'literal']);

/** Subtrees whose keys are not ninjs vocabulary (GeoJSON, provider extensions). */
const OPAQUE = new Set(['geoJSON', 'geojson', 'extensions', 'altids']);

/** Nodes the evidence walk visits at most, so that it stays cheap on any input. */
const BUDGET = 20_000;

/** How many keys of each kind a document has. */
interface Evidence {
  /** 3.x camelCase keys. */
  camel: number;
  /** 1.x or 2.x keys (lower-case compounds, 1.x singular names and keyed objects). */
  old: number;
  /** Keys only 1.x has. */
  only1: number;
  /** Keys 2.x and 3.x have but 1.x has not. */
  not1: number;
}

/** Reads the version of a ninjs object (a plain JSON object). */
export function readVersion(doc: Record<string, unknown>): VersionReading {
  const declared = readDeclaration(doc);
  const shape = toShapeMajor(gatherEvidence(doc));
  const findings: Finding<NinjsRuleId>[] = [];
  if (declared === undefined) {
    const major = shape ?? 3;
    return { version: { major, minor: LATEST_MINOR[major] }, label: `${major}.x`, findings };
  }
  const { parsed, text, at, unknown } = declared;
  if (unknown !== undefined) {
    findings.push(warn('unknown-version', `${formatPath(unknown.at)} ${quote(unknown.text)} is not a ninjs version IPTC has published (1.0–1.${LATEST_MINOR[1]}, 2.0–2.${LATEST_MINOR[2]}, 3.0–3.${LATEST_MINOR[3]}); the document is checked against the version its schema URL names (${formatPath(at)})`, unknown.at));
  }
  if (parsed === undefined) {
    const major = shape ?? 3;
    findings.push(warn('unknown-version', `${formatPath(at)} ${quote(text)} is not a ninjs version IPTC has published (1.0–1.${LATEST_MINOR[1]}, 2.0–2.${LATEST_MINOR[2]}, 3.0–3.${LATEST_MINOR[3]}); the document is checked as ninjs ${major}.x, as its properties read`, at));
    return { version: { major, minor: LATEST_MINOR[major] }, label: `${major}.x`, findings };
  }
  if (shape !== undefined && shape > parsed.major) {
    findings.push(warn('version-mismatch', `${formatPath(at)} says ${quote(text)} but the properties are ninjs ${shape}.x names; the document is checked as ninjs ${shape}.x — update the declaration (standard.version, standard.schema) to the version you write`, at));
    return { version: { major: shape, minor: LATEST_MINOR[shape] }, label: `${shape}.x`, findings };
  }
  if (shape !== undefined && shape < parsed.major) {
    findings.push(warn('version-mismatch', `${formatPath(at)} says ${quote(text)} but the properties are ninjs ${shape}.x names; the document is held to ninjs ${parsed.major}, so those names are reported — rename them, or declare the version you write`, at));
  }
  const latest = LATEST_MINOR[parsed.major];
  if (parsed.minor === undefined) return { version: { major: parsed.major, minor: latest }, label: `${parsed.major}.x`, findings };
  if (parsed.minor > latest) {
    findings.push(warn('unknown-version', `${formatPath(at)} ${quote(text)} is later than the latest ninjs ${parsed.major} version known here (${parsed.major}.${latest}); the document is checked against ${parsed.major}.${latest}`, at));
    return { version: { major: parsed.major, minor: latest }, label: `${parsed.major}.${latest}`, findings };
  }
  return { version: { major: parsed.major, minor: parsed.minor }, label: `${parsed.major}.${parsed.minor}`, findings };
}

/** A declared version: its text, where, and its major and minor when it reads as a ninjs version. */
interface Declaration {
  readonly text: string;
  readonly at: JsonPath;
  readonly parsed: { major: Major; minor: number | undefined } | undefined;
  /** The declared `version` this declaration stands in for, when that one is no ninjs version ("2.0-dev"). */
  readonly unknown?: { readonly text: string; readonly at: JsonPath };
}

/**
 * The version a document declares: `standard.version` (2.x, 3.x) or `$standard.version` (1.3 to 1.x), else the
 * version in the schema URL of the same block or of `$schema`. The standard block's `schema` is "the URI of
 * the JSON Schema to use for validating this instance" (ninjs-schema_2.0 … _3.3.json, standard.schema), so
 * when the `version` beside it is not a version IPTC has published ("2.0-dev"), the schema URL's version,
 * if it names one, is the better word on which rules apply; only when none does is the version unknown.
 */
function readDeclaration(doc: Record<string, unknown>): Declaration | undefined {
  let unknown: { text: string; at: JsonPath } | undefined;
  for (const container of ['standard', '$standard']) {
    const standard = doc[container];
    if (!isObject(standard)) continue;
    const version = standard['version'];
    if (typeof version === 'string') {
      const parsed = parseVersion(version);
      if (parsed !== undefined) return { text: version, at: [container, 'version'], parsed };
      unknown ??= { text: version, at: [container, 'version'] };
    }
    const fromSchema = schemaDeclaration(standard['schema'], [container, 'schema'], unknown);
    if (fromSchema !== undefined) return fromSchema;
  }
  const fromSchema = schemaDeclaration(doc['$schema'], ['$schema'], unknown);
  if (fromSchema !== undefined) return fromSchema;
  return unknown === undefined ? undefined : { ...unknown, parsed: undefined };
}

/**
 * The version a schema URL at `at` names, as a declaration; when a `version` that is no ninjs version was
 * declared, only a URL naming a known one stands in for it.
 */
function schemaDeclaration(schema: unknown, at: JsonPath, unknown: { text: string; at: JsonPath } | undefined): Declaration | undefined {
  if (typeof schema !== 'string') return undefined;
  const fromUrl = versionInSchemaUrl(schema);
  if (fromUrl === undefined) return undefined;
  const parsed = parseVersion(fromUrl);
  if (unknown === undefined) return { text: schema, at, parsed };
  return parsed === undefined ? undefined : { text: schema, at, parsed, unknown };
}

/** "3.1" → 3.1, "3" → 3.x, "3.0.1" → 3.0, "v1.3" → 1.3; undefined for anything else or an unknown major. */
export function parseVersion(text: string): { major: Major; minor: number | undefined } | undefined {
  const trimmed = text.trim().replace(/^v/i, '');
  const parts = trimmed.split('.');
  if (parts.length > 3 || !parts.every((p) => /^\d{1,4}$/.test(p))) return undefined;
  const major = Number(parts[0]);
  if (major !== 1 && major !== 2 && major !== 3) return undefined;
  return { major, minor: parts.length > 1 ? Number(parts[1]) : undefined };
}

/** The version in an IPTC schema URL (".../ninjs-schema_3.1.json", "ninjs-schema_v1.3.json"), if any. */
function versionInSchemaUrl(url: string): string | undefined {
  const at = url.lastIndexOf('ninjs-schema_');
  if (at === -1) return undefined;
  let end = at + 'ninjs-schema_'.length;
  const start = end;
  while (end < url.length && end - start < 12 && /[0-9.vV]/.test(url.charAt(end))) end++;
  const version = url.slice(start, end).replace(/\.$/, '');
  return version === '' ? undefined : version;
}

/**
 * The major version the properties show, or undefined when they fit several or tell too little: at least
 * two 1.x/2.x keys are needed to read a document as 1.x or 2.x, so that one stray lower-case key in a 3.x
 * document is reported as the 3.x error it is rather than turning the whole document into 2.x.
 */
function toShapeMajor(e: Evidence): Major | undefined {
  if (e.camel > e.old) return 3;
  if (e.old >= 2 && e.old > e.camel) return e.only1 > e.not1 ? 1 : 2;
  return undefined;
}

/** Counts the version-telling keys of a document, breadth first, within a budget. */
function gatherEvidence(doc: Record<string, unknown>): Evidence {
  const evidence: Evidence = { camel: 0, old: 0, only1: 0, not1: 0 };
  const queue: unknown[] = [doc];
  let visited = 0;
  for (let i = 0; i < queue.length && visited < BUDGET; i++, visited++) {
    const node = queue[i];
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === 'object' && item !== null) queue.push(item);
      continue;
    }
    if (!isObject(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      count(evidence, key, value);
      if (OPAQUE.has(key) || typeof value !== 'object' || value === null) continue;
      // 1.x renditions and associations are objects keyed by name: their keys are names, their values ninjs.
      if ((key === 'renditions' || key === 'associations') && isObject(value)) {
        for (const named of Object.values(value)) queue.push(named);
      } else queue.push(value);
    }
  }
  return evidence;
}

function count(evidence: Evidence, key: string, value: unknown): void {
  const only1 = ONLY_1.has(key) || key.startsWith('body_') || key.startsWith('description_') || key.startsWith('headline_') || key.startsWith('geometry_') || ((key === 'renditions' || key === 'associations') && isObject(value));
  if (CAMEL_CASE.has(key)) evidence.camel++;
  if (only1 || LOWER_CASE.has(key)) evidence.old++;
  if (only1) evidence.only1++;
  if (NOT_1.has(key) || ((key === 'renditions' || key === 'associations') && Array.isArray(value))) evidence.not1++;
}

function warn(rule: NinjsRuleId, message: string, at: JsonPath): Finding<NinjsRuleId> {
  return { rule, message, at: { path: [...at] } };
}
