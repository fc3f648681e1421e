import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics.ts';
import { toDiagnostics, toRuleTable } from '../../../src/validate/report.ts';
import type { Finding } from '../../../src/validate/rule.ts';
import { JSONLD_RULES } from '../../../src/validate/rules/jsonld.ts';
import { checkJsonLd } from '../../../src/validate/standard/jsonld/index.ts';
import { checkPage } from '../../../src/validate/house/pages.ts';
import { PARAMS } from '../../helpers/arbitraries.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/others/jsonld');
const RULES = toRuleTable(JSONLD_RULES);

/** What `syndicate validate` would print for `text`: findings as diagnostics under the standard profile. */
function diagnose(text: string, file = 'markup.jsonld'): Diagnostic[] {
  return toDiagnostics(checkJsonLd(JSON.parse(text)), { rules: RULES, file, text, format: 'jsonld', profile: 'standard' });
}

function errors(text: string): Diagnostic[] {
  return diagnose(text).filter((d) => d.severity === 'error');
}

/** The findings of `value` (a JSON value written in the test). */
function check(value: unknown): Finding[] {
  return checkJsonLd(value);
}

function rules(value: unknown): string[] {
  return [...new Set(check(value).map((f) => f.rule))].sort();
}

function files(folder: string): string[] {
  return readdirSync(path.join(FIXTURES, folder))
    .filter((f) => f.endsWith('.jsonld'))
    .sort();
}

/** The JSON-LD blocks of an HTML page, as the HTML checks will hand them over. */
function blocksOf(html: string): string[] {
  return checkPage(html, 'page').jsonLd.map((block) => block.text);
}

/** syndicate's own JSON-LD: the standalone files and the blocks of the pages, in dist/ and the newsroom fixture. */
function ownOutputs(): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  for (const base of ['dist/articles', 'tests/fixtures/newsroom/expected/articles']) {
    for (const article of readdirSync(path.join(ROOT, base))) {
      for (const name of readdirSync(path.join(ROOT, base, article))) {
        const file = `${base}/${article}/${name}`;
        const text = readFileSync(path.join(ROOT, file), 'utf8');
        if (name.endsWith('.jsonld')) found.push({ file, text });
        if (name.endsWith('.html')) blocksOf(text).forEach((block, i) => found.push({ file: `${file} (block ${i + 1})`, text: block }));
      }
    }
  }
  return found;
}

const NEWS = { '@context': 'https://schema.org', '@type': 'NewsArticle' } as const;
/** A NewsArticle with every recommended property, to which a test adds or changes one thing. */
const COMPLETE = {
  ...NEWS,
  headline: 'Ports reopen',
  image: ['https://example.com/photo.jpg'],
  datePublished: '2024-09-04T21:03:00+08:00',
  dateModified: '2024-09-04T22:00:00+08:00',
  author: [{ '@type': 'Person', name: 'Jane Doe', url: 'https://example.com/jane' }],
};

/** `node` without its @context, for a member of a @graph. */
function member(node: Record<string, unknown>, changes: Record<string, unknown> = {}): Record<string, unknown> {
  const { '@context': _context, ...rest } = { ...node, ...changes };
  return rest;
}

describe('checkJsonLd: what others write', () => {
  it.each(files('accepted'))('accepts %s (no error)', (name) => {
    expect(errors(readFileSync(path.join(FIXTURES, 'accepted', name), 'utf8'))).toEqual([]);
  });

  it.each(files('rejected'))('rejects %s with the rule its name gives', (name) => {
    const rule = name.slice(0, name.indexOf('.'));
    expect(errors(readFileSync(path.join(FIXTURES, 'rejected', name), 'utf8')).map((d) => d.ruleId)).toContain(rule);
  });

  it('says which type was meant when only the case is wrong (jekyll-seo-tag’s imageObject), at its line', () => {
    const text = readFileSync(path.join(FIXTURES, 'rejected/unknown-type.jekyll-seo-tag.jsonld'), 'utf8');
    const [error] = errors(text);
    expect(error).toMatchObject({ ruleId: 'unknown-type', severity: 'error', line: 12, source: 'validate:jsonld' });
    expect(error?.message).toContain('"imageObject"');
    expect(error?.message).toContain('write "ImageObject"');
  });
});

