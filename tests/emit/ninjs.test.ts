import { describe, expect, it } from 'vitest';
import { emitNinjs, toNinjs } from '../../src/emit/ninjs.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

/** The emitted file for one article, parsed back. */
function emitted(article = makeRichArticle(), site = makeSite()): Record<string, unknown> {
  const [file] = emitNinjs([article], site);
  return JSON.parse(file!.text) as Record<string, unknown>;
}

describe('emitNinjs', () => {
  it('writes one ninjs.json per article with its source, in the order given', () => {
    const files = emitNinjs([makeRichArticle(), makeArticle()], makeSite());
    expect(files.map(({ path, format, sources }) => ({ path, format, sources }))).toEqual([
      { path: 'articles/rich-story/ninjs.json', format: 'ninjs', sources: ['input/articles/rich-story.txt'] },
      { path: 'articles/cyberspace-governance/ninjs.json', format: 'ninjs', sources: ['input/articles/cyberspace-governance.txt'] },
    ]);
    expect(emitNinjs([], makeSite())).toEqual([]);
  });

  it('is toNinjs pretty-printed with two spaces and exactly one final newline', () => {
    const [file] = emitNinjs([makeRichArticle()], makeSite());
    expect(file!.text).toBe(`${JSON.stringify(toNinjs(makeRichArticle(), makeSite()), null, 2)}\n`);
    expect(file!.text.startsWith('{\n  "uri": ')).toBe(true);
    expect(file!.text.endsWith('}\n')).toBe(true);
    expect(file!.text.endsWith('\n\n')).toBe(false);
  });

  it('gives the same bytes for the same input, whatever the machine’s time zone', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const a = emitNinjs([makeRichArticle()], makeSite())[0]!.text;
      process.env.TZ = 'Asia/Kolkata';
      const b = emitNinjs([makeRichArticle()], makeSite())[0]!.text;
      expect(b).toBe(a);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('toNinjs', () => {
  it('writes the rich article’s facts under ninjs 3.1 names, in the schema’s property order', () => {
    const item = emitted();
    expect(Object.keys(item)).toEqual([
      'uri', 'type', 'representationType', 'version', 'firstCreated', 'versionCreated', 'contentCreated', 'pubStatus',
      'copyrightHolder', 'copyrightNotice', 'language', 'descriptions', 'bodies', 'headlines', 'subjects', 'by',
      'slugline', 'located', 'associations', 'altIds', 'standard',
    ]);
    expect(item).toMatchObject({
      uri: 'tag:globaltimes.cn,2024:article:rich-story',
      type: 'text',
      representationType: 'full',
      version: '1',
      firstCreated: '2024-09-05T08:30:00+08:00',
      versionCreated: '2024-09-05T10:15:00+08:00',
      contentCreated: '2024-09-05T08:30:00+08:00',
      pubStatus: 'usable',
      copyrightHolder: 'Global Times',
      copyrightNotice: 'Copyright Global Times. All rights reserved.',
      language: 'en',
      descriptions: [{ role: 'summary', contentType: 'text/plain', value: makeRichArticle().description }],
      headlines: [{ role: 'main', value: 'Tariffs & trade: "<b>" is not a tag — 关税 (Zölle) ☕' }],
      by: 'Liu Caiyu and Zhang Han',
      slugline: 'rich-story',
      located: 'BEIJING',
      altIds: [{ role: 'canonical-url', value: 'https://www.globaltimes.cn/page/202409/rich-story.shtml' }],
      standard: { name: 'ninjs', version: '3.1', schema: 'https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json' },
    });
  });

  it('keeps the publisher’s offset and uses the publication time when the story was never updated', () => {
    expect(emitted(makeArticle())).toMatchObject({
      firstCreated: '2024-09-04T21:03:00+08:00',
      versionCreated: '2024-09-04T21:03:00+08:00',
      contentCreated: '2024-09-04T21:03:00+08:00',
    });
    expect(emitted(makeArticle({ datePublished: '2024-09-04T13:03:00Z' }))).toMatchObject({ firstCreated: '2024-09-04T13:03:00Z' });
  });

  it('carries the body as the same escaped HTML paragraphs as the feeds', () => {
    const item = emitted(makeRichArticle({ paragraphs: ['First <script>alert(1)</script> & more.', 'Second "quoted".'] }));
    expect(item['bodies']).toEqual([
      { role: 'main', contentType: 'text/html', value: '<p>First &lt;script&gt;alert(1)&lt;/script&gt; &amp; more.</p>\n<p>Second &quot;quoted&quot;.</p>' },
    ]);
  });

  it('carries the article HTML of a Markdown body as it is', () => {
    const bodyHtml = '<h2>Sub</h2>\n<p>A <em>b</em> <a href="https://example.com/x">c</a>.</p>\n<ul>\n<li>d</li>\n</ul>';
    expect(emitted(makeRichArticle({ bodyHtml }))['bodies']).toEqual([{ role: 'main', contentType: 'text/html', value: bodyHtml }]);
  });

  it('leaves out what the sample does not know: byline, dateline, keywords, photos with a URL', () => {
    const item = emitted(makeArticle());
    for (const key of ['by', 'located', 'associations']) expect(item, key).not.toHaveProperty(key);
    expect(item['subjects']).toEqual([{ name: 'society', uri: 'http://cv.iptc.org/newscodes/mediatopic/14000000' }]);
    expect(emitted(makeArticle({ sections: ['World'] }))).not.toHaveProperty('subjects');
  });

  it('lists Media Topics of the sections once each, then keywords as uncontrolled subjects without repeats', () => {
    const site = makeSite({
      mediaTopics: {
        Society: { qcode: 'medtop:14000000', name: 'society' },
        Social: { qcode: 'medtop:14000000', name: 'society' },
        Science: { qcode: 'medtop:13000000', name: 'science and technology' },
      },
    });
    const item = emitted(makeArticle({ sections: ['China', 'Society', 'Social', 'Science'], keywords: ['trade', 'society', 'trade', 'AI'] }), site);
    expect(item['subjects']).toEqual([
      { name: 'society', uri: 'http://cv.iptc.org/newscodes/mediatopic/14000000' },
      { name: 'science and technology', uri: 'http://cv.iptc.org/newscodes/mediatopic/13000000' },
      { name: 'trade' },
      { name: 'AI' },
    ]);
  });

  it('writes bylines as readers do: one name, two with "and", more with commas; commas only outside English', () => {
    const by = (names: string[], language = 'en') => emitted(makeArticle({ language, authors: names.map((name) => ({ name })) }))['by'];
    expect(by(['Liu Caiyu'])).toBe('Liu Caiyu');
    expect(by(['A', 'B', 'C'])).toBe('A, B and C');
    expect(by(['A', 'B'], 'en-GB')).toBe('A and B');
    expect(by(['刘彩玉', '张晗'], 'zh-CN')).toBe('刘彩玉, 张晗');
  });

  it('associates each photo with a URL as a picture, with the NewsML-G2 picture guid as uri', () => {
    const item = emitted(makeRichArticle());
    expect(item['associations']).toEqual([
      {
        name: 'photo-1',
        uri: 'tag:globaltimes.cn,2024:article:rich-story:photo-1',
        type: 'picture',
        language: 'en',
        descriptions: [{ role: 'caption', contentType: 'text/plain', value: 'A port in Shanghai & ships <at> dawn.' }],
        by: 'Li Hao/GT',
        renditions: [{ name: 'highRes', href: 'https://www.globaltimes.cn/photo/a.jpg', contentType: 'image/jpeg', width: 1200, height: 675 }],
      },
      {
        name: 'photo-2',
        uri: 'tag:globaltimes.cn,2024:article:rich-story:photo-2',
        type: 'picture',
        language: 'en',
        descriptions: [{ role: 'caption', contentType: 'text/plain', value: 'Second photo.' }],
        renditions: [{ name: 'highRes', href: 'https://www.globaltimes.cn/photo/b.png', contentType: 'image/png', width: 800, height: 800 }],
      },
    ]);
  });

  it('numbers photos by position among all photos, so a photo’s uri survives an earlier photo gaining a URL', () => {
    const [first, second] = makeRichArticle().images;
    const item = emitted(makeRichArticle({ images: [{ caption: 'No URL yet.' }, first!, second!] }));
    const associations = item['associations'] as { name: string; uri: string }[];
    expect(associations.map((a) => a.uri)).toEqual([
      'tag:globaltimes.cn,2024:article:rich-story:photo-2',
      'tag:globaltimes.cn,2024:article:rich-story:photo-3',
    ]);
    expect(associations.map((a) => a.name)).toEqual(['photo-2', 'photo-3']);
  });

  it('gives a photo its own notice and size in bytes when known, and the creator when there is no credit', () => {
    const image = { url: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'C.', creator: 'Xinhua', copyright: '© 2024 Xinhua', byteLength: 123_456 };
    const [association] = emitted(makeArticle({ images: [image] }))['associations'] as Record<string, unknown>[];
    expect(association).toEqual({
      name: 'photo-1',
      uri: 'tag:globaltimes.cn,2024:article:cyberspace-governance:photo-1',
      type: 'picture',
      copyrightNotice: '© 2024 Xinhua',
      language: 'en',
      descriptions: [{ role: 'caption', contentType: 'text/plain', value: 'C.' }],
      by: 'Xinhua',
      renditions: [{ name: 'highRes', href: 'https://www.globaltimes.cn/photo/c.jpg', sizeInBytes: 123_456 }],
    });
    // With both, the credit line wins: it is what must be printed next to the photo.
    const [credited] = emitted(makeArticle({ images: [{ ...image, credit: 'Li Hao/Xinhua' }] }))['associations'] as Record<string, unknown>[];
    expect(credited?.['by']).toBe('Li Hao/Xinhua');
  });

  it('drops control characters and lone surrogates, as every other format does (XML 1.0 §2.2 cannot carry them)', () => {
    const [file] = emitNinjs([makeRichArticle({ headline: 'Bell\u0007 and \uD800 half' })], makeSite());
    expect((JSON.parse(file!.text) as { headlines: { value: string }[] }).headlines[0]!.value).toBe('Bell and  half');
  });
});
