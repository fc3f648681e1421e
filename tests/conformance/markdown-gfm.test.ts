/**
 * Issue 14 item 5: Markdown as newsrooms write it (a table with aligned columns, a footnote,
 * strikethrough, a bare URL) in every output that carries HTML: the article page, RSS
 * `content:encoded`, Atom `content`, JSON Feed `content_html`, ninjs `bodies` and the NewsML-G2 XHTML
 * body; plain text without Markdown syntax where only text goes; and every output still valid, by our
 * validators (no diagnostic at all) and by the official schemas (IPTC's NewsML-G2 XSD and ninjs
 * JSON Schema, RFC 4287's RELAX NG).
 */
import type { RelaxNGValidator, XsdValidator } from 'libxml2-wasm';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { formatDiagnostic } from '../../src/diagnostics.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { toBytes } from '../helpers/arbitraries.ts';
import { makeSite } from '../helpers/fixtures.ts';
import { haveOfficialSchemas } from '../helpers/official.ts';
import { loadOfficialAtomRng, loadOfficialNewsmlXsd, loadOfficialNinjsSchema, officialErrors } from '../helpers/official-validators.ts';
import { xmlTexts } from '../helpers/readback.ts';

const site = makeSite();
const NOW = '2024-09-05T00:00:00+08:00';

const STORY = [
  '---',
  'headline: Cash still leads at the till',
  'date: 2024-09-04 21:03',
  'section: World',
  'image: { url: "https://www.globaltimes.cn/photo/till.jpg", width: 1200, height: 675, caption: A till in Beijing., credit: Li Hao/GT }',
  '---',
  '',
  '| Method | Share |',
  '|:-------|------:|',
  '| Cash | 60% |',
  '| Card & mobile | 40% |',
  '',
  'Payments in cash rose 12%[^1] last year, the ~~minister~~ ministry said. See https://example.com/report for more.',
  '',
  'Second paragraph.',
  '',
  '[^1]: Source: central bank figures.',
  '',
].join('\n');

/** The body every HTML output carries, exactly. */
const BODY_HTML = [
  '<table>',
  '<thead>\n<tr>\n<th style="text-align:left">Method</th>\n<th style="text-align:right">Share</th>\n</tr>\n</thead>',
  '<tbody>\n<tr>\n<td style="text-align:left">Cash</td>\n<td style="text-align:right">60%</td>\n</tr>',
  '<tr>\n<td style="text-align:left">Card &amp; mobile</td>\n<td style="text-align:right">40%</td>\n</tr>\n</tbody>',
  '</table>',
  '<p>Payments in cash rose 12%<sup>1</sup> last year, the <del>minister</del> ministry said. See <a href="https://example.com/report">https://example.com/report</a> for more.</p>',
  '<p>Second paragraph.</p>',
  '<hr />',
  '<ol>\n<li>Source: central bank figures.</li>\n</ol>',
].join('\n');

const result = build([{ path: 'input/articles/world/till.md', bytes: toBytes(STORY) }], site, { now: NOW });
const file = (path: string): OutputFile => {
  const found = result.outputs.find((f) => f.path === path);
  if (found === undefined) throw new Error(`no ${path}`);
  return found;
};
const json = (path: string) => JSON.parse(file(path).text) as Record<string, unknown>;

