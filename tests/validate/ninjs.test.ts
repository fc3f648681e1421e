import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { toNinjs } from '../../src/emit/ninjs.ts';
import type { Article } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { NinjsNoticeSchema, NinjsSchema } from '../../src/validate/house/ninjs.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { brokenJson, outputFile, validateFile } from '../helpers/validate.ts';

const site = makeSite();

function file(text: string): OutputFile {
  return outputFile('ninjs', 'articles/rich-story/ninjs.json', text);
}

function validate(text: string): Diagnostic[] {
  return validateFile(file(text), site);
}

function ruleIds(text: string): string[] {
  return validate(text).map((d) => d.ruleId);
}

type Json = Record<string, unknown> & {
  associations: Record<string, unknown>[] & { renditions: Record<string, unknown>[] }[];
  altIds: Record<string, unknown>[];
  bodies: Record<string, unknown>[];
};

/** Our output for the rich fixture, changed by `edit` on the parsed object, serialised as the emitter does. */
function broken(edit: (item: Json) => void, article: Article = makeRichArticle()): string {
  return brokenJson(toNinjs(article, site) as unknown as Json, edit);
}

/** The rich fixture withdrawn at version 3: its ninjs is a withdrawal notice. */
function withdrawn(): Article {
  return makeRichArticle({ version: 3, signal: 'withdrawal', dateModified: '2024-09-05T12:00:00+08:00', status: 'withdrawn', withdrawalReason: 'Legal advice.' });
}

function emitted(article: Article): string {
  return `${JSON.stringify(toNinjs(article, site), null, 2)}\n`;
}

describe('validateNinjs on our own output', () => {
  it.each([
    ['sample', makeArticle()],
    ['rich', makeRichArticle()],
    ['photo with notice, creator and size', makeArticle({ images: [{ url: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'C.', creator: 'Xinhua', copyright: '© Xinhua', byteLength: 10 }] })],
    ['no mapped section, Chinese, keywords', makeArticle({ sections: ['World'], language: 'zh-CN', keywords: ['贸易'], authors: [{ name: '刘彩玉' }] })],
    ['UTC time, control characters', makeRichArticle({ datePublished: '2024-09-05T00:30:00Z', dateModified: '2024-09-05T02:15:00Z', headline: 'Bell\u0007 \uD800' })],
    ['withdrawn (a notice, version 3, two photos)', withdrawn()],
    ['withdrawn at first sight (a notice without photos or reason)', makeArticle({ status: 'withdrawn' })],
  ])('finds nothing wrong with the %s article', (_name, article) => {
    expect(validate(emitted(article))).toEqual([]);
  });

  it('parses what toNinjs returns: the emitter writes exactly the promised subset', () => {
    expect(NinjsSchema.safeParse(toNinjs(makeRichArticle(), site)).success).toBe(true);
    expect(NinjsNoticeSchema.safeParse(toNinjs(withdrawn(), site)).success).toBe(true);
    // Each shape is its own: a notice is no published story, and a published story is no notice.
    expect(NinjsSchema.safeParse(toNinjs(withdrawn(), site)).success).toBe(false);
    expect(NinjsNoticeSchema.safeParse(toNinjs(makeRichArticle(), site)).success).toBe(false);
  });
});

