import { parseFeed } from '@rowanmanning/feed-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { toBytes, toYamlString, withoutUncarried } from '../helpers/arbitraries.ts';
import { python, readWithFeedparser, warnIfFeedparserAbsent } from '../helpers/feedparser.ts';
import { makeSite } from '../helpers/fixtures.ts';
import { decodeXmlReferences, embedJsonLd, statedHeadlines, wellFormedError, xmlTexts } from '../helpers/readback.ts';

/**
 * Content that must survive intact and inert (issue 6, item 2): hostile text in every field a source can
 * give (headline, body, caption, author, keywords, correction), through the real readers and the whole
 * in-memory build. Every output is well-formed and passes the build's validators, reads back exactly
 * (minus what no output can carry), and nothing breaks out of its context: no raw `</script` or `<!--`
 * in the JSON-LD, no script, frame, event handler or script URL from Markdown raw HTML anywhere.
 */

warnIfFeedparserAbsent();

const site = makeSite();
const NOW = '2024-09-05T00:00:00+08:00';

/** XML-illegal characters a text file can carry (NUL makes it binary), and the other characters no output carries. */
const ILLEGAL = '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u001F\uFFFE\uFFFF';
const UNCARRIED = '\u007F\u0085\u009F\uFFFD\uFDD0';
/** Breaking out of XML, HTML and `<script>`, plus literal entities that must stay literal. */
const MARKUP = `]]> < > & &amp; &lt; &nbsp; "double" 'single' </script> </script > </SCRIPT/ <!--<script> -->`;
/** Bidi controls, zero-width characters, line and paragraph separators. */
const INVISIBLE = 'RLO\u202Eo\u202C LRI\u2066i\u2069 FSI\u2068f\u2069 RLI\u2067r\u2069 zw\u200Bs\u200Cn\u200Dj bom\uFEFFx ls\u2028x ps\u2029x';
/** Emoji (ZWJ family, flag, skin tone), CJK, an astral ideograph. */
const WIDE = 'family 👩‍👩‍👧‍👦 flag 🇨🇳 thumbs 👍🏽 关税 關稅 日本語 𠜎 Zölle';

/** The hostile text of every field, with a label so a failure says which. */
function hostile(label: string, withIllegal: boolean): string {
  return `${label} ${MARKUP} ${INVISIBLE} ${WIDE}${withIllegal ? ` ctl${ILLEGAL}x ${UNCARRIED}y` : ''} end`;
}

/** Every field of a wire story and a Markdown story, with and without illegal characters. */
function fields(withIllegal: boolean) {
  return {
    headline: hostile('Headline', withIllegal),
    paragraph: hostile('Paragraph', withIllegal),
    caption: hostile('Caption', withIllegal),
    author: hostile('Author', withIllegal),
    keyword: hostile('Keyword', withIllegal),
    correction: hostile('Correction', withIllegal),
  };
}

type Fields = ReturnType<typeof fields>;

/**
 * How front matter reads a one-line value (docs/text.md): a line break with the white space around it is
 * one space, a run of ASCII spaces one space, the ends trimmed; U+FEFF, U+2028/9 and Unicode spaces inside stay.
 */
const oneSpaced = (text: string) => text.replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ').replace(/[ \t]{2,}|\t/g, ' ').trim();

/**
 * The fields as the reader documents it reads them (docs/input.md: Markdown `headline` "line breaks become spaces";
 * `correction` likewise in both formats), then without what no output carries. Everything else is kept as written.
 */
function asRead(f: Fields, markdown: boolean): Fields {
  const clean = withoutUncarried;
  return {
    // The readers remove what no output carries first (with a warning), then normalise spaces.
    headline: markdown ? oneSpaced(clean(f.headline)) : clean(f.headline),
    paragraph: clean(f.paragraph),
    caption: clean(f.caption),
    author: clean(f.author),
    keyword: clean(f.keyword),
    correction: oneSpaced(clean(f.correction)),
  };
}

/** A wire story: front matter for what plain text cannot say (authors, keywords, correction, the photo's URL). */
function wireStory(f: Fields): string {
  return [
    '---',
    `authors: [${toYamlString(f.author)}]`,
    `keywords: [${toYamlString(f.keyword)}]`,
    `correction: ${toYamlString(f.correction)}`,
    'image: { url: "https://www.globaltimes.cn/photo/a.jpg", width: 1200, height: 675 }',
    '---',
    'WORLD',
    f.headline,
    'Published: Sep 04, 2024 09:03 PM',
    '',
    `${f.caption} Photo: Li Hao/GT`,
    '',
    f.paragraph,
    '',
  ].join('\n');
}

