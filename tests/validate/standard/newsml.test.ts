import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDiagnostics, toRuleTable } from '../../../src/validate/report.ts';
import { newsmlRules, type NewsmlRuleId } from '../../../src/validate/rules/newsml.ts';
import { checkNewsml, checkNewsmlDocument } from '../../../src/validate/standard/newsml/index.ts';
import { readXml } from '../../../src/validate/xml/tree.ts';

const NAR = 'http://iptc.org/std/nar/2006-10-01/';
const CATALOG = '<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_40.xml"/>';
const META = '<itemClass qcode="ninat:text"/><provider qcode="nprov:EXAMPLE"/><versionCreated>2024-09-05T10:15:00+08:00</versionCreated>';
const ROOT_ATTRIBUTES = 'guid="urn:newsml:example.com:1" version="1" standard="NewsML-G2" standardversion="2.35" conformance="power" xml:lang="en"';

/** A newsItem with the given itemMeta tail and body after itemMeta; `attributes` replaces the root's. */
function newsItem(options: { meta?: string; body?: string; head?: string; attributes?: string } = {}): string {
  const { meta = '', body = '', head = CATALOG, attributes = ROOT_ATTRIBUTES } = options;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<newsItem xmlns="${NAR}" ${attributes}>\n${head}\n<itemMeta>${META}${meta}</itemMeta>\n${body}\n</newsItem>\n`;
}

/** A packageItem whose groupSet is `groupSet`. */
function packageItem(groupSet: string): string {
  return `<packageItem xmlns="${NAR}" ${ROOT_ATTRIBUTES}>${CATALOG}<itemMeta><itemClass qcode="ninat:composite"/><provider qcode="nprov:EXAMPLE"/><versionCreated>2024-09-05T10:15:00Z</versionCreated></itemMeta>${groupSet}</packageItem>`;
}

const rulesOf = (text: string) => checkNewsml(text).findings.map((f) => f.rule);
const table = toRuleTable(newsmlRules);
const diagnostics = (text: string) => toDiagnostics(checkNewsml(text).findings, { rules: table, file: 'item.xml', text, format: 'newsml', profile: 'standard' });
const errorsOf = (text: string) => diagnostics(text).filter((d) => d.severity === 'error');

describe('checkNewsml accepts valid documents of every root', () => {
  const valid: [string, string][] = [
    ['a minimal newsItem', newsItem()],
    ['a newsItem with content', newsItem({ meta: '<pubStatus qcode="stat:usable"/>', body: '<contentMeta><headline>H</headline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"/></inlineXML></contentSet>' })],
    ['a packageItem', packageItem('<groupSet root="g1"><group id="g1" role="group:main"><itemRef residref="urn:x" version="1"/></group></groupSet>')],
    ['a conceptItem', `<conceptItem xmlns="${NAR}" ${ROOT_ATTRIBUTES}>${CATALOG}<itemMeta>${META}</itemMeta><concept><conceptId qcode="ex:1"/><name>One</name></concept></conceptItem>`],
    ['a knowledgeItem', `<knowledgeItem xmlns="${NAR}" ${ROOT_ATTRIBUTES}>${CATALOG}<itemMeta>${META}</itemMeta><conceptSet><concept><conceptId qcode="ex:1"/><name>One</name></concept></conceptSet></knowledgeItem>`],
    ['a planningItem', `<planningItem xmlns="${NAR}" ${ROOT_ATTRIBUTES}>${CATALOG}<itemMeta>${META}</itemMeta><newsCoverageSet><newsCoverage><planning/></newsCoverage></newsCoverageSet></planningItem>`],
    ['a catalogItem', `<catalogItem xmlns="${NAR}" ${ROOT_ATTRIBUTES}>${CATALOG}<itemMeta>${META}</itemMeta><catalogContainer><catalog><scheme alias="ex" uri="https://example.com/cv/"/></catalog></catalogContainer></catalogItem>`],
    ['a newsMessage', `<newsMessage xmlns="${NAR}"><header><sent>2024-09-05T10:15:00Z</sent></header><itemSet>${newsItem().replace(/^<\?xml[^>]*>\n/, '')}</itemSet></newsMessage>`],
  ];

  it.each(valid)('%s has no finding', (_name, text) => {
    expect(checkNewsml(text).findings).toEqual([]);
  });

  it('says which root it read, and undefined for a root that is not NewsML-G2', () => {
    expect(checkNewsml(newsItem()).root).toBe('newsItem');
    expect(checkNewsml(valid[2]?.[1] ?? '').root).toBe('packageItem');
    expect(checkNewsml('<rss version="2.0"><channel/></rss>').root).toBeUndefined();
    expect(checkNewsml('not xml').root).toBeUndefined();
  });

  it('checkNewsmlDocument gives the findings checkNewsml gives, on the document read once', () => {
    const text = newsItem({ meta: '<pubStatus/>' });
    const { document } = readXml(text);
    expect(document).toBeDefined();
    if (document) expect(checkNewsmlDocument(document)).toEqual({ root: 'newsItem', findings: checkNewsml(text).findings });
    expect(checkNewsml(text).document?.root.name).toBe('newsItem');
  });
});

/** One failing input per rule: the rule must be reported, with the severity the rule table gives it. */
const failing: Record<NewsmlRuleId, string> = {
  'not-well-formed': '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><itemMeta></newsItem>',
  'root-element': `<itemMeta xmlns="${NAR}">${META}</itemMeta>`,
  namespace: newsItem().replace(` xmlns="${NAR}"`, ''),
  'unknown-element': newsItem({ meta: '<fooBar/>' }),
  'unknown-element-lax': newsItem({ meta: '<link rel="irel:seeAlso" href="https://example.com/"><itemClas qcode="ninat:text"/></link>' }),
  'unexpected-element': newsItem({ meta: '<headline>In the wrong place</headline>' }),
  'element-order': newsItem({ meta: '<pubStatus qcode="stat:usable"/><firstCreated>2024-09-05T10:15:00Z</firstCreated>' }),
  'too-many-elements': newsItem({ meta: '<pubStatus qcode="stat:usable"/><pubStatus qcode="stat:withheld"/>' }),
  'missing-element': newsItem().replace('<provider qcode="nprov:EXAMPLE"/>', ''),
  'text-not-allowed': newsItem({ meta: 'stray words' }),
  'children-not-allowed': newsItem({ meta: '<firstCreated><b>2024</b></firstCreated>' }),
  'missing-attribute': newsItem({ attributes: ROOT_ATTRIBUTES.replace(' standard="NewsML-G2"', '') }),
  'unknown-attribute': newsItem({ meta: '<pubStatus qcode="stat:usable" status="ok"/>' }),
  'invalid-qcode': newsItem({ meta: '<pubStatus qcode="usable"/>' }),
  'invalid-datetime': newsItem({ meta: '<firstCreated>2023-02-29T10:00:00Z</firstCreated>' }),
  'invalid-uri': newsItem({ meta: '<link rel="irel:seeAlso" href="https://example.com/a%zz"/>' }),
  'invalid-number': newsItem({ attributes: ROOT_ATTRIBUTES.replace('version="1"', 'version="0"') }),
  'invalid-value': newsItem({ attributes: ROOT_ATTRIBUTES.replace('standardversion="2.35"', 'standardversion="2"') }),
  'duplicate-id': newsItem({ meta: '<pubStatus id="a" qcode="stat:usable"/><title id="a">T</title>' }),
  'unresolved-idref': newsItem({ body: '<inlineRef idrefs="nowhere" qcode="ex:1"/>' }),
  'qcode-or-uri': newsItem({ meta: '<pubStatus/>' }),
  'qualifier-required': packageItem('<groupSet root="g1"><group id="g1"><itemRef residref="urn:x"/></group></groupSet>'),
  'link-target': newsItem({ meta: '<link rel="irel:seeAlso" version="2"/>' }),
  'deprecated-attribute': newsItem({ meta: '<link rel="irel:seeAlso" residref="urn:x" hreftype="application/xml"/>' }),
  'group-reference': packageItem('<groupSet root="r1"><group id="g1" role="group:main"><itemRef id="r1" residref="urn:x"/></group></groupSet>'),
  'empty-guid': newsItem({ attributes: ROOT_ATTRIBUTES.replace('guid="urn:newsml:example.com:1"', 'guid=" "') }),
  'datetime-zone': newsItem({ meta: '<firstCreated>2024-09-05T10:15:00</firstCreated>' }),
  'item-language': newsItem({ attributes: ROOT_ATTRIBUTES.replace(' xml:lang="en"', '') }),
  'standard-name': newsItem({ attributes: ROOT_ATTRIBUTES.replace('standard="NewsML-G2"', 'standard="NewsML"') }),
  'conformance-value': newsItem({ attributes: ROOT_ATTRIBUTES.replace('conformance="power"', 'conformance="full"') }),
  'content-type': newsItem({ body: '<contentSet><inlineData>Plain text.</inlineData></contentSet>' }),
  'catalog-missing': newsItem({ head: '' }),
  'qcode-alias': newsItem({ head: '<catalog><scheme alias="ninat" uri="http://cv.iptc.org/newscodes/ninature/"/></catalog>' }),
};

describe('every rule, with an input that breaks it', () => {
  it('has a failing input for every rule of the table', () => {
    expect(Object.keys(failing).sort()).toEqual(newsmlRules.map((r) => r.id).sort());
  });

  it.each(newsmlRules.map((r) => [r.id, r.severity] as const))('%s is reported (%s)', (id, severity) => {
    const text = failing[id];
    const found = diagnostics(text).filter((d) => d.ruleId === id);
    expect(found.length, JSON.stringify(checkNewsml(text).findings, null, 1)).toBeGreaterThan(0);
    expect(found.every((d) => d.severity === severity)).toBe(true);
  });

  it('reports only warnings for the guidelines’ advice: the document stays valid', () => {
    for (const id of newsmlRules.filter((r) => r.severity === 'warning').map((r) => r.id)) {
      expect(errorsOf(failing[id]), id).toEqual([]);
    }
  });

  it('gives each finding the line and column of the element concerned', () => {
    const text = newsItem({ meta: '<pubStatus qcode="usable"/>' });
    const [finding] = checkNewsml(text).findings;
    const line = text.split('\n').findIndex((l) => l.includes('qcode="usable"')) + 1;
    const column = (text.split('\n')[line - 1] ?? '').indexOf('<pubStatus') + 1;
    expect(finding?.at).toEqual({ line, column });
    expect(finding?.message).toContain('"usable"');
    expect(finding?.message).toContain('<pubStatus>');
  });

  it('truncates a long bad value in the message', () => {
    const long = 'x'.repeat(500);
    const [finding] = checkNewsml(newsItem({ meta: `<pubStatus qcode="${long}"/>` })).findings;
    expect(finding?.message.length).toBeLessThan(300);
  });
});

describe('the structure the schema imposes', () => {
  it('names what is missing and what is out of order, once', () => {
    const swapped = newsItem().replace('<itemClass qcode="ninat:text"/><provider qcode="nprov:EXAMPLE"/>', '<provider qcode="nprov:EXAMPLE"/><itemClass qcode="ninat:text"/>');
    const findings = checkNewsml(swapped).findings;
    expect(findings.map((f) => f.rule)).toEqual(['element-order']);
    expect(findings[0]?.message).toContain('<provider> is out of order in <itemMeta>: it must come after <itemClass>');
    const [missing] = checkNewsml(newsItem().replace('<versionCreated>2024-09-05T10:15:00+08:00</versionCreated>', '')).findings;
    expect(missing?.message).toContain('<itemMeta> lacks <versionCreated>');
  });

  it('wants itemMeta before contentMeta, and header/sent before itemSet', () => {
    expect(rulesOf(newsItem({ head: `${CATALOG}<contentMeta/>` }))).toContain('element-order');
    expect(rulesOf(`<newsMessage xmlns="${NAR}"><header/><itemSet>${newsItem().replace(/^<\?xml[^>]*>\n/, '')}</itemSet></newsMessage>`)).toEqual(['missing-element']);
    expect(rulesOf(`<newsMessage xmlns="${NAR}"><header><sent>2024-09-05T10:15:00Z</sent></header><itemSet/></newsMessage>`)).toEqual(['missing-element']);
  });

  it('lets elements from other namespaces in where the schema has xs:any ##other, and only there', () => {
    expect(rulesOf(newsItem({ meta: '<ex:note xmlns:ex="https://example.com/ns/">kept</ex:note>' }))).toEqual([]);
    expect(rulesOf(newsItem({ meta: '<pubStatus qcode="stat:usable"><ex:note xmlns:ex="https://example.com/ns/"/></pubStatus>' }))).toEqual(['unexpected-element']);
    // ##other takes no element without a namespace; one named like a NewsML-G2 element has lost its namespace.
    expect(rulesOf(newsItem({ meta: '<remark xmlns=""/>' }))).toEqual(['unexpected-element']);
    expect(rulesOf(newsItem({ meta: '<pubStatus xmlns="" qcode="stat:usable"/>' }))).toEqual(['namespace']);
  });

  it('checks NewsML-G2 elements inside a lax wildcard against their declaration', () => {
    expect(rulesOf(packageItem('<groupSet root="g"><group id="g" role="group:main"><itemRef residref="urn:x"><itemClass qcode="text"/></itemRef></group></groupSet>'))).toEqual(['invalid-qcode']);
  });

  it('refuses any character, even white space, in an element whose content is empty', () => {
    expect(rulesOf(newsItem({ meta: '<incomingFeedId qcode="ex:feed"> </incomingFeedId>' }))).toEqual(['text-not-allowed']);
  });

  it('keeps a single-line string single-line and a QCode without spaces', () => {
    expect(rulesOf(newsItem({ body: '<contentMeta><slugline>two\nlines</slugline></contentMeta>' }))).toEqual(['invalid-value']);
    expect(rulesOf(newsItem({ meta: '<pubStatus qcode=" stat:usable"/>' }))).toEqual(['invalid-qcode']);
  });

  it('takes the truncated dates the type allows and refuses the others', () => {
    const created = (value: string) => rulesOf(newsItem({ body: `<contentMeta><contentCreated>${value}</contentCreated></contentMeta>` }));
    expect(created('2024')).toEqual([]);
    expect(created('2024-09')).toEqual([]);
    expect(created('2024-09-05')).toEqual([]);
    expect(created('--09-05')).toEqual(['invalid-datetime']);
    expect(created('2024-09-05T10:15Z')).toEqual(['invalid-datetime']);
  });

  it('checks the fixed g2flag values and xsi:nil', () => {
    const concept = (x: string) => `<conceptItem xmlns="${NAR}" ${ROOT_ATTRIBUTES}>${CATALOG}<itemMeta>${META}</itemMeta><concept><conceptId qcode="ex:1"/><name>One</name>${x}</concept></conceptItem>`;
    expect(rulesOf(concept('<facet qcode="ex:2" g2flag="DEPR"/>'))).toEqual([]);
    expect(rulesOf(concept('<facet qcode="ex:2" g2flag="OLD"/>'))).toEqual(['invalid-value']);
    expect(rulesOf(newsItem({ meta: '<pubStatus qcode="stat:usable" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>' }))).toEqual(['unknown-attribute']);
  });

  it('checks the prefix of a QName value', () => {
    const ext = (x: string) => newsItem({ meta: `<itemMetaExtProperty rel="ex:size" value="1" ${x}/>` });
    expect(rulesOf(ext('valuedatatype="xs:integer" xmlns:xs="http://www.w3.org/2001/XMLSchema"'))).toEqual([]);
    expect(rulesOf(ext('valuedatatype="xs:integer"'))).toEqual(['invalid-value']);
  });
});

describe('the specification beyond the schema', () => {
  it('wants groupSet/@root to name a group of the groupSet, and unresolved references reported once', () => {
    expect(rulesOf(packageItem('<groupSet root="nowhere"><group id="g1" role="group:main"/></groupSet>'))).toEqual(['unresolved-idref']);
    expect(rulesOf(packageItem('<groupSet root="g1"><group id="g1" role="group:main"><groupRef idref="g2"/></group><group id="g2" role="group:side"/></groupSet>'))).toEqual([]);
  });

  it('accepts a link by residref or by href, and a remoteContent likewise', () => {
    expect(rulesOf(newsItem({ meta: '<link rel="irel:seeAlso" residref="urn:x"/>' }))).toEqual([]);
    expect(rulesOf(newsItem({ meta: '<link rel="irel:seeAlso" href="https://example.com/x.xml"/>' }))).toEqual([]);
    expect(rulesOf(newsItem({ body: '<contentSet><remoteContent contenttype="image/jpeg"/></contentSet>' }))).toEqual(['link-target']);
  });

  // The 2.35 XSD makes href and residref optional (targetResourceAttributes) and keeps guidref as the
  // deprecated spelling of residref (deprecatedLinkAttributes): nothing here makes a document invalid.
  const planning = (ref: string) =>
    `<planningItem xmlns="${NAR}" ${ROOT_ATTRIBUTES}>${CATALOG}<itemMeta>${META}</itemMeta><newsCoverageSet><newsCoverage><planning/><delivery>${ref}</delivery></newsCoverage></newsCoverageSet></planningItem>`;

  it('takes a link by the deprecated guidref as identifying its target: a deprecation warning, no error', () => {
    const text = planning('<deliveredItemRef guidref="tag:example.com,2008:ART-1"/>');
    expect(rulesOf(text)).toEqual(['deprecated-attribute']);
    expect(errorsOf(text)).toEqual([]);
    expect(diagnostics(text)[0]?.message).toMatch(/guidref on <deliveredItemRef> is deprecated.*use residref instead/);
    expect(rulesOf(newsItem({ meta: '<link rel="irel:seeAlso" guidref="urn:x"/>' }))).toEqual(['deprecated-attribute']);
    expect(rulesOf(planning('<deliveredItemRef residref="tag:example.com,2008:ART-1"/>'))).toEqual([]);
  });

  it('lets a link identify no target at all (a deliveredItemRef with only a title): a warning, the document stays valid', () => {
    const text = planning('<deliveredItemRef><title>Pictured today in New York</title></deliveredItemRef>');
    expect(rulesOf(text)).toEqual(['link-target']);
    expect(errorsOf(text)).toEqual([]);
    expect(diagnostics(text)[0]?.severity).toBe('warning');
    expect(errorsOf(newsItem({ meta: '<link rel="irel:seeAlso" version="2"/>' }))).toEqual([]);
  });

  it('advises on catalogs without making the item invalid', () => {
    const inline = newsItem({ head: '<catalog><scheme alias="ninat" uri="http://cv.iptc.org/newscodes/ninature/"/><scheme alias="nprov" uri="http://cv.iptc.org/newscodes/newsprovider/"/></catalog>' });
    expect(rulesOf(inline)).toEqual([]);
    expect(checkNewsml(failing['qcode-alias']).findings.map((f) => f.message)).toEqual([expect.stringContaining('"nprov"')]);
  });

  it('takes the language of an item in a newsMessage from the message', () => {
    const item = newsItem({ attributes: ROOT_ATTRIBUTES.replace(' xml:lang="en"', '') }).replace(/^<\?xml[^>]*>\n/, '');
    expect(rulesOf(`<newsMessage xmlns="${NAR}" xml:lang="en"><header><sent>2024-09-05T10:15:00Z</sent></header><itemSet>${item}</itemSet></newsMessage>`)).toEqual([]);
  });
});

describe('hostile input', () => {
  const ruleIds = new Set<string>(newsmlRules.map((r) => r.id));
  const pieces = [
    `<newsItem xmlns="${NAR}">`, '</newsItem>', '<itemMeta>', '</itemMeta>', META, CATALOG, '<contentSet>', '</contentSet>', '<inlineXML>', '</inlineXML>',
    '<groupSet root="g">', '<group id="g">', '</group>', '</groupSet>', 'guid="x"', '<foo/>', 'text', '&amp;', '<![CDATA[x]]>', '<!-- c -->', '<a:b xmlns:a="urn:a"/>',
    '<pubStatus qcode=":"/>', '<firstCreated>2024-02-30</firstCreated>', `<newsMessage xmlns="${NAR}">`, '<itemSet>', '</itemSet>', '<header><sent/></header>',
  ];

  it('never throws and reports only declared rules, whatever the text', () => {
    const arbitrary = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join('')));
    fc.assert(
      fc.property(arbitrary, (text) => {
        const { findings } = checkNewsml(text);
        return findings.every((f) => ruleIds.has(f.rule) && f.message.length > 0);
      }),
      { numRuns: 2000, seed: 35 },
    );
  });

  it('checks a deeply nested document without exhausting the stack', () => {
    // Deeper than a recursive walk survives; reading it takes saxes most of the time, so the check runs on the tree read once.
    const depth = 10_000;
    const deep = newsItem({ body: `<contentSet><inlineXML contenttype="application/xml"><x xmlns="urn:x">${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}</x></inlineXML></contentSet>` });
    const { document } = readXml(deep);
    expect(document).toBeDefined();
    if (document) expect(checkNewsmlDocument(document).findings).toEqual([]);
  });

  it('takes time in proportion to the document', () => {
    const many = (n: number) => newsItem({ meta: '<pubStatus qcode="stat:usable"/>' + '<link rel="irel:seeAlso" residref="urn:x" version="1"/>'.repeat(n) });
    const time = (text: string) => {
      const start = performance.now();
      checkNewsml(text);
      return performance.now() - start;
    };
    time(many(1000));
    const small = Math.max(time(many(5_000)), 1);
    const large = time(many(20_000));
    expect(large / small).toBeLessThan(12);
  });
});
