import { describe, expect, it } from 'vitest';
import { emitHead } from '../../src/emit/head.ts';
import { emitIndexPage } from '../../src/emit/indexpage.ts';
import { emitJsonLd } from '../../src/emit/jsonld.ts';
import { emitPage } from '../../src/emit/page.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { checkConsistency } from '../../src/validate/consistency.ts';
import { readFacts } from '../../src/validate/facts.ts';
import { validators } from '../../src/validate/index.ts';
import { validateHead, validateIndexPage, validatePage } from '../../src/validate/page.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { brokenText, distinctRuleIds, lineOf } from '../helpers/validate.ts';

const site = makeSite();
const rich = makeRichArticle();
const head = emitHead([rich], site)[0]!;
const page = emitPage([rich], site)[0]!;
const index = emitIndexPage([rich, makeArticle()], site)[0]!;
const jsonld = emitJsonLd([rich], site)[0]!;

/** `file` with its text edited (the edit must change something). */
const edited = (file: OutputFile, edit: (text: string) => string): OutputFile => ({ ...file, text: brokenText(file.text, edit) });

describe('the HTML validators on emitted files', () => {
  it('find nothing in the head snippet, the pages and the index of both fixtures', () => {
    const articles = [rich, makeArticle()];
    const files = [...emitHead(articles, site), ...emitPage(articles, site), ...emitIndexPage(articles, site)];
    for (const file of files) expect(validators[file.format](file, site), file.path).toEqual([]);
  });
});

