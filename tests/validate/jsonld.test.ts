import { describe, expect, it } from 'vitest';
import { emitJsonLd, formatJsonLd, toJsonLdGraph } from '../../src/emit/jsonld.ts';
import type { Article } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { JsonLdGraphSchema } from '../../src/validate/house/jsonld.ts';
import { HOUSE_JSONLD_RULES } from '../../src/validate/rules/house-json.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { lineOf, outputFile, validateFile } from '../helpers/validate.ts';

const site = makeSite();
const SITE = 'https://www.globaltimes.cn/';
const RICH_URL = 'https://www.globaltimes.cn/page/202409/rich-story.shtml';

type Node = Record<string, unknown>;
type Doc = { '@context': string; '@graph': Node[] };

/** The rich fixture with every Google recommendation met: authors with profile URLs, every photo credited. */
const makeCleanArticle = (overrides: Partial<Article> = {}): Article => {
  const rich = makeRichArticle();
  return makeRichArticle({
    authors: rich.authors.map((a) => ({ ...a, url: a.url ?? `${SITE}author/${a.name.toLowerCase().replace(' ', '-')}` })),
    images: rich.images.map((i) => ({ credit: 'Li Hao/GT', ...i })),
    ...overrides,
  });
};

/** A fresh, plain-JSON copy of an emitted graph, to break in place. */
const docOf = (article: Article = makeCleanArticle(), s = site): Doc => JSON.parse(formatJsonLd(toJsonLdGraph(article, s))) as Doc;
const nodeOf = (doc: Doc, type: string): Node => doc['@graph'].find((n) => n['@type'] === type)!;
/** The document with the first node of `type` replaced by `change(node)`. */
const changed = (type: string, change: (node: Node) => Node, doc: Doc = docOf()): Doc => ({
  ...doc,
  '@graph': doc['@graph'].map((n) => (n === nodeOf(doc, type) ? change({ ...n }) : n)),
});
const without = (node: Node, ...keys: string[]): Node => Object.fromEntries(Object.entries(node).filter(([k]) => !keys.includes(k)));

function fileOf(text: string): OutputFile {
  return outputFile('jsonld', 'articles/rich-story/article.jsonld', text);
}
const check = (value: unknown) => validateFile(fileOf(formatJsonLd(value)), site);
const rules = (value: unknown) => check(value).map((d) => d.ruleId);

/** The house rules of article.jsonld: the schema.org vocabulary and Google's recommendations are the standard layer's tests' business. */
const HOUSE_RULES = new Set<string>(HOUSE_JSONLD_RULES.map((r) => r.id));
const house = (found: Diagnostic[]) => found.filter((d) => HOUSE_RULES.has(d.ruleId));

