import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diagnostics.ts';
import { toDiagnostics, toRuleTable } from '../../../src/validate/report.ts';
import { SITEMAP_RULES } from '../../../src/validate/rules/sitemap.ts';
import { checkSitemap, checkSitemapDocument } from '../../../src/validate/standard/sitemap/index.ts';
import { readXml } from '../../../src/validate/xml/tree.ts';
import { PARAMS, hostileText } from '../../helpers/arbitraries.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const FIXTURES = path.join(ROOT, 'tests/fixtures/others/sitemaps');
const RULES = toRuleTable(SITEMAP_RULES);
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** What `syndicate validate` would print for `text` under the standard profile. */
function diagnose(text: string, file = 'sitemap.xml'): Diagnostic[] {
  return toDiagnostics(checkSitemap(text).findings, { rules: RULES, file, text, format: 'sitemap', profile: 'standard' });
}

function errors(text: string): Diagnostic[] {
  return diagnose(text).filter((d) => d.severity === 'error');
}

function rules(text: string): string[] {
  return [...new Set(checkSitemap(text).findings.map((f) => f.rule))].sort();
}

/** A urlset around `body`, with the news namespace declared. */
function urlset(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${body}\n</urlset>\n`;
}

/** A complete Google News entry, with `changes` replacing its parts. */
function newsEntry(changes: { loc?: string; name?: string; language?: string; date?: string; title?: string } = {}): string {
  const part = (tag: string, value: string | undefined, fallback: string) => (value === undefined ? `<news:${tag}>${fallback}</news:${tag}>` : value === '' ? '' : `<news:${tag}>${value}</news:${tag}>`);
  return `<url><loc>${changes.loc ?? 'https://news.example.com/a.html'}</loc><news:news><news:publication>${part('name', changes.name, 'Example News')}${part('language', changes.language, 'en')}</news:publication>${part('publication_date', changes.date, '2024-09-04T21:03:00+08:00')}${part('title', changes.title, 'Ports reopen')}</news:news></url>`;
}

function files(folder: string): string[] {
  return readdirSync(path.join(FIXTURES, folder))
    .filter((f) => f.endsWith('.xml'))
    .sort();
}

describe('checkSitemap: what others write', () => {
  it.each(files('accepted'))('accepts %s (no finding)', (name) => {
    expect(diagnose(readFileSync(path.join(FIXTURES, 'accepted', name), 'utf8'))).toEqual([]);
  });

  it.each(files('rejected'))('rejects %s with the rule its name gives', (name) => {
    const rule = name.slice(0, name.indexOf('.'));
    expect(errors(readFileSync(path.join(FIXTURES, 'rejected', name), 'utf8')).map((d) => d.ruleId)).toContain(rule);
  });

  it('tells the kind of sitemap', () => {
    expect(checkSitemap(readFileSync(path.join(FIXTURES, 'accepted/protocol-index.xml'), 'utf8')).kind).toBe('sitemapindex');
    expect(checkSitemap(readFileSync(path.join(FIXTURES, 'accepted/google-news.xml'), 'utf8')).kind).toBe('urlset');
    expect(checkSitemap('<rss version="2.0"/>').kind).toBeUndefined();
    expect(checkSitemap('<urlset').kind).toBeUndefined();
  });
});

describe('checkSitemap: syndicate’s own output', () => {
  it.each(['dist/news-sitemap.xml', 'tests/fixtures/newsroom/expected/news-sitemap.xml'])('%s has no finding', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    expect(diagnose(text, file)).toEqual([]);
    expect(checkSitemap(text).kind).toBe('urlset');
  });

  it('accepts 1,000 news entries, and a document already read', () => {
    const text = urlset(Array.from({ length: 1000 }, (_, i) => newsEntry({ loc: `https://news.example.com/${i}.html` })).join('\n'));
    expect(diagnose(text)).toEqual([]);
    const { document } = readXml(text);
    expect(checkSitemapDocument(document!)).toEqual({ kind: 'urlset', findings: [] });
  });
});

