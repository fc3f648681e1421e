// Language per story, end to end: front matter `language` in wire copy and Markdown reaches every
// output, right-to-left stories get dir="rtl", the news sitemap uses Google's codes, and a site in
// several languages gets feeds per language, which our validators accept (the build validates every
// file it writes and compares each story's language across formats).
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.ts';
import type { OutputFile, SourceFile } from '../src/model/output.ts';
import { validateOutput } from '../src/validate/index.ts';
import { makeSite } from './helpers/fixtures.ts';

const site = makeSite();
const NOW = '2024-09-05T12:00:00+08:00';
const encode = (text: string) => new TextEncoder().encode(text);

/** A wire-copy story with front matter `language` (when given). */
function wire(id: string, language: string | undefined, headline: string, body: string, time = '09:03 PM'): SourceFile {
  const front = language === undefined ? '' : `---\nlanguage: ${language}\n---\n`;
  return { path: `input/articles/${id}.txt`, bytes: encode(`${front}WORLD\n${headline}\nPublished: Sep 04, 2024 ${time}\n\n${body}\n`) };
}

/** A Markdown story with front matter `language` (when given). */
function markdown(id: string, language: string | undefined, headline: string, body: string, time = '20:00'): SourceFile {
  const lang = language === undefined ? '' : `language: ${language}\n`;
  return { path: `input/articles/${id}.md`, bytes: encode(`---\nheadline: "${headline}"\ndate: 2024-09-04 ${time}\nsection: World\n${lang}---\n${body}\n`) };
}

/** Each story: id, the tag written, its canonical form, Google's code, the Open Graph locale, right to left. */
const STORIES = [
  { source: wire('fr-wire', 'fr', 'Le port reprend le travail', 'Les dockers ont repris le travail mardi.', '08:00 PM'), id: 'fr-wire', tag: 'fr', news: 'fr', og: 'fr', rtl: false },
  { source: markdown('fr-ca-md', 'fr-ca', 'Québec vote', 'Les électeurs votent *aujourd’hui*.', '19:30'), id: 'fr-ca-md', tag: 'fr-CA', news: 'fr', og: 'fr_CA', rtl: false },
  { source: wire('ja-wire', 'ja-JP', '港湾ストライキ終了', '港湾労働者は火曜日に仕事に戻った。', '07:00 PM'), id: 'ja-wire', tag: 'ja-JP', news: 'ja', og: 'ja_JP', rtl: false },
  { source: markdown('ja-md', 'ja', '東京で新しい博物館', '新しい博物館が**開館**した。', '18:30'), id: 'ja-md', tag: 'ja', news: 'ja', og: 'ja', rtl: false },
  { source: wire('zh-wire', 'zh-hans', '港口恢复工作', '码头工人周二恢复工作。', '05:00 PM'), id: 'zh-wire', tag: 'zh-Hans', news: 'zh-cn', og: 'zh', rtl: false },
  { source: markdown('zh-tw-md', 'zh-Hant-TW', '台北新博物館', '新博物館今天開幕。', '16:30'), id: 'zh-tw-md', tag: 'zh-Hant-TW', news: 'zh-tw', og: 'zh_TW', rtl: false },
  { source: wire('ar-wire', 'ar', 'استئناف العمل في الميناء', 'عاد عمال الميناء إلى العمل يوم الثلاثاء.', '03:00 PM'), id: 'ar-wire', tag: 'ar', news: 'ar', og: 'ar', rtl: true },
  { source: markdown('ar-md', 'ar-EG', 'متحف جديد في القاهرة', 'افتتح متحف **جديد** اليوم.', '14:30'), id: 'ar-md', tag: 'ar-EG', news: 'ar', og: 'ar_EG', rtl: true },
  { source: wire('en-wire', undefined, 'Port strike ends', 'Dockers went back to work on Tuesday.', '01:00 PM'), id: 'en-wire', tag: 'en', news: 'en', og: 'en', rtl: false },
] as const;

const result = build(
  STORIES.map((s) => s.source),
  site,
  { now: NOW },
);
const file = (path: string): OutputFile => {
  const found = result.outputs.find((o) => o.path === path);
  if (found === undefined) throw new Error(`no ${path} among ${result.outputs.map((o) => o.path).join(', ')}`);
  return found;
};
const text = (path: string) => file(path).text;
const json = (path: string) => JSON.parse(text(path)) as Record<string, unknown>;

