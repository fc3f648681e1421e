import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { XmlDocument } from 'libxml2-wasm';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { readSource } from '../../src/read/index.ts';
import { readMarkdown } from '../../src/read/markdown.ts';
import { readWire } from '../../src/read/wire.ts';
import { makeSite } from '../helpers/fixtures.ts';

const site = makeSite();
const encode = (text: string) => new TextEncoder().encode(text);

function read(text: string | Uint8Array, path = 'input/articles/story.md', config = site) {
  return readMarkdown({ path, bytes: typeof text === 'string' ? encode(text) : text }, config);
}

/** A minimal valid Markdown article around a body. */
const withBody = (body: string, front = '') => `---\nheadline: A headline\ndate: 2024-09-04T21:03:00+08:00\n${front}---\n${body}`;
const MINIMAL = withBody('First paragraph.\n\nSecond paragraph.\n');

/** Parses HTML as strict XML (libxml2) inside an XHTML body: throws when it is not well-formed. */
function parseAsXhtml(html: string): void {
  XmlDocument.fromString(`<body xmlns="http://www.w3.org/1999/xhtml">${html}</body>`).dispose();
}

describe('readMarkdown on the newsroom fixture', () => {
  const path = 'tests/fixtures/newsroom/input/articles/opinion/2024/markdown-story.md';
  const bytes = readFileSync(new URL('../fixtures/newsroom/input/articles/opinion/2024/markdown-story.md', import.meta.url));
  const london = makeSite({ timeZone: 'Europe/London', url: 'https://news.example.com/', permalink: '/{section}/{yyyy}/{mm}/{dd}/{id}', guidPrefix: 'urn:example:news:', language: 'en-GB' });
  const { article, diagnostics } = read(bytes, path, london);

  it('reads every front-matter key, the id from the file name in its nested folder, dates in the site zone', () => {
    expect(article).toMatchObject({
      id: 'markdown-story',
      guid: 'urn:example:news:markdown-story',
      source: path,
      url: 'https://news.example.com/opinion/2024/10/20/markdown-story',
      headline: "Why the harbour's night shift matters — Zürich, 上海 & the long tail of trade",
      sections: ['Opinion', 'Society'],
      // Local 18:45 in London summer time; the offset date-time 09:15+01:00 is kept as the same instant.
      datePublished: '2024-10-20T18:45:00+01:00',
      dateModified: '2024-10-21T09:15:00+01:00',
      authors: [{ name: 'Zoë Müller', url: 'https://news.example.com/authors/zoe-muller' }],
      dateline: 'LONDON',
      keywords: ['ports', 'night shift', 'Hafen'],
      images: [
        { url: 'https://cdn.example.com/photos/night-shift.jpg', width: 1600, height: 900, contentType: 'image/jpeg', caption: 'Cranes work through the night at Felixstowe — 夜班.', credit: 'Example Photo Desk', creator: 'Sam Lee' },
      ],
      language: 'en-GB',
    });
  });

  it('keeps the plain text of every block, and takes the first paragraph as the description', () => {
    expect(article!.paragraphs).toEqual([
      'Ports never sleep, and neither do the people who run them. This is a story about the night shift: who works it, what it costs & why it matters.',
      'What the numbers say',
      'Container volumes rose 12% in a year, according to the port authority. Our own earlier report found the same.',
      'Crane operators: 140 people',
      'Lashers and checkers: 310 people',
      'of whom 40% on nights',
      'Pilots: on call',
      'Arrive at 22:00',
      'Hand over at 06:00',
      '"You stop noticing the dark," says one crane operator — „man gewöhnt sich dran".',
      'Raw HTML is not ours to publish, and neither is a bad link.',
      'TEU = twenty-foot equivalent unit',
      'Ein Hafen, der nie schläft: 24 × 7.',
    ]);
    expect(article!.description).toBe(article!.paragraphs[0]);
  });

  it('renders the body to sanitised HTML with absolute URLs', () => {
    const html = article!.bodyHtml;
    expect(html).toContain('<h2>What the numbers say</h2>');
    expect(html).toContain('<a href="https://port.example.org/stats?year=2024&amp;kind=teu" title="Port statistics">port authority</a>');
    // Relative URLs resolve against the article's canonical URL, as a browser on that page would.
    expect(html).toContain('<a href="https://news.example.com/business/2024/03/31/tariffs-and-ports">earlier report</a>');
    expect(html).toContain('<img src="https://news.example.com/opinion/2024/10/photos/crane-detail.jpg" alt="A quay crane from below" />');
    expect(html).toContain('<li>Lashers and checkers: 310 people\n<ul>\n<li>of whom 40% on nights</li>');
    expect(html).toContain('<p>Raw HTML is not ours to publish, and neither is a bad link.</p>');
    expect(html).not.toMatch(/script|onclick|javascript|<span/i);
    parseAsXhtml(html);
  });

  it('warns once per removal rule, at the first body line, counting the places', () => {
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', source: 'read:markdown', ruleId: 'raw-html', file: path, line: 37, column: 1 }),
      expect.objectContaining({ severity: 'warning', source: 'read:markdown', ruleId: 'unsafe-url', file: path, line: 39, column: 1 }),
    ]);
    expect(diagnostics[0]!.message).toContain('"<script>alert("stolen cookies")</script>" (3 times, lines 37, 39)');
    expect(diagnostics[1]!.message).toContain('link to "javascript:alert(1)"');
  });
});

