import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWire } from '../../src/read/wire.ts';
import { makeSite } from '../helpers/fixtures.ts';

const SAMPLE_PATH = 'input/articles/cyberspace-governance.txt';
const sample = readFileSync(new URL('../../input/articles/cyberspace-governance.txt', import.meta.url));
const site = makeSite();

function read(text: string | Uint8Array, path = 'input/articles/story.txt', config = site) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return readWire({ path, bytes }, config);
}

const MINIMAL = 'WORLD\nA headline\nPublished: Sep 04, 2024 09:03 PM\n\nFirst paragraph.\n\nSecond paragraph.\n';

describe('readWire on the sample article', () => {
  const { article, diagnostics } = read(sample, SAMPLE_PATH);

  it('reads every field exactly', () => {
    expect(article).toBeDefined();
    expect(article!.id).toBe('cyberspace-governance');
    expect(article!.guid).toBe('tag:globaltimes.cn,2024:article:cyberspace-governance');
    expect(article!.source).toBe(SAMPLE_PATH);
    expect(article!.url).toBe('https://www.globaltimes.cn/page/202409/cyberspace-governance.shtml');
    expect(article!.sections).toEqual(['China', 'Society']);
    expect(article!.headline).toBe(
      'China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars',
    );
    expect(article!.datePublished).toBe('2024-09-04T21:03:00+08:00');
    expect(article!.dateModified).toBeUndefined();
    expect(article!.authors).toEqual([]);
    expect(article!.dateline).toBeUndefined();
    expect(article!.keywords).toEqual([]);
    expect(article!.language).toBe('en');
  });

  it('collapses the duplicated photo caption into one photo credited Liu Caiyu/GT, without URL', () => {
    expect(article!.images).toEqual([
      {
        caption:
          "Scholars from China, South Korea, the UK, and Australia discuss how China's proposal to build a community of shared future in cyberspace has contributed to global cyberspace governance at a seminar themed around Advancing the Building of a Community With a Shared Future in Cyberspace to a New Stage.",
        credit: 'Liu Caiyu/GT',
      },
    ]);
  });

  it('has 14 body paragraphs with NBSP and trailing blanks normalised', () => {
    const paragraphs = article!.paragraphs;
    expect(paragraphs).toHaveLength(14);
    expect(paragraphs[0]).toMatch(/^China is actively taking responsibility/);
    expect(paragraphs[13]).toMatch(/^He noted that the modern audience .* millions of young people worldwide\.$/);
    for (const p of paragraphs) {
      expect(p).not.toMatch(/\u00A0|^\s|\s$| {2}/);
    }
    expect(paragraphs[6]).toContain('division? …I believed');
    expect(article!.description).toBe(paragraphs[0]);
  });

  it('warns, with the line, that the photo has no URL, and reports nothing else', () => {
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', ruleId: 'photo-without-url', file: SAMPLE_PATH, line: 5, column: 1 }),
    ]);
    expect(diagnostics[0]!.message).toContain('Liu Caiyu/GT');
    expect(diagnostics[0]!.message).toContain('image: { url: … }');
  });

  it('reads the same article whatever the machine time zone', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      expect(read(sample, SAMPLE_PATH).article).toEqual(article);
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('readWire on variants', () => {
  it('normalises BOM, CRLF and whitespace-only lines, and keeps a no-break space inside the text', () => {
    const text = '\uFEFFWORLD\r\nA headline\r\nPublished: Sep 04, 2024 09:03 PM\r\n \u00A0 \r\nFirst\u00A0paragraph.  \r\n\t\r\nSecond paragraph.\r\n';
    const { article, diagnostics } = read(text);
    expect(diagnostics).toEqual([]);
    expect(article!.sections).toEqual(['World']);
    expect(article!.headline).toBe('A headline');
    expect(article!.paragraphs).toEqual(['First\u00A0paragraph.', 'Second paragraph.']);
  });

  describe('text as written (docs/text.md)', () => {
    const headline = 'Today\u2019s\u3000headline \u00AB\u00A0bonjour\u00A0\u00BB \u2014 prix\u202F: 5\u2009% \u201Cquoted\u201D';
    const body = 'Caf\u0065\u0301 \u00AB\u00A0oui\u00A0\u00BB\u202F! \u6771\u4EAC\u3000\u5927\u962A \u0645\u0631\u062D\u0628\u0627\u200F \u05E9\u05DC\u05D5\u05DD \u2066isolate\u2069 \u061C \u{1F469}\u200D\u{1F4BB} \u{1F44D}\u{1F3FD}';

    it('keeps no-break, narrow no-break, thin and ideographic spaces, bidi marks, combining marks and ZWJ inside a headline and a paragraph', () => {
      const { article, diagnostics } = read(`WORLD\n${headline}\nPublished: Sep 04, 2024 09:03 PM\n\n${body}\n`);
      expect(diagnostics).toEqual([]);
      expect(article!.headline).toBe(headline);
      expect(article!.paragraphs).toEqual([body]);
      expect(article!.description).toBe(body);
    });

    it('reads section names and dates, which are labels and syntax, with any white space as one space', () => {
      const { article, diagnostics } = read(`HONG\u00A0KONG\u00A0/\u3000SOCIETY\nA headline\nPublished: Sep\u00A004, 2024  09:03\u00A0PM\n\nBody.\n`);
      expect(diagnostics).toEqual([]);
      expect(article!.sections).toEqual(['Hong Kong', 'Society']);
      expect(article!.datePublished).toBe(read('A headline\nPublished: Sep 04, 2024 09:03 PM\n\nBody.\n').article!.datePublished);
    });

    it('still treats line breaks, runs of ASCII spaces and tabs, and white space at the ends of a line as layout', () => {
      const { article } = read(`A\u00A0headline \u3000\nPublished: Sep 04, 2024 09:03 PM\n\n\u3000First  line\tends\u00A0\n   second\u00A0line\u00A0\u00A0here.\u00A0\n\u3000\u00A0\nNext.\n`);
      expect(article!.headline).toBe('A\u00A0headline');
      expect(article!.paragraphs).toEqual(['First line ends second\u00A0line\u00A0\u00A0here.', 'Next.']);
    });
  });

  it('fills bodyHtml with one escaped <p> per paragraph, the HTML every output carried before Markdown', () => {
    const { article } = read('Headline\nPublished: Sep 04, 2024 09:03 PM\n\nA <b>tag</b> & "quotes" it\'s > 1.\n\nSecond.\n');
    expect(article!.paragraphs).toEqual(['A <b>tag</b> & "quotes" it\'s > 1.', 'Second.']);
    expect(article!.bodyHtml).toBe('<p>A &lt;b&gt;tag&lt;/b&gt; &amp; &quot;quotes&quot; it&#39;s &gt; 1.</p>\n<p>Second.</p>');
  });

  it('reads Updated and By lines, splitting several authors', () => {
    const text = 'CHINA / SCI-TECH\nHeadline\nPublished: Sep 04, 2024 09:03 PM\nUpdated: Sep 05, 2024 08:15 AM\nBy Liu Caiyu, Zhang Han and Li Hao\n\nBody.\n';
    const { article, diagnostics } = read(text);
    expect(diagnostics).toEqual([]);
    expect(article!.sections).toEqual(['China', 'Sci-Tech']);
    expect(article!.dateModified).toBe('2024-09-05T08:15:00+08:00');
    expect(article!.authors).toEqual([{ name: 'Liu Caiyu' }, { name: 'Zhang Han' }, { name: 'Li Hao' }]);
  });

  it('keeps each author once when a byline repeats a name, with a warning', () => {
    const { article, diagnostics } = read('Headline\nPublished: Sep 04, 2024 09:03 PM\nBy Li Hao and Li Hao\n\nBody.\n');
    expect(article!.authors).toEqual([{ name: 'Li Hao' }]);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', ruleId: 'duplicate-author', line: 3 })]);
  });

  it('reads an article without a section line', () => {
    const { article } = read('Just a headline\nPublished: Jan 01, 2025 12:00 AM\n\nBody.\n');
    expect(article!.sections).toEqual([]);
    expect(article!.headline).toBe('Just a headline');
    expect(article!.datePublished).toBe('2025-01-01T00:00:00+08:00');
  });

  it('reads times in the configured zone, not the machine zone', () => {
    const { article } = read(MINIMAL, undefined, makeSite({ timeZone: 'America/New_York' }));
    expect(article!.datePublished).toBe('2024-09-04T21:03:00-04:00');
  });

  it('takes id, URL, image, authors, dateline and keywords from front matter', () => {
    const text = [
      '---',
      'id: custom-id',
      'url: https://example.com/custom',
      'dateline: BEIJING',
      'keywords: [cyberspace, governance]',
      'authors:',
      '  - Liu Caiyu',
      '  - { name: Zhang Han, url: "https://example.com/zh" }',
      'image:',
      '  url: https://example.com/photo.JPG',
      '  width: 1200',
      '  height: 800',
      '---',
      'WORLD',
      'Headline',
      'Published: Sep 04, 2024 09:03 PM',
      '',
      'A caption. Photo: VCG',
      '',
      'Body.',
    ].join('\n');
    const { article, diagnostics } = read(text);
    expect(diagnostics).toEqual([]);
    expect(article).toMatchObject({
      id: 'custom-id',
      guid: 'tag:globaltimes.cn,2024:article:custom-id',
      url: 'https://example.com/custom',
      dateline: 'BEIJING',
      keywords: ['cyberspace', 'governance'],
      authors: [{ name: 'Liu Caiyu' }, { name: 'Zhang Han', url: 'https://example.com/zh' }],
      images: [{ url: 'https://example.com/photo.JPG', width: 1200, height: 800, contentType: 'image/jpeg', caption: 'A caption.', credit: 'VCG' }],
      paragraphs: ['Body.'],
    });
  });

  it('keeps identity when the headline is corrected', () => {
    const a = read(MINIMAL).article!;
    const b = read(MINIMAL.replace('A headline', 'A corrected headline')).article!;
    expect(b.headline).toBe('A corrected headline');
    expect([b.id, b.guid, b.url]).toEqual([a.id, a.guid, a.url]);
  });

  it.each([
    ['missing-headline', 'Published: Sep 04, 2024 09:03 PM\n\nBody.\n', 1],
    ['missing-date', 'WORLD\nHeadline\n\nBody.\n', 2],
    ['impossible-date', 'WORLD\nHeadline\nPublished: Sep 31, 2024 09:03 PM\n\nBody.\n', 3],
    ['unrecognised-date', 'WORLD\nHeadline\nPublished: yesterday\n\nBody.\n', 3],
    ['missing-body', 'WORLD\nHeadline\nPublished: Sep 04, 2024 09:03 PM\n', 3],
    ['empty-file', '', 1],
    ['unclosed-front-matter', '---\nid: x\nWORLD\n', 1],
    ['malformed-front-matter', '---\nid: [unclosed\n---\nHeadline\nPublished: Sep 04, 2024 09:03 PM\n\nBody.\n', 2],
    ['invalid-front-matter', '---\nid: x\nimage: { url: not-a-url }\n---\nHeadline\nPublished: Sep 04, 2024 09:03 PM\n\nBody.\n', 3],
    ['invalid-front-matter', '---\nheadline: nope\n---\nHeadline\nPublished: Sep 04, 2024 09:03 PM\n\nBody.\n', 2],
    ['invalid-front-matter', '---\nurl: https://example.com/a b\n---\nHeadline\nPublished: Sep 04, 2024 09:03 PM\n\nBody.\n', 2],
    ['updated-before-published', 'Headline\nPublished: Sep 04, 2024 09:03 PM\nUpdated: Sep 03, 2024 09:03 PM\n\nBody.\n', 3],
  ])('reports %s at the right line', (ruleId, text, line) => {
    const { article, diagnostics } = read(text);
    expect(article).toBeUndefined();
    const found = diagnostics.find((d) => d.ruleId === ruleId);
    expect(found, JSON.stringify(diagnostics)).toBeDefined();
    expect(found!.severity).toBe('error');
    expect(found!.file).toBe('input/articles/story.txt');
    expect(found!.line).toBe(line);
  });

  it('says how to write a URL that is not in normalised form', () => {
    const { diagnostics } = read('---\nurl: https://Example.com/a b\n---\nHeadline\nPublished: Sep 04, 2024 09:03 PM\n\nBody.\n');
    expect(diagnostics[0]!.message).toContain('write "https://example.com/a%20b"');
  });

  it('refuses invalid UTF-8 and binary files, naming the line', () => {
    const bad = new Uint8Array([...new TextEncoder().encode('Headline\nPublished: x\n'), 0xc3, 0x28, 0x0a]);
    expect(read(bad).diagnostics).toEqual([expect.objectContaining({ ruleId: 'invalid-utf8', line: 3 })]);
    expect(read(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])).diagnostics).toEqual([expect.objectContaining({ ruleId: 'binary-file' })]);
  });

  it('refuses a file name that cannot be an id, and accepts a front-matter id instead', () => {
    expect(read(MINIMAL, 'input/articles/My Story!.txt').diagnostics).toEqual([expect.objectContaining({ ruleId: 'invalid-id' })]);
    expect(read(`---\nid: my-story\n---\n${MINIMAL}`, 'input/articles/My Story!.txt').article?.id).toBe('my-story');
  });

  it('resolves DST gaps and overlaps with a warning that names the offset chosen', () => {
    const ny = makeSite({ timeZone: 'America/New_York' });
    const gap = read('Headline\nPublished: Mar 10, 2024 02:30 AM\n\nBody.\n', undefined, ny);
    expect(gap.article!.datePublished).toBe('2024-03-10T03:30:00-04:00');
    expect(gap.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', ruleId: 'nonexistent-local-time', line: 2 })]);
    const overlap = read('Headline\nPublished: Nov 03, 2024 01:30 AM\n\nBody.\n', undefined, ny);
    expect(overlap.article!.datePublished).toBe('2024-11-03T01:30:00-04:00');
    expect(overlap.diagnostics[0]!.message).toContain('-04:00');
  });

  it('requires a caption for a front-matter image that has no Photo paragraph', () => {
    const { diagnostics } = read(`---\nimage: { url: "https://example.com/a.jpg" }\n---\n${MINIMAL}`);
    expect(diagnostics).toEqual([expect.objectContaining({ ruleId: 'image-without-caption', line: 2 })]);
  });
});