describe('a site in several languages', () => {
  it('builds without an error: every file validates and states the same language for each story', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The stories have no photos: Google's recommendation of one is the only warning.
    expect(new Set(result.diagnostics.map((d) => d.ruleId))).toEqual(new Set(['article-image']));
  });

  describe.each(STORIES)('$id ($tag)', (story) => {
    const dir = `articles/${story.id}`;

    it('JSON-LD: inLanguage of the NewsArticle and its WebPage', () => {
      const graph = json(`${dir}/article.jsonld`)['@graph'] as { '@type': string; inLanguage?: string }[];
      expect(graph.find((n) => n['@type'] === 'NewsArticle')!.inLanguage).toBe(story.tag);
      expect(graph.find((n) => n['@type'] === 'WebPage')!.inLanguage).toBe(story.tag);
    });

    it('page: <html lang> and dir="rtl" only for a right-to-left script; og:locale in the page and the head snippet', () => {
      const page = text(`${dir}/index.html`);
      expect(page).toContain(story.rtl ? `<html lang="${story.tag}" dir="rtl">` : `<html lang="${story.tag}">\n`);
      for (const html of [page, text(`${dir}/head.html`)]) expect(html).toContain(`<meta property="og:locale" content="${story.og}">`);
    });

    it("page and head link to the story's language feeds when it is not the site's language", () => {
      for (const html of [text(`${dir}/index.html`), text(`${dir}/head.html`)]) {
        if (story.tag === site.language) expect(html).not.toContain('languages/');
        else expect(html).toContain(`href="https://www.globaltimes.cn/syndication/languages/${story.tag}/rss.xml" hreflang="${story.tag}"`);
      }
    });

    it('NewsML-G2: xml:lang on every item and the language element', () => {
      const xml = text(`${dir}/newsml.xml`);
      // Media Topic names are IPTC's English names; everything else is the story's language.
      const langs = [...xml.matchAll(/<(\w+)[^>]*\sxml:lang="([^"]+)"/g)].filter(([, element]) => element !== 'name').map(([, element, lang]) => [element, lang]);
      expect(langs.length).toBeGreaterThanOrEqual(2);
      expect(langs).toEqual(langs.map(([element]) => [element, story.tag]));
      expect(langs.map(([element]) => element)).toEqual(expect.arrayContaining(['packageItem', 'newsItem']));
      expect(xml).toContain(`<language tag="${story.tag}"/>`);
    });

    it('ninjs: language', () => {
      expect(json(`${dir}/ninjs.json`).language).toBe(story.tag);
    });

    it("news sitemap: Google's code", () => {
      const sitemap = text('news-sitemap.xml');
      const entry = new RegExp(`<loc>[^<]*/${story.id}\\.shtml</loc>[\\s\\S]*?<news:language>([^<]+)</news:language>`).exec(sitemap);
      expect(entry?.[1]).toBe(story.news);
    });

    it("site feeds: Atom entry xml:lang when not the site's, JSON Feed item language", () => {
      const entry = text('atom.xml').split('<entry').find((chunk) => chunk.includes(`:${story.id}</id>`));
      expect(entry).toBeDefined();
      expect(/^( xml:lang="[^"]+")?>/.exec(entry!)?.[1]).toBe(story.tag === site.language ? undefined : ` xml:lang="${story.tag}"`);
      const items = json('feed.json').items as { url: string; language: string }[];
      expect(items.find((i) => i.url.endsWith(`/${story.id}.shtml`))!.language).toBe(story.tag);
    });
  });

  const languages = [...new Set(STORIES.map((s) => s.tag as string))].sort();

  it('writes RSS, Atom and JSON Feed per language, each with only its stories, its language, a title naming it and its own self link', () => {
    const paths = result.outputs.map((o) => o.path).filter((p) => p.startsWith('languages/'));
    expect(paths).toEqual(languages.flatMap((tag) => [`languages/${tag}/atom.xml`, `languages/${tag}/feed.json`, `languages/${tag}/rss.xml`]).sort());
    for (const tag of languages) {
      const base = `https://www.globaltimes.cn/syndication/languages/${tag}/`;
      const ids = STORIES.filter((s) => s.tag === tag).map((s) => s.id);
      const rss = text(`languages/${tag}/rss.xml`);
      expect(rss).toContain(`<language>${tag}</language>`);
      expect(rss).toContain(`<atom:link href="${base}rss.xml" rel="self" type="application/rss+xml"/>`);
      expect([...rss.matchAll(/<guid[^>]*>[^<]*:([a-z0-9-]+)<\/guid>/g)].map((m) => m[1]).sort()).toEqual([...ids].sort());
      const atom = text(`languages/${tag}/atom.xml`);
      expect(atom).toMatch(new RegExp(`<feed [^>]*xml:lang="${tag}"`));
      expect(atom).toContain(`<link rel="self" href="${base}atom.xml"`);
      // Entries inherit the feed's language: none states its own.
      expect(atom).not.toMatch(/<entry xml:lang/);
      const feed = json(`languages/${tag}/feed.json`) as { language: string; feed_url: string; title: string; items: unknown[] };
      expect(feed).toMatchObject({ language: tag, feed_url: `${base}feed.json` });
      expect(feed.items).toHaveLength(ids.length);
      for (const title of [feed.title, /<title>([^<]*)<\/title>/.exec(rss)![1]]) expect(title).toMatch(/^Global Times — \S/);
    }
    expect(json('languages/fr/feed.json').title).toBe('Global Times — français');
    expect(json('languages/ja/feed.json').title).toBe('Global Times — 日本語');
    expect(json('languages/ar/feed.json').title).toBe('Global Times — العربية');
  });

  it('the per-language feeds pass our validators (the W3C-derived rules and the house rules) on their own', () => {
    for (const output of result.outputs.filter((o) => o.path.startsWith('languages/'))) {
      expect(validateOutput(output, site).diagnostics, output.path).toEqual([]);
    }
  });

  it("the site feeds keep every story in the site's language channel", () => {
    expect(text('rss.xml')).toContain('<language>en</language>');
    expect(text('atom.xml')).toMatch(/<feed [^>]*xml:lang="en"/);
    expect(json('feed.json')).toMatchObject({ language: 'en' });
    expect((json('feed.json').items as unknown[]).length).toBe(STORIES.length);
  });

  it('the home page lists every language: og:locale:alternate, feed links with hreflang, and lang/dir on stories in other languages', () => {
    const home = text('index.html');
    expect(home).toContain('<html lang="en">');
    expect(home).toContain('<meta property="og:locale" content="en">');
    const alternates = [...home.matchAll(/<meta property="og:locale:alternate" content="([^"]+)">/g)].map((m) => m[1]);
    expect(alternates).toEqual(['ar', 'ar_EG', 'fr', 'fr_CA', 'ja', 'ja_JP', 'zh', 'zh_TW']);
    expect(home).toContain('<link rel="alternate" type="application/atom+xml" title="Global Times — العربية (Atom)" href="https://www.globaltimes.cn/syndication/languages/ar/atom.xml" hreflang="ar">');
    for (const tag of languages) expect(home).toContain(`href="https://www.globaltimes.cn/syndication/languages/${tag}/feed.json" hreflang="${tag}"`);
    expect(home).toContain('<li><article lang="ar" dir="rtl">');
    expect(home).toContain('<li><article lang="zh-Hans">');
    expect(home).toMatch(/<li><article>\n<h2><a href="articles\/en-wire\/">/);
  });
});