/** The same facts as Markdown: everything in front matter but the body paragraph, escaped so Markdown keeps it literal. */
function markdownStory(f: Fields): string {
  return [
    '---',
    `headline: ${toYamlString(f.headline)}`,
    'date: 2024-09-04 21:03',
    'section: World',
    `authors: [${toYamlString(f.author)}]`,
    `keywords: [${toYamlString(f.keyword)}]`,
    `correction: ${toYamlString(f.correction)}`,
    `image: { url: "https://www.globaltimes.cn/photo/a.jpg", width: 1200, height: 675, caption: ${toYamlString(f.caption)} }`,
    '---',
    // Every ASCII punctuation character can be backslash-escaped in CommonMark (§2.4): the text stays literal.
    f.paragraph.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`),
    '',
  ].join('\n');
}

function buildOne(path: string, text: string): BuildResult {
  return build([{ path, bytes: toBytes(text) }], site, { now: NOW });
}

function errorsOf(result: BuildResult): string[] {
  return result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
}

/** Every output well-formed, and the JSON-LD one script element, intact, in an HTML page. */
function expectSoundAndInert(result: BuildResult): void {
  expect(errorsOf(result)).toEqual([]);
  expect(result.outputs.length).toBeGreaterThan(8);
  expect(result.outputs.map(wellFormedError).filter((e) => e !== undefined)).toEqual([]);
  const jsonld = result.outputs.filter((f) => f.format === 'jsonld');
  expect(jsonld).toHaveLength(1);
  for (const file of jsonld) {
    expect(file.text).not.toMatch(/<\/?script|<!--|[<>&\u2028\u2029]/i);
    const embedded = embedJsonLd(file.text);
    expect(embedded.scripts).toHaveLength(1);
    expect(JSON.parse(embedded.scripts[0]!)).toEqual(JSON.parse(file.text));
    expect(embedded.afterIntact).toBe(true);
  }
}

/**
 * The Universal Feed Parser reads every Atom title as the headline, literally (type="text", RFC 4287
 * §3.1.1.1). Its RSS titles are not compared: RSS 2.0 does not say whether a title is text or HTML, and
 * feedparser takes one with `&amp;` or `</script>` in it for HTML (docs/text.md).
 */
function expectAtomTitlesByFeedparser(outputs: readonly OutputFile[], headline: string): void {
  if (python === undefined) return;
  const atoms = outputs.filter((f) => f.format === 'atom');
  expect(atoms.length).toBeGreaterThan(1);
  for (const file of atoms) {
    const read = readWithFeedparser(file.text);
    expect([read.bozo, read.bozo_exception], file.path).toEqual([0, null]);
    expect(read.entries.map((e) => [e.title, e.title_detail?.type]), `${file.path} (Universal Feed Parser)`).toEqual([[headline, 'text/plain']]);
  }
}

function at(outputs: readonly OutputFile[], path: string): OutputFile {
  const file = outputs.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no ${path}`);
  return file;
}

type Node = Record<string, unknown>;