describe('validateNinjs rules', () => {
  it('invalid-json: reports a syntax error with its position instead of throwing', () => {
    const found = validate('{\n  "uri": "tag:x,2024:a",\n  oops\n}\n');
    expect(found.map((d) => d.ruleId)).toEqual(['invalid-json']);
    expect(found[0]).toMatchObject({ file: 'articles/rich-story/ninjs.json', severity: 'error', source: 'validate:ninjs', line: 3, origin: 'input/articles/rich-story.txt' });
    expect(ruleIds('')).toEqual(['invalid-json']);
  });

  it('never throws, whatever JSON it is given', () => {
    for (const text of ['null', '[]', '"text"', '42', '{"associations": "x", "altIds": [1], "bodies": {}}', `${'['.repeat(100_000)}${']'.repeat(100_000)}`]) {
      expect(() => validate(text), text.slice(0, 20)).not.toThrow();
      expect(validate(text).length, text.slice(0, 20)).toBeGreaterThan(0);
    }
  });

  it('schema: a missing, unknown or wrongly typed property, with the line of the value', () => {
    const missing = validate(broken((item) => delete item['headlines']));
    expect(missing.map((d) => d.ruleId)).toEqual(['schema']);
    expect(missing[0]!.message).toMatch(/^headlines: is required/);

    // ninjs 3.1 has no "keywords" either: the standard's error at the property, the schema's at the object.
    const unknown = broken((item) => (item['keywords'] = ['trade']));
    expect(ruleIds(unknown)).toEqual(['unknown-property', 'schema']);
    expect(validate(unknown).map((d) => d.message)).toEqual([expect.stringMatching(/^"keywords" is not a property ninjs 3\.1 allows/), expect.stringMatching(/unknown field\(s\) "keywords"/)]);

    // A version that is not a string is ninjs's own error, not repeated by the schema.
    const wrongType = broken((item) => (item['version'] = 1));
    expect(validate(wrongType)).toMatchObject([{ ruleId: 'property-type', severity: 'error', line: wrongType.split('\n').findIndex((l) => l.includes('"version"')) + 1 }]);
  });

  it('schema: 1.x/2.x lowercase names are not ninjs 3.1', () => {
    const text = broken((item) => {
      item['versioncreated'] = item['versionCreated'];
      delete item['versionCreated'];
    });
    const found = validate(text);
    // The standard names the 3.1 spelling; the schema misses versionCreated and refuses versioncreated.
    expect(found.map((d) => d.ruleId)).toEqual(['unknown-property', 'schema', 'schema']);
    expect(found[0]!.message).toContain('ninjs 3.1 calls it "versionCreated"');
    expect(found.slice(1).map((d) => d.message)).toEqual([expect.stringMatching(/^versionCreated: is required/), expect.stringMatching(/unknown field\(s\) "versioncreated"/)]);
  });

  it('invalid-date-time: a time without UTC offset is no RFC 3339 date-time, reported once at its line', () => {
    const text = broken((item) => (item['versionCreated'] = '2024-09-05T10:15:00'));
    const found = validate(text);
    expect(found.map((d) => [d.ruleId, d.severity])).toEqual([['invalid-date-time', 'error']]);
    expect(found[0]).toMatchObject({ line: text.split('\n').findIndex((l) => l.includes('"versionCreated"')) + 1, column: 21 });
    expect(found[0]!.message).toMatch(/^versionCreated "2024-09-05T10:15:00" is not an RFC 3339 date-time/);
    expect(ruleIds(broken((item) => (item['firstCreated'] = '2024-09-05')))).toEqual(['invalid-date-time']);
  });

  it('relative-url: a rendition href, the canonical URL or a link in the body that is not absolute', () => {
    // ninjs declares href a URI: a relative one is the standard's error, not repeated by the house.
    const href = validate(broken((item) => (item.associations[0]!.renditions[0]!['href'] = '/photo/a.jpg')));
    expect(href.map((d) => [d.ruleId, d.severity])).toEqual([['invalid-uri', 'error']]);
    expect(href[0]!.message).toMatch(/^associations\[0\]\.renditions\[0\]\.href "\/photo\/a\.jpg" is not a complete URI/);
    expect(ruleIds(broken((item) => (item.altIds[0]!['value'] = 'page/202409/rich-story.shtml')))).toEqual(['relative-url']);
    expect(ruleIds(broken((item) => (item.bodies[0]!['value'] = '<p>See <a href="/more">more</a> and <img src=\'x.png\'>.</p>')))).toEqual(['relative-url', 'relative-url']);
    // An absolute link in the body is fine (the schema only wants a non-empty string there).
    expect(ruleIds(broken((item) => (item.bodies[0]!['value'] = '<p><a href="https://example.com/a?b=1&amp;c=2">x</a></p>')))).toEqual([]);
    // Markup quoted in the text is escaped, so it is text, not a link.
    expect(validate(emitted(makeRichArticle({ paragraphs: ['He typed <a href="/x"> and <img src=y.png>.'] })))).toEqual([]);
  });

  it('uri-stable: a uri that is not a guid, a photo uri not built from it, or one photo uri used twice', () => {
    // A uri that is no URI at all is the standard's error, not repeated as uri-stable.
    expect(ruleIds(broken((item) => (item['uri'] = 'Tariffs & trade')))).toEqual(['invalid-uri']);
    // A URI that is no guid (tag:, urn: or http(s)) is ninjs's business no more: the house's alone.
    expect(ruleIds(broken((item) => (item['uri'] = 'mailto:desk@globaltimes.cn')))).toEqual(['uri-stable']);
    const moved = validate(broken((item) => (item.associations[1]!['uri'] = 'tag:globaltimes.cn,2024:article:other:photo-2')));
    expect(moved.map((d) => d.ruleId)).toEqual(['uri-stable']);
    expect(moved[0]!.message).toContain('"tag:globaltimes.cn,2024:article:rich-story:photo-2"');
    expect(
      ruleIds(
        broken((item) => {
          item.associations[1]!['uri'] = item.associations[0]!['uri'];
          item.associations[1]!['name'] = item.associations[0]!['name'];
        }),
      ),
    ).toEqual(['uri-stable']);
  });
});

