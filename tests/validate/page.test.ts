import { describe, expect, it } from 'vitest';
import { emitHead } from '../../src/emit/head.ts';
import { emitIndexPage } from '../../src/emit/indexpage.ts';
import { emitJsonLd } from '../../src/emit/jsonld.ts';
import { emitPage } from '../../src/emit/page.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { checkConsistency } from '../../src/validate/consistency.ts';
import { validateOutput } from '../../src/validate/index.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { HOUSE_HTML_RULES } from '../../src/validate/rules/house-html.ts';
import type { SiteConfig } from '../../src/config.ts';
import { brokenText, distinctRuleIds, lineOf, statedFacts } from '../helpers/validate.ts';

/** The house rules of the pages: the JSON-LD blocks' standard findings are the standard layer's tests' business. */
const PAGE_RULES = new Set<string>(HOUSE_HTML_RULES.map((r) => r.id));
const validateFile = (file: OutputFile, site: SiteConfig) => validateOutput(file, site).diagnostics.filter((d) => PAGE_RULES.has(d.ruleId));

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
    for (const file of files) expect(validateFile(file, site), file.path).toEqual([]);
  });
});

describe('each rule fails on a broken document', () => {
  it('html-structure: an attribute written twice, an element never closed, no doctype, at their line', () => {
    const broken = edited(page, (t) => t.replace('<h1>', '<h1 class="a" class="b">'));
    const found = validateFile(broken, site);
    expect(found.map((d) => d.ruleId)).toEqual(['html-structure']);
    expect(found[0]).toMatchObject({ severity: 'error', file: 'articles/rich-story/index.html', source: 'validate:html', line: lineOf(broken.text, '<h1 ') });
    expect(found[0]!.message).toContain('an attribute written twice (class)');
    const unclosed = validateFile(edited(page, (t) => t.replace('</h1>', '')), site);
    expect(unclosed.map((d) => d.ruleId)).toContain('html-structure');
    const noDoctype = validateFile(edited(page, (t) => t.replace('<!DOCTYPE html>\n', '')), site);
    expect(noDoctype.map((d) => d.ruleId)).toEqual(['html-structure']);
    expect(noDoctype[0]!.message).toContain('quirks mode');
  });

  it('jsonld-count: none, or two, in a head snippet or page', () => {
    const withoutScript = (t: string) => t.replace(/<script type="application\/ld\+json">[^]*?<\/script>\n/, '');
    expect(distinctRuleIds(validateFile(edited(head, withoutScript), site))).toEqual(['jsonld-count']);
    expect(distinctRuleIds(validateFile(edited(page, withoutScript), site))).toEqual(['jsonld-count']);
    const twice = edited(head, (t) => `${t}<script type="application/ld+json">{}</script>\n`);
    const found = validateFile(twice, site);
    expect(distinctRuleIds(found)).toEqual(['jsonld-count']);
    expect(found[0]!.line).toBe(twice.text.split('\n').length - 1);
  });

  it('jsonld-unparseable: text that is not JSON, including JSON cut short by a raw </script>', () => {
    expect(distinctRuleIds(validateFile(edited(head, (t) => t.replace('"@context":', '@context:')), site))).toEqual(['jsonld-unparseable']);
    // A raw "</script>" in a value ends the element early: the JSON is cut, the rest becomes page text.
    const cut = validateFile(edited(page, (t) => t.replace('\\u003cb\\u003e', '</script><b>')), site);
    expect(distinctRuleIds(cut)).toContain('jsonld-unparseable');
  });

  it('jsonld-unsafe: a raw <!-- or <script inside the JSON, at its line', () => {
    const broken = edited(head, (t) => t.replace('\\u003cb\\u003e', '<!--b-->'));
    const found = validateFile(broken, site);
    expect(distinctRuleIds(found)).toEqual(['jsonld-unsafe']);
    expect(found[0]).toMatchObject({ line: lineOf(broken.text, '<!--b'), column: broken.text.split('\n')[lineOf(broken.text, '<!--b') - 1]!.indexOf('<!--') + 1 });
    expect(distinctRuleIds(validateFile(edited(page, (t) => t.replace('\\u003cat\\u003e', '<script>')), site))).toContain('jsonld-unsafe');
  });

  it('og-missing: a required Open Graph property absent or empty', () => {
    const found = validateFile(edited(head, (t) => t.replace(/<meta property="og:title"[^>]*>\n/, '')), site);
    expect(distinctRuleIds(found)).toEqual(['og-missing']);
    expect(found[0]!.message).toContain('og:title');
    expect(distinctRuleIds(validateFile(edited(page, (t) => t.replace('<meta property="og:type" content="article">', '<meta property="og:type" content=" ">')), site))).toEqual(['og-missing']);
    expect(distinctRuleIds(validateFile(edited(index, (t) => t.replace(/<meta property="og:url"[^>]*>/, '')), site))).toEqual(['og-missing']);
  });

  it('og-url: og:url, og:image or twitter:image not absolute', () => {
    const broken = edited(head, (t) => t.replace('<meta property="og:image" content="https://www.globaltimes.cn/photo/a.jpg">', '<meta property="og:image" content="/photo/a.jpg">'));
    const found = validateFile(broken, site);
    expect(distinctRuleIds(found)).toEqual(['og-url']);
    expect(found[0]!.line).toBe(lineOf(broken.text, '<meta property="og:image" content="/photo'));
    expect(distinctRuleIds(validateFile(edited(head, (t) => t.replace('name="twitter:image" content="https://www.globaltimes.cn', 'name="twitter:image" content="')), site))).toEqual(['og-url']);
  });

  it('canonical-missing, canonical-duplicate, relative-url', () => {
    expect(distinctRuleIds(validateFile(edited(head, (t) => t.replace(/<link rel="canonical"[^>]*>\n/, '')), site))).toEqual(['canonical-missing']);
    expect(distinctRuleIds(validateFile(edited(page, (t) => t.replace('</title>', '</title>\n<link rel="canonical" href="https://example.com/">')), site))).toEqual(['canonical-duplicate']);
    const relative = edited(head, (t) => t.replace('href="https://www.globaltimes.cn/syndication/atom.xml"', 'href="atom.xml"'));
    const found = validateFile(relative, site);
    expect(distinctRuleIds(found)).toEqual(['relative-url']);
    expect(found[0]!.line).toBe(lineOf(relative.text, 'href="atom.xml"'));
  });

  it('external-asset: script src, a style sheet link, @import or url() in styles', () => {
    const add = (html: string) => edited(page, (t) => t.replace('</head>', `${html}\n</head>`));
    expect(distinctRuleIds(validateFile(add('<script src="https://cdn.example/x.js"></script>'), site))).toEqual(['external-asset']);
    expect(distinctRuleIds(validateFile(add('<link rel="Stylesheet" href="https://cdn.example/x.css">'), site))).toEqual(['external-asset']);
    expect(distinctRuleIds(validateFile(add('<style>@import "https://fonts.example/a.css";</style>'), site))).toEqual(['external-asset']);
    expect(distinctRuleIds(validateFile(edited(page, (t) => t.replace('<h1>', '<h1 style="background:url(https://x.example/a.png)">')), site))).toEqual(['external-asset']);
    expect(distinctRuleIds(validateFile(edited(head, (t) => `${t}<script type="module" src="x.js"></script>\n`), site))).toEqual(['external-asset']);
  });

  it('executable-script: an inline script that would run', () => {
    const found = validateFile(edited(page, (t) => t.replace('<main>', '<main>\n<script>alert(1)</script>')), site);
    expect(distinctRuleIds(found)).toEqual(['executable-script']);
    expect(distinctRuleIds(validateFile(edited(head, (t) => `${t}<script type="text/javascript">x()</script>\n`), site))).toEqual(['executable-script']);
  });

  it('head-content: an element or text that would end <head> early', () => {
    const broken = edited(head, (t) => t.replace('<meta property="og:type"', '<div>x</div>\n<meta property="og:type"'));
    const found = validateFile(broken, site);
    expect(distinctRuleIds(found)).toEqual(['head-content']);
    expect(found[0]!.line).toBe(lineOf(broken.text, '<div>'));
    expect(distinctRuleIds(validateFile(edited(head, (t) => `stray text\n${t}`), site))).toEqual(['head-content']);
  });

  it('html-lang, charset-missing, viewport-missing, title-missing', () => {
    expect(distinctRuleIds(validateFile(edited(page, (t) => t.replace('<html lang="en">', '<html>')), site))).toEqual(['html-lang']);
    expect(distinctRuleIds(validateFile(edited(index, (t) => t.replace('<html lang="en">', '<html lang="">')), site))).toEqual(['html-lang']);
    expect(distinctRuleIds(validateFile(edited(page, (t) => t.replace('<meta charset="utf-8">\n', '')), site))).toEqual(['charset-missing']);
    const noViewport = validateFile(edited(page, (t) => t.replace(/<meta name="viewport"[^>]*>\n/, '')), site);
    expect(noViewport.map((d) => [d.ruleId, d.severity])).toEqual([['viewport-missing', 'warning']]);
    expect(distinctRuleIds(validateFile(edited(page, (t) => t.replace(/<title>[^<]*<\/title>/, '<title> </title>')), site))).toEqual(['title-missing']);
    expect(distinctRuleIds(validateFile(edited(index, (t) => t.replace(/<title>[^<]*<\/title>\n/, '')), site))).toEqual(['title-missing']);
  });

  it('h1-count: none, or more than one (positioned at the second)', () => {
    const two = edited(page, (t) => t.replace('<div class="body">', '<div class="body">\n<h1>Second</h1>'));
    const found = validateFile(two, site);
    expect(distinctRuleIds(found)).toEqual(['h1-count']);
    expect(found[0]!.line).toBe(lineOf(two.text, '<h1>Second'));
    expect(distinctRuleIds(validateFile(edited(index, (t) => t.replace(/<h1>([^<]*)<\/h1>/, '<p>$1</p>')), site))).toEqual(['h1-count']);
  });

  it('img-alt: an image without alt (alt="" is allowed)', () => {
    const broken = edited(page, (t) => t.replace(/<img src="https:\/\/www.globaltimes.cn\/photo\/b.png" alt="[^"]*"/, '<img src="https://www.globaltimes.cn/photo/b.png"'));
    const found = validateFile(broken, site);
    expect(distinctRuleIds(found)).toEqual(['img-alt']);
    expect(found[0]!.line).toBe(lineOf(broken.text, '<img src="https://www.globaltimes.cn/photo/b.png"'));
    expect(validateFile(edited(page, (t) => t.replace(/alt="Second photo."/, 'alt=""')), site)).toEqual([]);
  });

  it('never throws, whatever is cut or dropped', () => {
    for (const file of [head, page, index]) {
      for (let cut = 1; cut < file.text.length; cut += 97) {
        const mangled = { ...file, text: `${file.text.slice(0, cut)}${file.text.slice(cut + 5)}` };
        expect(() => validateFile(mangled, site), `${file.path} at ${cut}`).not.toThrow();
        expect(() => validateFile({ ...file, text: file.text.slice(0, cut) }, site)).not.toThrow();
      }
    }
  });
});

describe('facts for the consistency check', () => {
  const facts = (file: OutputFile) => validateOutput(file, site).facts;

  it("head and page state the JSON-LD's headline, dates, URL, authors and images (Open Graph, and on the page the visible markup); the index none", () => {
    const reference = facts(jsonld);
    expect(reference).toHaveLength(1);
    // og:locale (`en_US` form, without script) is no BCP 47 tag to compare: the language is the page's <html lang>.
    const { language, ...withoutLanguage } = reference[0]!;
    expect(language).toBe('en');
    expect(facts(head)).toEqual([withoutLanguage]);
    expect(facts(page)).toEqual([reference[0], withoutLanguage]);
    expect(facts(index)).toEqual([]);
    // The sample-shaped article: publisher as author, no photo URL, no update.
    const sample = makeArticle();
    const sampleRef = facts(emitJsonLd([sample], site)[0]!)[0];
    expect(sampleRef).toMatchObject({ authors: ['Global Times'], images: [] });
    const { language: _language, ...sampleOpenGraph } = sampleRef!;
    expect(facts(emitPage([sample], site)[0]!)).toEqual([sampleRef, sampleOpenGraph]);
  });

  it('the consistency check catches a page or snippet that drifted from article.jsonld', () => {
    const check = (...files: OutputFile[]) => checkConsistency(statedFacts(files, site));
    expect(check(jsonld, head, page, index)).toEqual([]);
    const headline = edited(page, (t) => t.replace(/<h1>[^<]*<\/h1>/, '<h1>Another headline</h1>'));
    expect(check(jsonld, headline).map((d) => [d.file, d.ruleId])).toEqual([['articles/rich-story/index.html', 'inconsistent-headline']]);
    const author = edited(page, (t) => t.replace('<span class="author">Liu Caiyu</span> and ', ''));
    expect(check(jsonld, author).map((d) => d.ruleId)).toEqual(['inconsistent-authors']);
    const time = edited(head, (t) => t.replace('"article:modified_time" content="2024-09-05T10:15:00+08:00"', '"article:modified_time" content="2024-09-05T10:16:00+08:00"'));
    expect(check(jsonld, time).map((d) => d.ruleId)).toEqual(['inconsistent-modified']);
    const image = edited(page, (t) => t.replace('<figure class="photo"><img src="https://www.globaltimes.cn/photo/b.png"', '<figure class="photo"><img src="https://www.globaltimes.cn/photo/c.png"'));
    expect(check(jsonld, image).map((d) => d.ruleId)).toEqual(['inconsistent-images']);
    const url = edited(head, (t) => t.replace('<meta property="og:url" content="https://www.globaltimes.cn/page/202409/rich-story.shtml"', '<meta property="og:url" content="https://www.globaltimes.cn/other"'));
    expect(check(jsonld, url).map((d) => d.ruleId)).toEqual(['inconsistent-url']);
  });

  it('in the build, a block that is not the article\'s JSON-LD is an error, and the block is not parsed again', () => {
    const reference = { jsonLd: jsonld.text, facts: facts(jsonld) };
    expect(validateOutput(page, site, reference).diagnostics).toEqual([]);
    const other = edited(page, (t) => t.replace('"headline": "', '"headline": "X'));
    expect(validateOutput(other, site, reference).diagnostics.map((d) => d.ruleId)).toEqual(['jsonld-differs']);
  });

  it('a snippet without readable JSON-LD states nothing (its validator reports why)', () => {
    const broken = edited(head, (t) => t.replace('"@context":', '@context:'));
    expect(facts(broken)).toEqual([]);
    expect(validateFile(broken, site).map((d) => d.ruleId)).toEqual(['jsonld-unparseable']);
  });
});