describe('each rule fails on a broken document', () => {
  it('html-parse-error: every parse5 error, with its line and column', () => {
    const broken = edited(page, (t) => t.replace('<h1>', '<h1 class="a" class="b">'));
    const found = validatePage(broken, site).filter((d) => d.ruleId === 'html-parse-error');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', file: 'articles/rich-story/index.html', source: 'validate:page', line: lineOf(broken.text, '<h1 ') });
    expect(found[0]!.column).toBeGreaterThan(1);
    expect(found[0]!.message).toContain('duplicate-attribute');
    const noDoctype = validatePage(edited(page, (t) => t.replace('<!DOCTYPE html>\n', '')), site);
    expect(noDoctype.map((d) => [d.ruleId, d.line, d.column])).toEqual([['html-parse-error', 1, 1]]);
    expect(noDoctype[0]!.message).toContain('missing-doctype');
  });

  it('jsonld-count: none, or two, in a head snippet or page', () => {
    const withoutScript = (t: string) => t.replace(/<script type="application\/ld\+json">[^]*?<\/script>\n/, '');
    expect(distinctRuleIds(validateHead(edited(head, withoutScript), site))).toEqual(['jsonld-count']);
    expect(distinctRuleIds(validatePage(edited(page, withoutScript), site))).toEqual(['jsonld-count']);
    const twice = edited(head, (t) => `${t}<script type="application/ld+json">{}</script>\n`);
    const found = validateHead(twice, site);
    expect(distinctRuleIds(found)).toEqual(['jsonld-count']);
    expect(found[0]!.line).toBe(twice.text.split('\n').length - 1);
  });

  it('jsonld-unparseable: text that is not JSON, including JSON cut short by a raw </script>', () => {
    expect(distinctRuleIds(validateHead(edited(head, (t) => t.replace('"@context":', '@context:')), site))).toEqual(['jsonld-unparseable']);
    // A raw "</script>" in a value ends the element early: the JSON is cut, the rest becomes page text.
    const cut = validatePage(edited(page, (t) => t.replace('\\u003cb\\u003e', '</script><b>')), site);
    expect(distinctRuleIds(cut)).toContain('jsonld-unparseable');
  });

  it('jsonld-unsafe: a raw <!-- or <script inside the JSON, at its line', () => {
    const broken = edited(head, (t) => t.replace('\\u003cb\\u003e', '<!--b-->'));
    const found = validateHead(broken, site);
    expect(distinctRuleIds(found)).toEqual(['jsonld-unsafe']);
    expect(found[0]).toMatchObject({ line: lineOf(broken.text, '<!--b'), column: broken.text.split('\n')[lineOf(broken.text, '<!--b') - 1]!.indexOf('<!--') + 1 });
    expect(distinctRuleIds(validatePage(edited(page, (t) => t.replace('\\u003cat\\u003e', '<script>')), site))).toContain('jsonld-unsafe');
  });

  it('og-missing: a required Open Graph property absent or empty', () => {
    const found = validateHead(edited(head, (t) => t.replace(/<meta property="og:title"[^>]*>\n/, '')), site);
    expect(distinctRuleIds(found)).toEqual(['og-missing']);
    expect(found[0]!.message).toContain('og:title');
    expect(distinctRuleIds(validatePage(edited(page, (t) => t.replace('<meta property="og:type" content="article">', '<meta property="og:type" content=" ">')), site))).toEqual(['og-missing']);
    expect(distinctRuleIds(validateIndexPage(edited(index, (t) => t.replace(/<meta property="og:url"[^>]*>/, '')), site))).toEqual(['og-missing']);
  });

  it('og-url: og:url, og:image or twitter:image not absolute', () => {
    const broken = edited(head, (t) => t.replace('<meta property="og:image" content="https://www.globaltimes.cn/photo/a.jpg">', '<meta property="og:image" content="/photo/a.jpg">'));
    const found = validateHead(broken, site);
    expect(distinctRuleIds(found)).toEqual(['og-url']);
    expect(found[0]!.line).toBe(lineOf(broken.text, '<meta property="og:image" content="/photo'));
    expect(distinctRuleIds(validateHead(edited(head, (t) => t.replace('name="twitter:image" content="https://www.globaltimes.cn', 'name="twitter:image" content="')), site))).toEqual(['og-url']);
  });

  it('canonical-missing, canonical-duplicate, relative-url', () => {
    expect(distinctRuleIds(validateHead(edited(head, (t) => t.replace(/<link rel="canonical"[^>]*>\n/, '')), site))).toEqual(['canonical-missing']);
    expect(distinctRuleIds(validatePage(edited(page, (t) => t.replace('</title>', '</title>\n<link rel="canonical" href="https://example.com/">')), site))).toEqual(['canonical-duplicate']);
    const relative = edited(head, (t) => t.replace('href="https://www.globaltimes.cn/syndication/atom.xml"', 'href="atom.xml"'));
    const found = validateHead(relative, site);
    expect(distinctRuleIds(found)).toEqual(['relative-url']);
    expect(found[0]!.line).toBe(lineOf(relative.text, 'href="atom.xml"'));
  });

  it('external-asset: script src, a style sheet link, @import or url() in styles', () => {
    const add = (html: string) => edited(page, (t) => t.replace('</head>', `${html}\n</head>`));
    expect(distinctRuleIds(validatePage(add('<script src="https://cdn.example/x.js"></script>'), site))).toEqual(['external-asset']);
    expect(distinctRuleIds(validatePage(add('<link rel="Stylesheet" href="https://cdn.example/x.css">'), site))).toEqual(['external-asset']);
    expect(distinctRuleIds(validatePage(add('<style>@import "https://fonts.example/a.css";</style>'), site))).toEqual(['external-asset']);
    expect(distinctRuleIds(validatePage(edited(page, (t) => t.replace('<h1>', '<h1 style="background:url(https://x.example/a.png)">')), site))).toEqual(['external-asset']);
    expect(distinctRuleIds(validateHead(edited(head, (t) => `${t}<script type="module" src="x.js"></script>\n`), site))).toEqual(['external-asset']);
  });

  it('executable-script: an inline script that would run', () => {
    const found = validatePage(edited(page, (t) => t.replace('<main>', '<main>\n<script>alert(1)</script>')), site);
    expect(distinctRuleIds(found)).toEqual(['executable-script']);
    expect(distinctRuleIds(validateHead(edited(head, (t) => `${t}<script type="text/javascript">x()</script>\n`), site))).toEqual(['executable-script']);
  });

  it('head-content: an element or text that would end <head> early', () => {
    const broken = edited(head, (t) => t.replace('<meta property="og:type"', '<div>x</div>\n<meta property="og:type"'));
    const found = validateHead(broken, site);
    expect(distinctRuleIds(found)).toEqual(['head-content']);
    expect(found[0]!.line).toBe(lineOf(broken.text, '<div>'));
    expect(distinctRuleIds(validateHead(edited(head, (t) => `stray text\n${t}`), site))).toEqual(['head-content']);
  });

  it('html-lang, charset-missing, viewport-missing, title-missing', () => {
    expect(distinctRuleIds(validatePage(edited(page, (t) => t.replace('<html lang="en">', '<html>')), site))).toEqual(['html-lang']);
    expect(distinctRuleIds(validateIndexPage(edited(index, (t) => t.replace('<html lang="en">', '<html lang="">')), site))).toEqual(['html-lang']);
    expect(distinctRuleIds(validatePage(edited(page, (t) => t.replace('<meta charset="utf-8">\n', '')), site))).toEqual(['charset-missing']);
    const noViewport = validatePage(edited(page, (t) => t.replace(/<meta name="viewport"[^>]*>\n/, '')), site);
    expect(noViewport.map((d) => [d.ruleId, d.severity])).toEqual([['viewport-missing', 'warning']]);
    expect(distinctRuleIds(validatePage(edited(page, (t) => t.replace(/<title>[^<]*<\/title>/, '<title> </title>')), site))).toEqual(['title-missing']);
    expect(distinctRuleIds(validateIndexPage(edited(index, (t) => t.replace(/<title>[^<]*<\/title>\n/, '')), site))).toEqual(['title-missing']);
  });

  it('h1-count: none, or more than one (positioned at the second)', () => {
    const two = edited(page, (t) => t.replace('<div class="body">', '<div class="body">\n<h1>Second</h1>'));
    const found = validatePage(two, site);
    expect(distinctRuleIds(found)).toEqual(['h1-count']);
    expect(found[0]!.line).toBe(lineOf(two.text, '<h1>Second'));
    expect(distinctRuleIds(validateIndexPage(edited(index, (t) => t.replace(/<h1>([^<]*)<\/h1>/, '<p>$1</p>')), site))).toEqual(['h1-count']);
  });

  it('img-alt: an image without alt (alt="" is allowed)', () => {
    const broken = edited(page, (t) => t.replace(/<img src="https:\/\/www.globaltimes.cn\/photo\/b.png" alt="[^"]*"/, '<img src="https://www.globaltimes.cn/photo/b.png"'));
    const found = validatePage(broken, site);
    expect(distinctRuleIds(found)).toEqual(['img-alt']);
    expect(found[0]!.line).toBe(lineOf(broken.text, '<img src="https://www.globaltimes.cn/photo/b.png"'));
    expect(validatePage(edited(page, (t) => t.replace(/alt="Second photo."/, 'alt=""')), site)).toEqual([]);
  });

  it('never throws, whatever is cut or dropped', () => {
    for (const file of [head, page, index]) {
      for (let cut = 1; cut < file.text.length; cut += 97) {
        const mangled = { ...file, text: `${file.text.slice(0, cut)}${file.text.slice(cut + 5)}` };
        expect(() => validators[file.format](mangled, site), `${file.path} at ${cut}`).not.toThrow();
        expect(() => validators[file.format]({ ...file, text: file.text.slice(0, cut) }, site)).not.toThrow();
      }
    }
  });
});

describe('facts for the consistency check', () => {
  it('head and page state the JSON-LD\'s headline, dates, URL, authors and images (Open Graph, visible markup, embedded graph); the index none', () => {
    const reference = readFacts(jsonld, site);
    expect(reference).toHaveLength(1);
    expect(readFacts(head, site)).toEqual([reference[0], reference[0]]);
    expect(readFacts(page, site)).toEqual([reference[0], reference[0], reference[0]]);
    expect(readFacts(index, site)).toEqual([]);
    // The sample-shaped article: publisher as author, no photo URL, no update.
    const sample = makeArticle();
    const sampleRef = readFacts(emitJsonLd([sample], site)[0]!, site)[0];
    expect(sampleRef).toMatchObject({ authors: ['Global Times'], images: [] });
    expect(readFacts(emitPage([sample], site)[0]!, site)).toEqual([sampleRef, sampleRef, sampleRef]);
  });

  it('the consistency check catches a page or snippet that drifted from article.jsonld', () => {
    expect(checkConsistency([jsonld, head, page, index], site)).toEqual([]);
    const headline = edited(page, (t) => t.replace(/<h1>[^<]*<\/h1>/, '<h1>Another headline</h1>'));
    expect(checkConsistency([jsonld, headline], site).map((d) => [d.file, d.ruleId])).toEqual([['articles/rich-story/index.html', 'inconsistent-headline']]);
    const author = edited(page, (t) => t.replace('<span class="author">Liu Caiyu</span> and ', ''));
    expect(checkConsistency([jsonld, author], site).map((d) => d.ruleId)).toEqual(['inconsistent-authors']);
    const time = edited(head, (t) => t.replace('"article:modified_time" content="2024-09-05T10:15:00+08:00"', '"article:modified_time" content="2024-09-05T10:16:00+08:00"'));
    expect(checkConsistency([jsonld, time], site).map((d) => d.ruleId)).toEqual(['inconsistent-modified']);
    const image = edited(page, (t) => t.replace('<figure class="photo"><img src="https://www.globaltimes.cn/photo/b.png"', '<figure class="photo"><img src="https://www.globaltimes.cn/photo/c.png"'));
    expect(checkConsistency([jsonld, image], site).map((d) => d.ruleId)).toEqual(['inconsistent-images']);
    const url = edited(head, (t) => t.replace('<meta property="og:url" content="https://www.globaltimes.cn/page/202409/rich-story.shtml"', '<meta property="og:url" content="https://www.globaltimes.cn/other"'));
    expect(checkConsistency([jsonld, url], site).map((d) => d.ruleId)).toEqual(['inconsistent-url']);
  });

  it('a snippet without readable JSON-LD states nothing (its validator reports why)', () => {
    const broken = edited(head, (t) => t.replace('"@context":', '@context:'));
    expect(readFacts(broken, site)).toEqual([]);
    expect(validateHead(broken, site).map((d) => d.ruleId)).toEqual(['jsonld-unparseable']);
  });
});