/** What each format states for each field, read back by its own parser. */
async function readBack(outputs: readonly OutputFile[], id: string) {
  const graph = (JSON.parse(at(outputs, `articles/${id}/article.jsonld`).text) as { '@graph': Node[] })['@graph'];
  const article = graph.find((n) => n['@type'] === 'NewsArticle')!;
  const person = graph.find((n) => n['@type'] === 'Person')!;
  const image = graph.find((n) => n['@type'] === 'ImageObject' && n['contentUrl'] === 'https://www.globaltimes.cn/photo/a.jpg')!;
  const ninjs = JSON.parse(at(outputs, `articles/${id}/ninjs.json`).text) as Node & { headlines: { value: string }[]; body_html?: string; bodies?: { value: string }[] };
  const jsonFeed = (JSON.parse(at(outputs, 'feed.json').text) as { items: (Node & { authors: { name: string }[]; tags?: string[] })[] }).items[0]!;
  const newsml = at(outputs, `articles/${id}/newsml.xml`).text;
  const rss = at(outputs, 'rss.xml').text;
  const atom = at(outputs, 'atom.xml').text;
  const rssItem = parseFeed(rss).items[0]!;
  const atomItem = parseFeed(atom).items[0]!;
  const rssParsed = (await new Parser({ customFields: { item: [['dc:creator', 'creator']] } }).parseString(rss)).items[0]!;
  return {
    headline: {
      ...(await statedHeadlines(outputs)),
    },
    author: {
      jsonld: person['name'],
      jsonFeed: jsonFeed.authors.map((a) => a.name),
      newsml: xmlTexts(newsml, '//n:newsItem[n:itemMeta/n:itemClass/@qcode="ninat:text"]/n:contentMeta/n:creator/n:name'),
      rssFeedParser: rssItem.authors.map((a) => a.name),
      rssParser: (rssParsed as { creator?: string }).creator,
      atomFeedParser: atomItem.authors.map((a) => a.name),
    },
    keyword: {
      jsonld: article['keywords'],
      newsml: xmlTexts(newsml, '//n:contentMeta/n:keyword'),
    },
    correction: {
      jsonld: (article['correction'] as Node)['text'],
      newsml: xmlTexts(newsml, '//n:newsItem[n:itemMeta/n:itemClass/@qcode="ninat:text"]/n:itemMeta/n:edNote'),
    },
    caption: {
      jsonld: image['caption'],
      newsml: xmlTexts(newsml, '//n:newsItem[n:itemMeta/n:itemClass/@qcode="ninat:picture"]/n:contentMeta/n:description'),
      rss: xmlTexts(rss, '//media:content/media:description'),
    },
    body: {
      jsonld: article['articleBody'],
      newsmlParagraphs: xmlTexts(newsml, '//x:body/x:p'),
      // The article HTML as carried: RSS content:encoded and Atom content (their XML text), JSON Feed content_html.
      html: [...xmlTexts(rss, '//item/content:encoded'), ...xmlTexts(atom, '//atom:entry/atom:content'), jsonFeed['content_html'] as string],
      // What a reader shows: @rowanmanning/feed-parser's content, entities decoded.
      shown: [rssItem.content ?? '', atomItem.content ?? ''],
    },
  };
}