describe('checkJsonLd: syndicate’s own output', () => {
  const outputs = ownOutputs();

  it('finds the outputs to check', () => {
    expect(outputs.length).toBeGreaterThanOrEqual(12);
  });

  it.each(outputs.map((o) => [o.file, o.text]))('%s has no error', (_file, text) => {
    expect(errors(text)).toEqual([]);
  });
});

describe('checkJsonLd: the forms JSON-LD takes', () => {
  const node = { '@type': 'Organization', name: 'Example', url: 'https://example.com/' };
  it.each([
    ['https://schema.org'],
    ['https://schema.org/'],
    ['http://schema.org'],
    ['http://schema.org/'],
    ['https://schema.org/docs/jsonldcontext.jsonld'],
    [['https://schema.org']],
    [{ '@vocab': 'https://schema.org/' }],
    [{ '@vocab': 'http://schema.org/' }],
    [['https://schema.org', { '@language': 'en' }]],
  ])('takes the context %j as schema.org', (context) => {
    expect(check({ '@context': context, ...node })).toEqual([]);
    expect(check({ '@context': context, ...node, nmae: 'x' }).map((f) => f.rule)).toEqual(['unknown-property']);
  });

  it('reads a single node, an array of nodes and a @graph alike', () => {
    const bad = { '@type': 'Organization', nmae: 'x' };
    expect(rules({ '@context': 'https://schema.org', ...bad })).toEqual(['unknown-property']);
    expect(rules([{ '@context': 'https://schema.org', ...bad }])).toEqual(['unknown-property']);
    expect(rules({ '@context': 'https://schema.org', '@graph': [bad] })).toEqual(['unknown-property']);
    expect(check({ '@context': 'https://schema.org', '@graph': [bad] })[0]?.at).toEqual({ path: ['@graph', 0, 'nmae'] });
  });

  it('resolves schema.org IRIs, the schema: prefix and the type/id aliases of schema.org’s context', () => {
    expect(check({ '@context': 'https://schema.org', type: 'Organization', id: 'https://example.com/#o', name: 'x' })).toEqual([]);
    expect(check({ '@context': 'https://schema.org', '@type': 'schema:Organization', 'schema:name': 'x' })).toEqual([]);
    expect(check({ '@type': 'https://schema.org/Organization', 'http://schema.org/name': 'x' })).toEqual([]);
    expect(rules({ '@type': 'https://schema.org/Organisation' })).toEqual(['unknown-type']);
  });

  it('leaves other vocabularies alone', () => {
    const value = { '@context': ['https://schema.org', { dc: 'http://purl.org/dc/terms/', ex: 'https://example.org/vocab#' }], '@type': ['Organization', 'ex:Publisher'], name: 'x', 'dc:title': 'x', 'ex:anything': 1 };
    expect(check(value)).toEqual([]);
  });

  it('follows @id references for types: a Person described elsewhere in the graph is an author', () => {
    const value = {
      '@context': 'https://schema.org',
      '@graph': [
        member(COMPLETE, { author: { '@id': '#jane' } }),
        { '@type': 'Person', '@id': '#jane', name: 'Jane Doe', url: 'https://example.com/jane' },
      ],
    };
    expect(check(value)).toEqual([]);
    value['@graph'][1] = { '@type': 'Place', '@id': '#jane', name: 'Jane Doe', url: 'https://example.com/jane' } as never;
    expect(rules(value)).toEqual(['article-author-type']);
  });

  it('takes a Role in place of any value, with the property it qualifies inside', () => {
    const value = { ...COMPLETE, author: { '@type': 'Role', roleName: 'Editor', author: { '@type': 'Person', name: 'Jane', url: 'https://example.com/jane' } } };
    expect(rules(value).filter((r) => !r.startsWith('article-'))).toEqual([]);
  });

  it('accepts schema.org action constraints (query-input) on actions', () => {
    const value = { '@context': 'https://schema.org', '@type': 'WebSite', url: 'https://example.com/', potentialAction: { '@type': 'SearchAction', target: 'https://example.com/?q={q}', 'query-input': 'required name=q' } };
    expect(check(value)).toEqual([]);
  });

  it('reads @list, @set, value objects and @nest', () => {
    const value = { '@context': 'https://schema.org', '@type': 'Organization', name: { '@value': 'x', '@language': 'en' }, sameAs: { '@list': ['https://a.example', 'https://b.example'] }, '@nest': { url: 'https://example.com/' } };
    expect(check(value)).toEqual([]);
    expect(rules({ ...value, '@nest': { nmae: 'x' } })).toEqual(['unknown-property']);
  });
});

