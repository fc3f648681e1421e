/**
 * Issue 14's "done when", end to end through the in-memory build: a multilingual newsroom (wire copy and
 * Markdown; English, French, Japanese, Chinese, Arabic) whose bylines, ledes, languages, typography,
 * sections and Markdown tables come out as the editor wrote them in every output.
 */
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { makeSite } from '../helpers/fixtures.ts';
import { xmlTexts } from '../helpers/readback.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const NOW = '2024-09-05T12:00:00+08:00';
const NBSP = '\u00A0';
const NNBSP = '\u202F';
const IDEO = '\u3000';

const sources = [
  {
    path: 'input/articles/bank-rate.txt',
    text: 'WORLD / UK\nBank Rate could fall again\nPublished: Sep 04, 2024 09:03 PM\n\nBy the end of 2025, Bank Rate could stand at 3.75%, according to minutes of the meeting.\n\nEconomists were divided.\n',
  },
  {
    path: 'input/articles/tuesday.txt',
    text: 'WORLD\nTalks resume\nPublished: Sep 04, 2024 08:00 PM\n\nBy Tuesday evening, negotiators had agreed on a text.\n\nThe vote is on Friday.\n',
  },
  {
    path: 'input/articles/byline.txt',
    text: 'CHINA\nPort traffic rises\nPublished: Sep 04, 2024 07:00 PM\nBy Zhang Wei, Li Na in Beijing\n\nContainer traffic rose in August.\n',
  },
  {
    path: 'input/articles/lede.md',
    text: '---\nheadline: Rates on hold\ndate: 2024-09-04T18:00:00+08:00\nsection: World / UK\n---\nBy the end of 2025, rates could be lower, according to the minutes.\n\nMore follows.\n',
  },
  {
    path: 'input/articles/francais.md',
    text: `---\nheadline: "Marché${NNBSP}: «${NBSP}l’euro${NBSP}» recule"\ndate: 2024-09-04T17:00:00+08:00\nsection: Monde\nlanguage: fr\n---\nLa monnaie unique a reculé${NNBSP}; les marchés attendent «${NBSP}la BCE${NBSP}».\n`,
  },
  {
    path: 'input/articles/nihongo.md',
    text: `---\nheadline: "東京${IDEO}株価が上昇"\ndate: 2024-09-04T16:00:00+08:00\nsection: Asia\nlanguage: ja\n---\n東京株式市場で${IDEO}日経平均が上昇した。\n`,
  },
  {
    path: 'input/articles/zhongwen.md',
    text: '---\nheadline: 港口吞吐量增长\ndate: 2024-09-04T15:00:00+08:00\nsection: China\nlanguage: zh-Hans\n---\n八月集装箱吞吐量增长。\n',
  },
  {
    path: 'input/articles/arabi.md',
    text: '---\nheadline: ارتفاع حركة الموانئ\ndate: 2024-09-04T14:00:00+08:00\nsection: World\nlanguage: ar\n---\nارتفعت حركة الحاويات في أغسطس.\n',
  },
  {
    path: 'input/articles/table.md',
    text: '---\nheadline: How households pay\ndate: 2024-09-04T13:00:00+08:00\nsection: Business\n---\nPayments moved ~~slowly~~ quickly to cards.[^1]\n\n| Method | Share |\n|---|---|\n| Cash | 40% |\n| Card | 60% |\n\n[^1]: Survey of 2,000 households.\n',
  },
];

const site = makeSite({ sectionPermalink: '/{path}/' });
const result = build(
  sources.map((s) => ({ path: s.path, bytes: encode(s.text) })),
  site,
  { now: NOW },
);
const file = (path: string): OutputFile => {
  const found = result.outputs.find((o) => o.path === path);
  if (!found) throw new Error(`no output ${path}; outputs: ${result.outputs.map((o) => o.path).join(', ')}`);
  return found;
};
const newsArticle = (id: string): Record<string, unknown> => {
  const doc = JSON.parse(file(`articles/${id}/article.jsonld`).text) as Record<string, unknown>;
  const nodes = (doc['@graph'] as Record<string, unknown>[] | undefined) ?? [doc];
  const node = nodes.find((n) => n['@type'] === 'NewsArticle');
  if (!node) throw new Error(`no NewsArticle in ${id}`);
  return node;
};
const authorsOf = (id: string) => result.articles.find((a) => a.id === id)!.authors.map((a) => a.name);
const jsonFeedItem = (id: string) => (JSON.parse(file('feed.json').text) as { items: Record<string, unknown>[] }).items.find((i) => String(i.id).endsWith(`:${id}`) || String(i.url).includes(id))!;