describe('a site in one language', () => {
  it('writes no languages/ folder and links no language feed, even when stories name the language', () => {
    const single = build([wire('a', 'en', 'One', 'Text one.'), markdown('b', undefined, 'Two', 'Text two.')], site, { now: NOW });
    expect(single.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(single.outputs.some((o) => o.path.startsWith('languages/'))).toBe(false);
    expect(single.outputs.some((o) => o.text.includes('languages/'))).toBe(false);
    expect(single.outputs.find((o) => o.path === 'index.html')!.text).not.toContain('og:locale:alternate');
  });

  it("a site whose stories are all in another language than site.json's gets that language's feeds", () => {
    const french = build([wire('a', 'fr', 'Un', 'Texte un.'), markdown('b', 'fr', 'Deux', 'Texte deux.')], site, { now: NOW });
    expect(french.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(french.outputs.map((o) => o.path).filter((p) => p.startsWith('languages/'))).toEqual(['languages/fr/atom.xml', 'languages/fr/feed.json', 'languages/fr/rss.xml']);
  });
});

describe('an invalid language', () => {
  it('is an invalid-language error at the key, and the story is not built', () => {
    const bad = build([wire('a', 'en_GB', 'One', 'Text one.'), markdown('b', 'fr', 'Deux', 'Texte deux.')], site, { now: NOW });
    const errors = bad.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ file: 'input/articles/a.txt', ruleId: 'invalid-language', severity: 'error', line: 2 })]);
    expect(errors[0]!.message).toContain('`language: en-GB`');
    expect(bad.articles.map((a) => a.id)).toEqual(['b']);
  });
});