describe('readMarkdown: the same facts as wire copy give the same article', () => {
  const wire = [
    '---',
    'dateline: BEIJING',
    'keywords: [trade, "R&D"]',
    'authors:',
    '  - { name: Zhang Han, url: "https://www.globaltimes.cn/author/zhang-han" }',
    'image:',
    '  url: https://www.globaltimes.cn/photo/a.jpg',
    '  width: 1200',
    '  height: 675',
    '---',
    'CHINA / SOCIETY',
    "Tariffs & trade: \"quotes\" and O'Hara's — 关税",
    'Published: Sep 05, 2024 08:30 AM',
    'Updated: Sep 05, 2024 10:15 AM',
    'By Liu Caiyu',
    '',
    'A port in Shanghai at dawn. Photo: Li Hao/GT',
    '',
    'Exporters say tariffs of 25% & more have changed routes;',
    '"it\'s a turning point", said Zölle > 5.',
    '',
    'Analysts expect the trend to continue.',
  ].join('\n');
  const markdown = [
    '---',
    "headline: \"Tariffs & trade: \\\"quotes\\\" and O'Hara's — 关税\"",
    'date: 2024-09-05 08:30',
    'updated: 2024-09-05T02:15:00Z',
    'section: China / Society',
    'dateline: BEIJING',
    'keywords: [trade, "R&D"]',
    'authors:',
    '  - { name: Zhang Han, url: "https://www.globaltimes.cn/author/zhang-han" }',
    'image:',
    '  url: https://www.globaltimes.cn/photo/a.jpg',
    '  width: 1200',
    '  height: 675',
    '  caption: A port in Shanghai at dawn.',
    '  credit: Li Hao/GT',
    '---',
    'Exporters say tariffs of 25% & more have changed routes;',
    '"it\'s a turning point", said Zölle > 5.',
    '',
    'Analysts expect the trend to continue.',
    '',
  ].join('\n');

  it('equal apart from source (front-matter authors override the By line in both)', () => {
    const fromWire = readWire({ path: 'input/articles/china/trade-story.txt', bytes: encode(wire) }, site);
    const fromMarkdown = readMarkdown({ path: 'input/articles/opinion/trade-story.md', bytes: encode(markdown) }, site);
    expect(fromWire.diagnostics).toEqual([]);
    expect(fromMarkdown.diagnostics).toEqual([]);
    expect({ ...fromMarkdown.article!, source: 'x' }).toEqual({ ...fromWire.article!, source: 'x' });
    expect(fromMarkdown.article!.bodyHtml).toBe(
      '<p>Exporters say tariffs of 25% &amp; more have changed routes; &quot;it&#39;s a turning point&quot;, said Zölle &gt; 5.</p>\n<p>Analysts expect the trend to continue.</p>',
    );
  });
});

describe('readMarkdown front matter', () => {
  it('requires front matter, with headline and date, pointing at line 1', () => {
    expect(read('# Title\n\nBody.\n').diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'missing-front-matter', line: 1 })]);
    const missing = read('---\nkeywords: [a]\n---\nBody.\n');
    expect(missing.article).toBeUndefined();
    expect(missing.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['missing-headline', 1],
      ['missing-date', 1],
    ]);
    expect(missing.diagnostics[0]!.message).toContain('add `headline: …`');
  });

  it.each([
    ['unknown key', '---\nheadline: H\ndate: 2024-09-04 21:03\ntitle: nope\n---\nBody.\n', 'invalid-front-matter', 4, 'unknown key(s) "title"; allowed keys are id, url, description, dateline, keywords, authors, image, images, correction, status, reason, embargo, language, headline, date, updated, section'],
    ['wrong type', '---\nheadline: H\ndate: 2024-09-04 21:03\nkeywords: 5\n---\nBody.\n', 'invalid-front-matter', 4, 'front matter "keywords"'],
    ['nested value', '---\nheadline: H\ndate: 2024-09-04 21:03\nimages:\n  - url: https://example.com/a.jpg\n    caption: A\n  - url: /relative.jpg\n    caption: B\n---\nBody.\n', 'invalid-front-matter', 7, 'front matter "images.1.url"'],
    ['empty section part', '---\nheadline: H\ndate: 2024-09-04 21:03\nsection: "China //"\n---\nBody.\n', 'invalid-front-matter', 4, 'none empty'],
    ['empty headline', '---\nheadline: "  "\ndate: 2024-09-04 21:03\n---\nBody.\n', 'invalid-front-matter', 2, 'a non-empty headline'],
    ['a YAML timestamp is not a string', '---\nheadline: H\ndate: [2024]\n---\nBody.\n', 'invalid-front-matter', 3, 'front matter "date"'],
    ['malformed YAML', '---\nheadline: [unclosed\ndate: 2024-09-04 21:03\n---\nBody.\n', 'malformed-front-matter', 3, 'not valid YAML'],
    ['unclosed', '---\nheadline: H\n', 'unclosed-front-matter', 1, 'no closing "---"'],
    ['unrecognised date', '---\nheadline: H\ndate: Sep 04, 2024 09:03 PM\n---\nBody.\n', 'unrecognised-date', 3, 'write RFC 3339 with an offset'],
    ['date without time', '---\nheadline: H\ndate: 2024-09-04\n---\nBody.\n', 'unrecognised-date', 3, '`date: 2024-09-04`'],
    ['impossible local date', '---\nheadline: H\n\ndate: 2024-02-30 10:00\n---\nBody.\n', 'impossible-date', 4, 'not a real date'],
    ['impossible offset date', '---\nheadline: H\ndate: 2024-09-31T10:00:00+08:00\n---\nBody.\n', 'impossible-date', 3, 'not a real date'],
    ['impossible offset', '---\nheadline: H\ndate: 2024-09-04T10:00:00+24:00\n---\nBody.\n', 'impossible-date', 3, 'valid offset'],
    ['updated before date', '---\nheadline: H\ndate: 2024-09-04 21:03\nupdated: 2024-09-04T13:02:59Z\n---\nBody.\n', 'updated-before-published', 4, 'earlier than `date`'],
    ['image without caption', '---\nheadline: H\ndate: 2024-09-04 21:03\nimage: { url: "https://example.com/a.jpg" }\n---\nBody.\n', 'image-without-caption', 4, 'add `caption:`'],
  ])('%s: an error at the front-matter line', (_name, text, ruleId, line, message) => {
    const { article, diagnostics } = read(text);
    expect(article).toBeUndefined();
    const found = diagnostics.find((d) => d.ruleId === ruleId);
    expect(found, JSON.stringify(diagnostics)).toMatchObject({ severity: 'error', source: 'read:markdown', file: 'input/articles/story.md', line });
    expect(found!.message).toContain(message);
  });

  it.each([
    ['RFC 3339 in the site offset', '2024-09-04T21:03:00+08:00', '2024-09-04T21:03:00+08:00'],
    ['RFC 3339 in UTC, shown in the site offset', '2024-09-04T13:03:00Z', '2024-09-04T21:03:00+08:00'],
    ['another offset, same instant', '2024-09-04T09:03:00-04:00', '2024-09-04T21:03:00+08:00'],
    ['fractions of a second dropped', '2024-09-04T13:03:00.999Z', '2024-09-04T21:03:00+08:00'],
    ['offset without seconds', '2024-09-04T21:03+08:00', '2024-09-04T21:03:00+08:00'],
    ['local with T', '2024-09-04T21:03', '2024-09-04T21:03:00+08:00'],
    ['local with space and seconds', '2024-09-04 21:03:05', '2024-09-04T21:03:05+08:00'],
  ])('reads a date: %s', (_name, value, expected) => {
    const { article, diagnostics } = read(`---\nheadline: H\ndate: "${value}"\n---\nBody.\n`);
    expect(diagnostics).toEqual([]);
    expect(article!.datePublished).toBe(expected);
  });

  it('reads local times with the wire-copy DST rules, warning at the key line', () => {
    const ny = makeSite({ timeZone: 'America/New_York' });
    const gap = read('---\nheadline: H\ndate: 2024-03-10 02:30\n---\nBody.\n', undefined, ny);
    expect(gap.article!.datePublished).toBe('2024-03-10T03:30:00-04:00');
    expect(gap.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', ruleId: 'nonexistent-local-time', line: 3 })]);
    const overlap = read('---\nheadline: H\ndate: 2024-09-04 21:03\nupdated: 2024-11-03 01:30\n---\nBody.\n', undefined, ny);
    expect(overlap.article!.dateModified).toBe('2024-11-03T01:30:00-04:00');
    expect(overlap.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', ruleId: 'ambiguous-local-time', line: 4 })]);
    expect(overlap.diagnostics[0]!.message).toMatch(/^`updated:` /);
  });

  it('reads the same article whatever the machine time zone', () => {
    const before = process.env.TZ;
    const expected = read(MINIMAL).article;
    try {
      for (const tz of ['UTC', 'America/New_York', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        expect(read(MINIMAL.replace('2024-09-04T21:03:00+08:00', '2024-09-04 21:03')).article).toEqual(expected);
      }
    } finally {
      process.env.TZ = before;
    }
  });

  it('takes a section as a "/" path or a list, and a headline on one line', () => {
    expect(read(withBody('Body.\n', 'section: " China /Society "\n')).article!.sections).toEqual(['China', 'Society']);
    expect(read(withBody('Body.\n', 'section: [World, "Asia / Pacific"]\n')).article!.sections).toEqual(['World', 'Asia / Pacific']);
    expect(read(withBody('Body.\n')).article!.sections).toEqual([]);
    const folded = read('---\nheadline: |\n  Two\n  lines\ndate: 2024-09-04 21:03\n---\nBody.\n');
    expect(folded.article!.headline).toBe('Two lines');
  });

  it('takes id, URL, description and images from front matter', () => {
    const text = withBody(
      'Body.\n',
      'id: custom-id\nurl: https://example.com/custom\ndescription: A summary.\nimages:\n  - { url: "https://example.com/a.png", caption: A, bytes: 10 }\n  - { url: "https://example.com/b", caption: B, type: image/webp }\n',
    );
    const { article, diagnostics } = read(text, 'input/articles/Not An Id.md');
    expect(diagnostics).toEqual([]);
    expect(article).toMatchObject({
      id: 'custom-id',
      url: 'https://example.com/custom',
      description: 'A summary.',
      images: [
        { url: 'https://example.com/a.png', contentType: 'image/png', byteLength: 10, caption: 'A' },
        { url: 'https://example.com/b', contentType: 'image/webp', caption: 'B' },
      ],
    });
  });

  it('refuses a file name that cannot be an id, at line 1 where `id:` would go', () => {
    expect(read(MINIMAL, 'input/articles/My Story!.md').diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'invalid-id', line: 1 })]);
  });

  it('refuses empty, binary and invalid UTF-8 files like wire copy', () => {
    expect(read('').diagnostics).toEqual([expect.objectContaining({ ruleId: 'empty-file', line: 1 })]);
    expect(read(new Uint8Array([0x2d, 0x00])).diagnostics).toEqual([expect.objectContaining({ ruleId: 'binary-file', line: 1 })]);
    expect(read(new Uint8Array([...encode('---\nheadline: H\n'), 0xc3, 0x28])).diagnostics).toEqual([expect.objectContaining({ ruleId: 'invalid-utf8', line: 3 })]);
  });
});

