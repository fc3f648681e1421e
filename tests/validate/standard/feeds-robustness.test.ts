/**
 * The feed validator on anything: garbage, fragments of feeds in random order, deep nesting and large
 * feeds. It never throws, every finding names a declared rule and a position, and its time grows
 * linearly with the feed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEED_RULES } from '../../../src/validate/rules/feeds.ts';
import { readXml } from '../../../src/validate/xml/tree.ts';
import { checkFeed, checkFeedDocument, type FeedCheck } from '../../../src/validate/standard/feeds/index.ts';

const ids = new Set<string>(FEED_RULES.map((r) => r.id));

/** Every finding names a declared rule and a line. */
function wellFormedReport(check: FeedCheck): void {
  for (const finding of check.findings) {
    expect(ids.has(finding.rule)).toBe(true);
    expect(finding.at && 'line' in finding.at ? finding.at.line : 0).toBeGreaterThan(0);
    expect(finding.message.length).toBeGreaterThan(0);
  }
}

const FRAGMENTS = [
  '<rss version="2.0">', '</rss>', '<channel>', '</channel>', '<item>', '</item>', '<title>', '</title>', '<link>', '</link>',
  '<description>', '</description>', '<guid isPermaLink="false">', '</guid>', '<pubDate>', '</pubDate>', '<enclosure url="x" length="-1"/>',
  '<feed xmlns="http://www.w3.org/2005/Atom">', '</feed>', '<entry>', '</entry>', '<id>', '</id>', '<updated>', '</updated>',
  '<content type="xhtml">', '</content>', '<div xmlns="http://www.w3.org/1999/xhtml">', '</div>', '<summary type="html">', '</summary>',
  '<link rel="self" href="/x"/>', '<author>', '</author>', '<name>', '</name>', '<source>', '</source>', '<category term=""/>',
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">', '</rdf:RDF>',
  '<media:group xmlns:media="http://search.yahoo.com/mrss/">', '</media:group>', '<dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">', '</dc:date>',
  '<skipHours>', '</skipHours>', '<hour>', '</hour>', '<image>', '</image>', '<x:y xmlns:x="urn:x">', '</x:y>',
  'text', ' ', '\n', '&amp;', '&lt;b&gt;', '&#x26;', '<![CDATA[<p>a</p>]]>', '2024-09-03T10:00:00Z', 'Tue, 03 Sep 2024 10:00:00 GMT',
  'https://example.com/', 'tag:example.com,2024:a', 'urn:uuid:x', '&lt;script&gt;', 'é', '\u0085',
];

describe('the feed validator on anything', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        wellFormedReport(checkFeed(text));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on feed fragments in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }), (parts) => {
        wellFormedReport(checkFeed(parts.join('')));
        wellFormedReport(checkFeed(`<rss version="2.0"><channel>${parts.join('')}</channel></rss>`));
      }),
      { numRuns: 400 },
    );
  });

  it('walks deeply nested documents without exhausting the stack', () => {
    // The walk keeps its own stack; saxes resolves namespaces through the chain of open elements, so
    // reading costs grow with depth × elements, and a few thousand levels keep this test quick.
    const depth = 3_000;
    const nested = `${'<x:a xmlns:x="urn:x">'.repeat(depth)}${'</x:a>'.repeat(depth)}`;
    const check = checkFeed(`<rss version="2.0"><channel><title>t</title><link>https://example.com/</link><description>d</description>${nested}</channel></rss>`);
    expect(check.kind).toBe('rss');
    const div = `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`;
    const atomCheck = checkFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${div}</div></content></entry></feed>`);
    expect(atomCheck.kind).toBe('atom');
  });

  it('takes time in proportion to the feed', () => {
    const feed = (items: number) =>
      `<rss version="2.0"><channel><title>t</title><link>https://example.com/</link><description>d</description>${Array.from(
        { length: items },
        (_, i) => `<item><title>Story ${i} &amp; more</title><link>https://example.com/${i}</link><guid>https://example.com/${i}</guid><pubDate>Tue, 03 Sep 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;Text ${i}&lt;/p&gt;</description></item>`,
      ).join('')}</channel></rss>`;
    const time = (text: string) => {
      const start = performance.now();
      checkFeed(text);
      return performance.now() - start;
    };
    const small = feed(1_000);
    const large = feed(8_000);
    time(small);
    const t1 = Math.min(time(small), time(small));
    const t8 = Math.min(time(large), time(large));
    // Linear growth makes the ratio about 8; quadratic growth would make it 64.
    expect(t8 / t1).toBeLessThan(24);
  });
});

describe('checkFeed and checkFeedDocument', () => {
  it.each([
    ['<rss version="2.0"><channel/></rss>', 'rss', '2.0'],
    ['<rss version="0.91"><channel/></rss>', 'rss', '0.91'],
    ['<rss><channel/></rss>', 'rss', '2.0'],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"/>', 'rss1', '1.0'],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/"><channel/></rdf:RDF>', 'rss1', '0.90'],
    ['<feed xmlns="http://www.w3.org/2005/Atom"/>', 'atom', '1.0'],
    ['<entry xmlns="http://www.w3.org/2005/Atom"/>', 'atom', '1.0'],
    ['<feed version="0.3" xmlns="http://purl.org/atom/ns#"/>', 'atom', '0.3'],
  ])('%s is %s %s', (text, kind, version) => {
    const check = checkFeed(text);
    expect([check.kind, check.version]).toEqual([kind, version]);
  });

  it('says when the document is not a feed, with one finding', () => {
    const check = checkFeed('<?xml version="1.0"?>\n<opml version="2.0"><head/><body/></opml>');
    expect(check.kind).toBeUndefined();
    expect(check.findings.map((f) => [f.rule, f.at])).toEqual([['not-a-feed', { line: 2, column: 1 }]]);
  });

  it('gives a document that is not well-formed one finding where the parser stopped', () => {
    const check = checkFeed('<rss version="2.0">\n<channel>\n<title>A & B</title>\n</channel>\n</rss>');
    expect(check.kind).toBeUndefined();
    expect(check.document).toBeUndefined();
    expect(check.findings.map((f) => [f.rule, f.at && 'line' in f.at ? f.at.line : 0])).toEqual([['not-well-formed', 3]]);
  });

  it('says an HTML page that is not even XML is not a feed', () => {
    const check = checkFeed('<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Home</title></head>\n<body><p>Hi<br></p></body>\n</html>');
    expect(check.findings.map((f) => [f.rule, f.at && 'line' in f.at ? f.at.line : 0])).toEqual([
      ['not-a-feed', 2],
      ['not-well-formed', 3],
    ]);
  });

  it('ignores a byte order mark', () => {
    expect(checkFeed('\uFEFF<feed xmlns="http://www.w3.org/2005/Atom"/>').kind).toBe('atom');
  });

  it('reads HTML entities in an RSS 0.91 feed with the Netscape DOCTYPE', () => {
    const text = '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://www.rssboard.org/rss-0.91.dtd">\n<rss version="0.91"><channel><title>Caf&eacute;&nbsp;news</title><link>https://example.com/</link><description>d</description><language>en</language></channel></rss>';
    expect(checkFeed(text).findings).toEqual([]);
  });

  it('gives the same findings on a document already read', () => {
    const text = '<rss version="2.0"><channel><title>t</title><item><pubDate>yesterday</pubDate></item></channel></rss>';
    const { document } = readXml(text);
    expect(document).toBeDefined();
    expect(checkFeedDocument(document!, text).findings).toEqual(checkFeed(text).findings);
  });
});