describe('checkJsonLd: one test per rule', () => {
  it('not-json-ld: a value that is not a node', () => {
    for (const value of [42, 'NewsArticle', null, true, [1, 2]]) expect(rules(value)).toEqual(['not-json-ld']);
  });

  it('json-ld-syntax: keywords with values of the wrong kind', () => {
    expect(rules({ ...COMPLETE, '@type': 42 })).toContain('json-ld-syntax');
    expect(rules({ ...COMPLETE, '@id': { x: 1 } })).toContain('json-ld-syntax');
    expect(rules({ ...COMPLETE, '@context': 42 })).toContain('json-ld-syntax');
    expect(rules({ '@context': 'https://schema.org', '@graph': 'nodes' })).toContain('json-ld-syntax');
    expect(rules({ ...COMPLETE, headline: { '@value': 'x', '@type': 'Text', '@language': 'en' } })).toContain('json-ld-syntax');
    expect(rules({ ...COMPLETE, headline: { '@value': 'x', name: 'y' } })).toContain('json-ld-syntax');
    expect(rules({ ...COMPLETE, headline: { '@value': 'x', '@id': '#h' } })).toContain('json-ld-syntax');
    expect(rules({ ...COMPLETE, headline: { '@value': 'x', '@language': 'en', '@index': 'a' } })).toEqual([]);
  });

  it('missing-context: a node whose terms nothing maps', () => {
    expect(rules({ '@type': 'Organization', name: 'x' })).toEqual(['missing-context']);
    expect(check([{ '@type': 'Organization' }, { '@context': 'https://schema.org', '@type': 'Organization' }])).toEqual([{ rule: 'missing-context', message: expect.any(String), at: { path: [0] } }]);
  });

  it('unknown-context: a remote context that is not schema.org’s (warning; its terms are not checked)', () => {
    const findings = check({ '@context': 'https://example.org/context.jsonld', '@type': 'Whatever', anything: 1 });
    expect(findings.map((f) => f.rule)).toEqual(['unknown-context']);
    expect(diagnose(JSON.stringify({ '@context': 'https://example.org/c', '@type': 'X' }))[0]?.severity).toBe('warning');
  });

  it('unknown-type: a type schema.org does not have, with the spelling meant', () => {
    expect(check({ ...NEWS, '@type': 'Newsarticle' })[0]?.message).toContain('write "NewsArticle"');
    expect(check({ ...NEWS, '@type': 'NewsArticel' })[0]?.message).toContain('did you mean "NewsArticle"?');
    expect(check({ ...NEWS, '@type': 'author' })[0]?.message).toContain('is a schema.org property, not a type');
    expect(check({ ...NEWS, '@type': ['NewsArticle', 'Foo'] }).find((f) => f.rule === 'unknown-type')?.at).toEqual({ path: ['@type', 1] });
  });

  it('unknown-property: a property schema.org does not have, with the spelling meant', () => {
    expect(check({ ...COMPLETE, DatePublished: '2024-09-04' })[0]).toMatchObject({ rule: 'unknown-property', at: { path: ['DatePublished'] } });
    expect(check({ ...COMPLETE, DatePublished: '2024-09-04' })[0]?.message).toContain('write "datePublished"');
    expect(check({ ...COMPLETE, headlines: 'x' })[0]?.message).toContain('did you mean "headline"?');
    expect(check({ '@context': 'https://schema.org', name: 'untyped', foo: 1 }).map((f) => f.rule)).toEqual(['unknown-property']);
  });

  it('property-not-for-type: a schema.org property of another type (inheritance counts)', () => {
    expect(rules({ '@context': 'https://schema.org', '@type': 'Person', name: 'x', headline: 'x' })).toEqual(['property-not-for-type']);
    expect(check({ '@context': 'https://schema.org', '@type': 'Person', headline: 'x' })[0]?.message).toContain('"headline" is not a property of Person');
    // dateline is NewsArticle's: its subtypes have it, Article does not.
    expect(rules({ ...COMPLETE, '@type': 'ReportageNewsArticle', dateline: 'PARIS' })).toEqual([]);
    expect(rules({ ...COMPLETE, '@type': 'Article', dateline: 'PARIS' })).toEqual(['property-not-for-type']);
    // A property of any of a node's types is allowed.
    expect(rules({ ...COMPLETE, '@type': ['Article', 'NewsArticle'], dateline: 'PARIS' })).toEqual([]);
  });

  it('value-type: values of a kind the range does not name (warning)', () => {
    const cases: [string, unknown][] = [
      ['wordCount', 'many'],
      ['wordCount', 1.5],
      ['isAccessibleForFree', 'yes'],
      ['dateCreated', 'yesterday'],
      ['url', 'not a url'],
      ['publisher', 5],
      ['headline', { '@type': 'Person', name: 'x' }],
      ['publisher', { '@type': 'Place', name: 'x' }],
    ];
    for (const [property, value] of cases) {
      const findings = check({ ...COMPLETE, [property]: value }).filter((f) => f.rule === 'value-type');
      expect(findings, `${property}: ${JSON.stringify(value)}`).toHaveLength(1);
      expect(findings[0]?.at).toEqual({ path: [property] });
    }
    expect(diagnose(JSON.stringify({ ...COMPLETE, wordCount: 'many' })).find((d) => d.ruleId === 'value-type')?.severity).toBe('warning');
    const fine: [string, unknown][] = [
      ['wordCount', 42],
      ['wordCount', '42'],
      ['isAccessibleForFree', 'False'],
      ['dateCreated', '2024-09-04'],
      ['url', '/relative/page'],
      ['publisher', 'Example News'],
      ['author', 'Jane Doe'],
      ['copyrightYear', 2024],
      ['inLanguage', 'en'],
      ['about', { '@id': 'https://www.wikidata.org/wiki/Q42' }],
    ];
    for (const [property, value] of fine) expect(check({ ...COMPLETE, [property]: value }).filter((f) => f.rule === 'value-type'), `${property}: ${JSON.stringify(value)}`).toEqual([]);
  });

  it('article-author: no author, an author as text, an author with no type (warnings)', () => {
    const { author: _author, ...noAuthor } = COMPLETE;
    expect(rules(noAuthor)).toEqual(['article-author']);
    expect(rules({ ...COMPLETE, author: 'Jane Doe' })).toEqual(['article-author']);
    expect(rules({ ...COMPLETE, author: { name: 'Jane Doe', url: 'https://example.com/jane' } })).toEqual(['article-author']);
    expect(diagnose(JSON.stringify(noAuthor))[0]?.severity).toBe('warning');
  });

  it('article-author-type: an author that is neither Person nor Organization (error)', () => {
    expect(rules({ ...COMPLETE, author: { '@type': 'Thing', name: 'x', url: 'https://example.com/x' } })).toEqual(['article-author-type']);
    expect(rules({ ...COMPLETE, author: { '@type': 'NewsMediaOrganization', name: 'x', url: 'https://example.com/x' } })).toEqual([]);
  });

  it('article-author-name: no name, a prefix, several people in one name (warnings)', () => {
    expect(rules({ ...COMPLETE, author: { '@type': 'Person', url: 'https://example.com/jane' } })).toEqual(['article-author-name']);
    expect(rules({ ...COMPLETE, author: { '@type': 'Person', name: 'By Jane Doe', url: 'https://example.com/jane' } })).toEqual(['article-author-name']);
    expect(rules({ ...COMPLETE, author: { '@type': 'Person', name: 'Jane Doe and John Roe', url: 'https://example.com/jane' } })).toEqual(['article-author-name']);
    expect(rules({ ...COMPLETE, author: { '@type': 'Organization', name: 'Johnson & Johnson', url: 'https://example.com/' } })).toEqual([]);
  });

  it('article-author-url: an author with neither url nor sameAs (warning)', () => {
    expect(rules({ ...COMPLETE, author: { '@type': 'Person', name: 'Jane Doe' } })).toEqual(['article-author-url']);
    expect(rules({ ...COMPLETE, author: { '@type': 'Person', name: 'Jane Doe', sameAs: ['https://social.example/@jane'] } })).toEqual([]);
  });

  it('article-date: missing dates, dates without time or zone (warnings)', () => {
    const { dateModified: _d, ...noModified } = COMPLETE;
    expect(rules(noModified)).toEqual(['article-date']);
    expect(rules({ ...COMPLETE, datePublished: '2024-09-04' })).toEqual(['article-date']);
    expect(rules({ ...COMPLETE, datePublished: '2024-09-04T21:03:00' })).toEqual(['article-date']);
    for (const fine of ['2024-09-04T21:03:00Z', '2024-09-04T21:03+08:00', '2024-09-04T21:03:00.250+0800', '2024-09-04T21:03:00-05']) expect(rules({ ...COMPLETE, datePublished: fine }), fine).toEqual([]);
  });

  it('article-date-invalid: a date that is not ISO 8601 (error, reported once)', () => {
    for (const bad of ['September 4, 2024', '2024-13-01T00:00:00Z', '2024-02-30', '2024-09-04 21:03:00', '2024', 1725454980]) {
      expect(check({ ...COMPLETE, dateModified: bad }).map((f) => f.rule), String(bad)).toEqual(['article-date-invalid']);
    }
    expect(diagnose(JSON.stringify({ ...COMPLETE, dateModified: 'Sept 4' }))[0]).toMatchObject({ severity: 'error', line: 1 });
  });

  it('article-headline: missing, or longer than 110 characters (warnings)', () => {
    const { headline: _h, ...noHeadline } = COMPLETE;
    expect(rules(noHeadline)).toEqual(['article-headline']);
    expect(rules({ ...COMPLETE, headline: 'x'.repeat(110) })).toEqual([]);
    expect(rules({ ...COMPLETE, headline: 'x'.repeat(111) })).toEqual(['article-headline']);
    // Characters, not UTF-16 units: 110 ideographs outside the BMP are 110 characters.
    expect(rules({ ...COMPLETE, headline: '𠜎'.repeat(110) })).toEqual([]);
  });

  it('article-image: missing, or a relative URL (warnings)', () => {
    const { image: _i, ...noImage } = COMPLETE;
    expect(rules(noImage)).toEqual(['article-image']);
    expect(rules({ ...COMPLETE, image: '/photos/a.jpg' })).toEqual(['article-image']);
    expect(rules({ ...COMPLETE, image: { '@type': 'ImageObject', url: 'https://example.com/a.jpg', width: 1200, height: 800 } })).toEqual([]);
  });

  it('article-image-url: an image that is not a crawlable http(s) URL, an ImageObject without one (errors)', () => {
    expect(rules({ ...COMPLETE, image: 'ftp://example.com/a.jpg' })).toEqual(['article-image-url']);
    expect(rules({ ...COMPLETE, image: 'not a url' })).toEqual(['article-image-url']);
    expect(rules({ ...COMPLETE, image: { '@type': 'ImageObject', caption: 'x' } })).toEqual(['article-image-url']);
    expect(rules({ ...COMPLETE, image: { '@type': 'ImageObject', contentUrl: 'javascript:alert(1)' } })).toEqual(['article-image-url']);
  });

  it('applies Google’s Article rules to the whole family (BlogPosting, subtypes), not to other CreativeWorks', () => {
    expect(rules({ '@context': 'https://schema.org', '@type': 'BlogPosting', headline: 'x' })).toEqual(['article-author', 'article-date', 'article-image']);
    expect(rules({ '@context': 'https://schema.org', '@type': 'AnalysisNewsArticle', headline: 'x' })).toEqual(['article-author', 'article-date', 'article-image']);
    expect(rules({ '@context': 'https://schema.org', '@type': 'WebPage', name: 'x' })).toEqual([]);
  });
});

