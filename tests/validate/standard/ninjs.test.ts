import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitNinjs } from '../../../src/emit/ninjs.ts';
import type { Article } from '../../../src/model/article.ts';
import { toDiagnostics, toRuleTable } from '../../../src/validate/report.ts';
import { NINJS_RULES, type NinjsRuleId } from '../../../src/validate/rules/ninjs.ts';
import { checkNinjs, toNinjsVersion } from '../../../src/validate/standard/ninjs/index.ts';
import { makeArticle, makeRichArticle, makeSite } from '../../helpers/fixtures.ts';
import { officialSchema } from '../../helpers/official.ts';

const rules = toRuleTable(NINJS_RULES);
const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The ids of the findings that are errors. */
function errorIds(value: unknown): string[] {
  return checkNinjs(value).findings.filter((f) => rules.get(f.rule)?.severity === 'error').map((f) => f.rule);
}

/** The ids of all findings. */
function ids(value: unknown): string[] {
  return checkNinjs(value).findings.map((f) => f.rule);
}

/** A valid ninjs 3.1 text item to mutate. */
function item31(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    standard: { name: 'ninjs', version: '3.1', schema: 'https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json' },
    uri: 'urn:newsml:example.com:20240904:a1',
    type: 'text',
    versionCreated: '2024-09-04T21:03:00+08:00',
    language: 'en',
    headlines: [{ role: 'main', value: 'A headline' }],
    bodies: [{ role: 'main', contentType: 'text/html', value: '<p>Text.</p>' }],
    ...extra,
  };
}