describe('validateJsonLd on emitted graphs', () => {
  it('passes a graph that meets every recommendation with no diagnostics', () => {
    const [file] = emitJsonLd([makeCleanArticle()], site);
    expect(file && validateFile(file, site)).toStrictEqual([]);
  });

  it('gives the sample-shaped article (photo without URL) only the article-image warning, at the NewsArticle, with file and origin', () => {
    const [file] = emitJsonLd([makeArticle()], site);
    const found = file ? validateFile(file, site) : [];
    expect(found).toStrictEqual([
      {
        file: 'articles/cyberspace-governance/article.jsonld',
        line: 4,
        column: 5,
        severity: 'warning',
        source: 'validate:jsonld',
        ruleId: 'article-image',
        message: expect.stringMatching(/^NewsArticle has no "image"; Google recommends crawlable images/),
        origin: 'input/articles/cyberspace-governance.txt',
      },
    ]);
    const lines = (file?.text ?? '').split('\n');
    expect(lines[3]).toBe('    {');
    expect(lines[4]).toBe('      "@type": "NewsArticle",');
  });

  it('warns on the rich fixture where its source lacks the facts: an uncredited photo and a byline without URL', () => {
    const [file] = emitJsonLd([makeRichArticle()], site);
    const found = file ? validateFile(file, site) : [];
    // The standard layer's findings come first.
    expect(found.map((d) => [d.ruleId, d.severity])).toStrictEqual([
      ['article-author-url', 'warning'],
      ['image-licence', 'warning'],
    ]);
    expect(found[0]?.message).toMatch(/^"author" has neither "url" nor "sameAs"/);
    expect(found[1]?.message).toMatch(/^image https:\/\/www\.globaltimes\.cn\/photo\/b\.png has no credit, creator or copyright notice/);
    // Each where it is concerned: the author's reference in the NewsArticle, the ImageObject node.
    const lines = (file?.text ?? '').split('\n');
    expect(lines[(found[0]?.line ?? 0) - 1]).toBe('        {');
    expect(lines[found[0]?.line ?? 0]).toBe(`          "@id": "${SITE}#/schema/person/liu-caiyu"`);
    expect(lines[(found[1]?.line ?? 0) - 1]).toBe('    {');
    expect(lines[found[1]?.line ?? 0]).toBe('      "@type": "ImageObject",');
  });

  it('accepts graphs without breadcrumbs, images or bylines, and with another copyright holder or image creators', () => {
    const { sectionPermalink: _, ...noSections } = site;
    const { dateline: _dateline, ...withoutDateline } = makeCleanArticle();
    const variants = [
      docOf(makeCleanArticle(), noSections),
      docOf({ ...withoutDateline, sections: [], keywords: [] }),
      docOf(makeCleanArticle({ authors: [] }), makeSite({ copyright: { holder: 'Xinhua', notice: '© Xinhua' } })),
      docOf(makeCleanArticle({ images: makeCleanArticle().images.map((i, n) => ({ ...i, creator: ['Wang Fang', 'Global Times'][n]! })) })),
    ];
    for (const doc of variants) expect(rules(doc)).toStrictEqual([]);
  });
});