describe('readMarkdown diagnostics', () => {
  it('always name the file, a line, the stage, a rule and what to do', () => {
    const inputs = [
      '',
      'no front matter\n',
      '---\nheadline: H\n',
      '---\n[bad\n---\nBody.\n',
      '---\nkeywords: [a]\ntitle: x\n---\nBody.\n',
      '---\nkeywords: [a]\n---\nBody.\n',
      '---\nheadline: H\ndate: someday\nupdated: 2024-02-30 10:00\n---\nBody.\n',
      '---\nheadline: H\ndate: 2024-09-04 21:03\nupdated: 2024-09-01 10:00\nimages: [{ url: "https://example.com/a.jpg" }]\n---\nBody.\n',
      '---\nid: ok\nheadline: H\ndate: 2024-09-04 21:03\n---\n<p>x</p>\n\n[a](javascript:x) ![b](mailto:y)\n',
      '---\nid: ok\nheadline: H\ndate: 2024-09-04 21:03\n---\n',
    ];
    const all = inputs.flatMap((text) => read(text, 'input/articles/Bad Name.md').diagnostics);
    expect(new Set(all.map((d) => d.ruleId))).toEqual(
      new Set(['empty-file', 'missing-front-matter', 'unclosed-front-matter', 'malformed-front-matter', 'invalid-front-matter', 'missing-headline', 'missing-date', 'unrecognised-date', 'impossible-date', 'updated-before-published', 'image-without-caption', 'invalid-id', 'raw-html', 'unsafe-url', 'unsupported-url', 'missing-body']),
    );
    for (const d of all) {
      expect(d, JSON.stringify(d)).toMatchObject({ file: 'input/articles/Bad Name.md', source: 'read:markdown', line: expect.any(Number), column: expect.any(Number) });
      expect(d.ruleId).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
      expect(d.message, d.ruleId).toMatch(/; |\. [A-Z]/);
    }
  });
});