describe('toNinjsVersion', () => {
  it.each([
    ['a declared 3.1 document', item31(), '3.1'],
    ['a declared 3.0 document', item31({ standard: { name: 'ninjs', version: '3.0' } }), '3.0'],
    ['3.0.1 in standard.version', item31({ standard: { version: '3.0.1' } }), '3.0'],
    ['a version only in the schema URL', item31({ standard: { schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.0.json' } }), '3.0'],
    ['camelCase without a declaration', { uri: 'urn:x:1', versionCreated: '2024-09-04T21:03:00Z' }, '3.x'],
    ['lower-case 2.x names without a declaration', { uri: 'urn:x:1', versioncreated: '2024-09-04T21:03:00Z', bodies: [{ value: 'x', contenttype: 'text/plain' }] }, '2.x'],
    ['a declared 2.1 document', { uri: 'urn:x:1', standard: { version: '2.1' }, versioncreated: '2024-09-04T21:03:00Z' }, '2.1'],
    ['1.x names without a declaration', { uri: 'urn:x:1', headline: 'x', body_text: 'y' }, '1.x'],
    ['1.x keyed renditions', { uri: 'urn:x:1', versioncreated: '2024-09-04T21:03:00Z', renditions: { thumb: { href: 'https://example.com/a.jpg' } } }, '1.x'],
    ['a $standard 1.5 declaration', { uri: 'urn:x:1', $standard: { version: '1.5' }, headline: 'x' }, '1.5'],
    ['a 2.2 declaration on a 3.x document (IPTC’s own test suite does this)', { uri: 'urn:x:1', standard: { version: '2.2' }, eventDetails: { dates: { startDate: '2024-01-01T00:00:00Z' } } }, '3.x'],
    ['nothing but a uri', { uri: 'urn:x:1' }, '3.x'],
    // A version IPTC never published ("2.0-dev") gives way to the version its schema URL names.
    ['an unpublished $standard.version beside a schema URL naming 2.0', { $standard: { name: 'ninjs', version: '2.0-dev', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json' }, uri: 'urn:x:1' }, '2.0'],
    ['an unpublished standard.version with the version in $schema', { $schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.2.json', standard: { version: 'draft' }, uri: 'urn:x:1' }, '3.2'],
    ['an unpublished version and a schema URL naming none', { standard: { version: '2.0-dev', schema: 'https://example.com/schemas/news.json' }, uri: 'urn:x:1', versionCreated: '2024-01-01T00:00:00Z' }, '3.x'],
  ])('%s reads as %s', (_name, value, version) => expect(toNinjsVersion(value)).toBe(version));

  it('checks a document declaring an unpublished version by its schema URL, and says so in a warning', () => {
    const doc = { standard: { name: 'ninjs', version: '2.0-dev', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.0.json' }, uri: 'https://example.com/1', versioncreated: '2024-09-05T10:15:00Z', headlines: [{ value: 'H' }] };
    const { version, findings } = checkNinjs(doc);
    expect(version).toBe('2.0');
    expect(findings.map((f) => [f.rule, f.at])).toEqual([['unknown-version', { path: ['standard', 'version'] }]]);
    expect(findings[0]?.message).toMatch(/"2\.0-dev" is not a ninjs version.*schema URL names \(standard\.schema\)/);
  });

  it.each([
    ['an array', []],
    ['a string', 'ninjs'],
    ['null', null],
    ['an empty object', {}],
    ['an object with no ninjs property', { foo: 1, bar: [2] }],
  ])('%s is no ninjs', (_name, value) => expect(toNinjsVersion(value)).toBeUndefined());
});

describe('checkNinjs accepts valid documents', () => {
  it('accepts a minimal and a full 3.1 item', () => {
    expect(ids({ uri: 'urn:x:1' })).toEqual([]);
    expect(ids(item31())).toEqual([]);
  });

  const examples = officialSchema('ninjs', 'examples');
  it.skipIf(!existsSync(examples))('accepts IPTC’s three 3.1 examples without a finding', () => {
    const names = readdirSync(examples).filter((n) => n.endsWith('.json'));
    expect(names).toHaveLength(3);
    for (const name of names) expect(checkNinjs(JSON.parse(readFileSync(path.join(examples, name), 'utf8'))), name).toEqual({ version: expect.any(String), findings: [] });
  });

  it('accepts syndicate’s own ninjs output (dist and the newsroom fixtures)', () => {
    const files = ['dist/articles', 'tests/fixtures/newsroom/expected/articles']
      .flatMap((dir) => readdirSync(path.join(ROOT, dir)).map((article) => `${dir}/${article}/ninjs.json`))
      .filter((f) => existsSync(path.join(ROOT, f)));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const result = checkNinjs(JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')));
      expect(result, file).toEqual({ version: '3.1', findings: [] });
    }
  });

  const variants: [string, Article][] = [
    ['sample', makeArticle()],
    ['rich', makeRichArticle()],
    ['withdrawal notice', makeRichArticle({ version: 3, signal: 'withdrawal', dateModified: '2024-09-05T12:00:00+08:00', status: 'withdrawn', withdrawalReason: 'Legal advice.' })],
    ['Chinese', makeArticle({ language: 'zh-CN', keywords: ['贸易'], authors: [{ name: '刘彩玉' }] })],
  ];
  it.each(variants)('accepts what emitNinjs writes for the %s article', (_name, article) => {
    const text = emitNinjs([article], makeSite())[0]!.text;
    expect(checkNinjs(JSON.parse(text)).findings).toEqual([]);
  });

  it('accepts 1.x and 2.x documents against their own versions', () => {
    const v1 = {
      uri: 'http://www.example.com/ninjs/1',
      $standard: { name: 'ninjs', version: '1.5', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_1.5.json' },
      type: 'text',
      versioncreated: '2013-05-16T04:01:00Z',
      headline: 'A headline',
      headline_short: 'Short',
      byline: 'By A. Writer',
      body_html: '<p>x</p>',
      description_text: 'x',
      urgency: 3,
      person: [{ name: 'A', scheme: 'http://cv.example.com/', code: 'a', contactinfo: [{ type: 'email', value: 'a@example.com' }] }],
      place: [{ name: 'Rome', geometry_point: { type: 'Point', coordinates: [12.5, 41.9] } }],
      renditions: { thumbnail: { href: 'http://example.com/a.jpg', mimetype: 'image/jpeg', height: 70, width: 70, sizeinbytes: 4380 } },
      associations: { photo: { uri: 'http://example.com/p', type: 'picture', headline: 'x' } },
      altids: { local: 'x', other: 1 },
      rightsinfo: { linkedrights: 'http://example.com/rights', note: 'open object' },
    };
    expect(ids(v1)).toEqual([]);
    const v2 = {
      uri: 'http://www.example.com/ninjs/2',
      standard: { name: 'ninjs', version: '2.2', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json' },
      type: 'picture',
      versioncreated: '2013-05-16T04:01:00Z',
      representationtype: 'full',
      urgency: 3,
      headlines: [{ role: 'main', value: 'x', contenttype: 'text/plain' }],
      bodies: [{ value: 'x', contenttype: 'text/html', charcount: 1 }],
      renditions: [{ name: 'thumbnail', href: 'http://example.com/a.jpg', contenttype: 'image/jpeg', width: 70 }],
      associations: [{ name: 'logo', uri: 'http://example.com/a', type: 'graphic' }],
      places: [{ name: 'x', geojson: { type: 'Point', coordinates: [1, 2] } }],
      altids: [{ role: 'local', value: 'x' }],
      digitalsourcetype: { uri: 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture' },
    };
    expect(ids(v2)).toEqual([]);
  });
});

/** One failing input per rule: the rule, a document, and where the finding must point. */
const FAILING: [NinjsRuleId, unknown, (string | number)[]][] = [
  ['not-object', ['uri'], []],
  ['required-property', { type: 'text', headlines: [{ value: 'x' }] }, []],
  ['required-property', item31({ associations: [{ uri: 'https://example.com/a' }] }), ['associations', 0]],
  ['required-property', item31({ renditions: [{ href: 'https://example.com/a.jpg' }] }), ['renditions', 0]],
  ['property-type', item31({ urgency: '3' }), ['urgency']],
  ['property-type', item31({ renditions: [{ name: 'thumb', width: 70.5 }] }), ['renditions', 0, 'width']],
  ['enum-value', item31({ pubStatus: 'cancelled' }), ['pubStatus']],
  ['enum-value', { uri: 'urn:x:1', standard: { version: '2.0' }, representationtype: 'complete', versioncreated: '2024-01-01T00:00:00Z' }, ['representationtype']],
  ['out-of-range', item31({ urgency: 10 }), ['urgency']],
  ['out-of-range', item31({ subjects: [{ name: 'x', confidence: -1 }] }), ['subjects', 0, 'confidence']],
  ['documented-range', { uri: 'urn:x:1', $standard: { version: '1.5' }, headline: 'x', urgency: 0 }, ['urgency']],
  ['invalid-uri', { uri: '003-schema-only' }, ['uri']],
  ['invalid-uri', item31({ renditions: [{ name: 'thumb', href: '/images/a.jpg' }] }), ['renditions', 0, 'href']],
  ['invalid-date-time', item31({ versionCreated: '2024-09-04T21:03:00' }), ['versionCreated']],
  ['invalid-date-time', item31({ embargoedUntil: 'Wed, 04 Sep 2024 21:03:00 +0800' }), ['embargoedUntil']],
  ['date-time-form', item31({ versionCreated: '2024-09-04T21:03:00+0800' }), ['versionCreated']],
  ['invalid-truncated-date', item31({ type: 'event', eventDetails: { dates: { expectedStartDate: 'February 29th 2024' } } }), ['eventDetails', 'dates', 'expectedStartDate']],
  ['unknown-property', { uri: 'urn:x:1', random: 'x' }, ['random']],
  ['unknown-property', item31({ headlines: [{ value: 'x', contenttype: 'text/plain' }] }), ['headlines', 0, 'contenttype']],
  ['unknown-property', item31({ associations: [{ name: 'a', uri: 'https://example.com/a', caption: 'x' }] }), ['associations', 0, 'caption']],
  ['unknown-property', { uri: 'urn:x:1', $standard: { version: '1.3' }, headline: 'x', renditions: { '-bad': {} } }, ['renditions', '-bad']],
  ['rights-info-choice', item31({ rightsInfo: { linkedRights: 'https://example.com/r', encodedRights: '<odrl/>' } }), ['rightsInfo']],
  ['rights-info-choice', { uri: 'urn:x:1', standard: { version: '2.1' }, versioncreated: '2024-01-01T00:00:00Z', rightsinfo: { langid: 'http://www.w3.org/ns/odrl/2/' } }, ['rightsinfo']],
  ['contact-info-choice', item31({ people: [{ name: 'A', contactInfo: [{ type: 'phone' }] }] }), ['people', 0, 'contactInfo', 0]],
  ['event-dates', item31({ type: 'event', eventDetails: { dates: { startDate: '2023-07-11T09:00:00Z', expectedStartDate: '2023-07-12' } } }), ['eventDetails', 'dates']],
  ['event-dates', item31({ type: 'planning', plannedCoverage: [{ uri: 'urn:x:2', dates: {} }] }), ['plannedCoverage', 0, 'dates']],
  ['invalid-geojson', item31({ places: [{ name: 'x', geoJSON: { type: 'Point', coordinates: [1] } }] }), ['places', 0, 'geoJSON']],
  ['invalid-geojson', item31({ places: [{ name: 'x', geoJSON: { type: 'Circle', coordinates: [1, 2] } }] }), ['places', 0, 'geoJSON']],
  ['schema-conflict', item31({ type: 'event', eventDetails: { dates: { startDate: '2024-01-01T00:00:00Z', recurrence: { recurrenceDates: ['2024-02-01'] } } } }), ['eventDetails', 'dates', 'recurrence', 'recurrenceDates']],
  ['language-tag', item31({ language: 'en_US' }), ['language']],
  ['version-mismatch', { uri: 'urn:x:1', standard: { version: '2.2' }, versionCreated: '2024-01-01T00:00:00Z' }, ['standard', 'version']],
  ['unknown-version', item31({ standard: { version: '3.9' } }), ['standard', 'version']],
  ['unknown-version', item31({ standard: { version: 'latest' } }), ['standard', 'version']],
];

describe('checkNinjs reports each rule', () => {
  it.each(FAILING)('%s', (rule, value, at) => {
    const findings = checkNinjs(value).findings;
    const found = findings.find((f) => f.rule === rule);
    expect(found, JSON.stringify(findings)).toBeDefined();
    expect(found?.at).toEqual({ path: at });
    expect(found?.message.length).toBeGreaterThan(20);
  });

  it('has a failing input for every rule but the recursion guard (tested below)', () => {
    const covered = new Set<string>(FAILING.map(([rule]) => rule));
    expect(NINJS_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual(['nesting-too-deep']);
  });

  it('stops at associations nested deeper than 64 levels, once, without throwing', () => {
    let doc: Record<string, unknown> = { uri: 'urn:x:bottom', name: 'b' };
    for (let i = 0; i < 200; i++) doc = { uri: `urn:x:${i}`, name: `n${i}`, associations: [doc] };
    delete doc['name'];
    const findings = checkNinjs(doc).findings;
    expect(findings.map((f) => f.rule)).toEqual(['nesting-too-deep']);
  });

  it('holds a document to each version’s additions and removals', () => {
    // digitalSourceType came with 3.1, resources with 3.2, extensions and contentDigitised with 3.3.
    expect(errorIds(item31({ standard: { version: '3.0' }, digitalSourceType: { name: 'x' } }))).toEqual(['unknown-property']);
    expect(checkNinjs(item31({ standard: { version: '3.0' }, digitalSourceType: { name: 'x' } })).findings[0]?.message).toContain('came with ninjs 3.1');
    expect(errorIds(item31({ renditions: [{ name: 'v', resources: [{ role: 'subtitles', language: 'en' }] }] }))).toEqual(['unknown-property']);
    expect(errorIds(item31({ standard: { version: '3.2' }, renditions: [{ name: 'v', resources: [{ role: 'subtitles', language: 'en' }] }] }))).toEqual([]);
    expect(errorIds(item31({ standard: { version: '3.3' }, contentDigitised: '1990-01-01T00:00:00Z', renditions: [{ name: 'v', extensions: { 'mirror:eu': 'https://eu.example.com/a' } }] }))).toEqual([]);
    // 1.2 alone had the pubstatus values "replaced" and "commissioned".
    expect(errorIds({ uri: 'urn:x:1', $standard: { version: '1.2' }, headline: 'x', pubstatus: 'replaced' })).toEqual(['unknown-property']);
    expect(errorIds({ uri: 'urn:x:1', headline: 'x', byline: 'y', pubstatus: 'replaced' })).toEqual(['enum-value']);
    // 2.0 wanted a genre's uri to be a URI; 2.1 and later take any string.
    expect(errorIds({ uri: 'urn:x:1', standard: { version: '2.0' }, versioncreated: '2024-01-01T00:00:00Z', genres: [{ uri: 'Current' }] })).toEqual(['invalid-uri']);
    expect(errorIds({ uri: 'urn:x:1', standard: { version: '2.1' }, versioncreated: '2024-01-01T00:00:00Z', genres: [{ uri: 'Current' }] })).toEqual([]);
  });

  it('names the 3.x spelling of a 1.x or 2.x property', () => {
    const message = checkNinjs(item31({ versioncreated: '2024-01-01T00:00:00Z' })).findings[0]?.message;
    expect(message).toContain('"versionCreated"');
    expect(checkNinjs(item31({ byline: 'x' })).findings[0]?.message).toContain('"by"');
  });
});

describe('checkNinjs on any input', () => {
  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'uri'],
    ['an array of objects', [{ uri: 'urn:x:1' }]],
  ])('reports %s as not an object', (_name, value) => expect(ids(value)).toEqual(['not-object']));

  it('never throws on hostile shapes', () => {
    const hostile: unknown[] = [
      {},
      { uri: null, standard: null, $standard: 'x', associations: 'x', renditions: 7 },
      { uri: 'urn:x:1', __proto__: { type: 'x' }, constructor: 1, toString: 'x', hasOwnProperty: [] },
      JSON.parse('{"uri":"urn:x:1","__proto__":{"a":1},"constructor":{"prototype":1}}'),
      { uri: 'urn:x:1', standard: { version: 3.1, schema: ['x'] }, headlines: [null, 1, 'x', [], {}] },
      { uri: 'urn:x:1', places: [{ geoJSON: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'GeometryCollection', geometries: [null, { type: 'Point' }] }, properties: 1 }] } }] },
      { uri: 'urn:x:1', eventDetails: { dates: { recurrence: { recurrenceRules: [{ frequency: null, interval: Number.MAX_VALUE }] } } }, urgency: Number.POSITIVE_INFINITY },
      { uri: 'x'.repeat(200_000), language: '-'.repeat(100_000), versionCreated: '9'.repeat(100_000) },
      { uri: 'urn:x:1', renditions: Array.from({ length: 5_000 }, (_, i) => ({ name: `r${i}`, width: i })) },
    ];
    for (const value of hostile) {
      expect(() => checkNinjs(value)).not.toThrow();
      expect(() => toNinjsVersion(value)).not.toThrow();
    }
  });

  it('stays linear on long values', () => {
    const long = { uri: `https://example.com/${'a/'.repeat(200_000)}`, headlines: [{ value: '<'.repeat(200_000) }], language: 'a-'.repeat(100_000) };
    const started = performance.now();
    checkNinjs(long);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('findings as users see them (toDiagnostics)', () => {
  it('puts a JSON path finding on the line and column of its value', () => {
    const text = JSON.stringify(item31({ urgency: 12, renditions: [{ name: 'thumb', href: 'images/a.jpg' }] }), null, 2);
    const { findings } = checkNinjs(JSON.parse(text));
    const diagnostics = toDiagnostics(findings, { rules, file: 'in/ninjs.json', text, format: 'ninjs', profile: 'standard' });
    expect(diagnostics.map((d) => [d.severity, d.ruleId, d.line])).toEqual([
      ['error', 'out-of-range', text.split('\n').findIndex((l) => l.includes('"urgency"')) + 1],
      ['error', 'invalid-uri', text.split('\n').findIndex((l) => l.includes('"href"')) + 1],
    ]);
    // `  "urgency": 12`: the value starts after the two spaces and `"urgency": `.
    expect(diagnostics[0]).toMatchObject({ file: 'in/ninjs.json', source: 'validate:ninjs', column: 14 });
    expect(diagnostics[1]?.message).toBe(
      'renditions[0].href "images/a.jpg" is not a complete URI; ninjs 3.1 wants an absolute RFC 3986 URI with a scheme (such as "https://…" or "urn:…"), with spaces and other unsafe characters percent-encoded',
    );
  });

  it('declares every rule in the standard layer with a reference', () => {
    for (const rule of NINJS_RULES) {
      expect(rule.layer).toBe('standard');
      expect(rule.id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/);
      expect(rule.reference).toBeTruthy();
    }
  });
});