describe('validateJsonLd errors', () => {
  it('invalid-json: reports text that is not JSON, with its position, and does not throw', () => {
    const found = validateFile(fileOf('{\n  "@graph": [],\n  oops\n}\n'), site);
    expect(found.map((d) => [d.ruleId, d.severity])).toStrictEqual([['invalid-json', 'error']]);
    expect(found[0]?.line).toBe(3);
    expect(validateFile(fileOf(''), site).map((d) => d.ruleId)).toStrictEqual(['invalid-json']);
  });

  it('schema: a missing promised field names the node, its path and says to add it', () => {
    const found = check(changed('NewsArticle', (n) => without(n, 'headline')));
    // Google only recommends a headline (a warning); syndicate promises one.
    expect(found.map((d) => [d.ruleId, d.severity])).toStrictEqual([
      ['article-headline', 'warning'],
      ['schema', 'error'],
    ]);
    expect(found[1]?.message).toMatch(/^NewsArticle @graph\[0\]\.headline: is required; add it/);
  });

  it('schema: a wrong nested value names its JSON path and line', () => {
    const doc = changed('Organization', (n) => ({ ...n, name: 42 }));
    const found = check(doc);
    expect(found.map((d) => d.ruleId)).toStrictEqual(['schema']);
    expect(found[0]?.message).toMatch(/^Organization @graph\[\d\]\.name: expected string but found number 42/);
    expect(found[0]?.line).toBe(formatJsonLd(doc).split('\n').findIndex((l) => l.includes('"name": 42')) + 1);
  });

  it('schema: unknown fields, wrong values, empty arrays and a logo without size are refused', () => {
    expect(rules(changed('NewsArticle', (n) => ({ ...n, speakable: 'x' })))).toStrictEqual(['schema']);
    expect(check(changed('NewsArticle', (n) => ({ ...n, speakable: 'x' })))[0]?.message).toMatch(/unknown field\(s\) "speakable"/);
    expect(rules(changed('NewsArticle', (n) => ({ ...n, keywords: [] })))).toStrictEqual(['schema']);
    expect(rules(changed('NewsArticle', (n) => ({ ...n, wordCount: -1 })))).toStrictEqual(['schema']);
    expect(rules({ ...docOf(), '@context': 'http://schema.org' })).toStrictEqual(['schema']);
    expect(rules(changed('Organization', (n) => ({ ...n, logo: without(n['logo'] as Node, 'width') })))).toStrictEqual(['schema']);
    expect(rules(changed('ImageObject', (n) => ({ ...n, creator: { '@type': 'Person', name: 'Wang Fang' } })))).toStrictEqual(['schema']);
  });

  it('schema: a node of a type syndicate does not write, or without @type, is refused by name', () => {
    const doc = docOf();
    const found = check({ ...doc, '@graph': [...doc['@graph'], { '@type': 'Thing', name: 'x' }] });
    expect(found.map((d) => d.ruleId)).toStrictEqual(['schema']);
    expect(found[0]?.message).toMatch(/@graph\[9\]\.@type: string "Thing" is not a node type syndicate writes/);
    expect(rules({ ...doc, '@graph': [...doc['@graph'], { name: 'x' }] })).toStrictEqual(['schema']);
  });

  it('schema: each required node type exactly once, BreadcrumbList at most once', () => {
    const doc = docOf();
    const graph = doc['@graph'];
    // A missing WebSite also leaves its two references dangling.
    const noWebSite = check({ ...doc, '@graph': graph.filter((n) => n['@type'] !== 'WebSite') });
    expect(noWebSite.map((d) => d.ruleId)).toStrictEqual(['schema', 'dangling-reference']);
    expect(noWebSite[0]?.message).toBe('@graph: has no WebSite node; the graph holds exactly one');
    const twoArticles = check({ ...doc, '@graph': [...graph, { ...nodeOf(doc, 'NewsArticle'), '@id': `${SITE}page/other.shtml#article`, url: `${SITE}page/other.shtml` }] });
    expect(twoArticles.map((d) => d.message)).toContain('@graph: has 2 NewsArticle nodes; the graph holds exactly one');
    expect(twoArticles.every((d) => d.ruleId === 'schema')).toBe(true);
    const twoCrumbs = check({ ...doc, '@graph': [...graph, { ...nodeOf(doc, 'BreadcrumbList'), '@id': `${RICH_URL}#breadcrumb-2` }] });
    expect(twoCrumbs.map((d) => d.message)).toEqual(expect.arrayContaining(['@graph: has 2 BreadcrumbList nodes; the graph holds at most one']));
  });

  it('schema: the old single-NewsArticle document and a non-object top level are one diagnostic each, not a crash', () => {
    const old = check({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'h' });
    expect(house(old).map((d) => d.message)).toStrictEqual([
      '@graph: is required; add it (expected array)',
      'the top level: unknown field(s) "@type", "headline": not among the fields syndicate promises; remove it (or add it to JsonLdGraphSchema)',
    ]);
    // Beside them, what Google recommends of a NewsArticle that has only a headline.
    expect(old.filter((d) => !HOUSE_RULES.has(d.ruleId)).map((d) => [d.ruleId, d.severity])).toStrictEqual([
      ['article-author', 'warning'],
      ['article-date', 'warning'],
      ['article-date', 'warning'],
      ['article-image', 'warning'],
    ]);
    // No JSON-LD at all is the standard's error, which the schema does not repeat; an empty array is JSON-LD, but not syndicate's graph.
    for (const [text, rule] of [['null\n', 'not-json-ld'], ['[]\n', 'schema'], ['"NewsArticle"\n', 'not-json-ld'], ['42\n', 'not-json-ld']]) {
      expect(validateFile(fileOf(text!), site).map((d) => [d.ruleId, d.severity, d.line])).toStrictEqual([[rule, 'error', 1]]);
    }
  });

  it('schema: @ids are unique, and each node id has the promised form', () => {
    const doc = docOf();
    const duplicate = changed('Person', (n) => ({ ...n, '@id': `${RICH_URL}#image-1` }), doc);
    const found = check(duplicate);
    expect(found.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['schema']));
    expect(found.map((d) => d.message).join('\n')).toMatch(/"https:\/\/www\.globaltimes\.cn\/page\/202409\/rich-story\.shtml#image-1" is already the @id of @graph\[2\]/);
    expect(check(changed('NewsArticle', (n) => ({ ...n, '@id': `${RICH_URL}#story` }))).map((d) => [d.ruleId, d.message])).toStrictEqual([
      ['schema', 'NewsArticle @graph[0].@id: expected an @id ending in "#article"; correct the value'],
    ]);
    expect(check(changed('NewsArticle', (n) => ({ ...n, '@id': `${SITE}page/other.shtml#article` }))).map((d) => [d.ruleId, d.message])).toStrictEqual([
      ['schema', 'NewsArticle @graph[0].@id: expected an @id equal to the article url followed by "#article"; correct the value'],
    ]);
    expect(check(changed('WebPage', (n) => ({ ...n, '@id': `${SITE}page/other.shtml` })))[0]?.message).toMatch(/@id: expected an @id equal to the page url/);
  });

  it('schema: every node but the NewsArticle is linked from another node', () => {
    const doc = changed('WebPage', (n) => without(n, 'primaryImageOfPage'), changed('NewsArticle', (n) => ({ ...n, image: [(n['image'] as Node[])[1]] })));
    const found = check(doc);
    expect(found.map((d) => [d.ruleId, d.message])).toStrictEqual([['schema', `ImageObject @graph[2].@id: the ImageObject "${RICH_URL}#image-1" is not referenced by any other node; link it by @id or leave it out`]]);
  });

  it('schema: a reference resolving to a node of the wrong type names both', () => {
    const found = check(changed('NewsArticle', (n) => ({ ...n, publisher: { '@id': `${SITE}#website` } })));
    // schema.org's range of publisher has no WebSite either: the vocabulary's warning, at the reference.
    expect(found.map((d) => [d.ruleId, d.severity])).toStrictEqual([
      ['value-type', 'warning'],
      ['schema', 'error'],
    ]);
    expect(found[1]?.message).toMatch(/^NewsArticle @graph\[0\]\.publisher\.@id: refers to a WebSite \(@graph\[\d\]\), but NewsArticle\.publisher must refer to Organization/);
  });

  it('schema: breadcrumb positions run 1..n in order', () => {
    const doc = changed('BreadcrumbList', (n) => ({ ...n, itemListElement: [...(n['itemListElement'] as Node[])].reverse() }));
    expect(check(doc).map((d) => [d.ruleId, d.message])).toStrictEqual([['schema', expect.stringMatching(/itemListElement: expected positions 1, 2, 3, … in order/)]]);
  });

  it('dangling-reference: a reference to no node of the graph is its own rule, at the @id, not repeated as schema', () => {
    const doc = changed('NewsArticle', (n) => ({ ...n, author: [...(n['author'] as Node[]), { '@id': `${SITE}#/schema/person/nobody` }] }));
    const found = check(doc);
    expect(found.map((d) => [d.ruleId, d.severity])).toStrictEqual([['dangling-reference', 'error']]);
    expect(found[0]?.message).toBe(`NewsArticle @graph[0].author[2].@id: refers to "${SITE}#/schema/person/nobody", which is no node of the graph; add the node or correct the @id`);
    expect(formatJsonLd(doc).split('\n')[(found[0]?.line ?? 0) - 1]).toContain('#/schema/person/nobody');
    expect(rules(changed('ImageObject', (n) => ({ ...n, creator: { '@id': `${SITE}#/schema/person/ghost` } })))).toStrictEqual(['dangling-reference']);
  });

  it('unsafe-for-html: raw <, > or & is an error at its line and column', () => {
    const text = JSON.stringify(changed('NewsArticle', (n) => ({ ...n, headline: 'x </script> & y' })), null, 2) + '\n';
    const found = validateFile(fileOf(text), site).filter((d) => d.ruleId === 'unsafe-for-html');
    const lines = text.split('\n');
    const expected = lines.flatMap((l, i) => (/[<>&]/.test(l) ? [{ line: i + 1, column: l.search(/[<>&]/) + 1 }] : []));
    expect(expected.length).toBeGreaterThan(1); // headline, and the rich fixture's caption
    expect(found.map(({ line, column, severity }) => ({ line, column, severity }))).toStrictEqual(expected.map((p) => ({ ...p, severity: 'error' })));
    expect(validateFile(fileOf(text), site).map((d) => d.ruleId)).toStrictEqual(found.map(() => 'unsafe-for-html'));
  });

  it('unsafe-for-html: is reported even when the JSON does not parse', () => {
    expect(validateFile(fileOf('{"headline": "</script>"'), site).map((d) => d.ruleId)).toStrictEqual(['unsafe-for-html', 'invalid-json']);
  });

  it('date-offset: a date without an explicit offset is an error in any node (and not repeated as a schema issue)', () => {
    // In the NewsArticle Google recommends an offset too (a warning); the house error stays beside it.
    expect(rules(changed('NewsArticle', (n) => ({ ...n, datePublished: '2024-09-05T08:30:00' })))).toStrictEqual(['article-date', 'date-offset']);
    expect(rules(changed('WebPage', (n) => ({ ...n, dateModified: '2024-09-05' })))).toStrictEqual(['date-offset']);
    const doc = changed('NewsArticle', (n) => ({ ...n, dateModified: '2024-09-05T10:15' }));
    const found = check(doc);
    expect(found.map((d) => [d.ruleId, d.severity])).toStrictEqual([
      ['article-date', 'warning'],
      ['date-offset', 'error'],
    ]);
    expect(found[1]?.message).toMatch(/^NewsArticle @graph\[0\]\.dateModified "2024-09-05T10:15" has no UTC offset.*\+08:00/);
    const line = lineOf(formatJsonLd(doc), '"2024-09-05T10:15"');
    expect(found.map((d) => d.line)).toStrictEqual([line, line]);
    // A date that is not a date at all is Google's error, not repeated as a schema issue.
    expect(rules(changed('NewsArticle', (n) => ({ ...n, dateModified: 'yesterday' })))).toStrictEqual(['article-date-invalid']);
    // Outside an Article it is the schema's error, beside the vocabulary's warning that dateModified is a Date or DateTime.
    expect(rules(changed('WebPage', (n) => ({ ...n, dateModified: 'yesterday' })))).toStrictEqual(['value-type', 'schema']);
  });

  it('relative-url: any non-absolute URL value, @id or breadcrumb item is an error naming its path', () => {
    const found = check(changed('ImageObject', (n) => ({ ...n, contentUrl: '/photo/a.jpg' })));
    // Google says so of the article's image too, as a warning; the house error stays beside it.
    expect(found.map((d) => [d.ruleId, d.severity])).toStrictEqual([
      ['article-image', 'warning'],
      ['relative-url', 'error'],
    ]);
    expect(found[1]?.message).toMatch(/^ImageObject @graph\[2\]\.contentUrl "\/photo\/a\.jpg"/);
    expect(rules(changed('NewsArticle', (n) => ({ ...n, url: 'page/202409/rich-story.shtml' })))).toEqual(expect.arrayContaining(['relative-url']));
    expect(rules(changed('NewsArticle', (n) => ({ ...n, mainEntityOfPage: { '@id': '//www.globaltimes.cn/x' } })))).toStrictEqual(['relative-url']);
    expect(rules(changed('Person', (n) => ({ ...n, url: 'author/a' })))).toStrictEqual(['relative-url']);
    const crumbs = changed('BreadcrumbList', (n) => ({ ...n, itemListElement: (n['itemListElement'] as Node[]).map((i) => (i['position'] === 2 ? { ...i, item: '/china/' } : i)) }));
    expect(rules(crumbs)).toStrictEqual(['relative-url']);
  });
});