describe('readWire bylines', () => {
  const HEAD = 'UK\nHeadline\nPublished: Sep 04, 2024 09:03 PM\n';

  it('reads a sentence starting "By" after the header as the first paragraph, not as authors (issue 14)', () => {
    const lede = 'By the end of 2025, Bank Rate could stand at 3.75%, according to minutes of the meeting.';
    for (const text of [`${HEAD}\n${lede}\n\nSecond.\n`, `${HEAD}${lede}\n\nSecond.\n`]) {
      const { article, diagnostics } = read(text);
      expect(diagnostics).toEqual([]);
      expect(article!.authors).toEqual([]);
      expect(article!.paragraphs).toEqual([lede, 'Second.']);
      expect(article!.description).toBe(lede);
    }
  });

  it('reads a byline on its own line, after a blank line too, and its place as the dateline', () => {
    for (const text of [`${HEAD}By Zhang Wei, Li Na in Beijing\n\nBody.\n`, `${HEAD}\nBy Zhang Wei, Li Na in Beijing\n\nBody.\n`]) {
      const { article, diagnostics } = read(text);
      expect(diagnostics).toEqual([]);
      expect(article!.authors).toEqual([{ name: 'Zhang Wei' }, { name: 'Li Na' }]);
      expect(article!.dateline).toBe('Beijing');
      expect(article!.paragraphs).toEqual(['Body.']);
    }
  });

  it('reads a byline wrapped over two lines as one paragraph', () => {
    const { article } = read(`${HEAD}By Liu Caiyu, Zhang Han\nand Li Hao\n\nBody.\n`);
    expect(article!.authors).toEqual([{ name: 'Liu Caiyu' }, { name: 'Zhang Han' }, { name: 'Li Hao' }]);
    expect(article!.paragraphs).toEqual(['Body.']);
  });

  it('reads a byline line with the body straight under it, as before; a wrapped sentence stays body', () => {
    const { article } = read(`${HEAD}By Zhang Wei\nBEIJING - The river rose overnight.\n\nSecond.\n`);
    expect(article!.authors).toEqual([{ name: 'Zhang Wei' }]);
    expect(article!.paragraphs).toEqual(['BEIJING - The river rose overnight.', 'Second.']);
    const wrapped = read(`${HEAD}By the end of 2025, Bank Rate could\nstand at 3.75%.\n\nSecond.\n`).article!;
    expect(wrapped.authors).toEqual([]);
    expect(wrapped.paragraphs).toEqual(['By the end of 2025, Bank Rate could stand at 3.75%.', 'Second.']);
  });

  it('starts the body at a "By" paragraph that is no byline, even before an Updated line', () => {
    const { article } = read(`${HEAD}\nBy Tuesday evening, the river had risen.\n\nUpdated: Sep 05, 2024 08:15 AM\n`);
    expect(article!.dateModified).toBeUndefined();
    expect(article!.paragraphs).toEqual(['By Tuesday evening, the river had risen.', 'Updated: Sep 05, 2024 08:15 AM']);
  });

  it('keeps a headline that starts with "By" as the headline', () => {
    const { article } = read('By the numbers: the harbour in 2024\nPublished: Sep 04, 2024 09:03 PM\n\nBody.\n');
    expect(article!.headline).toBe('By the numbers: the harbour in 2024');
  });

  it('lets front matter win: authors and dateline, the byline still leaving the body', () => {
    const front = '---\nauthors: [Wang Fang]\ndateline: SHANGHAI\n---\n';
    const { article } = read(`${front}${HEAD}By Zhang Wei in Beijing\n\nBody.\n`);
    expect(article!.authors).toEqual([{ name: 'Wang Fang' }]);
    expect(article!.dateline).toBe('SHANGHAI');
    expect(article!.paragraphs).toEqual(['Body.']);
    const authorsOnly = read(`---\nauthors: [Wang Fang]\n---\n${HEAD}By Zhang Wei in Beijing\n\nBody.\n`).article!;
    expect(authorsOnly.dateline).toBe('Beijing');
  });

  it('points duplicate-author and missing-body at the byline line', () => {
    const twice = read(`${HEAD}\nBy Li Hao and Li Hao\n\nBody.\n`);
    expect(twice.diagnostics).toEqual([expect.objectContaining({ ruleId: 'duplicate-author', line: 5 })]);
    const bodiless = read(`${HEAD}\n\nBy Li Hao\n`);
    expect(bodiless.diagnostics).toEqual([expect.objectContaining({ ruleId: 'missing-body', line: 6 })]);
  });
});
