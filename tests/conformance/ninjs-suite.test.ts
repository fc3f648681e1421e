import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/validate/rule.ts';
import { toRuleTable } from '../../src/validate/report.ts';
import { NINJS_RULES } from '../../src/validate/rules/ninjs.ts';
import { checkNinjs, toNinjsVersion } from '../../src/validate/standard/ninjs/index.ts';
import { officialSchema } from '../helpers/official.ts';
import { loadOfficialNinjsSchema } from '../helpers/official-validators.ts';

/**
 * Agreement of the ninjs standard layer with IPTC's official ninjs 3.1 JSON Schema (run by Ajv): on the 32
 * IPTC documents of ../shared/testsuites/ninjs (verdicts precomputed in expectations.json), and on
 * mutations of IPTC's examples validated here with Ajv. A document is valid for us when no finding is an
 * error.
 */

const SUITES = process.env.SYNDICATE_TESTSUITES ?? path.resolve(import.meta.dirname, '../../../shared/testsuites');
const SUITE = path.join(SUITES, 'ninjs');
const haveSuite = existsSync(path.join(SUITE, 'expectations.json'));
const EXAMPLES = officialSchema('ninjs', 'examples');
/** Our hand-written documents of other producers (valid/ and invalid/), see their README. */
const OTHERS = path.resolve(import.meta.dirname, '../fixtures/others/json/ninjs');
const haveSchema = existsSync(officialSchema('ninjs', 'ninjs-schema_3.1.json')) && existsSync(EXAMPLES);

if (!haveSuite) {
  console.warn(`\n*** NINJS TEST SUITE ABSENT: ${SUITE} not found. Agreement with IPTC's ninjs documents is SKIPPED, not passed. Set SYNDICATE_TESTSUITES to the folder holding ninjs/. ***\n`);
}
if (!haveSchema) {
  console.warn(`\n*** OFFICIAL NINJS SCHEMA ABSENT: ${EXAMPLES} not found. Agreement on mutated examples is SKIPPED, not passed. ***\n`);
}

const rules = toRuleTable(NINJS_RULES);
const FLOOR = 0.95;

/** Our verdict: valid when no finding is an error. */
function isValid(findings: readonly Finding[]): boolean {
  return !findings.some((f) => rules.get(f.rule)?.severity === 'error');
}

function errors(findings: readonly Finding[]): string[] {
  return findings.filter((f) => rules.get(f.rule)?.severity === 'error').map((f) => `${f.rule}: ${f.message}`);
}

interface Expectation {
  file: string;
  validAgainstOfficialNinjs31Schema: boolean;
  officialSchemaErrors: string[];
}

/** The kind of an IPTC document, from its name: doc-3.1, ex-3.0, suite-3.0 should_pass / should_fail. */
function kindOf(file: string): string {
  const name = path.basename(file);
  const suite = /^suite-[\d.]+_(should_pass|should_fail)/.exec(name);
  if (suite !== null) return `${name.slice(0, name.indexOf('_'))} ${suite[1]}`;
  return name.slice(0, name.indexOf('_'));
}

/** Prints the agreement, per kind and overall, and the disagreements; returns the overall share. */
function summarise(title: string, rows: readonly { name: string; kind: string; official: boolean; ours: boolean; detail: string }[]): number {
  const kinds = [...new Set(rows.map((r) => r.kind))].sort();
  const lines = [`${title}:`];
  for (const kind of kinds) {
    const of = rows.filter((r) => r.kind === kind);
    lines.push(`  ${kind}: ${of.filter((r) => r.official === r.ours).length}/${of.length}`);
  }
  const agreed = rows.filter((r) => r.official === r.ours).length;
  lines.push(`  overall: ${agreed}/${rows.length} (${((100 * agreed) / rows.length).toFixed(1)}%)`);
  for (const r of rows.filter((row) => row.official !== row.ours)) {
    lines.push(`  DISAGREE ${r.name}: official ${r.official ? 'valid' : 'invalid'}, ours ${r.ours ? 'valid' : 'invalid'} — ${r.detail}`);
  }
  console.log(lines.join('\n'));
  return agreed / rows.length;
}

