import { parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { afterEach, describe, expect, it } from 'vitest';
import { emitHead, toHeadHtml, toScriptSafeJson } from '../../src/emit/head.ts';
import { emitJsonLd, formatJsonLd, toJsonLdGraph } from '../../src/emit/jsonld.ts';
import { validateFile } from '../helpers/validate.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

/** The errors only: warnings about what the source lacks (a byline without a profile URL) are the article's, reported once by its JSON-LD. */
const errorsOf = (found: readonly { severity: string }[]) => found.filter((d) => d.severity === 'error');

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.ChildNode;

/** The snippet as a browser's `innerHTML` parse builds it: top-level elements, in order. */
function parseSnippet(text: string): { elements: Element[]; errors: string[] } {
  const errors: string[] = [];
  const fragment = parseFragment(text, { onParseError: (e) => void errors.push(`${e.code}@${e.startLine}:${e.startCol}`) });
  return { elements: fragment.childNodes.filter((n: Node): n is Element => 'tagName' in n), errors };
}
const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const textOf = (e: Element) => e.childNodes.map((n) => ('value' in n ? n.value : '')).join('');
/** `property`/`name` → every `content`, in order. */
function metaOf(elements: readonly Element[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const e of elements.filter((x) => x.tagName === 'meta')) (found[attr(e, 'property') ?? attr(e, 'name') ?? '?'] ??= []).push(attr(e, 'content') ?? '');
  return found;
}

const site = makeSite();
const SAMPLE_URL = 'https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml';
const RICH_URL = 'https://www.globaltimes.cn/page/202409/rich-story.shtml';
const FEEDS = 'https://www.globaltimes.cn/syndication/';
const DESCRIPTION =
  'China is actively taking responsibility in addressing the challenges of cyberspace governance, playing a crucial role in narrowing the technological gap among countries, scholars attending a seminar in Beijing said on Tuesday.';
const ALTERNATES = [
  `<link rel="alternate" type="application/rss+xml" title="Global Times (RSS)" href="${FEEDS}rss.xml">`,
  `<link rel="alternate" type="application/atom+xml" title="Global Times (Atom)" href="${FEEDS}atom.xml">`,
  `<link rel="alternate" type="application/feed+json" title="Global Times (JSON Feed)" href="${FEEDS}feed.json">`,
  `<link rel="alternate" type="application/rss+xml" title="Global Times — China (RSS)" href="${FEEDS}sections/china/rss.xml">`,
  `<link rel="alternate" type="application/atom+xml" title="Global Times — China (Atom)" href="${FEEDS}sections/china/atom.xml">`,
];

describe('toHeadHtml', () => {
  it('writes the exact snippet for the sample-shaped article (no byline, photo without URL: summary card, no og:image)', () => {
    const article = makeArticle();
    expect(toHeadHtml(article, site)).toBe(
      [
        `<link rel="canonical" href="${SAMPLE_URL}">`,
        `<meta name="description" content="${DESCRIPTION}">`,
        '<meta name="author" content="Global Times">',
        `<script type="application/ld+json">${formatJsonLd(toJsonLdGraph(article, site))}</script>`,
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars">',
        `<meta property="og:description" content="${DESCRIPTION}">`,
        `<meta property="og:url" content="${SAMPLE_URL}">`,
        '<meta property="og:site_name" content="Global Times">',
        '<meta property="og:locale" content="en">',
        '<meta property="article:published_time" content="2024-09-04T21:03:00+08:00">',
        '<meta property="article:modified_time" content="2024-09-04T21:03:00+08:00">',
        '<meta property="article:section" content="China">',
        '<meta name="twitter:card" content="summary">',
        '<meta name="twitter:title" content="China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars">',
        `<meta name="twitter:description" content="${DESCRIPTION}">`,
        ...ALTERNATES,
        '',
      ].join('\n'),
    );
  });

  it('writes the exact snippet for the rich article: escaped attributes, every photo with its size and alt, authors, tags, large card', () => {
    const article = makeRichArticle();
    const title = 'Tariffs &amp; trade: &quot;&lt;b&gt;&quot; is not a tag — 关税 (Zölle) ☕';
    const alt = 'A port in Shanghai &amp; ships &lt;at&gt; dawn.';
    expect(toHeadHtml(article, site)).toBe(
      [
        `<link rel="canonical" href="${RICH_URL}">`,
        `<meta name="description" content="${DESCRIPTION}">`,
        '<meta name="author" content="Liu Caiyu">',
        '<meta name="author" content="Zhang Han">',
        `<script type="application/ld+json">${formatJsonLd(toJsonLdGraph(article, site))}</script>`,
        '<meta property="og:type" content="article">',
        `<meta property="og:title" content="${title}">`,
        `<meta property="og:description" content="${DESCRIPTION}">`,
        `<meta property="og:url" content="${RICH_URL}">`,
        '<meta property="og:site_name" content="Global Times">',
        '<meta property="og:locale" content="en">',
        '<meta property="og:image" content="https://www.globaltimes.cn/photo/a.jpg">',
        '<meta property="og:image:type" content="image/jpeg">',
        '<meta property="og:image:width" content="1200">',
        '<meta property="og:image:height" content="675">',
        `<meta property="og:image:alt" content="${alt}">`,
        '<meta property="og:image" content="https://www.globaltimes.cn/photo/b.png">',
        '<meta property="og:image:type" content="image/png">',
        '<meta property="og:image:width" content="800">',
        '<meta property="og:image:height" content="800">',
        '<meta property="og:image:alt" content="Second photo.">',
        '<meta property="article:published_time" content="2024-09-05T08:30:00+08:00">',
        '<meta property="article:modified_time" content="2024-09-05T10:15:00+08:00">',
        '<meta property="article:section" content="China">',
        '<meta property="article:author" content="Liu Caiyu">',
        '<meta property="article:author" content="https://www.globaltimes.cn/author/zhang-han">',
        '<meta property="article:tag" content="trade">',
        '<meta property="article:tag" content="tariffs">',
        '<meta name="twitter:card" content="summary_large_image">',
        `<meta name="twitter:title" content="${title}">`,
        `<meta name="twitter:description" content="${DESCRIPTION}">`,
        '<meta name="twitter:image" content="https://www.globaltimes.cn/photo/a.jpg">',
        `<meta name="twitter:image:alt" content="${alt}">`,
        ...ALTERNATES,
        '',
      ].join('\n'),
    );
  });

  it('reads back through the HTML parser as exactly the text it was given (attributes decoded, no parse error)', () => {
    const article = makeRichArticle();
    const { elements, errors } = parseSnippet(toHeadHtml(article, site));
    expect(errors).toEqual([]);
    const meta = metaOf(elements);
    expect(meta['og:title']).toEqual([article.headline]);
    expect(meta['twitter:title']).toEqual([article.headline]);
    expect(meta['og:image:alt']).toEqual(['A port in Shanghai & ships <at> dawn.', 'Second photo.']);
    expect(meta['article:tag']).toEqual(['trade', 'tariffs']);
    expect(elements.filter((e) => e.tagName === 'link' && attr(e, 'rel') === 'alternate').map((e) => [attr(e, 'type'), attr(e, 'href')])).toEqual([
      ['application/rss+xml', `${FEEDS}rss.xml`],
      ['application/atom+xml', `${FEEDS}atom.xml`],
      ['application/feed+json', `${FEEDS}feed.json`],
      ['application/rss+xml', `${FEEDS}sections/china/rss.xml`],
      ['application/atom+xml', `${FEEDS}sections/china/atom.xml`],
    ]);
  });

  it('carries the same graph as article.jsonld, byte for byte', () => {
    const article = makeRichArticle();
    const [jsonld] = emitJsonLd([article], site);
    const script = parseSnippet(toHeadHtml(article, site)).elements.find((e) => e.tagName === 'script')!;
    expect(textOf(script)).toBe(jsonld!.text);
  });

  it("links only the site feeds, and has no article:section, when the article has no section; og:locale follows the article's language", () => {
    const text = toHeadHtml(makeArticle({ sections: [], language: 'zh-CN' }), makeSite({ language: 'zh-CN' }));
    expect(text).not.toContain('sections/');
    expect(text).not.toContain('article:section');
    expect(text.match(/rel="alternate"/g)).toHaveLength(3);
    expect(text).toContain('<meta property="og:locale" content="zh_CN">');
  });

  it('percent-encoded section feed URLs for non-ASCII sections', () => {
    const text = toHeadHtml(makeArticle({ sections: ['中国'] }), site);
    expect(text).toContain(`title="Global Times — 中国 (RSS)" href="${FEEDS}sections/%E4%B8%AD%E5%9B%BD/rss.xml"`);
  });
});

describe('the hostile headline', () => {
  const HOSTILE = '</script ><!--<script>alert(1)</script>';
  const article = makeRichArticle({ headline: HOSTILE, description: `${HOSTILE} & \u2028\u2029 done` });

  it('leaves exactly one script element, whose text JSON.parses to the same graph, and no script from the headline', () => {
    const text = toHeadHtml(article, site);
    const { elements, errors } = parseSnippet(text);
    expect(errors).toEqual([]);
    const scripts = elements.filter((e) => e.tagName === 'script');
    expect(scripts).toHaveLength(1);
    expect(attr(scripts[0]!, 'type')).toBe('application/ld+json');
    const parsed: unknown = JSON.parse(textOf(scripts[0]!));
    expect(parsed).toStrictEqual(JSON.parse(JSON.stringify(toJsonLdGraph(article, site))));
    expect(parsed).toStrictEqual(JSON.parse(emitJsonLd([article], site)[0]!.text));
    // Everything after the script is still there: nothing was swallowed into it.
    expect(metaOf(elements)['og:title']).toEqual([HOSTILE]);
    expect(elements.at(-1)!.tagName).toBe('link');
  });

  it('has no </script, <!-- or <script inside the script text, and passes its validator', () => {
    const text = toHeadHtml(article, site);
    const inner = text.slice(text.indexOf('<script type="application/ld+json">') + 35, text.lastIndexOf('</script>'));
    expect(inner).not.toMatch(/<\/script|<!--|<script|[\u2028\u2029]/i);
    expect(inner).toContain('\\u003c/script \\u003e\\u003c!--\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    expect(inner).toContain('\\u0026 \\u2028\\u2029');
    const [file] = emitHead([article], site);
    expect(errorsOf(validateFile(file!, site))).toEqual([]);
  });

  it('toScriptSafeJson escapes what the script data states react to, and is idempotent', () => {
    expect(toScriptSafeJson('"</SCRIPT/ <!-- --> & \u2028"')).toBe('"\\u003c/SCRIPT/ \\u003c!-- --\\u003e \\u0026 \\u2028"');
    const once = toScriptSafeJson(JSON.stringify({ a: HOSTILE }));
    expect(toScriptSafeJson(once)).toBe(once);
    expect(JSON.parse(once)).toEqual({ a: HOSTILE });
  });
});

describe('emitHead', () => {
  const previousTz = process.env.TZ;
  afterEach(() => {
    if (previousTz === undefined) delete process.env.TZ;
    else process.env.TZ = previousTz;
  });

  it('writes articles/<id>/head.html per article, format head, ending with one newline', () => {
    const files = emitHead([makeRichArticle(), makeArticle()], site);
    expect(files.map((f) => [f.path, f.format, f.sources])).toEqual([
      ['articles/rich-story/head.html', 'head', ['input/articles/rich-story.txt']],
      ['articles/cyberspace-governance/head.html', 'head', ['input/articles/cyberspace-governance.txt']],
    ]);
    for (const f of files) expect(f.text.endsWith('>\n')).toBe(true);
  });

  it('gives the same bytes in any time zone', () => {
    const offsets: number[] = [];
    const texts = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham'].map((tz) => {
      process.env.TZ = tz;
      offsets.push(new Date(Date.UTC(2024, 8, 4)).getTimezoneOffset());
      return emitHead([makeRichArticle(), makeArticle()], site).map((f) => f.text).join('');
    });
    // The zone really changed between runs (Node applies a new process.env.TZ at once).
    expect(new Set(offsets).size).toBe(4);
    expect(new Set(texts).size).toBe(1);
  });
});