describe('a Markdown story with a table, a footnote, strikethrough and a bare URL', () => {
  it('builds without a single diagnostic: every output passes our validators', () => {
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.articles[0]!.bodyHtml).toBe(BODY_HTML);
  });

  it('the article page shows the body as sanitised, each table in its scrolling box, and parses without error', () => {
    const page = file('articles/till/index.html').text;
    expect(page).toContain(`<div class="body">\n${BODY_HTML.replace('<table>', '<div class="table"><table>').replace('</table>', '</table></div>')}\n</div>`);
    const errors: string[] = [];
    const document = parse(page, { onParseError: (e) => errors.push(e.code) });
    expect(errors).toEqual([]);
    const tags = new Set<string>();
    const visit = (node: DefaultTreeAdapterTypes.ParentNode) => {
      for (const child of node.childNodes) {
        if ('tagName' in child) tags.add(child.tagName);
        if ('childNodes' in child) visit(child);
      }
    };
    visit(document);
    for (const tag of ['table', 'thead', 'tbody', 'th', 'td', 'del', 'sup', 'ol']) expect(tags, tag).toContain(tag);
  });

  it('RSS content:encoded, Atom content, JSON Feed content_html and ninjs bodies carry the same HTML', () => {
    const carried = [
      ...['rss.xml', 'sections/world/rss.xml'].map((path) => xmlTexts(file(path).text, '//item/content:encoded')),
      ...['atom.xml', 'sections/world/atom.xml'].map((path) => xmlTexts(file(path).text, '//atom:entry/atom:content[@type="html"]')),
      [(json('feed.json')['items'] as Record<string, string>[])[0]!['content_html']!],
      (json('articles/till/ninjs.json')['bodies'] as { contentType: string; value: string }[]).filter((b) => b.contentType === 'text/html').map((b) => b.value),
    ];
    for (const texts of carried) {
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain(BODY_HTML);
    }
  });

  it('the NewsML-G2 XHTML body has the table with its alignment, the reference, the struck text, the link and the notes', () => {
    const newsml = file('articles/till/newsml.xml').text;
    const at = (xpath: string) => xmlTexts(newsml, `//n:inlineXML/x:html/x:body${xpath}`);
    expect(at('/x:table/x:thead/x:tr/x:th')).toEqual(['Method', 'Share']);
    expect(at('/x:table/x:tbody/x:tr/x:td[@style="text-align:right"]')).toEqual(['60%', '40%']);
    expect(at('/x:table/x:tbody/x:tr/x:td[@style="text-align:left"]')).toEqual(['Cash', 'Card & mobile']);
    expect(at('/x:p/x:sup')).toEqual(['1']);
    expect(at('/x:p/x:del')).toEqual(['minister']);
    expect(at('/x:p/x:a[@href="https://example.com/report"]')).toEqual(['https://example.com/report']);
    expect(at('/x:hr/following-sibling::x:ol/x:li')).toEqual(['Source: central bank figures.']);
  });

  it('plain text (articleBody, descriptions, summaries) has no Markdown syntax, tabs or table rows as a description', () => {
    const graph = json('articles/till/article.jsonld')['@graph'] as Record<string, unknown>[];
    const article = graph.find((n) => n['@type'] === 'NewsArticle')!;
    expect(article['articleBody']).toBe(
      'Method: Cash; Share: 60%\n\nMethod: Card & mobile; Share: 40%\n\nPayments in cash rose 12%¹ last year, the ministry said. See https://example.com/report for more.\n\nSecond paragraph.\n\n¹ Source: central bank figures.',
    );
    const description = 'Payments in cash rose 12% last year, the ministry said. See https://example.com/report for more.';
    expect(article['description']).toBe(description);
    expect(xmlTexts(file('rss.xml').text, '//item/description')).toEqual([description]);
    expect(xmlTexts(file('atom.xml').text, '//atom:entry/atom:summary')).toEqual([description]);
    expect((json('feed.json')['items'] as Record<string, string>[])[0]!['summary']).toBe(description);
    expect(json('articles/till/ninjs.json')['descriptions']).toEqual([expect.objectContaining({ value: description })]);
    expect(file('articles/till/head.html').text).toContain(`<meta name="description" content="${description}">`);
    for (const text of [article['articleBody'] as string, description]) expect(text).not.toMatch(/\||\t|\[\^|~~|:?-{3,}:?/);
  });
});

describe.skipIf(!haveOfficialSchemas)('the same story against the official schemas', () => {
  let xsd: XsdValidator;
  let rng: RelaxNGValidator;
  let ninjs: (value: unknown) => string[];

  beforeAll(async () => {
    xsd = loadOfficialNewsmlXsd();
    rng = loadOfficialAtomRng();
    ninjs = await loadOfficialNinjsSchema();
  });

  afterAll(() => {
    xsd?.dispose();
    rng?.dispose();
  });

  it('NewsML-G2 is valid against IPTC’s 2.35 All-Power XSD', () => {
    expect(officialErrors(xsd, file('articles/till/newsml.xml').text)).toEqual([]);
  });

  it('both Atom feeds are valid against RFC 4287’s RELAX NG', () => {
    for (const path of ['atom.xml', 'sections/world/atom.xml']) expect(officialErrors(rng, file(path).text), path).toEqual([]);
  });

  it('ninjs is valid against IPTC’s ninjs 3.1 JSON Schema', () => {
    expect(ninjs(json('articles/till/ninjs.json'))).toEqual([]);
  });
});