describe('validateNinjs: the shape follows pubStatus', () => {
  type Notice = Record<string, unknown> & { associations: Record<string, unknown>[] };
  const brokenNotice = (edit: (item: Notice) => void) => brokenJson(toNinjs(withdrawn(), site) as unknown as Notice, edit);

  it('a notice that carries text is rejected, naming what to remove', () => {
    const found = validate(brokenNotice((item) => (item['headlines'] = [{ role: 'main', value: 'The withdrawn headline' }])));
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error',
        ruleId: 'schema',
        message: 'the top level: "headlines" in a withdrawal notice (pubStatus "canceled"): a notice carries the story\'s identity, version, status and reason, never its text; remove it',
      }),
    ]);
    const caption = validate(brokenNotice((item) => (item.associations[0]!['descriptions'] = [{ role: 'caption', contentType: 'text/plain', value: 'The withdrawn caption' }])));
    expect(caption.map((d) => d.message)).toEqual([expect.stringMatching(/^associations\[0\]: "descriptions" in a withdrawal notice .*remove it$/)]);
  });

  it('the old withdrawn form (every property of the story, with pubStatus "canceled") is rejected', () => {
    const text = broken((item) => (item['pubStatus'] = 'canceled'));
    const found = validate(text);
    expect(found.map((d) => d.ruleId)).toEqual(found.map(() => 'schema'));
    const message = found.map((d) => d.message).join('\n');
    for (const key of ['representationType', 'contentCreated', 'descriptions', 'bodies', 'headlines', 'subjects', 'by', 'located']) expect(message).toContain(`"${key}"`);
    expect(message).toContain('renditions'); // and in each association: descriptions, by, renditions
  });

  it('a notice needs its reason, and a usable object shaped like a notice lacks every text property', () => {
    expect(validate(brokenNotice((item) => delete item['edNote'])).map((d) => d.message)).toEqual([expect.stringMatching(/^edNote: is required/)]);
    const usable = validate(brokenNotice((item) => (item['pubStatus'] = 'usable')));
    expect(usable.map((d) => d.message)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^representationType: must be "full"/),
        expect.stringMatching(/^contentCreated: is required/),
        expect.stringMatching(/^headlines: is required/),
        expect.stringMatching(/^bodies: is required/),
        expect.stringMatching(/^descriptions: is required/),
      ]),
    );
  });

  it('pubStatus "withheld" says which two values we send', () => {
    const found = validate(broken((item) => (item['pubStatus'] = 'withheld')));
    expect(found.map((d) => d.message)).toEqual([expect.stringMatching(/^pubStatus: must be "usable" for a published story, or "canceled" for a withdrawal notice/)]);
  });
});