describe('checkJsonLd: the rule table', () => {
  it('has a test of its own for every rule, named after it', () => {
    const source = readFileSync(import.meta.filename, 'utf8');
    for (const rule of JSONLD_RULES) expect(source, rule.id).toContain(`it('${rule.id}: `);
  });

  it('declares standard-layer rules with a summary and a reference', () => {
    for (const rule of JSONLD_RULES) expect(rule).toMatchObject({ layer: 'standard', summary: expect.any(String), reference: expect.stringMatching(/^https:\/\//) });
  });
});

describe('checkJsonLd: robustness', () => {
  it('never throws, and finds only declared rules, on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const finding of checkJsonLd(value)) expect(RULES.has(finding.rule)).toBe(true);
      }),
      PARAMS,
    );
  });

  it('never throws on JSON-LD-shaped garbage', () => {
    const key = fc.constantFrom('@context', '@type', '@id', '@graph', '@value', '@list', '@set', '@nest', '@included', '@reverse', '@language', 'type', 'id', 'author', 'image', 'name', 'datePublished', 'headline', '__proto__', 'constructor', 'toString', 'schema:name', 'x:y');
    const leaf = fc.oneof(fc.constantFrom('https://schema.org', 'NewsArticle', 'Person', 'imageObject', '', 'schema:', ':', 'http://schema.org/', null, 'constructor', '__proto__'), fc.string(), fc.integer(), fc.boolean());
    const { tree } = fc.letrec((tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(key, tie('tree'), { maxKeys: 5 })),
    }));
    fc.assert(
      fc.property(tree, (value) => {
        expect(() => checkJsonLd(value)).not.toThrow();
      }),
      PARAMS,
    );
  });

  it('survives deep nesting and a context that defines terms in a cycle', () => {
    let deep: unknown = { '@type': 'Thing' };
    for (let i = 0; i < 20_000; i++) deep = { '@context': 'https://schema.org', '@type': 'Thing', subjectOf: [deep] };
    expect(() => checkJsonLd(deep)).not.toThrow();
    expect(() => checkJsonLd({ '@context': { a: 'b', b: 'a', 'p:': 'p:x' }, '@type': 'a', b: 1, 'p:q': 2 })).not.toThrow();
  });

  it('takes time linear in the number of nodes', () => {
    const graph = (n: number) => ({
      '@context': 'https://schema.org',
      '@graph': Array.from({ length: n }, (_, i) => member(COMPLETE, { '@id': `#a${i}`, author: { '@id': `#p${i}` }, mentions: Array.from({ length: 5 }, (_, j) => ({ '@id': `#a${(i + j) % n}` })) })),
    });
    const time = (n: number) => {
      const value = graph(n);
      const start = performance.now();
      checkJsonLd(value);
      return performance.now() - start;
    };
    time(200);
    const small = time(1_000);
    const large = time(8_000);
    expect(large).toBeLessThan(small * 8 * 4 + 50);
  });
});
