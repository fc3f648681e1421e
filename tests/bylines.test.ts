// Bylines through the whole in-memory build: a byline paragraph gives the authors of every output and
// leaves the body; a sentence that starts with "By" stays the first paragraph and names nobody.
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.ts';
import type { OutputFile } from '../src/model/output.ts';
import { makeSite } from './helpers/fixtures.ts';
import { xmlTexts } from './helpers/readback.ts';
import { BYLINES, LEDES } from './read/byline-cases.ts';

const NOW = '2026-11-27T12:00:00Z';
const encode = (text: string) => new TextEncoder().encode(text);
// Every case in the site feeds, which hold `feed.limit` items.
const site = makeSite({ feed: { ...makeSite().feed, limit: 1000 } });
const SECOND = 'The second paragraph.';

const wire = (paragraph: string) => `WORLD\nA headline\nPublished: Sep 04, 2024 09:03 PM\n\n${paragraph}\n\n${SECOND}\n`;
const markdown = (paragraph: string) => `---\nheadline: A headline\ndate: 2024-09-04 21:03\nsection: World\n---\n${paragraph}\n\n${SECOND}\n`;

const cases = [
  ...LEDES.map((text, i) => ({ id: `lede-${i}`, text, byline: undefined })),
  ...BYLINES.map((byline, i) => ({ id: `byline-${i}`, text: byline.text, byline })),
];
const sources = cases.flatMap(({ id, text }) => [
  { path: `input/articles/${id}-wire.txt`, bytes: encode(wire(text)) },
  { path: `input/articles/${id}-md.md`, bytes: encode(markdown(text)) },
]);
const result = build(sources, site, { now: NOW });
const files = new Map(result.outputs.map((o: OutputFile) => [o.path, o.text]));
const text = (path: string) => {
  const found = files.get(path);
  if (found === undefined) throw new Error(`no ${path}`);
  return found;
};
const rss = text('rss.xml');
const atom = text('atom.xml');
const feed = JSON.parse(text('feed.json')) as { items: { id: string; authors: { name: string }[] }[] };

/** What every output says about one article: its authors and where its body starts. */
function outputsOf(id: string) {
  const article = result.articles.find((a) => a.id === id)!;
  const graph = (JSON.parse(text(`articles/${id}/article.jsonld`)) as { '@graph': Record<string, unknown>[] })['@graph'];
  const news = graph.find((node) => node['@type'] === 'NewsArticle')!;
  const byId = (ref: { '@id': string }) => graph.find((node) => node['@id'] === ref['@id']) as { '@type': string; name: string };
  const jsonldAuthors = (news.author as { '@id': string }[]).map((ref) => `${byId(ref)['@type']}: ${byId(ref).name}`);
  const page = text(`articles/${id}/index.html`);
  const pageByline = /<p class="byline">(.*?)<\/p>/s.exec(page)![1]!.replace(/<[^>]+>/g, '');
  const guid = article.guid;
  return {
    article,
    jsonldAuthors,
    articleBody: news.articleBody as string,
    rssCreators: xmlTexts(rss, `//item[guid="${guid}"]/dc:creator`),
    atomAuthors: xmlTexts(atom, `//atom:entry[atom:id="${guid}"]/atom:author/atom:name`),
    feedAuthors: feed.items.find((item) => item.id === guid)!.authors.map((a) => a.name),
    pageByline,
  };
}

describe('bylines through the build', () => {
  it('builds every case without errors', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.articles).toHaveLength(sources.length);
    expect(xmlTexts(atom, '/atom:feed/atom:author/atom:name')).toEqual([site.name]);
  });

  describe.each(['wire', 'md'])('%s', (kind) => {
    it.each(cases.filter((c) => c.byline === undefined))('keeps "$text" as the first paragraph, credits the publisher', ({ id, text: lede }) => {
      const out = outputsOf(`${id}-${kind}`);
      expect(out.article.authors).toEqual([]);
      expect(out.article.dateline).toBeUndefined();
      expect(out.article.paragraphs).toEqual([lede, SECOND]);
      expect(out.article.description).toBe(lede);
      expect(out.articleBody).toBe(`${lede}\n\n${SECOND}`);
      expect(out.jsonldAuthors).toEqual([`Organization: ${site.name}`]);
      expect(out.rssCreators).toEqual([site.name]);
      // An Atom entry without authors has the feed's (RFC 4287 §4.2.1): the publisher.
      expect(out.atomAuthors).toEqual([]);
      expect(out.feedAuthors).toEqual([site.name]);
      expect(out.pageByline).toBe(`By ${site.name}`);
    });

    it.each(cases.filter((c) => c.byline !== undefined))('reads "$text" as the byline in every output', ({ id, byline }) => {
      const { names, place } = byline!;
      const out = outputsOf(`${id}-${kind}`);
      expect(out.article.authors).toEqual(names.map((name) => ({ name })));
      expect(out.article.dateline).toBe(place);
      expect(out.article.paragraphs).toEqual([SECOND]);
      expect(out.article.description).toBe(SECOND);
      expect(out.articleBody).toBe(SECOND);
      expect(out.article.bodyHtml).toBe(`<p>${SECOND}</p>`);
      expect(out.jsonldAuthors).toEqual(names.map((name) => `Person: ${name}`));
      expect(out.rssCreators).toEqual(names);
      expect(out.atomAuthors).toEqual(names);
      expect(out.feedAuthors).toEqual(names);
      const last = names.at(-1)!;
      expect(out.pageByline).toBe(`By ${names.length === 1 ? last : `${names.slice(0, -1).join(', ')} and ${last}`}`);
    });
  });
});
