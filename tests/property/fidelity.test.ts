import fc from 'fast-check';
import { parse as parseHtml, parseFragment } from 'parse5';
import { parseFeed } from '@rowanmanning/feed-parser';
import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { SEED, toBytes, toMarkdownSource, toWireSource } from '../helpers/arbitraries.ts';
import { python, readManyWithFeedparser, warnIfFeedparserAbsent } from '../helpers/feedparser.ts';
import { makeSite } from '../helpers/fixtures.ts';
import { statedHeadlines, xmlTexts } from '../helpers/readback.ts';

/**
 * Text as written (docs/text.md): headlines and bodies over many scripts keep every character through
 * the readers (wire copy and Markdown) and every format, and read back identically through the feed
 * readers people use: rss-parser, @rowanmanning/feed-parser and the Universal Feed Parser. No-break and
 * narrow no-break spaces (French), the ideographic space (Japanese), bidi marks and isolates (Arabic,
 * Hebrew), combining marks, emoji with ZWJ and skin tones, typographic quotes.
 */

warnIfFeedparserAbsent();

/** Fragments by script; each starts and ends with a visible character (white space at the ends of a line is layout). */
const FRAGMENTS = {
  latin: ['Cafe\u0301', 'n\u0303o', 'A\u030Angstro\u0308m', 'Zo\u0308lle', 'g\u0327a', '\u00C5se'],
  french: ['\u00AB\u00A0bonjour\u00A0\u00BB', 'prix\u00A0:', 'vraiment\u202F?', 'oui\u202F!', '\u00AB\u202Fnon\u202F\u00BB', '10\u00A0000\u00A0\u20AC', '5\u2009%'],
  japanese: ['\u6771\u4EAC\u3000\u5927\u962A', '\u3072\u3089\u304C\u306A', '\u30AB\u30BF\u30AB\u30CA\u3002', '\u300C\u5F15\u7528\u300D', '\u65E5\u672C\u3000\u8A9E'],
  chinese: ['\u5173\u7A0E', '\u4E2D\u534E\u4EBA\u6C11\u5171\u548C\u56FD', '\u5173\u7A0E\uFF0C\u8D38\u6613', '\u201C\u4E2D\u6587\u201D'],
  arabic: ['\u0645\u0631\u062D\u0628\u0627\u200F', '\u0627\u0644\u0633\u0644\u0627\u0645\u061C\u0639', '\u200F\u0639\u0631\u0628\u064A'],
  hebrew: ['\u05E9\u05DC\u05D5\u05DD\u200E', '\u05E2\u05D1\u05E8\u05D9\u05EA'],
  emoji: ['\u{1F469}\u200D\u{1F4BB}', '\u{1F44D}\u{1F3FD}', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}', '\u{1F3F3}\uFE0F\u200D\u{1F308}', '\u{1F1EB}\u{1F1F7}'],
  quotes: ['\u201Cquoted\u201D', '\u2018single\u2019', '\u201EGerman\u201C', '\u2039x\u203A', 'it\u2019s', '"ascii"', "'a'"],
  isolates: ['\u2066iso\u2069', '\u2067r\u2069', '\u2068f\u2069'],
};
const ALL = Object.values(FRAGMENTS).flat();

/** A line of fragments from several scripts, separated by one ASCII space (or by nothing). */
const line = fc.tuple(fc.array(fc.constantFrom(...ALL), { minLength: 1, maxLength: 7 }), fc.constantFrom(' ', '')).map(([parts, glue]) => parts.join(glue));

/** Runs per story kind: each builds a whole site, and the Universal Feed Parser reads it once at the end. */
const RUNS = Math.min(Number(process.env.FC_RUNS ?? 30), 30);

const PUBLISHED_WIRE = 'Sep 04, 2024 09:03 PM';
const PUBLISHED_MD = '2024-09-04 21:03';

/** The text of every element named `tag` in an HTML document or fragment (parse5, the HTML spec's parser). */
function htmlTexts(html: string, tag: string, fragment = false): string[] {
  const found: string[] = [];
  type Node = { nodeName: string; value?: string; childNodes?: Node[] };
  const text = (node: Node): string => (node.nodeName === '#text' ? (node.value ?? '') : (node.childNodes ?? []).map(text).join(''));
  const visit = (node: Node) => {
    if (node.nodeName === tag) found.push(text(node));
    for (const child of node.childNodes ?? []) visit(child);
  };
  visit((fragment ? parseFragment(html) : parseHtml(html)) as unknown as Node);
  return found;
}