describe.each([
  ['wire copy', 'input/articles/hostile.txt', wireStory],
  ['Markdown', 'input/articles/hostile.md', markdownStory],
] as const)('hostile text in %s', (_name, path, story) => {
  it('markup, entities, quotes, </script>, <!--<script>, bidi, zero-width, emoji, CJK, U+2028/9: intact in every format, and inert', async () => {
    const result = buildOne(path, story(fields(false)));
    const f = asRead(fields(false), path.endsWith('.md'));
    expectSoundAndInert(result);
    const back = await readBack(result.outputs, 'hostile');
    // 2 site feeds + 2 section feeds, each read by two parsers, JSON-LD, JSON Feed, ninjs, NewsML-G2, sitemap.
    expect(Object.values(back.headline)).toHaveLength(13);
    for (const [where, values] of Object.entries(back.headline)) expect(values, where).toEqual([f.headline]);
    expectAtomTitlesByFeedparser(result.outputs, f.headline);
    expect(back.author).toEqual({ jsonld: f.author, jsonFeed: [f.author], newsml: [f.author], rssFeedParser: [f.author], rssParser: f.author, atomFeedParser: [f.author] });
    expect(back.keyword).toEqual({ jsonld: [f.keyword], newsml: [f.keyword] });
    expect(back.correction.jsonld).toBe(f.correction);
    expect(back.correction.newsml).toEqual([`Correction: ${f.correction}`]);
    expect(back.caption).toEqual({ jsonld: f.caption, newsml: [f.caption], rss: [f.caption] });
    expect(back.body.jsonld).toBe(f.paragraph);
    // NewsML-G2 carries bodyHtml, which keeps what the Markdown plain text loses (see the known gap below).
    expect(back.body.newsmlParagraphs.at(-1)).toBe(withoutUncarried(fields(false).paragraph));
    // The HTML carries every text escaped: no tag or comment was made of it, and decoded it is the text.
    expect(back.body.html).toHaveLength(3);
    for (const html of back.body.html) {
      expect(html).not.toMatch(/<\/?script|<!--/i);
      expect(decodeXmlReferences(html)).toContain(withoutUncarried(fields(false).paragraph));
    }
    for (const shown of back.body.shown) expect(shown).toContain(withoutUncarried(fields(false).paragraph));
  });

  it('characters no output can carry (C0/C1 controls, U+FFFE/U+FFFF, U+FFFD, noncharacters) are left out of every format, which then agree', async () => {
    const result = buildOne(path, story(fields(true)));
    const f = asRead(fields(true), path.endsWith('.md'));
    expectSoundAndInert(result);
    const back = await readBack(result.outputs, 'hostile');
    const clean = (text: string) => text;
    for (const [where, values] of Object.entries(back.headline)) expect(values, where).toEqual([clean(f.headline)]);
    expectAtomTitlesByFeedparser(result.outputs, clean(f.headline));
    expect(back.author.jsonld).toBe(clean(f.author));
    expect(back.author.newsml).toEqual([clean(f.author)]);
    expect(back.keyword).toEqual({ jsonld: [clean(f.keyword)], newsml: [clean(f.keyword)] });
    expect(back.correction.jsonld).toBe(clean(f.correction));
    expect(back.caption.jsonld).toBe(clean(f.caption));
    expect(back.body.jsonld).toBe(clean(f.paragraph));
    // The versions state is the build's own record, not an output (see the report: it keeps them, escaped).
    for (const file of result.outputs) expect(file.text, file.path).not.toMatch(/[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD\uFFFE\uFFFF]|\\u00(?:0[1-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])|\\uff(?:fd|fe|ff)/i);
  });

  // KNOWN GAP (src/read/markdown.ts): a Markdown paragraph's plain text (JSON-LD articleBody, description)
  // loses its bidi controls, which bodyHtml (feeds, ninjs, NewsML-G2) keeps. When fixed, make it `it`.
  it('bidi controls survive in the plain text of the body too', () => {
    const result = buildOne(path, story(fields(false)));
    expect(result.articles[0]!.paragraphs.at(-1)).toBe(fields(false).paragraph);
  });

  // KNOWN GAP, in the readers (src/read): nothing warns that these characters were dropped. Issue 6 asks
  // for "removed, with a warning" naming the file and line. When a reader warns, this fails: make it `it`.
  it('a warning names the file and the line of each field that had them', () => {
    const result = buildOne(path, story(fields(true)));
    const warnings = result.diagnostics.filter((d) => d.file === path && d.severity === 'warning' && /control|character/i.test(`${d.ruleId} ${d.message}`));
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w.line).toBeGreaterThan(0);
  });
});

describe('very long text', () => {
  const headline = `Long ${'headline & <tag> '.repeat(200)}`.slice(0, 1999).trimEnd().padEnd(2000, 'x');
  const paragraph = `Start ${'word &amp; <b> ]]> '.repeat(6000)}`.slice(0, 99_999).trimEnd().padEnd(100_000, 'y');

  it.each([
    ['wire copy', 'input/articles/long.txt', `WORLD\n${headline}\nPublished: Sep 04, 2024 09:03 PM\n\n${paragraph}\n`],
    ['Markdown', 'input/articles/long.md', `---\nheadline: ${toYamlString(headline)}\ndate: 2024-09-04 21:03\nsection: World\n---\n${paragraph.replace(/[&<>\]]/g, (c) => `\\${c}`)}\n`],
  ])('%s: a 2,000-character headline and a 100,000-character paragraph reach every format whole', async (_name, path, text) => {
    expect(headline).toHaveLength(2000);
    expect(paragraph).toHaveLength(100_000);
    const result = buildOne(path, text);
    expectSoundAndInert(result);
    // Long but legal: Google's 110-character advice is a warning, never a cut.
    expect(result.diagnostics.map((d) => d.ruleId)).toContain('article-headline');
    for (const [where, values] of Object.entries(await statedHeadlines(result.outputs))) expect(values, where).toEqual([headline]);
    const graph = (JSON.parse(at(result.outputs, 'articles/long/article.jsonld').text) as { '@graph': Node[] })['@graph'];
    expect(graph.find((n) => n['@type'] === 'NewsArticle')!['articleBody']).toBe(paragraph);
    expect(xmlTexts(at(result.outputs, 'articles/long/newsml.xml').text, '//x:body/x:p')).toEqual([paragraph]);
  });
});