describe('checkSitemap: one test per rule', () => {
  it('not-well-formed: the first parse error, where it is, without throwing', () => {
    const text = urlset('<url><loc>https://example.com/?a=1&b=2</loc></url>');
    const [error] = errors(text);
    expect(error).toMatchObject({ ruleId: 'not-well-formed', line: 3 });
    expect(error?.message).toContain('&amp;');
    expect(rules('')).toEqual(['not-well-formed']);
  });

  it('encoding: a declared encoding other than UTF-8', () => {
    expect(rules(urlset('').replace('UTF-8', 'ISO-8859-1'))).toEqual(['encoding']);
    expect(rules(urlset('').replace('UTF-8', 'utf-8'))).toEqual([]);
  });

  it('file-too-large: more than 50 MB', () => {
    const padding = `<!--${'x'.repeat(52_428_800)}-->`;
    expect(rules(urlset(padding))).toEqual(['file-too-large']);
  });

  it('root: another root, or the right root in the wrong namespace', () => {
    expect(rules('<feed xmlns="http://www.w3.org/2005/Atom"/>')).toEqual(['root']);
    expect(rules('<urlset><url><loc>https://example.com/</loc></url></urlset>')).toEqual(['root']);
    const wrong = checkSitemap('<urlset xmlns="http://www.google.com/schemas/sitemap/0.84"><url><loc>/relative</loc></url></urlset>');
    expect(wrong.kind).toBe('urlset');
    // Still checked in its own namespace: one root finding, and the entries' own.
    expect(wrong.findings.map((f) => f.rule)).toEqual(['root', 'loc-url']);
  });

  it('unexpected-element: sitemap or news elements out of place, or repeated', () => {
    expect(rules(urlset('<url><loc>https://example.com/</loc><title>x</title></url>'))).toEqual(['unexpected-element']);
    expect(rules(urlset('<url><loc>https://example.com/</loc><loc>https://example.com/b</loc></url>'))).toEqual(['unexpected-element']);
    expect(rules(urlset('<loc>https://example.com/</loc>'))).toEqual(['unexpected-element']);
    expect(rules(urlset('<url><loc>https://example.com/</loc><news:title>x</news:title></url>'))).toEqual(['unexpected-element']);
    expect(rules(urlset(newsEntry().replace('</news:news>', '<news:subtitle>x</news:subtitle></news:news>')))).toEqual(['unexpected-element']);
    expect(rules(urlset(newsEntry().replace('</url>', `${newsEntry().slice('<url><loc>https://news.example.com/a.html</loc>'.length, -'</url>'.length)}</url>`)))).toEqual(['unexpected-element']);
    expect(rules(`<sitemapindex xmlns="${SITEMAP_NS}"><sitemap><loc>https://example.com/s.xml</loc><priority>0.5</priority></sitemap></sitemapindex>`)).toEqual(['unexpected-element']);
    expect(rules(`<sitemapindex xmlns="${SITEMAP_NS}"><url><loc>https://example.com/</loc></url></sitemapindex>`)).toEqual(['unexpected-element']);
    // Extensions and Google's retired news tags are tolerated.
    expect(rules(urlset(newsEntry().replace('</news:news>', '<news:keywords>a, b</news:keywords><news:genres>Blog</news:genres></news:news>')))).toEqual([]);
    expect(rules(urlset('<url><loc>https://example.com/</loc><xhtml:link xmlns:xhtml="http://www.w3.org/1999/xhtml" rel="alternate" hreflang="de" href="https://example.com/de"/></url>'))).toEqual([]);
  });

  it('too-many-urls: more than 50,000 entries, reported once at the first one over', () => {
    const body = '<url><loc>https://example.com/</loc></url>\n'.repeat(50_001);
    const findings = checkSitemap(urlset(body)).findings;
    expect(findings.map((f) => f.rule)).toEqual(['too-many-urls']);
    expect(findings[0]?.at).toEqual({ line: 50_003, column: 1 });
    expect(rules(urlset('<url><loc>https://example.com/</loc></url>\n'.repeat(50_000)))).toEqual([]);
    expect(rules(`<sitemapindex xmlns="${SITEMAP_NS}">${'<sitemap><loc>https://example.com/s.xml</loc></sitemap>'.repeat(50_001)}</sitemapindex>`)).toEqual(['too-many-urls']);
  });

  it('missing-loc: an entry without <loc>', () => {
    expect(rules(urlset('<url><priority>0.5</priority></url>'))).toEqual(['missing-loc']);
    expect(rules(`<sitemapindex xmlns="${SITEMAP_NS}"><sitemap><lastmod>2024-09-04</lastmod></sitemap></sitemapindex>`)).toEqual(['missing-loc']);
  });

  it('loc-url: relative, not http(s), empty, with spaces', () => {
    for (const bad of ['/a.html', 'www.example.com/a', 'ftp://example.com/a', '', 'https://example.com/a b', 'https://', 'mailto:a@example.com']) {
      expect(rules(urlset(`<url><loc>${bad}</loc></url>`)), bad).toEqual(['loc-url']);
    }
    for (const fine of ['https://example.com/', ' https://example.com/padded ', 'http://例子.中国/新闻', 'https://example.com/a?b=1&amp;c=2']) {
      expect(rules(urlset(`<url><loc>${fine}</loc></url>`)), fine).toEqual([]);
    }
  });

  it('loc-too-long: more than 2,048 characters', () => {
    const base = 'https://example.com/';
    expect(rules(urlset(`<url><loc>${base}${'a'.repeat(2048 - base.length)}</loc></url>`))).toEqual([]);
    expect(rules(urlset(`<url><loc>${base}${'a'.repeat(2049 - base.length)}</loc></url>`))).toEqual(['loc-too-long']);
  });

  it('lastmod: not W3C Datetime', () => {
    for (const bad of ['04/09/2024', '2024-09-04T21:03:00', '2024-09-04 21:03:00+08:00', '2024-13-01', '2024-02-30', '2024', '2024-09', 'yesterday', '2024-09-04T25:00Z']) {
      expect(rules(urlset(`<url><loc>https://example.com/</loc><lastmod>${bad}</lastmod></url>`)), bad).toEqual(['lastmod']);
    }
    for (const fine of ['2024-09-04', '2024-02-29', '2024-09-04T21:03+08:00', '2024-09-04T21:03:00Z', '2024-09-04T21:03:00.123-05:00']) {
      expect(rules(urlset(`<url><loc>https://example.com/</loc><lastmod>${fine}</lastmod></url>`)), fine).toEqual([]);
    }
  });

  it('changefreq: not one of the seven values', () => {
    for (const bad of ['Daily', 'often', 'every day', '']) expect(rules(urlset(`<url><loc>https://example.com/</loc><changefreq>${bad}</changefreq></url>`)), bad).toEqual(['changefreq']);
    for (const fine of ['always', 'hourly', 'daily', 'weekly', 'monthly', 'yearly', 'never']) expect(rules(urlset(`<url><loc>https://example.com/</loc><changefreq>${fine}</changefreq></url>`))).toEqual([]);
  });

  it('priority: not a decimal from 0.0 to 1.0', () => {
    for (const bad of ['1.5', '-0.1', 'high', '5e-1', '', '1,0']) expect(rules(urlset(`<url><loc>https://example.com/</loc><priority>${bad}</priority></url>`)), bad).toEqual(['priority']);
    for (const fine of ['0.0', '0', '1', '1.0', '0.5', '.5', '0.80']) expect(rules(urlset(`<url><loc>https://example.com/</loc><priority>${fine}</priority></url>`)), fine).toEqual([]);
  });

  it('too-many-news: more than 1,000 news entries, reported once', () => {
    const text = urlset(Array.from({ length: 1001 }, (_, i) => newsEntry({ loc: `https://news.example.com/${i}.html` })).join('\n'));
    const findings = checkSitemap(text).findings;
    expect(findings.map((f) => f.rule)).toEqual(['too-many-news']);
    expect(findings[0]?.at).toMatchObject({ line: 1003 });
  });

  it('news-missing-element: each required element, missing or empty', () => {
    expect(rules(urlset(newsEntry({ title: '' })))).toEqual(['news-missing-element']);
    expect(rules(urlset(newsEntry({ title: ' ' })))).toEqual(['news-missing-element']);
    expect(rules(urlset(newsEntry({ date: '' })))).toEqual(['news-missing-element']);
    expect(rules(urlset(newsEntry({ name: '' })))).toEqual(['news-missing-element']);
    expect(rules(urlset(newsEntry({ language: '' })))).toEqual(['news-missing-element']);
    expect(rules(urlset('<url><loc>https://example.com/</loc><news:news><news:title>x</news:title></news:news></url>'))).toEqual(['news-missing-element']);
    const [finding] = checkSitemap(urlset(newsEntry({ title: '' }))).findings;
    expect(finding?.message).toContain('<news:title>');
  });

  it('news-language: not ISO 639, Chinese without its script', () => {
    for (const bad of ['zh', 'zh-hk', 'en-US', 'pt_BR', 'english', 'xx', 'e']) expect(rules(urlset(newsEntry({ language: bad }))), bad).toEqual(['news-language']);
    for (const fine of ['en', 'de', 'zh-cn', 'zh-tw', 'ZH-TW', 'fil', 'yue']) expect(rules(urlset(newsEntry({ language: fine }))), fine).toEqual([]);
  });

  it('news-publication-date: not W3C Datetime', () => {
    for (const bad of ['Sep 4, 2024', '2024-09-04T21:03:00', '2024-09', '1725454980']) expect(rules(urlset(newsEntry({ date: bad }))), bad).toEqual(['news-publication-date']);
    expect(rules(urlset(newsEntry({ date: '2024-09-04' })))).toEqual([]);
  });
});

describe('checkSitemap: the rule table', () => {
  it('has a test of its own for every rule, named after it', () => {
    const source = readFileSync(import.meta.filename, 'utf8');
    for (const rule of SITEMAP_RULES) expect(source, rule.id).toContain(`it('${rule.id}: `);
  });

  it('declares standard-layer rules with a summary and a reference', () => {
    for (const rule of SITEMAP_RULES) expect(rule).toMatchObject({ layer: 'standard', summary: expect.any(String), reference: expect.stringMatching(/^https:\/\//) });
  });
});

describe('checkSitemap: robustness', () => {
  it('never throws and names only declared rules, whatever the text', () => {
    const fragment = fc.constantFrom('<url>', '</url>', '<loc>', '</loc>', '<news:news>', '</news:news>', '<news:title>', '</news:title>', '<lastmod>', '</lastmod>', '&amp;', '&', '<![CDATA[', ']]>', '<?xml version="1.0"?>');
    const body = fc.array(fc.oneof(fragment, hostileText()), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(body, (inner) => {
        for (const text of [inner, urlset(inner)]) for (const finding of checkSitemap(text).findings) expect(RULES.has(finding.rule)).toBe(true);
      }),
      PARAMS,
    );
  });
});