describe('validateJsonLd warnings (Google recommendations the source could not meet)', () => {
  it('article-headline: warns above 110 characters, not at 110 (counted in characters, not UTF-16 units)', () => {
    const withHeadline = (headline: string) => changed('NewsArticle', (n) => ({ ...n, headline }));
    const doc = withHeadline('a'.repeat(111));
    expect(rules(doc)).toStrictEqual(['article-headline']);
    expect(check(doc)[0]).toMatchObject({ severity: 'warning', line: lineOf(formatJsonLd(doc), '"aaa'), message: expect.stringMatching(/^"headline" is 111 characters/) });
    expect(rules(withHeadline('a'.repeat(110)))).toStrictEqual([]);
    expect(rules(withHeadline('☕'.repeat(100) + '😀'.repeat(10)))).toStrictEqual([]);
  });

  it('article-image: warns when the NewsArticle has no image', () => {
    const found = validateFile(emitJsonLd([makeCleanArticle({ images: [] })], site)[0]!, site);
    expect(found.map((d) => [d.ruleId, d.severity, d.line])).toStrictEqual([['article-image', 'warning', 4]]);
    expect(found[0]?.message).toMatch(/^NewsArticle has no "image"/);
  });

  it('image-size: one warning per article listing every image without size or under 50,000 px; exactly 50,000 is fine', () => {
    const images = makeCleanArticle().images;
    const sized = (sizes: ({ width?: number; height?: number } | undefined)[]) =>
      emitJsonLd([makeCleanArticle({ images: images.map((image, i) => {
        const { width: _w, height: _h, ...rest } = image;
        return { ...rest, ...sizes[i] };
      }) })], site)[0]!;
    const found = validateFile(sized([{ width: 1200 }, { width: 200, height: 200 }]), site);
    expect(found.map((d) => [d.ruleId, d.severity])).toStrictEqual([['image-size', 'warning']]);
    expect(found[0]?.message).toBe(
      'image https://www.globaltimes.cn/photo/a.jpg has no height; image https://www.globaltimes.cn/photo/b.png is 200×200 = 40000 pixels: Google wants images of at least 50000 pixels (width × height); give width and height in front matter, or use a larger image',
    );
    expect(validateFile(sized([undefined, { width: 250, height: 200 }]), site).map((d) => d.message)).toStrictEqual([expect.stringMatching(/^image \S+a\.jpg has no width and height:/)]);
    expect(validateFile(sized([{ width: 1000, height: 50 }, { width: 250, height: 200 }]), site)).toStrictEqual([]);
  });

  it('image-licence: warns for an image with none of creditText, creator, copyrightNotice; any one of them is enough', () => {
    const image = (extra: object) => ({ url: 'https://www.globaltimes.cn/photo/c.jpg', width: 1200, height: 800, caption: 'c', ...extra });
    const validate = (extra: object) => validateFile(emitJsonLd([makeCleanArticle({ images: [image(extra)] })], site)[0]!, site).map((d) => d.ruleId);
    expect(validate({})).toStrictEqual(['image-licence']);
    expect(validate({ credit: 'Li Hao/GT' })).toStrictEqual([]);
    expect(validate({ creator: 'Wang Fang' })).toStrictEqual([]);
    expect(validate({ copyright: '© 2024 Global Times' })).toStrictEqual([]);
  });

  it('article-author-url: one warning per Person author without url or sameAs, at its reference; the publisher as author is fine', () => {
    const validate = (authors: Article['authors']) => emitJsonLd([makeCleanArticle({ authors })], site)[0]!;
    const file = validate([{ name: 'Liu Caiyu' }, { name: 'Zhang Han' }, { name: 'Li Wei', url: `${SITE}author/li-wei` }]);
    const found = validateFile(file, site);
    expect(found.map((d) => [d.ruleId, d.severity])).toStrictEqual([
      ['article-author-url', 'warning'],
      ['article-author-url', 'warning'],
    ]);
    expect(found[0]?.message).toMatch(/^"author" has neither "url" nor "sameAs"/);
    // Each at the author's {"@id"} in the NewsArticle, which names the Person.
    const lines = file.text.split('\n');
    expect(found.map((d) => lines[d.line ?? 0])).toStrictEqual([`          "@id": "${SITE}#/schema/person/liu-caiyu"`, `          "@id": "${SITE}#/schema/person/zhang-han"`]);
    expect(validateFile(validate([]), site)).toStrictEqual([]);
    // sameAs counts as a profile for this rule (syndicate never writes it, so the schema refuses it separately).
    expect(rules(changed('Person', (n) => ({ ...without(n, 'url'), sameAs: 'https://example.com/liu' })))).toStrictEqual(['schema']);
    expect(rules(changed('Person', (n) => without(n, 'url')))).toStrictEqual(['article-author-url']);
  });

  it('a Person who is only a photographer is not an author, so needs no url', () => {
    const article = makeCleanArticle({ images: makeCleanArticle().images.map((i) => ({ ...i, creator: 'Wang Fang' })) });
    expect(validateFile(emitJsonLd([article], site)[0]!, site)).toStrictEqual([]);
  });

  it('reports several independent problems together', () => {
    const doc = changed('NewsArticle', (n) => ({ ...without(n, 'image'), headline: 'h'.repeat(120), url: '/x', datePublished: '2024-09-05T08:30:00' }));
    const linked = changed('WebPage', (n) => without(n, 'primaryImageOfPage'), doc);
    const graph = { ...linked, '@graph': linked['@graph'].filter((n) => n['@type'] !== 'ImageObject') };
    expect(rules(graph).sort()).toStrictEqual(['article-date', 'article-headline', 'article-image', 'date-offset', 'relative-url', 'schema']);
  });

  it('never throws, whatever the text', () => {
    const deep = '['.repeat(50_000) + ']'.repeat(50_000);
    const deepObject = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    const strange = [
      '\uFEFF{}',
      '{"@context": "https://schema.org", "@graph": [null, 1, "x", {"@type": "NewsArticle", "author": [null, {"@id": 3}], "image": [[]]}]}',
      '{"@graph": {"@type": "NewsArticle"}}',
      '{"@graph": [{"@type": "NewsArticle", "image": {"@id": "https://x.com/#i"}}, {"@id": "https://x.com/#i", "width": "big"}]}',
    ];
    for (const text of [deep, deepObject, ...strange]) {
      const found = validateFile(fileOf(text), site);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((d) => d.severity === 'error' || d.severity === 'warning')).toBe(true);
    }
  });
});

describe('JsonLdGraphSchema', () => {
  it('accepts what toJsonLdGraph produces for both fixtures and their variants', () => {
    const { sectionPermalink: _, ...noSections } = site;
    for (const [article, s] of [
      [makeRichArticle(), site],
      [makeArticle(), site],
      [makeArticle({ sections: [], images: [] }), makeSite({ copyright: { holder: 'X', notice: 'Y' } })],
      [makeRichArticle(), noSections],
    ] as const) {
      expect(JsonLdGraphSchema.safeParse(toJsonLdGraph(article, s)).error?.issues).toBeUndefined();
    }
  });

  it('refuses a value that is null instead of absent, and flags dangling references with their rule', () => {
    expect(JsonLdGraphSchema.safeParse(changed('NewsArticle', (n) => ({ ...n, dateline: null }))).success).toBe(false);
    const dangling = JsonLdGraphSchema.safeParse(changed('WebPage', (n) => ({ ...n, breadcrumb: { '@id': `${RICH_URL}#nowhere` } })));
    expect(dangling.error?.issues.map((i) => (i.code === 'custom' ? i.params?.['ruleId'] : i.code))).toContain('dangling-reference');
  });
});