describe('readMarkdown body', () => {
  const body = (markdown: string, config = site) => read(withBody(markdown), undefined, config);

  it('renders CommonMark: headings, emphasis, lists, quotes, code, breaks, rules', () => {
    const { article, diagnostics } = body('# One\n\n*a* **b** `c<d>`  \nnext\n\n- x\n- y\n\n3. three\n4. four\n\n> quoted\n\n    indented\tcode\n\n***\n\nEnd.\n');
    expect(diagnostics).toEqual([]);
    expect(article!.bodyHtml).toBe(
      [
        '<h1>One</h1>',
        '<p><em>a</em> <strong>b</strong> <code>c&lt;d&gt;</code><br /> next</p>',
        '<ul>\n<li>x</li>\n<li>y</li>\n</ul>',
        '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>',
        '<blockquote>\n<p>quoted</p>\n</blockquote>',
        '<pre><code>indented\tcode\n</code></pre>',
        '<hr />',
        '<p>End.</p>',
      ].join('\n'),
    );
    expect(article!.paragraphs).toEqual(['One', 'a b c<d> next', 'x', 'y', 'three', 'four', 'quoted', 'indented code', 'End.']);
    // The description is the first paragraph, not the heading.
    expect(article!.description).toBe('a b c<d> next');
  });

  it('keeps a fenced block language as a class, and drops an odd one', () => {
    expect(body('```ts\nlet a = 1;\n```\n').article!.bodyHtml).toBe('<pre><code class="language-ts">let a = 1;\n</code></pre>');
    expect(body('```ts"onclick=x\nlet a = 1;\n```\n').article!.bodyHtml).toBe('<pre><code>let a = 1;\n</code></pre>');
  });

  it('normalises tabs, soft line breaks and runs of spaces like wire copy, and CRLF/BOM; keeps no-break and ideographic spaces (docs/text.md)', () => {
    const { article } = read(`\uFEFF${withBody('One\u00A0two&nbsp;three\u3000four\tfive\u00A0\nsix  seven.\n').replace(/\n/g, '\r\n')}`);
    expect(article!.bodyHtml).toBe('<p>One\u00A0two\u00A0three\u3000four five six seven.</p>');
    expect(article!.paragraphs).toEqual(['One\u00A0two\u00A0three\u3000four five six seven.']);
  });

  it('keeps typographic quotes, French no-break spaces, CJK, bidi marks, combining marks and emoji as written in headings, paragraphs, cells and front matter', () => {
    const text = 'Caf\u0065\u0301 \u00AB\u00A0oui\u00A0\u00BB\u202F! \u6771\u4EAC\u3000\u5927\u962A \u0645\u0631\u062D\u0628\u0627\u200F \u05E9\u05DC\u05D5\u05DD \u2066x\u2069 \u{1F469}\u200D\u{1F4BB} \u{1F44D}\u{1F3FD} \u201Cq\u201D';
    const headline = 'Today\u2019s\u3000headline \u00AB\u00A0bonjour\u00A0\u00BB';
    const source = `---\nheadline: "${headline}"\ndate: 2024-09-04 21:03\nsection: World\ncorrection: "It said\u00A0X\u202F!"\n---\n## ${text}\n\n${text}\n\n| ${text} | b |\n|---|---|\n| c | d |\n`;
    const { article, diagnostics } = read(source);
    expect(diagnostics).toEqual([]);
    expect(article!.headline).toBe(headline);
    expect(article!.correction).toBe('It said\u00A0X\u202F!');
    expect(article!.paragraphs.slice(0, 2)).toEqual([text, text]);
    expect(article!.bodyHtml).toContain(`<h2>${text}</h2>`);
    expect(article!.bodyHtml).toContain(`<th>${text}</th>`);
  });

  it('a line of Unicode spaces is blank (a paragraph break), as in wire copy; white space at the ends of a line is layout', () => {
    const { article } = body('One\u00A0\n\u00A0\u3000\n\u3000Two\u00A0two\u3000\n');
    expect(article!.paragraphs).toEqual(['One', 'Two\u00A0two']);
  });

  it('front matter: a section name is a label, so any white space in it is one space', () => {
    expect(read(`---\nheadline: H\ndate: 2024-09-04 21:03\nsection: "Hong\u00A0Kong\u00A0/\u3000Society"\n---\nBody.\n`).article!.sections).toEqual(['Hong Kong', 'Society']);
    expect(read(`---\nheadline: H\ndate: 2024-09-04 21:03\nsection: ["Hong\u00A0 Kong"]\n---\nBody.\n`).article!.sections).toEqual(['Hong Kong']);
  });

  it('front matter: no-break spaces as YAML indentation or after a key are layout, and values keep theirs', () => {
    const { article, diagnostics } = read(`---\nheadline:\u00A0"A\u00A0B"\ndate: 2024-09-04 21:03\nsection: World\nauthors:\n\u00A0\u00A0-\u00A0Jean\u00A0Dupont\n---\nBody.\n`);
    expect(diagnostics).toEqual([]);
    expect(article!.headline).toBe('A\u00A0B');
    expect(article!.authors).toEqual([{ name: 'Jean\u00A0Dupont' }]);
  });

  it('escapes text like wire copy, so HTML-looking text stays text', () => {
    const { article } = body('Tom &amp; Jerry: 1 \\< 2, x > y, "q" and \'s\' ]]> &#38; &copy; \\<b>.\n');
    expect(article!.bodyHtml).toBe('<p>Tom &amp; Jerry: 1 &lt; 2, x &gt; y, &quot;q&quot; and &#39;s&#39; ]]&gt; &amp; © &lt;b&gt;.</p>');
    expect(article!.paragraphs).toEqual(['Tom & Jerry: 1 < 2, x > y, "q" and \'s\' ]]> & © <b>.']);
  });

  it('resolves relative links and images against the canonical URL', () => {
    const { article, diagnostics } = body('[a](other.shtml) [b](/x?q=1&r=2#f) [c](//cdn.example.com/c) [d](#top) ![e](img/e.png "T")\n');
    expect(diagnostics).toEqual([]);
    expect(article!.bodyHtml).toBe(
      '<p><a href="https://www.globaltimes.cn/page/202409/other.shtml">a</a> <a href="https://www.globaltimes.cn/x?q=1&amp;r=2#f">b</a> <a href="https://cdn.example.com/c">c</a> <a href="https://www.globaltimes.cn/page/202409/story.shtml#top">d</a> <img src="https://www.globaltimes.cn/page/202409/img/e.png" alt="e" title="T" /></p>',
    );
  });

  it('resolves against a front-matter url when given', () => {
    expect(read(withBody('[a](b)\n', 'url: https://example.com/news/story/\n')).article!.bodyHtml).toBe('<p><a href="https://example.com/news/story/b">a</a></p>');
  });

  it.each([
    ['javascript: link', '[x](javascript:alert(1))', 'unsafe-url', '<p>x</p>'],
    ['upper-case script link', '[x](JavaScript:alert(1))', 'unsafe-url', '<p>x</p>'],
    ['script link written with a character reference', '[x](&#106;avascript:alert(1))', 'unsafe-url', '<p>x</p>'],
    ['script link behind spaces (percent-encoded by Markdown)', '[x](<  javascript:alert(1)>)', 'unsafe-url', '<p>x</p>'],
    ['script link written with percent-escapes', '[x](%6Aavascript:alert(1))', 'unsafe-url', '<p>x</p>'],
    ['vbscript: autolink', '<vbscript:msgbox(1)>', 'unsafe-url', '<p>vbscript:msgbox(1)</p>'],
    ['data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)', 'unsafe-url', '<p>a</p>'],
    ['mailto: link', '[mail](mailto:a@example.com)', 'unsupported-url', '<p>mail</p>'],
    ['ftp: image', '![x](ftp://example.com/a.png)', 'unsupported-url', '<p>a</p>'],
    ['empty link', '[x]()', 'unsupported-url', '<p>x</p>'],
    ['unparsable URL', '[x](http://[bad)', 'unsupported-url', '<p>x</p>'],
  ])('removes a %s with a warning at the body line', (_name, markdown, ruleId, html) => {
    const source = markdown.startsWith('!') ? `a ${markdown}` : markdown;
    const { article, diagnostics } = body(`First.\n\n${source}\n`);
    expect(article!.bodyHtml).toBe(`<p>First.</p>\n${html}`);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', source: 'read:markdown', ruleId, line: 7, column: 1 })]);
  });

  it.each([
    ['script block', '<script>alert(1)</script>', '<p>Before.</p>\n<p>After.</p>'],
    ['iframe', '<iframe src="https://evil.example/"></iframe>', '<p>Before.</p>\n<p>After.</p>'],
    ['style block', '<style>body { display: none }</style>', '<p>Before.</p>\n<p>After.</p>'],
    ['object and embed', '<object data="x.swf"><embed src="x.swf"></object>', '<p>Before.</p>\n<p>After.</p>'],
    ['form', '<form action="https://evil.example/"><input name="p"></form>', '<p>Before.</p>\n<p>After.</p>'],
    ['inline tag with an event handler', 'A <img src=x onerror="alert(1)"> b <span onclick="x()">c</span>.', '<p>Before.</p>\n<p>A b c.</p>\n<p>After.</p>'],
    ['div block, content and all', '<div class="box">\nHidden *text*\n</div>', '<p>Before.</p>\n<p>After.</p>'],
  ])('drops raw HTML (%s) with one warning at its body line', (_name, raw, html) => {
    const { article, diagnostics } = body(`Before.\n\n${raw}\n\nAfter.\n`);
    expect(article!.bodyHtml).toBe(html);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', ruleId: 'raw-html', line: 7 })]);
    expect(diagnostics[0]!.message).toContain('Write it in Markdown');
  });

  it('drops HTML comments without a warning', () => {
    const { article, diagnostics } = body('Before.\n\n<!-- editor: check the figure -->\n\nAfter.\n');
    expect(article!.bodyHtml).toBe('<p>Before.</p>\n<p>After.</p>');
    expect(diagnostics).toEqual([]);
  });

  it('gives one warning per rule, with every line', () => {
    const { diagnostics } = body('<b>a</b>\n\n[x](javascript:1)\n\n<i>b</i> [y](data:,x)\n');
    expect(diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['raw-html', 5],
      ['unsafe-url', 7],
    ]);
    expect(diagnostics[0]!.message).toContain('(4 times, lines 5, 9)');
    expect(diagnostics[1]!.message).toContain('(2 times, lines 7, 9)');
  });

  it('writes XHTML that strict XML parsers accept: void elements closed, attributes escaped, XML entities only', () => {
    const { article } = body('A  \nb ![x < y & "z"](a.png \'t > "u"\') [l](https://e.example/?a=1&b=<2> "t<i>")\n\n---\n\n&nbsp;&copy;&eacute; ]]>\n');
    const html = article!.bodyHtml;
    expect(html).toContain('<br />');
    expect(html).toContain('<hr />');
    expect(html).toContain('alt="x &lt; y &amp; &quot;z&quot;" title="t &gt; &quot;u&quot;" />');
    expect(html).toContain('href="https://e.example/?a=1&amp;b=%3C2%3E" title="t&lt;i&gt;"');
    expect(html).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
    expect(() => parseAsXhtml(html)).not.toThrow();
  });

  it('is an error when the body has no text', () => {
    const empty = read('---\nheadline: H\ndate: 2024-09-04 21:03\n---\n');
    expect(empty.diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'missing-body', line: 4 })]);
    const onlyImage = read('---\nheadline: H\ndate: 2024-09-04 21:03\n---\n\n![x](https://example.com/a.png)\n\n---\n');
    expect(onlyImage.diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'missing-body', line: 6 })]);
    expect(read('---\nheadline: H\ndate: 2024-09-04 21:03\n---\n<div>only raw HTML</div>\n').diagnostics.map((d) => d.ruleId)).toEqual(['raw-html', 'missing-body']);
  });

  it('readSource reads .md (any case) with readMarkdown', () => {
    expect(readSource({ path: 'input/articles/a/story.MD', bytes: encode(MINIMAL) }, site)?.article?.source).toBe('input/articles/a/story.MD');
  });
});

