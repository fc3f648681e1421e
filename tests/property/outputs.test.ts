import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import { readSource } from '../../src/read/index.ts';
import {
  PARAMS,
  hostileLine,
  hostileText,
  toBytes,
  toExpectedInstant,
  toFrontMatterDate,
  toMarkdownSource,
  toRfc3339,
  toWireSource,
  toWireTime,
  wallTime,
  withoutUncarried,
  type FrontMatterDateForm,
  type WallTime,
} from '../helpers/arbitraries.ts';
import { makeSite } from '../helpers/fixtures.ts';
import { embedJsonLd, statedHeadlines, wellFormedError, xmlTexts } from '../helpers/readback.ts';

/**
 * Properties over arbitrary Unicode text, markup and times, through the real readers (wire copy and
 * Markdown front matter) and the whole in-memory build: every output is well-formed and passes the
 * build's own validators; RSS and Atom readers, JSON Feed, ninjs, NewsML-G2 and the sitemap read back
 * the headline the reader made of the input; the JSON-LD survives being pasted into an HTML page; and
 * the publication time is the instant the wall time names in the site's zone. Fixed seed (FC_SEED to
 * change it), counterexamples printed in full.
 */

/**
 * The headline wire copy makes of a line: characters no output may carry removed (issue 6: "removed, with
 * a warning"), tabs made spaces, white space of any kind at the ends trimmed; no-break, ideographic and
 * other Unicode spaces inside kept (docs/text.md; src/read/text.ts, wire.ts).
 */
function wireHeadline(line: string): string {
  return withoutUncarried(line).replace(/\t/g, ' ').trim();
}

/**
 * The headline Markdown front matter gives: uncarriable characters removed, a line break with the white
 * space around it one space, runs of ASCII spaces and tabs one space, the ends trimmed; U+2028/9, U+FEFF and
 * Unicode spaces inside kept (docs/text.md; src/read/frontmatter.ts).
 */
function markdownHeadline(text: string): string {
  return withoutUncarried(text).replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ').replace(/[ \t]{2,}|\t/g, ' ').trim();
}

/** How many generated stories were built and how many the readers refused: a property that mostly tests refusals tests little. */
const tally = { built: 0, refused: 0 };
afterAll(() => {
  expect(tally.built, 'stories built').toBeGreaterThan(0);
  expect(tally.refused / (tally.built + tally.refused), `share of inputs refused (${JSON.stringify(tally)})`).toBeLessThan(0.1);
});

/** A rejected source must say why cleanly: errors with a file, a line, a rule id and a message. */
function expectCleanRejection(result: { diagnostics: BuildResult['diagnostics'] }, path: string): void {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  tally.refused++;
  expect(errors.length, 'a rejected source has an error').toBeGreaterThan(0);
  for (const d of errors) {
    expect(d.file).toBe(path);
    expect(d.line, formatDiagnostic(d)).toBeGreaterThan(0);
    expect(d.ruleId).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(d.message.length).toBeGreaterThan(10);
  }
}

/** Every output well-formed, no error from the validators, the JSON-LD intact inside an HTML page. */
function expectSoundOutputs(result: BuildResult): void {
  const errors = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  expect(errors, 'the build reports no error').toEqual([]);
  expect(result.outputs.map(wellFormedError).filter((e) => e !== undefined), 'every output is well-formed').toEqual([]);
  for (const file of result.outputs.filter((f) => f.format === 'jsonld')) {
    // Nothing in the file may end the script element or open a comment in it (HTML §4.12.1.3).
    expect(file.text, 'no raw markup in JSON-LD').not.toMatch(/<\/?script|<!--|[<>&\u2028\u2029]/i);
    const embedded = embedJsonLd(file.text);
    expect(embedded.scripts, 'exactly one script element').toHaveLength(1);
    expect(JSON.parse(embedded.scripts[0]!), 'the script text is the same JSON-LD').toEqual(JSON.parse(file.text));
    expect(embedded.afterIntact, 'the page after the script is intact').toBe(true);
  }
}