describe('Markdown raw HTML and script URLs', () => {
  const body = [
    'Intro text.',
    '',
    '<script>alert("block")</script>',
    '',
    '<iframe src="https://evil.example/"></iframe>',
    '',
    '<object data="x.swf"></object><embed src="x.swf">',
    '',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '',
    'Inline <img src=x onerror=alert(1)> and <span onclick="alert(1)" style="color:red">styled</span> text.',
    '',
    '<a href="  javascript:alert(1)">spaced link</a> and <a href="jav&#x09;ascript:alert(1)">tab link</a>.',
    '',
    '[js](javascript:alert(1)) [vb](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [ent](&#106;avascript:alert(1)) [spaced](<  javascript:alert(1)>)',
    '',
    '![img](javascript:alert(1)) ![data](data:image/svg+xml;base64,PHN2Zz4=)',
    '',
    '<div style="background:url(javascript:alert(1))" onmouseover="alert(1)">div</div>',
    '',
    'Outro text.',
  ].join('\n');
  const source = `---\nheadline: Sanitised story\ndate: 2024-09-04 21:03\nsection: World\n---\n${body}\n`;
  const result = buildOne('input/articles/sanitise.md', source);
  /** Elements that run script, load frames or plugins, or restyle the page; event-handler and style attributes. */
  const DANGEROUS = /<\s*(?:script|iframe|object|embed|svg|style|math|form)\b|\son[a-z]+\s*=|\sstyle\s*=/i;

  /** Every `href`/`src` value in HTML or XML text: each must be an absolute http(s) URL, so no script or data URL survives. */
  function urlsIn(text: string): string[] {
    return [...text.matchAll(/\s(?:href|src)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!);
  }

  it('removes script, iframe, object, embed, svg, event handlers, style attributes and script/data URLs from the body', () => {
    expect(errorsOf(result)).toEqual([]);
    const article = result.articles[0]!;
    expect(article.bodyHtml).not.toMatch(DANGEROUS);
    for (const url of urlsIn(article.bodyHtml)) expect(url).toMatch(/^https?:\/\//);
    expect(article.bodyHtml).not.toMatch(/(?:^|[\s"'=])(?:javascript|vbscript|data):/i);
    expect(article.bodyHtml).toContain('<p>Intro text.</p>');
    expect(article.bodyHtml).toContain('<p>Outro text.</p>');
    // Link text stays as plain text.
    expect(article.bodyHtml).toContain('spaced link');
    expect(article.bodyHtml).toContain('js');
  });

  it('and from every output, escaped or not', () => {
    expectSoundAndInert(result);
    for (const file of result.outputs) {
      // A page's own JSON-LD element and its own inline style sheet are the one script and style it may
      // have (tested in the page and browser tests); the article's content must add none.
      const own = file.path.endsWith('.html')
        ? file.text.replace('<script type="application/ld+json">', '').replace(/<\/script>(?![\s\S]*<\/script>)/, '').replace(/<style>[^<]*<\/style>/, '')
        : file.text;
      // Decoded twice: feeds carry the body as escaped HTML inside XML.
      const decoded = decodeXmlReferences(decodeXmlReferences(own));
      expect(decoded, file.path).not.toMatch(DANGEROUS);
      // The index links to the pages beside it (articles/<id>/), which is the one relative URL allowed.
      for (const url of urlsIn(decoded)) expect(url, file.path).toMatch(file.format === 'index' ? /^(?:https?:\/\/|articles\/[a-z0-9-]+\/$)/ : /^https?:\/\//);
      expect(decoded, file.path).not.toMatch(/(?:^|[\s"'=>])(?:javascript|vbscript|data):/i);
    }
  });

  it('says so with the reader’s warnings, each at a body line', () => {
    const warnings = result.diagnostics.filter((d) => d.file === 'input/articles/sanitise.md');
    expect(warnings.map((d) => `${d.severity} ${d.ruleId}`).sort()).toEqual(['warning raw-html', 'warning unsafe-url', ...(warnings.some((d) => d.ruleId === 'unsupported-url') ? ['warning unsupported-url'] : [])].sort());
    for (const w of warnings) expect(w.line).toBeGreaterThan(5);
    expect(warnings.find((d) => d.ruleId === 'raw-html')!.message).toMatch(/\d+ times/);
  });
});