describe('readMarkdown body: GitHub Flavored Markdown', () => {
  const body = (markdown: string) => read(withBody(markdown));

  it('renders a table as plain table elements, alignment as text-align, and each body row as its cells labelled with their headers', () => {
    const { article, diagnostics } = body('Intro.\n\n| Port | TEU | Note |\n|:-----|----:|:----:|\n| Shanghai | 47.3 m | [stats](/s?a=1&b=2) |\n| Ningbo \\| Zhoushan | 35.3 m |\n\nDone.\n');
    expect(diagnostics).toEqual([]);
    expect(article!.bodyHtml).toBe(
      [
        '<p>Intro.</p>',
        '<table>\n<thead>\n<tr>\n<th style="text-align:left">Port</th>\n<th style="text-align:right">TEU</th>\n<th style="text-align:center">Note</th>\n</tr>\n</thead>',
        '<tbody>\n<tr>\n<td style="text-align:left">Shanghai</td>\n<td style="text-align:right">47.3 m</td>\n<td style="text-align:center"><a href="https://www.globaltimes.cn/s?a=1&amp;b=2">stats</a></td>\n</tr>',
        '<tr>\n<td style="text-align:left">Ningbo | Zhoushan</td>\n<td style="text-align:right">35.3 m</td>\n<td style="text-align:center"></td>\n</tr>\n</tbody>\n</table>',
        '<p>Done.</p>',
      ].join('\n'),
    );
    // A row per entry, each cell with its header, empty cells left out; no pipes from the syntax (the escaped one is text).
    expect(article!.paragraphs).toEqual(['Intro.', 'Port: Shanghai; TEU: 47.3 m; Note: stats', 'Port: Ningbo | Zhoushan; TEU: 35.3 m', 'Done.']);
    expect(article!.description).toBe('Intro.');
    parseAsXhtml(article!.bodyHtml);
  });

  it('reads a table in plain text without tabs or pipes: empty headers, a header-only table, a label ending in a colon', () => {
    const text = (markdown: string) => body(markdown).article!.paragraphs;
    expect(text('| | 2023 | 2024 |\n|---|---|---|\n| Shanghai | 47.3 | 49.0 |\n|  |  |  |\n')).toEqual(['Shanghai; 2023: 47.3; 2024: 49.0']);
    expect(text('| Method | Share |\n|---|---|\n\nAfter.\n')).toEqual(['Method; Share', 'After.']);
    expect(text('| Note: | 港口： |\n|---|---|\n| a | 上海 |\n')).toEqual(['Note: a; 港口： 上海']);
    for (const paragraph of text('| a \\| b | *c* `d` |\n|:-:|--:|\n| [e](https://e.example/) | ~~f~~ g<br>h |\n')) {
      expect(paragraph).not.toMatch(/\t|\[\^|~~|`|\*/);
    }
  });

  it('describes a story by its first prose paragraph: never a table row or a note, and without footnote references', () => {
    const described = (markdown: string) => body(markdown).article!.description;
    expect(described('| Method | Share |\n|---|---|\n| Cash | 60% |\n\nPayments rose 12%[^1] last year.\n\n[^1]: Central bank.\n')).toBe('Payments rose 12% last year.');
    // The paragraph of prose wins over a heading before it; a heading over a table; a row only when there is nothing else.
    expect(described('# Figures\n\n| a |\n|---|\n| 1 |\n\nProse.\n')).toBe('Prose.');
    expect(described('| a |\n|---|\n| 1[^n] |\n\n## Figures\n\n[^n]: Note.\n')).toBe('Figures');
    expect(described('| Method | Share |\n|---|---|\n| Cash[^n] | 60% |\n\n[^n]: A note paragraph.\n')).toBe('Method: Cash; Share: 60%');
    // articleBody keeps the references and the notes; only the description leaves them out.
    expect(body('Rose 12%[^1].\n\n[^1]: Note.\n').article!.paragraphs).toEqual(['Rose 12%¹.', '¹ Note.']);
    // A paragraph that is only a reference gives no empty description.
    expect(described('[^1]\n\n[^1]: Note.\n')).toBe('¹');
  });

  it('renders footnotes without ids or fragment links: the reference as <sup>, the notes in an <ol> after an <hr />', () => {
    const { article, diagnostics } = body(
      'Volumes rose 12%[^1] in a year[^note].\n\nAgain[^1].\n\n[^1]: Port authority figures.\n[^note]: Our *own* count.\n[^unused]: Never cited.\n',
    );
    expect(diagnostics).toEqual([]);
    expect(article!.bodyHtml).toBe(
      '<p>Volumes rose 12%<sup>1</sup> in a year<sup>2</sup>.</p>\n<p>Again<sup>1</sup>.</p>\n<hr />\n<ol>\n<li>Port authority figures.</li>\n<li>Our <em>own</em> count.</li>\n</ol>',
    );
    expect(article!.bodyHtml).not.toMatch(/\sid=|href="#|\[\^/);
    // In plain text the markers are superscript numbers ("12%1" would change the figure), and each note starts with its own.
    expect(article!.paragraphs).toEqual(['Volumes rose 12%¹ in a year².', 'Again¹.', '¹ Port authority figures.', '² Our own count.']);
  });

  it('keeps a note of several paragraphs whole', () => {
    const { article } = body('A[^1].\n\n[^1]: First paragraph,\n    continued.\n\n    Second paragraph.\n');
    expect(article!.bodyHtml).toBe('<p>A<sup>1</sup>.</p>\n<hr />\n<ol>\n<li>\n<p>First paragraph, continued.</p>\n<p>Second paragraph.</p>\n</li>\n</ol>');
    expect(article!.paragraphs).toEqual(['A¹.', '¹ First paragraph, continued.', 'Second paragraph.']);
  });

  it('renders strikethrough as <del>, left out of the plain text, and a single tilde as text', () => {
    const { article } = body('The minister ~~resigned~~ was dismissed, ~single~ tilde.\n');
    expect(article!.bodyHtml).toBe('<p>The minister <del>resigned</del> was dismissed, ~single~ tilde.</p>');
    expect(article!.paragraphs).toEqual(['The minister was dismissed, ~single~ tilde.']);
  });

  it('links bare http(s) and www. URLs, and nothing else', () => {
    const { article, diagnostics } = body('See https://example.com/a?b=1&c=2. Or www.example.org, not example.com, a@b.com, mailto:a@b.com, ftp://x.y/ or http://e.1.\n');
    expect(diagnostics).toEqual([]);
    expect(article!.bodyHtml).toBe(
      '<p>See <a href="https://example.com/a?b=1&amp;c=2">https://example.com/a?b=1&amp;c=2</a>. Or <a href="http://www.example.org/">www.example.org</a>, not example.com, a@b.com, mailto:a@b.com, ftp://x.y/ or http://e.1.</p>',
    );
    // The link text is the URL as written (not decoded).
    expect(body('At https://example.com/%C3%BC and <https://example.com/%C3%BC>.\n').article!.paragraphs).toEqual(['At https://example.com/%C3%BC and https://example.com/%C3%BC.']);
  });

  it.each([
    ['a javascript: link in a table cell', '| a |\n|---|\n| [x](javascript:alert(1)) |\n', 'unsafe-url', 7, '<td>x</td>'],
    ['raw HTML in a table cell', '| a |\n|---|\n| <b onclick="x()">b</b> c |\n', 'raw-html', 7, '<td>b c</td>'],
    ['raw HTML in a footnote', 'A[^1].\n\n[^1]: Note <img src=x onerror=alert(1)> here.\n', 'raw-html', 7, '<li>Note here.</li>'],
    ['a script link in a footnote', 'A[^1].\n\n[^1]: See [this](javascript:alert(1)).\n', 'unsafe-url', 7, '<li>See this.</li>'],
    ['a script URL written as a bare URL', 'Go javascript:alert(1) now.\n', undefined, 0, '<p>Go javascript:alert(1) now.</p>'],
  ])('removes %s, reported at its line', (_name, markdown, ruleId, line, html) => {
    const { article, diagnostics } = body(markdown);
    expect(article!.bodyHtml).toContain(html);
    expect(article!.bodyHtml).not.toMatch(/onclick|onerror|javascript:(?!alert\(1\) now)|<b|<img|<script/);
    expect(diagnostics).toEqual(ruleId === undefined ? [] : [expect.objectContaining({ severity: 'warning', ruleId, line })]);
    parseAsXhtml(article!.bodyHtml);
  });
});

describe('readMarkdown body: lines and limits', () => {
  const body = (markdown: string) => read(withBody(markdown));

  it('reports a link, image or tag at its own line inside a paragraph of several lines', () => {
    const { diagnostics } = body('First.\n\nOne\ntwo [x](javascript:1) `code\nspan`\nthree <b>\nfour ![i](data:x) and\n[y](\nmailto:a@b.c)\n');
    expect(diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['raw-html', 10],
      ['unsafe-url', 8],
      ['unsupported-url', 12],
    ]);
    expect(diagnostics[1]!.message).toContain('(2 times, lines 8, 11)');
  });

  it('reports processing instructions and CDATA after an unclosed comment (markdown-it would read them as text)', () => {
    const { article, diagnostics } = body('a <!-- b <?php x ?> <![CDATA[y]]> c\n');
    expect(article!.bodyHtml).toBe('<p>a &lt;!-- b c</p>');
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'raw-html', line: 5 })]);
    expect(diagnostics[0]!.message).toContain('"<?php x ?>" (2 times, line 5)');
    expect(body('[<!----><!-- x\n').article!.bodyHtml).toBe('<p>[&lt;!-- x</p>');
  });

  it('reads deeply nested Markdown without throwing', () => {
    for (const markdown of ['>'.repeat(5000) + ' deep\n\nafter\n', `${'*'.repeat(20_000)}x${'*'.repeat(20_000)}\n\nafter\n`, `${'['.repeat(5000)}a${'](b)'.repeat(5000)}\n\nafter\n`]) {
      const { article, diagnostics } = body(markdown);
      expect(diagnostics).toEqual([]);
      expect(article!.paragraphs.at(-1)).toBe('after');
    }
    // Past markdown-it's 1,000 levels of blocks the rest of the list is dropped (remark overflowed the stack).
    expect(() => body(`${'- '.repeat(5000)}y\n\nafter\n`)).not.toThrow();
  });
});

describe('readMarkdown body: any input', () => {
  /** What bodyHtml may contain (src/read/markdown/allowlist.ts), written out again here. */
  const ALLOWED: Record<string, readonly string[]> = {
    ...Object.fromEntries(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'li', 'pre', 'em', 'strong', 'br', 'hr', 'table', 'thead', 'tbody', 'tr', 'del', 'sup'].map((name) => [name, []])),
    th: ['style'],
    td: ['style'],
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    code: ['class'],
  };
  /** Pieces of Markdown, GFM and hostile HTML, so that random bodies reach every construct. */
  const PIECES = [
    '\n', '\n\n', ' ', '  \n', '\t', '    ', '> ', '- ', '* ', '1. ', '3) ', '# ', '## ', '---', '***', '```', '```js', '~~~', '`', '*', '**', '_', '~~', '\\',
    '[', ']', '(', ')', '![', '](', '<', '>', '"', "'", '&amp;', '&#106;', '&nbsp;', '|', ' | ', '|---|', '\n|:-|-:|\n', '[^1]', '[^1]: ', '^[x]',
    'word', 'Zölle 关税', '\u202E', '\u00A0', '\u2028', 'https://example.com/a?b=1&c=2', 'www.example.org', 'example.com', 'a@b.c',
    '[l](javascript:alert(1))', '[l](  javascript:x)', '<javascript:alert(1)>', '![i](data:image/svg+xml,<svg onload=alert(1)>)', '[l](/rel "t")', '[r]: /u "T"\n', '[r]',
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:x">', '</a>', '<div onclick="x">', '</div>', '<!-- c -->', '<!--', '<?php ?>', '<![CDATA[x]]>',
    '<svg onload=alert(1)>', '<style>x</style>', '<iframe src=x>', '<b>', '</b>', '<span style="x">', 'style="color:red"', 'onerror=x', ' id="x" ', '<input>', '<details>',
  ];
  const markdown = fc.oneof(
    fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((pieces) => pieces.join('')),
    fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 30 }).map((pieces) => pieces.join('')),
  );

  it('never throws, and never yields an element, attribute or URL outside the allow-list, nor HTML that is not XHTML', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const { article } = read(withBody(text));
        if (article === undefined) return;
        const html = article.bodyHtml;
        // Text is escaped, so every `<` starts a tag, and no attribute value holds `<` or `>`.
        for (const tag of html.matchAll(/<(\/?)([^\s/>]*)([^>]*)>/g)) {
          const [, , name, rest] = tag as unknown as [string, string, string, string];
          expect(Object.keys(ALLOWED), html).toContain(name);
          for (const [, attribute, value] of rest.matchAll(/\s([^\s=]+)="([^"]*)"/g)) {
            expect(ALLOWED[name], `${name} ${attribute} in ${html}`).toContain(attribute);
            if (attribute === 'href' || attribute === 'src') expect(value).toMatch(/^https?:\/\//);
            if (attribute === 'class') expect(value).toMatch(/^language-[\w+#.-]+$/);
            if (attribute === 'style') expect(value).toMatch(/^text-align:(?:left|center|right)$/);
          }
          expect(rest.replace(/\s([^\s=]+)="([^"]*)"/g, ''), html).toMatch(/^\s*\/?$/);
        }
        expect(html).not.toMatch(/<(?![a-z/])/);
        parseAsXhtml(html);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('Markdown articles in a build', () => {
  const NOW = '2024-09-05T00:00:00Z';
  const WIRE = 'WORLD\nA headline\nPublished: Sep 04, 2024 09:03 PM\n\nBody paragraph.\n';
  const image = 'image: { url: "https://www.globaltimes.cn/photo/a.jpg", width: 1200, height: 675, caption: A photo., credit: Li Hao/GT }\n';

  it('passes every validator: only the reader warns about what it removed', () => {
    const markdown = withBody(
      '## Sub\n\nText with *em*, `code`, [link](rel/page) and ![pic](p.png "T").\n\n```js\nif (a < b && c) {}\n```\n\n1. one\n2. two\n\n> q\n\n<script>x</script>\n',
      `${image}authors: [{ name: A, url: "https://www.globaltimes.cn/a" }]\nsection: [World]\n`,
    );
    const result = build([{ path: 'input/articles/deep/er/story.md', bytes: encode(markdown) }], site, { now: NOW });
    expect(result.diagnostics.map((d) => `${d.source}/${d.ruleId}`)).toEqual(['read:markdown/raw-html']);
    expect(result.articles.map((a) => a.id)).toEqual(['story']);
  });

  it('reports an id used by a .txt and a .md as a duplicate on both files, each naming the other', () => {
    const result = build(
      [
        { path: 'input/articles/world/story.txt', bytes: encode(WIRE) },
        { path: 'input/articles/opinion/2024/story.md', bytes: encode(MINIMAL) },
      ],
      site,
      { now: NOW },
    );
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ ruleId: 'duplicate-id', file: 'input/articles/opinion/2024/story.md', message: expect.stringContaining('input/articles/world/story.txt') }),
      expect.objectContaining({ ruleId: 'duplicate-id', file: 'input/articles/world/story.txt', message: expect.stringContaining('input/articles/opinion/2024/story.md') }),
    ]);
  });

  it('names .txt and .md when ignoring another file', () => {
    const result = build(
      [
        { path: 'input/articles/story.md', bytes: encode(MINIMAL) },
        { path: 'input/articles/notes.markdown', bytes: encode(MINIMAL) },
      ],
      site,
      { now: NOW },
    );
    const ignored = result.diagnostics.find((d) => d.ruleId === 'unsupported-file');
    expect(ignored).toMatchObject({ severity: 'warning', file: 'input/articles/notes.markdown' });
    expect(ignored!.message).toContain('.txt wire copy, .md Markdown');
  });
});

describe('readMarkdown bylines', () => {
  it('takes a first paragraph that is a byline out of the body, with the same HTML as without it', () => {
    const plain = read(withBody('Ports never sleep.\n\n## Numbers\n\nVolumes rose.\n')).article!;
    for (const byline of ['By Zhang Wei and Li Na in Beijing', '**By Zhang Wei and Li Na in Beijing**', 'By Zhang Wei\nand Li Na in Beijing']) {
      const { article, diagnostics } = read(withBody(`${byline}\n\nPorts never sleep.\n\n## Numbers\n\nVolumes rose.\n`));
      expect(diagnostics).toEqual([]);
      expect(article!.authors).toEqual([{ name: 'Zhang Wei' }, { name: 'Li Na' }]);
      expect(article!.dateline).toBe('Beijing');
      expect(article!.bodyHtml).toBe(plain.bodyHtml);
      expect(article!.paragraphs).toEqual(plain.paragraphs);
      expect(article!.description).toBe('Ports never sleep.');
    }
  });

  it('keeps the link written on a name as that author\'s profile URL', () => {
    const { article, diagnostics } = read(withBody('By [Zhang Wei](https://example.com/a?x=1&y=2), [Li Na](/authors/li-na) and Wang Fang\n\nBody.\n'));
    expect(diagnostics).toEqual([]);
    expect(article!.authors).toEqual([
      { name: 'Zhang Wei', url: 'https://example.com/a?x=1&y=2' },
      { name: 'Li Na', url: 'https://www.globaltimes.cn/authors/li-na' },
      { name: 'Wang Fang' },
    ]);
    expect(article!.bodyHtml).toBe('<p>Body.</p>');
    // A link on something other than a whole name is no profile.
    expect(read(withBody('By Zhang [Wei](https://example.com/w)\n\nBody.\n')).article!.authors).toEqual([{ name: 'Zhang Wei' }]);
  });

  it('keeps a sentence that starts with "By", and a byline that is not the first block, as body text', () => {
    const lede = read(withBody('By the end of 2025, Bank Rate could stand at 3.75%.\n\nSecond.\n')).article!;
    expect(lede.authors).toEqual([]);
    expect(lede.paragraphs).toEqual(['By the end of 2025, Bank Rate could stand at 3.75%.', 'Second.']);
    const later = read(withBody('# Title\n\nBy Zhang Wei\n\nBody.\n')).article!;
    expect(later.authors).toEqual([]);
    expect(later.paragraphs).toEqual(['Title', 'By Zhang Wei', 'Body.']);
  });

  it('never takes a paragraph with an image (the image would go with it)', () => {
    const { article } = read(withBody('By Zhang Wei ![Zhang Wei](https://example.com/zw.jpg)\n\nBody.\n'));
    expect(article!.authors).toEqual([]);
    expect(article!.bodyHtml).toContain('<img');
  });

  it('leaves the byline paragraph in the body when front matter has authors, and front matter dateline wins', () => {
    const { article } = read(withBody('By Zhang Wei in Beijing\n\nBody.\n', 'authors: [Wang Fang]\n'));
    expect(article!.authors).toEqual([{ name: 'Wang Fang' }]);
    expect(article!.dateline).toBeUndefined();
    expect(article!.paragraphs).toEqual(['By Zhang Wei in Beijing', 'Body.']);
    const dated = read(withBody('By Zhang Wei in Beijing\n\nBody.\n', 'dateline: SHANGHAI\n')).article!;
    expect(dated.authors).toEqual([{ name: 'Zhang Wei' }]);
    expect(dated.dateline).toBe('SHANGHAI');
  });

  it('keeps each author once with a duplicate-author warning at the byline line; a byline alone is no body', () => {
    const twice = read(withBody('\nBy Li Hao and Li Hao\n\nBody.\n'));
    expect(twice.article!.authors).toEqual([{ name: 'Li Hao' }]);
    expect(twice.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', ruleId: 'duplicate-author', line: 6 })]);
    expect(read(withBody('By Li Hao\n')).diagnostics).toEqual([expect.objectContaining({ ruleId: 'missing-body' })]);
  });
});
