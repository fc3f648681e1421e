// How checkFile puts the two layers together: what the house layer adds to the standard's findings, and
// that no text makes a check throw.
import { describe, expect, it } from 'vitest';
import { formatJsonLd, toJsonLdGraph } from '../../src/emit/jsonld.ts';
import { toNinjs } from '../../src/emit/ninjs.ts';
import { emitNewsSitemap } from '../../src/emit/sitemap.ts';
import { checkFile, type CheckKind } from '../../src/validate/check.ts';
import type { Profile } from '../../src/validate/rule.ts';
import { makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { brokenJson, brokenText, lineOf } from '../helpers/validate.ts';

const site = makeSite();

/** `[rule id, severity, line]` of each finding of `text` checked as `kind` under `profile`. */
function found(kind: CheckKind, text: string, profile: Profile = 'syndicate'): [string, string, number | undefined][] {
  return checkFile(kind, text, 'x', { profile, site, publicPath: 'x' }).diagnostics.map((d) => [d.ruleId, d.severity, d.line]);
}

type Graph = { '@graph': Record<string, unknown>[] };
/** The clean rich fixture's article.jsonld (authors with a url, photos credited), edited by `edit`. */
function jsonLd(edit: (graph: Graph) => void): string {
  const rich = makeRichArticle();
  const clean = makeRichArticle({ authors: rich.authors.map((a) => ({ ...a, url: a.url ?? 'https://www.globaltimes.cn/author/x' })), images: rich.images.map((i) => ({ credit: 'Li Hao/GT', ...i })) });
  return formatJsonLd(JSON.parse(brokenJson(toJsonLdGraph(clean, site) as unknown as Graph, edit)));
}

describe('a value the standard layer reported is not reported again by the house layer', () => {
  it('one finding, the standard one, where the standard says it as strictly (ninjs: a uri that is no URI)', () => {
    const text = brokenJson(toNinjs(makeRichArticle(), site), (item) => (item.uri = 'Tariffs & trade'));
    expect(found('ninjs', text)).toEqual([['invalid-uri', 'error', lineOf(text, '"uri"')]]);
  });

  it('but a house error is kept where the standard only warns: a relative image URL in article.jsonld', () => {
    const text = jsonLd((g) => (g['@graph'].find((n) => n['@type'] === 'ImageObject')!['contentUrl'] = '/photo/a.jpg'));
    const line = lineOf(text, '"/photo/a.jpg"');
    expect(found('jsonld', text, 'standard')).toEqual([['article-image', 'warning', line]]);
    expect(found('jsonld', text)).toEqual([
      ['article-image', 'warning', line],
      ['relative-url', 'error', line],
    ]);
  });

  it('and a NewsArticle date without offset: Google recommends one, syndicate promises it', () => {
    const text = jsonLd((g) => (g['@graph'][0]!['datePublished'] = '2024-09-05T08:30:00'));
    const line = lineOf(text, '"2024-09-05T08:30:00"');
    expect(found('jsonld', text, 'standard')).toEqual([['article-date', 'warning', line]]);
    expect(found('jsonld', text)).toEqual([
      ['article-date', 'warning', line],
      ['date-offset', 'error', line],
    ]);
  });

  it('in the sitemap too, by element: a date or language code the standard refuses is not refused again', () => {
    const sitemap = emitNewsSitemap([makeRichArticle()], site, { now: '2024-09-05T12:00:00+08:00' })[0]!.text;
    const date = brokenText(sitemap, (t) => t.replace('2024-09-05T08:30:00+08:00', '2024-09-05T08:30:00'));
    expect(found('sitemap', date)).toEqual([['news-publication-date', 'error', lineOf(date, '<news:publication_date>')]]);
    const code = brokenText(sitemap, (t) => t.replace('<news:language>en<', '<news:language>English<'));
    expect(found('sitemap', code)).toEqual([['news-language', 'error', lineOf(code, '<news:language>')]]);
    // What only the house layer says is still said: a bare date, a code Google reads but not in its own form.
    expect(found('sitemap', brokenText(sitemap, (t) => t.replace('2024-09-05T08:30:00+08:00', '2024-09-05')))).toEqual([['date-offset', 'error', expect.any(Number)]]);
    expect(found('sitemap', brokenText(sitemap, (t) => t.replace('<news:language>en<', '<news:language>EN<')))).toEqual([['publication-language', 'error', expect.any(Number)]]);
  });
});

describe('no text makes a check throw', () => {
  const deepArray = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
  const deepObject = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;

  it.each<CheckKind>(['jsonld', 'ninjs', 'jsonfeed'])('%s nested deeper than positions can be computed: reported, without a line', (kind) => {
    for (const text of [deepArray, deepObject]) {
      for (const profile of ['standard', 'syndicate'] as const) {
        const diagnostics = found(kind, text, profile);
        expect(diagnostics.length, `${profile} ${text.slice(0, 6)}`).toBeGreaterThan(0);
        expect(diagnostics.every(([, severity]) => severity === 'error' || severity === 'warning')).toBe(true);
      }
    }
  });

  it('a JSON-LD block nested that deep in a page: positioned, as its finding is at the top', () => {
    const page = `<!DOCTYPE html>\n<html lang="en"><head><script type="application/ld+json">${deepArray}</script></head><body></body></html>\n`;
    expect(found('html', page, 'standard')).toEqual([['not-json-ld', 'error', 2]]);
  });

  it('while a shallow file keeps its positions', () => {
    expect(found('ninjs', '{\n  "uri": 1\n}\n', 'standard')).toEqual([['property-type', 'error', 2]]);
  });
});