describe('what the editor wrote is what every reader gets (issue 14)', () => {
  it('builds without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('keeps a lede that starts with "By" as the lede, in wire copy and Markdown', () => {
    for (const id of ['bank-rate', 'tuesday', 'lede']) {
      expect(authorsOf(id)).toEqual([]);
      const body = String(newsArticle(id).articleBody);
      expect(body.startsWith('By ')).toBe(true);
      expect(file('rss.xml').text).not.toMatch(/<dc:creator>(the end of 2025|Tuesday evening)/);
    }
  });

  it('reads a byline with a place as two authors and keeps the place apart', () => {
    expect(authorsOf('byline')).toEqual(['Zhang Wei', 'Li Na']);
    expect(result.articles.find((a) => a.id === 'byline')!.dateline).toBe('Beijing');
    expect(String(newsArticle('byline').articleBody)).toBe('Container traffic rose in August.');
  });

  it('carries each story\'s own language to every output', () => {
    const cases = [
      ['francais', 'fr', 'fr'],
      ['nihongo', 'ja', 'ja'],
      ['zhongwen', 'zh-Hans', 'zh-cn'],
      ['arabi', 'ar', 'ar'],
    ] as const;
    for (const [id, tag, news] of cases) {
      expect(newsArticle(id).inLanguage).toBe(tag);
      expect(file(`articles/${id}/index.html`).text).toMatch(new RegExp(`<html lang="${tag}"`));
      expect((JSON.parse(file(`articles/${id}/ninjs.json`).text) as { language: string }).language).toBe(tag);
      expect(xmlTexts(file(`articles/${id}/newsml.xml`).text, '//n:newsItem/@xml:lang')).toEqual([tag]);
      expect(jsonFeedItem(id).language).toBe(tag);
      const sitemap = file('news-sitemap.xml').text;
      const entry = sitemap.slice(sitemap.indexOf(id));
      expect(entry.slice(0, entry.indexOf('</url>'))).toContain(`<news:language>${news}</news:language>`);
    }
    expect(file('articles/arabi/index.html').text).toMatch(/<html lang="ar" dir="rtl"/);
    expect(file('articles/francais/index.html').text).not.toContain('dir="rtl"');
  });

  it('writes per-language feeds when the site publishes in more than one language', () => {
    for (const lang of ['en', 'fr', 'ja', 'zh-Hans', 'ar']) {
      const rss = result.outputs.find((o) => o.path.startsWith('languages/') && o.path.toLowerCase().includes(`/${lang.toLowerCase()}/`) && o.path.endsWith('rss.xml'));
      expect(rss, `languages/${lang}/rss.xml`).toBeDefined();
    }
  });

  it('keeps U+3000 and no-break spaces in every output, and "UK" as written', () => {
    const ja = `東京${IDEO}株価が上昇`;
    const fr = `Marché${NNBSP}: «${NBSP}l’euro${NBSP}» recule`;
    for (const [id, headline] of [['nihongo', ja], ['francais', fr]] as const) {
      expect(newsArticle(id).headline).toBe(headline);
      expect(xmlTexts(file(`articles/${id}/newsml.xml`).text, '//n:newsItem//n:headline')[0]).toBe(headline);
      expect(file('rss.xml').text).toContain(headline);
      expect(xmlTexts(file('atom.xml').text, '//atom:entry/atom:title')).toContain(headline);
      expect(file('feed.json').text).toContain(JSON.stringify(headline).slice(1, -1));
    }
    expect(String(newsArticle('nihongo').articleBody)).toContain(IDEO);
    expect(newsArticle('bank-rate').articleSection).toEqual(['World', 'UK']);
    expect(newsArticle('lede').articleSection).toEqual(['World', 'UK']);
    expect(file('rss.xml').text).toMatch(/<category[^>]*>UK<\/category>/);
  });

  it('renders a Markdown table, footnote and strikethrough in every HTML output and as clean text in articleBody', () => {
    const body = String(newsArticle('table').articleBody);
    expect(body).not.toMatch(/\||\[\^1\]/);
    expect(body).toContain('Cash');
    for (const text of [file('articles/table/index.html').text, file('rss.xml').text, file('atom.xml').text, file('feed.json').text, file('articles/table/newsml.xml').text]) {
      expect(text).toMatch(/<table/);
      expect(text).toMatch(/<del>/);
      expect(text).toMatch(/<sup>/);
    }
    expect(String(newsArticle('table').description)).not.toMatch(/\|/);
  });

  it('writes Atom titles as plain text', () => {
    const atom = file('atom.xml').text;
    expect(atom).not.toContain('<title type="html">');
    expect(atom).not.toContain('<summary type="html">');
  });
});