describe.skipIf(!haveSuite)('ninjs standard layer vs the official 3.1 schema on IPTC’s documents', () => {
  const expectations = haveSuite ? (JSON.parse(readFileSync(path.join(SUITE, 'expectations.json'), 'utf8')) as Expectation[]) : [];

  it(`agrees on at least ${FLOOR * 100}% of the ${expectations.length} documents`, () => {
    expect(expectations.length).toBeGreaterThan(0);
    const rows = expectations.map((e) => {
      const { findings } = checkNinjs(JSON.parse(readFileSync(path.join(SUITE, e.file), 'utf8')));
      const ours = isValid(findings);
      const detail = ours ? `official: ${e.officialSchemaErrors.join('; ')}` : errors(findings).join(' | ');
      return { name: e.file, kind: kindOf(e.file), official: e.validAgainstOfficialNinjs31Schema, ours, detail };
    });
    expect(summarise('ninjs test suite agreement', rows)).toBeGreaterThanOrEqual(FLOOR);
  });

  it('never throws, and finds an error in every should_fail case', () => {
    for (const e of expectations.filter((x) => x.file.includes('should_fail'))) {
      const { findings } = checkNinjs(JSON.parse(readFileSync(path.join(SUITE, e.file), 'utf8')));
      expect(isValid(findings), e.file).toBe(false);
    }
  });
});

/** One change to a document, named for the report. */
type Mutation = readonly [name: string, change: (doc: Record<string, unknown>) => boolean];

/** The first item of an array property, when there is one that is an object. */
function first(doc: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const list = doc[key];
  const item: unknown = Array.isArray(list) ? list[0] : undefined;
  return typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>) : undefined;
}