/** Every format states `headline` (the site feeds, the section feeds, JSON-LD, JSON Feed, ninjs, NewsML-G2, the sitemap). */
async function expectHeadlineEverywhere(result: BuildResult, headline: string, trim = false): Promise<void> {
  const found = await statedHeadlines(result.outputs);
  const stated = trim ? Object.fromEntries(Object.entries(found).map(([key, values]) => [key, values.map((v) => v.trim())])) : found;
  // rss.xml, atom.xml, the WORLD section's two feeds (each read by two parsers), JSON-LD, JSON Feed, ninjs, NewsML-G2, sitemap.
  expect(Object.keys(stated)).toHaveLength(13);
  expect(stated).toEqual(Object.fromEntries(Object.keys(stated).map((key) => [key, [headline]])));
}

/** The publication instant as every format states it. */
function expectPublished(result: BuildResult, rfc3339: string): void {
  const instant = new Date(rfc3339).toISOString();
  const jsonld = result.outputs.find((f) => f.format === 'jsonld')!;
  const article = (JSON.parse(jsonld.text) as { '@graph': { '@type': string; datePublished?: string }[] })['@graph'].find((n) => n['@type'] === 'NewsArticle')!;
  expect(article.datePublished).toBe(rfc3339);
  const newsml = result.outputs.find((f) => f.format === 'newsml')!;
  expect(xmlTexts(newsml.text, '//n:newsItem/n:itemMeta/n:firstCreated')).toEqual([rfc3339]);
  const rss = result.outputs.find((f) => f.path === 'rss.xml')!;
  expect(xmlTexts(rss.text, '//item/pubDate').map((d) => new Date(d).toISOString())).toEqual([instant]);
  const atom = result.outputs.find((f) => f.path === 'atom.xml')!;
  expect(xmlTexts(atom.text, '//atom:entry/atom:published').map((d) => new Date(d).toISOString())).toEqual([instant]);
}

/** The build time: an hour after publication, so the story is in the news sitemap too. */
function nowAfter(rfc3339: string): string {
  return new Date(Date.parse(rfc3339) + 3_600_000).toISOString();
}

/**
 * How a story's headline is checked: `input`, against what the reader should make of the input (exactly, in
 * every format); `model`, against the article the reader made, without the characters no output carries
 * and ignoring edge whitespace (which feed readers trim), for input the readers do not yet clean (see below).
 */
type HeadlineCheck = 'input' | 'model';

/** Builds a wire-copy story and checks every property (or that the reader refused it cleanly). */
async function checkWire(check: HeadlineCheck, headline: string, paragraphs: readonly string[], time: WallTime, twelveHour: boolean): Promise<void> {
  const site = makeSite({ timeZone: time.zone });
  const path = 'input/articles/story.txt';
  const source = { path, bytes: toBytes(toWireSource(headline, toWireTime(time, twelveHour), paragraphs)) };
  const read = readSource(source, site)!;
  if (read.article === undefined) {
    // A headline that reads as a header line ("By …", "Published: …") is no headline: a clean error.
    expectCleanRejection(read, path);
    return;
  }
  const published = toRfc3339(toExpectedInstant(time));
  const result = build([source], site, { now: nowAfter(published) });
  tally.built++;
  expectSoundOutputs(result);
  if (check === 'input') {
    expect(result.articles[0]!.headline, 'the article model').toBe(wireHeadline(headline));
    await expectHeadlineEverywhere(result, wireHeadline(headline));
  } else {
    await expectHeadlineEverywhere(result, withoutUncarried(result.articles[0]!.headline).trim(), true);
  }
  expectPublished(result, published);
}

