import { describe, expect, it } from 'vitest';
import { emitters } from '../../src/emit/index.ts';
import type { OutputFile, OutputFormat } from '../../src/model/output.ts';
import { checkConsistency as checkStated } from '../../src/validate/consistency.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { statedFacts } from '../helpers/validate.ts';

const site = makeSite();
/** The check as the build runs it: on what each output's validator read. */
const checkConsistency = (outputs: readonly OutputFile[], _site: unknown) => checkStated(statedFacts(outputs, site));
const NOW = '2024-09-06T00:00:00+08:00';
const articles = [makeRichArticle(), makeArticle()];

function emitAll(): OutputFile[] {
  return (Object.keys(emitters) as (keyof typeof emitters)[]).flatMap((format) => emitters[format](articles, site, { now: NOW }));
}

/** Every output, with one file's text edited; fails loudly when the edit changed nothing. */
function withEdited(path: string, edit: (text: string) => string): OutputFile[] {
  return emitAll().map((file) => {
    if (file.path !== path) return file;
    const text = edit(file.text);
    expect(text, `the edit of ${path} changed nothing`).not.toBe(file.text);
    return { ...file, text };
  });
}

describe('checkConsistency (one story, one truth)', () => {
  it('finds every format in agreement for the sample-shaped and rich articles', () => {
    expect(checkConsistency(emitAll(), site)).toEqual([]);
  });

  it("compares each story's language: every format that states one, the sitemap in Google's code; RSS and Open Graph state none", () => {
    const outputs = withEdited('articles/rich-story/article.jsonld', (t) => t.replace(/"inLanguage": "en"(?=,\s*"description")/, '"inLanguage": "fr"'));
    const found = checkConsistency(outputs, site).filter((d) => d.ruleId === 'inconsistent-language');
    expect(found.map((d) => d.file).sort()).toEqual(
      ['articles/rich-story/index.html', 'articles/rich-story/newsml.xml', 'articles/rich-story/ninjs.json', 'atom.xml', 'feed.json', 'news-sitemap.xml', 'sections/china/atom.xml', 'sections/china/society/atom.xml'].sort(),
    );
    expect(found.find((d) => d.file === 'news-sitemap.xml')!.message).toContain('says language "en" for "https://www.globaltimes.cn/page/202409/rich-story.shtml"');
    // Tags compare case-insensitively (RFC 5646 §2.1.1): not a difference.
    expect(checkConsistency(withEdited('feed.json', (t) => t.replace('"language": "en"\n    }', '"language": "EN"\n    }')), site)).toEqual([]);
  });

  it("accepts Google's code for the tag in the sitemap, and nothing else", () => {
    const chinese = [makeRichArticle({ language: 'zh-Hant-HK' }), makeArticle()];
    const outputs = (Object.keys(emitters) as (keyof typeof emitters)[]).flatMap((format) => emitters[format](chinese, site, { now: NOW }));
    expect(checkConsistency(outputs, site)).toEqual([]);
    const sitemap = outputs.find((o) => o.path === 'news-sitemap.xml')!;
    expect(sitemap.text).toContain('<news:language>zh-tw</news:language>');
    const edited = outputs.map((o) => (o === sitemap ? { ...o, text: o.text.replace('>zh-tw<', '>zh-cn<') } : o));
    expect(checkConsistency(edited, site).map((d) => [d.file, d.ruleId])).toEqual([['news-sitemap.xml', 'inconsistent-language']]);
  });

  it('reads the facts of every format it compares', () => {
    // A changed headline in the reference must be reported by every format that carries a headline.
    const outputs = withEdited('articles/rich-story/article.jsonld', (t) => t.replace('"headline": "Tariffs', '"headline": "Tarifs'));
    const files = checkConsistency(outputs, site)
      .filter((d) => d.ruleId === 'inconsistent-headline')
      .map((d) => d.file);
    expect(files).toEqual(
      expect.arrayContaining([
        'rss.xml',
        'atom.xml',
        'feed.json',
        'articles/rich-story/newsml.xml',
        'articles/rich-story/ninjs.json',
        'sections/china/rss.xml',
        'sections/china/society/atom.xml',
      ]),
    );
  });

  it.each([
    ['rss.xml', 'inconsistent-headline', (t: string) => t.replace('<title>Tariffs', '<title>Tarifs')],
    ['atom.xml', 'inconsistent-url', (t: string) => t.replace('<link href="https://www.globaltimes.cn/page/202409/rich-story.shtml"', '<link href="https://www.globaltimes.cn/page/202409/other.shtml"')],
    ['feed.json', 'inconsistent-authors', (t: string) => t.replace('"name": "Zhang Han"', '"name": "Zhang Hang"')],
    ['articles/rich-story/newsml.xml', 'inconsistent-published', (t: string) => t.replace(/<firstCreated>2024-09-05T08:30:00\+08:00<\/firstCreated>/g, '<firstCreated>2024-09-05T08:31:00+08:00</firstCreated>')],
    ['articles/rich-story/ninjs.json', 'inconsistent-modified', (t: string) => t.replace(/"versionCreated": "2024-09-05T10:15:00\+08:00"/, '"versionCreated": "2024-09-05T10:16:00+08:00"')],
    ['rss.xml', 'inconsistent-images', (t: string) => t.replace('media:content url="https://www.globaltimes.cn/photo/b.png"', 'media:content url="https://www.globaltimes.cn/photo/c.png"')],
  ])('catches a deliberately broken %s (%s), naming both files', (path, ruleId, edit) => {
    const found = checkConsistency(withEdited(path, edit), site);
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: path,
        source: 'validate:consistency',
        ruleId,
        message: expect.stringContaining('articles/rich-story/article.jsonld'),
      }),
    ]);
  });

  it('reports an article id that no JSON-LD file describes', () => {
    const found = checkConsistency(withEdited('feed.json', (t) => t.replace('"id": "tag:globaltimes.cn,2024:article:rich-story"', '"id": "tag:globaltimes.cn,2024:article:ghost"')), site);
    expect(found).toEqual([expect.objectContaining({ file: 'feed.json', ruleId: 'unknown-article' })]);
  });

  it('compares instants, not spellings: +08:00 and Z of the same time agree', () => {
    // Atom writes UTC, JSON-LD keeps +08:00: the first test already proves they agree; make it explicit.
    const atom = emitAll().find((f) => f.path === 'atom.xml')!.text;
    expect(atom).toContain('<published>2024-09-05T00:30:00Z</published>');
  });
});