/** Mutations that make a document valid or invalid in ways the schema decides; each returns false when it does not apply. */
const MUTATIONS: readonly Mutation[] = [
  ['unchanged', () => true],
  ['remove uri', (d) => delete d['uri']],
  ['uri without scheme', (d) => ((d['uri'] = 'item-20240904-001'), true)],
  ['uri with a space', (d) => ((d['uri'] = 'https://example.com/a b'), true)],
  ['urn uri', (d) => ((d['uri'] = 'urn:newsml:example.com:20240904:a1'), true)],
  ['tag uri', (d) => ((d['uri'] = 'tag:example.com,2024:item:1'), true)],
  ['type not in the enumeration', (d) => ((d['type'] = 'article'), true)],
  ['type event', (d) => ((d['type'] = 'event'), true)],
  ['pubStatus misspelt', (d) => ((d['pubStatus'] = 'cancelled'), true)],
  ['pubStatus withheld', (d) => ((d['pubStatus'] = 'withheld'), true)],
  ['representationType complete (1.x value)', (d) => ((d['representationType'] = 'complete'), true)],
  ['versionCreated without offset', (d) => ((d['versionCreated'] = '2024-09-04T21:03:00'), true)],
  ['versionCreated date only', (d) => ((d['versionCreated'] = '2024-09-04'), true)],
  ['versionCreated 30 February', (d) => ((d['versionCreated'] = '2024-02-30T10:00:00Z'), true)],
  ['versionCreated with a space', (d) => ((d['versionCreated'] = '2024-09-04 21:03:00+08:00'), true)],
  ['versionCreated offset without colon', (d) => ((d['versionCreated'] = '2024-09-04T21:03:00+0800'), true)],
  ['versionCreated fractional seconds', (d) => ((d['versionCreated'] = '2024-09-04T21:03:00.123Z'), true)],
  ['embargoedUntil RFC 822', (d) => ((d['embargoedUntil'] = 'Wed, 04 Sep 2024 21:03:00 +0800'), true)],
  ['unknown top-level property', (d) => ((d['priority'] = 3), true)],
  ['2.x name versioncreated', (d) => ((d['versioncreated'] = '2024-09-04T21:03:00Z'), true)],
  ['extension-style _private key', (d) => ((d['_private'] = { a: 1 }), true)],
  ['urgency 0', (d) => ((d['urgency'] = 0), true)],
  ['urgency 10', (d) => ((d['urgency'] = 10), true)],
  ['urgency 4.5', (d) => ((d['urgency'] = 4.5), true)],
  ['urgency "3"', (d) => ((d['urgency'] = '3'), true)],
  ['urgency 5', (d) => ((d['urgency'] = 5), true)],
  ['language underscore', (d) => ((d['language'] = 'en_US'), true)],
  ['headlines as a string', (d) => ((d['headlines'] = 'A headline'), true)],
  ['headline without value', (d) => ((d['headlines'] = [{ role: 'main' }]), true)],
  ['headline with contenttype', (d) => ((d['headlines'] = [{ value: 'x', contenttype: 'text/plain' }]), true)],
  ['bodies with charCount 12.5', (d) => ((d['bodies'] = [{ value: 'x', charCount: 12.5 }]), true)],
  ['rendition without name', (d) => ((d['renditions'] = [{ href: 'https://example.com/a.jpg' }]), true)],
  ['rendition width as string', (d) => ((d['renditions'] = [{ name: 'thumb', width: '70' }]), true)],
  ['rendition href relative', (d) => ((d['renditions'] = [{ name: 'thumb', href: '/a.jpg' }]), true)],
  ['rendition scanType wrong', (d) => ((d['renditions'] = [{ name: 'v', scanType: 'progressive-ish' }]), true)],
  ['rendition unknown key', (d) => ((d['renditions'] = [{ name: 'v', mimetype: 'image/jpeg' }]), true)],
  ['association without name', (d) => ((d['associations'] = [{ uri: 'https://example.com/a' }]), true)],
  ['association without uri', (d) => ((d['associations'] = [{ name: 'photo' }]), true)],
  ['association with rel', (d) => ((d['associations'] = [{ name: 'photo', rel: 'illustration', uri: 'https://example.com/a', type: 'picture' }]), true)],
  ['association with an unknown key', (d) => ((d['associations'] = [{ name: 'photo', uri: 'https://example.com/a', caption: 'x' }]), true)],
  ['nested association bad type', (d) => ((d['associations'] = [{ name: 'a', uri: 'https://example.com/a', associations: [{ name: 'b', uri: 'https://example.com/b', type: 'photo' }] }]), true)],
  ['subject with relevance 101', (d) => ((d['subjects'] = [{ name: 'x', relevance: 101 }]), true)],
  ['subject uri relative', (d) => ((d['subjects'] = [{ name: 'x', uri: 'medtop/01000000' }]), true)],
  ['subject with scheme/code (1.x)', (d) => ((d['subjects'] = [{ name: 'x', scheme: 'http://cv.iptc.org/newscodes/mediatopic/', code: '01000000' }]), true)],
  ['genre uri not a URI (no format in 3.x)', (d) => ((d['genres'] = [{ name: 'x', uri: 'genre:Current' }, { uri: 'not a uri' }]), true)],
  ['place with GeoJSON point', (d) => ((d['places'] = [{ name: 'x', geoJSON: { type: 'Point', coordinates: [1, 2] } }]), true)],
  ['place with broken GeoJSON', (d) => ((d['places'] = [{ name: 'x', geoJSON: { type: 'Point', coordinates: [1] } }]), true)],
  ['place with geojson (2.x name)', (d) => ((d['places'] = [{ name: 'x', geojson: { type: 'Point', coordinates: [1, 2] } }]), true)],
  ['rightsInfo with both', (d) => ((d['rightsInfo'] = { linkedRights: 'https://example.com/r', encodedRights: 'x' }), true)],
  ['rightsInfo with neither', (d) => ((d['rightsInfo'] = { langId: 'https://example.com/odrl' }), true)],
  ['rightsInfo linked', (d) => ((d['rightsInfo'] = { langId: 'http://www.w3.org/ns/odrl/2/', linkedRights: 'https://example.com/r' }), true)],
  ['people contactInfo without value or address', (d) => ((d['people'] = [{ name: 'x', contactInfo: [{ type: 'phone' }] }]), true)],
  ['eventDetails with start and expected start', (d) => ((d['eventDetails'] = { dates: { startDate: '2024-01-01T10:00:00Z', expectedStartDate: '2024-01' } }), true)],
  ['eventDetails with expected end only', (d) => ((d['eventDetails'] = { dates: { expectedEndDate: '2024-13' } }), true)],
  ['eventDetails with truncated start', (d) => ((d['eventDetails'] = { dates: { expectedStartDate: '2024-10' } }), true)],
  ['plannedCoverage urgency 11', (d) => ((d['plannedCoverage'] = [{ uri: 'urn:x:1', urgency: 11 }]), true)],
  ['altIds as an object (1.x form)', (d) => ((d['altIds'] = { local: 'x' }), true)],
  ['standard with a relative schema', (d) => ((d['standard'] = { name: 'ninjs', version: '3.1', schema: 'ninjs-schema_3.1.json' }), true)],
  ['digitalSourceType (new in 3.1: a document declaring 3.0 is held to 3.0)', (d) => ((d['digitalSourceType'] = { uri: 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture' }), true)],
  ['first headline role as a number', (d) => {
    const headline = first(d, 'headlines');
    if (headline === undefined) return false;
    headline['role'] = 1;
    return true;
  }],
  ['first body without value', (d) => {
    const body = first(d, 'bodies');
    if (body === undefined) return false;
    delete body['value'];
    return true;
  }],
  ['first rendition height 70.5', (d) => {
    const rendition = first(d, 'renditions');
    if (rendition === undefined) return false;
    rendition['height'] = 70.5;
    return true;
  }],
  ['first association uri removed', (d) => {
    const association = first(d, 'associations');
    if (association === undefined) return false;
    delete association['uri'];
    return true;
  }],
  ['empty object', (d) => {
    for (const key of Object.keys(d)) delete d[key];
    return true;
  }],
];

describe.skipIf(!haveSchema)('ninjs standard layer vs Ajv with the official 3.1 schema on mutated examples', () => {
  let official: (value: unknown) => string[];
  beforeAll(async () => {
    official = await loadOfficialNinjsSchema();
  });

  it(`agrees on at least ${FLOOR * 100}% of the mutations`, () => {
    const bases: [string, Record<string, unknown>][] = readdirSync(EXAMPLES)
      .filter((n) => n.endsWith('.json'))
      .map((n) => [n, JSON.parse(readFileSync(path.join(EXAMPLES, n), 'utf8')) as Record<string, unknown>]);
    if (haveSuite) {
      for (const n of readdirSync(path.join(SUITE, 'files')).filter((x) => x.includes('should_pass') || x.startsWith('ex-'))) {
        const value: unknown = JSON.parse(readFileSync(path.join(SUITE, 'files', n), 'utf8'));
        if (typeof value === 'object' && value !== null && !Array.isArray(value) && official(value).length === 0) bases.push([n, value as Record<string, unknown>]);
      }
    }
    const rows: { name: string; kind: string; official: boolean; ours: boolean; detail: string }[] = [];
    for (const [base, doc] of bases) {
      for (const [name, change] of MUTATIONS) {
        const copy = structuredClone(doc);
        if (!change(copy)) continue;
        const officialErrors = official(copy);
        const { findings } = checkNinjs(copy);
        const ours = isValid(findings);
        const detail = ours ? `official: ${officialErrors.join('; ')}` : errors(findings).join(' | ');
        rows.push({ name: `${base} / ${name}`, kind: name === 'unchanged' ? 'unchanged' : officialErrors.length === 0 ? 'mutated, officially valid' : 'mutated, officially invalid', official: officialErrors.length === 0, ours, detail });
      }
    }
    expect(summarise(`mutation agreement (${bases.length} bases × ${MUTATIONS.length} mutations)`, rows)).toBeGreaterThanOrEqual(FLOOR);
  });
});

describe.skipIf(!haveSchema)('ninjs standard layer vs Ajv with the official 3.1 schema on hand-written documents', () => {
  it('agrees on every 3.0, 3.1 and undeclared 3.x document', async () => {
    const official = await loadOfficialNinjsSchema();
    const rows: { name: string; kind: string; official: boolean; ours: boolean; detail: string }[] = [];
    for (const folder of ['valid', 'invalid']) {
      for (const name of readdirSync(path.join(OTHERS, folder)).filter((n) => n.endsWith('.json'))) {
        const value: unknown = JSON.parse(readFileSync(path.join(OTHERS, folder, name), 'utf8'));
        // The official schema is 3.1's: it judges 3.0, 3.1 and undeclared 3.x documents, not 1.x, 2.x or 3.2+.
        if (!['3.0', '3.1', '3.x', undefined].includes(toNinjsVersion(value))) continue;
        const officialErrors = official(value);
        const { findings } = checkNinjs(value);
        const ours = isValid(findings);
        rows.push({ name: `${folder}/${name}`, kind: folder, official: officialErrors.length === 0, ours, detail: ours ? officialErrors.join('; ') : errors(findings).join(' | ') });
      }
    }
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(summarise('hand-written 3.x documents agreement', rows)).toBe(1);
  });
});

/** A JSON Schema node, as far as the ninjs schema uses keywords. */
interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  patternProperties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  enum?: string[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  additionalProperties?: boolean | SchemaNode;
  unevaluatedProperties?: boolean;
}

describe.skipIf(!haveSchema)('our ninjs 3.1 shapes against the official 3.1 schema, property by property', () => {
  it('declares the same properties, types, enumerations, formats, ranges and requirements', async () => {
    const { ninjs3 } = await import('../../src/validate/standard/ninjs/schema-3.ts');
    type Shape = import('../../src/validate/standard/ninjs/shape.ts').Shape;
    const schema = JSON.parse(readFileSync(officialSchema('ninjs', 'ninjs-schema_3.1.json'), 'utf8')) as SchemaNode & { $defs: Record<string, SchemaNode> };
    const differences: string[] = [];
    /** The node with its local $ref merged in (siblings win, properties are united). */
    const resolve = (node: SchemaNode): SchemaNode => {
      if (node.$ref === undefined || !node.$ref.startsWith('#/$defs/')) return node;
      const target = resolve(schema.$defs[node.$ref.slice('#/$defs/'.length)] as SchemaNode);
      // A sibling "type" other than the target's makes both apply at once (3.x recurrenceDates: array and string).
      const type = node.type !== undefined && target.type !== undefined && node.type !== target.type ? [node.type, target.type].flat() : (node.type ?? target.type);
      const merged: SchemaNode = { ...target, ...node };
      delete merged.$ref;
      if (type !== undefined) merged.type = type;
      if (target.properties !== undefined || node.properties !== undefined) merged.properties = { ...target.properties, ...node.properties };
      return merged;
    };
    const compare = (raw: SchemaNode, shape: Shape, at: string, depth: number): void => {
      if (depth > 6) return;
      const node = resolve(raw);
      if (raw.$ref?.startsWith('https://geojson.org/') === true) {
        if (shape.kind !== 'geojson') differences.push(`${at}: GeoJSON, ours ${shape.kind}`);
        return;
      }
      const resolved = shape.kind === 'lazy' ? shape.resolve() : shape;
      const types = Array.isArray(node.type) ? node.type : node.type === undefined ? [] : [node.type];
      if (types.includes('array') && types.includes('string')) {
        if (resolved.kind !== 'conflict') differences.push(`${at}: array and string at once, ours ${resolved.kind}`);
        return;
      }
      if (types.includes('array') || node.items !== undefined) {
        if (resolved.kind !== 'array') return void differences.push(`${at}: array, ours ${resolved.kind}`);
        compare(node.items ?? {}, resolved.items, `${at}[]`, depth + 1);
        return;
      }
      if (types.includes('object') || node.properties !== undefined) {
        if (resolved.kind !== 'object') return void differences.push(`${at}: object, ours ${resolved.kind}`);
        const theirs = Object.keys(node.properties ?? {}).sort();
        const ours = Object.keys(resolved.properties).sort();
        if (theirs.join() !== ours.join()) differences.push(`${at}: properties ${theirs.join()} vs ours ${ours.join()}`);
        const closed = node.additionalProperties === false || node.unevaluatedProperties === false;
        if (closed !== resolved.closed) differences.push(`${at}: closed ${closed}, ours ${resolved.closed}`);
        if ((node.required ?? []).sort().join() !== [...(resolved.required ?? [])].sort().join()) differences.push(`${at}: required ${node.required?.join()} vs ours ${resolved.required?.join()}`);
        for (const key of theirs) if (Object.hasOwn(resolved.properties, key)) compare(node.properties?.[key] ?? {}, resolved.properties[key] as Shape, `${at}.${key}`, depth + 1);
        return;
      }
      if (types.includes('string')) {
        if (resolved.kind !== 'string') return void differences.push(`${at}: string, ours ${resolved.kind}`);
        if ((node.enum ?? []).join() !== (resolved.values ?? []).join()) differences.push(`${at}: enum ${node.enum?.join()} vs ours ${resolved.values?.join()}`);
        const format = node.pattern !== undefined ? 'truncated-date-time' : node.format;
        const ourFormat = resolved.format === 'language' ? undefined : resolved.format;
        if (format !== ourFormat) differences.push(`${at}: format ${format} vs ours ${ourFormat}`);
        return;
      }
      if (types.includes('integer') || types.includes('number')) {
        if (resolved.kind !== 'number') return void differences.push(`${at}: number, ours ${resolved.kind}`);
        if (types.includes('integer') !== (resolved.integer === true)) differences.push(`${at}: integer ${types.includes('integer')}, ours ${resolved.integer === true}`);
        if (node.minimum !== resolved.minimum || node.maximum !== resolved.maximum) differences.push(`${at}: range ${node.minimum}–${node.maximum} vs ours ${resolved.minimum}–${resolved.maximum}`);
        return;
      }
      if (types.includes('boolean') && resolved.kind !== 'boolean') differences.push(`${at}: boolean, ours ${resolved.kind}`);
    };
    compare({ ...schema, $ref: '#/$defs/ninjsType' }, ninjs3(1), '$', 0);
    expect(differences).toEqual([]);
  });
});