/** Builds a Markdown story (headline in front matter) and checks every property. */
async function checkMarkdown(check: HeadlineCheck, headline: string, blocks: readonly string[], time: WallTime, form: FrontMatterDateForm): Promise<void> {
  const site = makeSite({ timeZone: time.zone });
  const path = 'input/articles/story.md';
  // The body has one plain paragraph first, so it is never empty whatever Markdown makes of the rest.
  const body = ['Story text.', ...blocks].join('\n\n');
  const source = { path, bytes: toBytes(toMarkdownSource(headline, toFrontMatterDate(time, form), body)) };
  const read = readSource(source, site)!;
  if (read.article === undefined) {
    expectCleanRejection(read, path);
    return;
  }
  const published = toRfc3339(toExpectedInstant(time));
  const result = build([source], site, { now: nowAfter(published) });
  tally.built++;
  expectSoundOutputs(result);
  if (check === 'input') {
    expect(result.articles[0]!.headline, 'the article model').toBe(markdownHeadline(headline));
    await expectHeadlineEverywhere(result, markdownHeadline(headline));
  } else {
    await expectHeadlineEverywhere(result, withoutUncarried(result.articles[0]!.headline).trim(), true);
  }
  expectPublished(result, published);
}

const FORMS: FrontMatterDateForm[] = ['local', 'local-t-seconds', 'offset', 'utc'];

describe('property: hostile text every format can carry (markup, bidi, zero-width, emoji, astral, U+2028), at any valid time', () => {
  it('wire copy: sound outputs that all state the same headline and publication instant', async () => {
    await fc.assert(
      fc.asyncProperty(hostileLine(true), fc.array(hostileLine(true), { minLength: 1, maxLength: 3 }), wallTime(), fc.boolean(), (...args) => checkWire('input', ...args)),
      PARAMS,
    );
  });

  it('Markdown: sound outputs that all state the same headline and publication instant', async () => {
    await fc.assert(
      fc.asyncProperty(hostileLine(true), fc.array(hostileText(), { minLength: 1, maxLength: 3 }), wallTime(), fc.constantFrom(...FORMS), (...args) => checkMarkdown('input', ...args)),
      PARAMS,
    );
  });
});

describe('property: any code point, including controls, lone surrogates and noncharacters', () => {
  it('wire copy: sound outputs, and every format states the headline without the characters no output carries', async () => {
    await fc.assert(
      fc.asyncProperty(hostileLine(), fc.array(hostileLine(), { minLength: 1, maxLength: 3 }), wallTime(), fc.boolean(), (...args) => checkWire('model', ...args)),
      PARAMS,
    );
  });

  it('Markdown: sound outputs, and every format states the headline without the characters no output carries', async () => {
    await fc.assert(
      fc.asyncProperty(hostileLine(), fc.array(hostileText(), { minLength: 1, maxLength: 3 }), wallTime(), fc.constantFrom(...FORMS), (...args) => checkMarkdown('model', ...args)),
      PARAMS,
    );
  });

  // KNOWN GAP, in the readers (src/read, not the emitters): they keep C0/C1 controls, U+FFFE/U+FFFF,
  // U+FFFD and noncharacters in the article, without a warning, and trim spaces before the emitters drop
  // those characters, so "\u0002 Headline" is published as " Headline". Issue 6 asks for them to be
  // removed, with a warning, before spaces are normalised. When the readers do that, these two fail:
  // turn `it.fails` into `it`.
  it("wire copy: the reader removes them before normalising spaces", async () => {
    await fc.assert(
      fc.property(hostileLine(), (headline) => {
        const read = readSource({ path: 'input/articles/story.txt', bytes: toBytes(toWireSource(headline, 'Sep 04, 2024 09:03 PM', ['Body.'])) }, makeSite())!;
        if (read.article !== undefined) expect(read.article.headline).toBe(wireHeadline(headline));
      }),
      { ...PARAMS, verbose: fc.VerbosityLevel.None },
    );
  });

  it("Markdown: the reader removes them before normalising spaces", async () => {
    await fc.assert(
      fc.property(hostileLine(), (headline) => {
        const read = readSource({ path: 'input/articles/story.md', bytes: toBytes(toMarkdownSource(headline, '2024-09-04 21:03', 'Body.')) }, makeSite())!;
        if (read.article !== undefined) expect(read.article.headline).toBe(markdownHeadline(headline));
      }),
      { ...PARAMS, verbose: fc.VerbosityLevel.None },
    );
  });
});