function at(outputs: readonly OutputFile[], path: string): OutputFile {
  const file = outputs.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no ${path}`);
  return file;
}

type Node = Record<string, unknown>;

/** Every place the headline and the body are stated, read back by each format's parser. */
async function expectEverywhere(result: BuildResult, headline: string, body: string): Promise<void> {
  expect(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  const article = result.articles[0]!;
  expect([article.headline, article.paragraphs, article.description], 'the article model').toEqual([headline, [body], body]);

  // Feeds by rss-parser and @rowanmanning/feed-parser, JSON-LD, JSON Feed, ninjs, NewsML-G2, the sitemap.
  const stated = await statedHeadlines(result.outputs);
  expect(Object.keys(stated)).toHaveLength(13);
  for (const [where, values] of Object.entries(stated)) expect(values, where).toEqual([headline]);

  const graph = (JSON.parse(at(result.outputs, 'articles/story/article.jsonld').text) as { '@graph': Node[] })['@graph'];
  const news = graph.find((n) => n['@type'] === 'NewsArticle')!;
  expect([news['articleBody'], news['description']], 'JSON-LD articleBody and description').toEqual([body, body]);

  const page = at(result.outputs, 'articles/story/index.html').text;
  expect(htmlTexts(page, 'h1'), 'page headline').toEqual([headline]);
  expect(htmlTexts(page, 'p'), 'page paragraphs').toContain(body);

  const rss = at(result.outputs, 'rss.xml').text;
  const atom = at(result.outputs, 'atom.xml').text;
  expect(xmlTexts(atom, '//atom:entry/atom:summary'), 'Atom summary').toEqual([body]);
  expect(htmlTexts(xmlTexts(atom, '//atom:entry/atom:content')[0]!, 'p', true), 'Atom content').toEqual([body]);
  expect(htmlTexts(xmlTexts(rss, '//item/content:encoded')[0]!, 'p', true), 'RSS content:encoded').toEqual([body]);
  expect(parseFeed(atom).items.map((i) => i.description), 'Atom summary by @rowanmanning/feed-parser').toEqual([body]);
  const atomByRssParser = await new Parser({ customFields: { item: [['summary', 'summary']] } }).parseString(atom);
  expect(atomByRssParser.items.map((i) => (i as { summary?: string }).summary), 'Atom summary by rss-parser').toEqual([body]);

  const feed = (JSON.parse(at(result.outputs, 'feed.json').text) as { items: { summary?: string; content_html: string }[] }).items[0]!;
  expect([feed.summary, htmlTexts(feed.content_html, 'p', true)], 'JSON Feed summary and content').toEqual([body, [body]]);

  const ninjs = JSON.parse(at(result.outputs, 'articles/story/ninjs.json').text) as { descriptions: { value: string }[]; bodies: { value: string }[] };
  expect([ninjs.descriptions[0]!.value, htmlTexts(ninjs.bodies[0]!.value, 'p', true)], 'ninjs description and body').toEqual([body, [body]]);

  const newsml = at(result.outputs, 'articles/story/newsml.xml').text;
  expect(xmlTexts(newsml, '//x:body/x:p'), 'NewsML-G2 body').toEqual([body]);
}

/** Feeds to hand to the Universal Feed Parser in one batch, with what each must say. */
const forFeedparser: { name: string; xml: string; headline: string; body: string; format: 'rss' | 'atom' }[] = [];

function collect(name: string, result: BuildResult, headline: string, body: string): void {
  for (const format of ['rss', 'atom'] as const) forFeedparser.push({ name: `${name} ${format}.xml`, xml: at(result.outputs, `${format}.xml`).text, headline, body, format });
}

/** Markdown that reads as exactly `text`: every ASCII punctuation character backslash-escaped (CommonMark §2.4). */
function toMarkdownText(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);
}

describe('property: text as written, over scripts, through every format and three feed readers', () => {
  const site = makeSite();

  it('the reproduction: a wire headline with an ideographic space and French no-break spaces', async () => {
    const headline = 'Today\u2019s\u3000headline \u00AB\u00A0bonjour\u00A0\u00BB';
    const body = 'Le prix\u00A0: 5\u202F%, \u00AB\u00A0vraiment\u00A0\u00BB\u202F?';
    const result = build([{ path: 'input/articles/story.txt', bytes: toBytes(toWireSource(headline, PUBLISHED_WIRE, [body])) }], site, { now: '2024-09-05T00:00:00+08:00' });
    await expectEverywhere(result, headline, body);
    collect('the reproduction', result, headline, body);
  });

  it('wire copy', async () => {
    await fc.assert(
      fc.asyncProperty(line, line, async (headline, body) => {
        const result = build([{ path: 'input/articles/story.txt', bytes: toBytes(toWireSource(headline, PUBLISHED_WIRE, [body])) }], site, { now: '2024-09-05T00:00:00+08:00' });
        await expectEverywhere(result, headline, body);
        collect('wire', result, headline, body);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });

  it('Markdown', async () => {
    await fc.assert(
      fc.asyncProperty(line, line, async (headline, body) => {
        const source = toMarkdownSource(headline, PUBLISHED_MD, toMarkdownText(body));
        const result = build([{ path: 'input/articles/story.md', bytes: toBytes(source) }], site, { now: '2024-09-05T00:00:00+08:00' });
        await expectEverywhere(result, headline, body);
        collect('Markdown', result, headline, body);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  });

  it.skipIf(python === undefined)('the Universal Feed Parser reads every title (and the Atom summary) as written', () => {
    expect(forFeedparser.length, 'run the whole file: the wire and Markdown properties collect the feeds').toBeGreaterThan(2 * RUNS);
    const read = readManyWithFeedparser(forFeedparser.map((f) => f.xml));
    const actual = read.map((r, i) => {
      const entry = r.entries[0];
      return { name: forFeedparser[i]!.name, bozo: r.bozo, title: entry?.title, ...(forFeedparser[i]!.format === 'atom' ? { summary: entry?.summary, type: entry?.title_detail?.type } : {}) };
    });
    const expected = forFeedparser.map((f) => ({ name: f.name, bozo: 0, title: f.headline, ...(f.format === 'atom' ? { summary: f.body, type: 'text/plain' } : {}) }));
    expect(actual).toEqual(expected);
  });
});
