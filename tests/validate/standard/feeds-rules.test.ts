/**
 * One failing input (at least) for every standard feed rule, checked against the rule it must raise and,
 * where the place matters, the line; the small feeds the inputs are built from have no findings at all.
 */
import { describe, expect, it } from 'vitest';
import { toDiagnostics, toRuleTable } from '../../../src/validate/report.ts';
import { FEED_RULES, type FeedRuleId } from '../../../src/validate/rules/feeds.ts';
import { checkFeed } from '../../../src/validate/standard/feeds/index.ts';

/** The feed rules by id. */
const rules = toRuleTable(FEED_RULES);

/** An RSS 2.0 feed with a complete channel; `channel` goes after the channel metadata. */
function rss(channel: string, options: { ns?: string; version?: string } = {}): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<rss version="${options.version ?? '2.0'}" xmlns:atom="http://www.w3.org/2005/Atom"${options.ns ?? ''}>`,
    '<channel>',
    '<title>Example News</title>',
    '<link>https://example.com/</link>',
    '<description>All the news</description>',
    '<atom:link href="https://example.com/rss.xml" rel="self" type="application/rss+xml"/>',
    channel,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

/** An RSS item with a title, link and guid, then `body`. */
function item(body = '', id = 'a'): string {
  return ['<item>', '<title>A story</title>', `<link>https://example.com/${id}</link>`, `<guid>https://example.com/${id}</guid>`, body, '</item>'].join('\n');
}

/** An Atom entry with title, id, updated, an alternate link and a summary (each can be replaced), then `body`. */
function entry(body = '', parts: { id?: string; updated?: string; link?: string; summary?: string } = {}): string {
  return [
    '<entry>',
    '<title>A story</title>',
    `<id>${parts.id ?? 'https://example.com/a'}</id>`,
    `<updated>${parts.updated ?? '2024-09-03T10:00:00Z'}</updated>`,
    parts.link ?? '<link href="https://example.com/a"/>',
    parts.summary ?? '<summary>Text.</summary>',
    body,
    '</entry>',
  ].join('\n');
}

/** An Atom feed with its metadata, then `metadata`, then `entries` (one default entry when left out). */
function atom(metadata = '', entries: string = entry(), options: { ns?: string } = {}): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${options.ns ?? ''}>`,
    '<title>Example News</title>',
    '<id>https://example.com/</id>',
    '<updated>2024-09-03T10:00:00Z</updated>',
    '<link rel="self" href="https://example.com/atom.xml"/>',
    '<author><name>Newsdesk</name></author>',
    metadata,
    entries,
    '</feed>',
    '',
  ].join('\n');
}

/** An RSS 1.0 feed: channel, one item, with `channel` and `itemBody` added. */
function rdf(channel = '', itemBody = '', options: { ns?: string } = {}): string {
  return [
    '<?xml version="1.0"?>',
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"${options.ns ?? ''}>`,
    '<channel rdf:about="https://example.com/">',
    '<title>Example News</title>',
    '<link>https://example.com/</link>',
    '<description>All the news</description>',
    '<items><rdf:Seq><rdf:li rdf:resource="https://example.com/a"/></rdf:Seq></items>',
    channel,
    '</channel>',
    '<item rdf:about="https://example.com/a">',
    '<title>A story</title>',
    '<link>https://example.com/a</link>',
    itemBody,
    '</item>',
    '</rdf:RDF>',
    '',
  ].join('\n');
}

/** `rule@line` for every finding of `text`. */
function found(text: string): string[] {
  return checkFeed(text).findings.map((f) => `${f.rule}@${f.at && 'line' in f.at ? f.at.line : '?'}`);
}

/** The rule ids of `text`'s findings. */
function ruleIds(text: string): string[] {
  return checkFeed(text).findings.map((f) => f.rule);
}

/** The rule ids of `text`'s error findings. */
function errorIds(text: string): string[] {
  return checkFeed(text).findings.filter((f) => rules.get(f.rule)?.severity === 'error').map((f) => f.rule);
}

const MEDIA = ' xmlns:media="http://search.yahoo.com/mrss/"';
const DC = ' xmlns:dc="http://purl.org/dc/elements/1.1/"';
const ITUNES = ' xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"';

/** A rule, a failing input, and the line the finding must be on (when given). */
type Case = readonly [rule: FeedRuleId, what: string, input: string, line?: number];

const cases: readonly Case[] = [
  // The document
  ['not-well-formed', 'an unclosed element', '<rss version="2.0"><channel>\n<title>x</title>\n', 3],
  ['not-well-formed', 'an HTML entity without the Netscape DOCTYPE', rss(item('<description>a&nbsp;b</description>'))],
  ['not-a-feed', 'an HTML page', '<html><body><p>Hello</p></body></html>', 1],
  ['invalid-namespace', 'Atom in a misspelt namespace', atom().replace('http://www.w3.org/2005/Atom', 'http://www.w3.org/2005/atom'), 2],
  ['invalid-namespace', '<rss> in a namespace', rss('').replace('<rss ', '<rss xmlns="http://backend.userland.com/rss2" '), 2],
  ['missing-namespace', 'Atom in no namespace', atom().replace(' xmlns="http://www.w3.org/2005/Atom"', ''), 2],
  ['missing-namespace', 'an element in no namespace inside an RSS extension element', rss(item('<ex:meta xmlns:ex="http://example.com/ns"><Shot>1</Shot></ex:meta>')), 12],
  ['obsolete-namespace', 'Atom 0.3', '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>x</title><link rel="alternate" href="https://example.com/"/><modified>2004-01-01T00:00:00Z</modified></feed>', 1],
  ['invalid-rss-version', 'version 3.0', rss('', { version: '3.0' }), 2],
  ['invalid-doctype', 'the Netscape DOCTYPE on RSS 2.0', `<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://www.rssboard.org/rss-0.91.dtd">\n${rss('').replace(/^<\?xml[^\n]*\n/, '')}`, 2],
  ['invalid-doctype', "the retired my.netscape.com DTD", `<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n${rss('', { version: '0.91' }).replace(/^<\?xml[^\n]*\n/, '')}`, 1],
  // Structure
  ['undefined-element', 'an unknown item element', rss(item('<foo>bar</foo>')), 12],
  ['undefined-element', 'markup inside a text element', rss(item('<description>A <b>bold</b> claim</description>')), 12],
  ['undefined-element', 'an element the Dublin Core does not define', rss(item('<dc:colour>red</dc:colour>'), { ns: DC }), 12],
  ['unexpected-attribute', 'an attribute RSS does not define', rss('<ttl unit="minutes">60</ttl>'), 8],
  ['unexpected-attribute', 'thr:count on a link that is not rel="replies"', atom('', entry('<link rel="related" href="https://example.com/b" thr:count="3"/>'), { ns: ' xmlns:thr="http://purl.org/syndication/thread/1.0"' }), 15],
  ['missing-attribute', 'an enclosure without length', rss(item('<enclosure url="https://example.com/a.mp3" type="audio/mpeg"/>')), 12],
  ['missing-attribute', 'an Atom link without href', atom('<link rel="related"/>'), 8],
  ['missing-attribute', 'an Atom category without term', atom('<category label="News"/>'), 8],
  ['missing-attribute', 'a cloud without port', rss('<cloud domain="rpc.example.com" path="/RPC2" registerProcedure="ping" protocol="xml-rpc"/>'), 8],
  ['missing-element', 'a channel without description', rss('').replace('<description>All the news</description>\n', ''), 8],
  ['missing-element', 'an Atom feed without id (reported at the feed)', atom().replace('<id>https://example.com/</id>\n', ''), 2],
  ['missing-element', 'an entry without updated (reported at its end)', atom('', entry().replace('<updated>2024-09-03T10:00:00Z</updated>\n', '')), 15],
  ['missing-element', 'an RSS 1.0 item without link', rdf().replace('<link>https://example.com/a</link>\n', ''), 13],
  ['missing-element', 'an Atom 0.3 feed without title', '<feed version="0.3" xmlns="http://purl.org/atom/ns#"><link rel="alternate" href="https://example.com/"/><modified>2004-01-01T00:00:00Z</modified></feed>'],
  ['missing-title-or-description', 'an item with neither', rss('<item>\n<guid>https://example.com/a</guid>\n</item>'), 10],
  ['missing-content-or-alternate', 'an entry with neither content nor alternate link', atom('', entry('', { link: '<link rel="related" href="https://example.com/b"/>' })), 16],
  ['missing-summary', 'remote content and no summary', atom('', entry('<content src="https://example.com/a.pdf" type="application/pdf"/>', { summary: '' })), 16],
  ['missing-xhtml-div', 'xhtml content without its div', atom('', entry('', { summary: '<summary type="xhtml">Plain text.</summary>' })), 14],
  ['duplicate-element', 'two channel titles', rss('<title>Again</title>'), 8],
  ['duplicate-element', 'two entry ids', atom('', entry('<id>https://example.com/b</id>')), 15],
  ['misplaced-metadata', 'feed metadata after an entry', atom('', `${entry()}\n<rights>All rights reserved</rights>`), 17],
  ['unexpected-text', 'text directly in the channel', rss('stray words'), 8],
  ['unexpected-whitespace', 'white space around an Atom id', atom('', entry('', { id: ' https://example.com/a ' })), 11],
  ['duplicate-atom-link', 'two alternates of the same type', atom('', entry('<link rel="alternate" href="https://example.com/a2"/>')), 16],
  ['duplicate-ids', 'ten entries with one id', atom('', Array.from({ length: 10 }, () => entry()).join('\n'))],
  ['duplicate-value', 'two items with one guid', rss(`${item('', 'a')}\n${item('', 'a')}`), 17],
  ['duplicate-value', 'a skipHours hour twice', rss('<skipHours><hour>1</hour><hour>1</hour></skipHours>'), 8],
  ['too-many-skip-values', 'eight days in skipDays', rss(`<skipDays>\n${['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Monday'].map((d) => `<day>${d}</day>`).join('\n')}\n</skipDays>`), 17],
  // Values
  ['invalid-rfc822-date', 'an ISO date in pubDate', rss(item('<pubDate>2024-09-03</pubDate>')), 12],
  ['invalid-rfc822-date', 'the wrong day of the week', rss(item('<pubDate>Mon, 03 Sep 2024 10:00:00 GMT</pubDate>')), 12],
  ['invalid-rfc822-date', 'a day that does not exist', rss(item('<pubDate>Sat, 31 Feb 2024 10:00:00 GMT</pubDate>')), 12],
  ['invalid-rfc3339-date', 'a space for the T', atom('', entry('', { updated: '2024-09-03 10:00:00Z' })), 12],
  ['invalid-rfc3339-date', 'no seconds', atom('', entry('<published>2024-09-03T10:00Z</published>')), 15],
  ['invalid-w3cdtf-date', 'a time without a zone', rss(item('<dc:date>2024-09-03T10:00</dc:date>'), { ns: DC }), 12],
  ['invalid-uri', 'a space in an href', atom('<link rel="related" href="https://example.com/a b"/>'), 8],
  ['invalid-uri', 'non-ASCII in an RSS link', rss(item('<comments>https://example.com/café</comments>')), 12],
  ['relative-uri', 'a relative item link', rss(item('<comments>/a/comments</comments>')), 12],
  ['relative-uri', 'a relative Atom id', atom('', entry('', { id: '/a' })), 11],
  ['relative-uri', 'an enclosure not fetched over http', rss(item('<enclosure url="ftp://example.com/a.mp3" length="1" type="audio/mpeg"/>')), 12],
  ['invalid-tag-uri', 'a tag: URI with an upper-case authority', atom('', entry('', { id: 'tag:Example.com,2024:a' })), 11],
  ['invalid-urn', 'a urn:uuid: that is no UUID', atom('', entry('', { id: 'urn:uuid:1234' })), 11],
  ['invalid-urn', 'a URN without a namespace string', atom('', entry('', { id: 'urn:isbn' })), 11],
  ['invalid-guid', 'a permalink guid without a scheme', rss('<item>\n<title>A</title>\n<guid>example.com/a</guid>\n</item>'), 10],
  ['invalid-permalink', 'a tag: permalink', rss('<item>\n<title>A</title>\n<guid>tag:example.com,2024:a</guid>\n</item>'), 10],
  ['invalid-email', 'a name in place of an address', rss('<managingEditor>Jane Editor</managingEditor>'), 8],
  ['invalid-email', 'an Atom email without @', atom('<contributor><name>Jane</name><email>jane at example.com</email></contributor>'), 8],
  ['invalid-language', 'a language name', rss('<language>English</language>'), 8],
  ['invalid-language', 'an underscore in xml:lang', atom().replace('<feed ', '<feed xml:lang="en_us" '), 2],
  ['invalid-mime-type', 'an enclosure type without subtype', rss(item('<enclosure url="https://example.com/a.mp3" length="1" type="audio"/>')), 12],
  ['invalid-mime-type', 'an unknown text construct type', atom('<subtitle type="plain">x</subtitle>'), 8],
  ['invalid-text-type', 'a media type on a title', atom('', entry('', { summary: '<summary type="text/plain">x</summary>' })), 14],
  ['invalid-integer', 'ttl in words', rss('<ttl>sixty</ttl>'), 8],
  ['invalid-integer', 'an enclosure length of -1', rss(item('<enclosure url="https://example.com/a.mp3" length="-1" type="audio/mpeg"/>')), 12],
  ['invalid-integer', 'a cloud port of 0', rss('<cloud domain="rpc.example.com" port="0" path="/RPC2" registerProcedure="ping" protocol="xml-rpc"/>'), 8],
  ['invalid-boolean', 'isPermaLink="yes"', rss('<item>\n<title>A</title>\n<guid isPermaLink="yes">a-1</guid>\n</item>'), 10],
  ['invalid-image-size', 'an image too wide', rss('<image>\n<url>https://example.com/logo.png</url>\n<title>Example News</title>\n<link>https://example.com/</link>\n<width>200</width>\n</image>'), 12],
  ['invalid-skip-hour', 'hour 25', rss('<skipHours><hour>25</hour></skipHours>'), 8],
  ['invalid-skip-day', 'a day in lower case', rss('<skipDays><day>monday</day></skipDays>'), 8],
  ['invalid-form-name', 'a textInput name starting with a digit', rss('<textInput>\n<title>Search</title>\n<description>Search</description>\n<name>1q</name>\n<link>https://example.com/search</link>\n</textInput>'), 11],
  ['invalid-update-period', 'sy:updatePeriod "often"', rss('<sy:updatePeriod>often</sy:updatePeriod>', { ns: ' xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"' }), 8],
  ['not-escaped', 'markup in mode="escaped" content', atom('', entry('<content type="html" mode="escaped"><b>bold</b></content>')), 15],
  ['not-base64', 'binary content that is not base64', atom('', entry('<content type="application/pdf">not base64 at all!</content>')), 15],
  ['invalid-media-value', 'an unknown medium', rss(item('<media:content url="https://example.com/v.mp4" medium="movie"/>'), { ns: MEDIA }), 12],
  ['invalid-media-value', 'a media:group with one alternative', rss(item('<media:group><media:content url="https://example.com/v.mp4"/></media:group>'), { ns: MEDIA }), 12],
  ['media-rss-namespace', 'the Media RSS namespace without its slash', rss('', { ns: ' xmlns:media="http://search.yahoo.com/mrss"' }), 2],
  ['invalid-itunes-value', 'a duration in words', rss(item('<itunes:duration>an hour</itunes:duration>'), { ns: ITUNES }), 12],
  ['invalid-value', 'a latitude beyond 90', rss(item('<geo:lat>100</geo:lat>'), { ns: ' xmlns:geo="http://www.w3.org/2003/01/geo/wgs84_pos#"' }), 12],
  ['invalid-rdf', 'RSS 1.0 text mixed with markup', rdf('', '<description>Some <ex:b xmlns:ex="http://example.com/ex">bold</ex:b> text</description>'), 13],
  ['feed-history', 'a complete feed with a next page', atom('<fh:complete/>\n<link rel="next" href="https://example.com/atom2.xml"/>', entry(), { ns: ' xmlns:fh="http://purl.org/syndication/history/1.0"' }), 10],
  // Warnings: namespaces
  ['unknown-namespace', 'an unknown namespace', rss('', { ns: ' xmlns:ex="http://example.com/ns"' }), 2],
  ['reserved-prefix', 'dc bound to another namespace', rss('', { ns: ' xmlns:dc="http://example.com/dc"' }), 2],
  ['avoid-namespace-prefix', 'a prefixed Atom feed', '<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>x</atom:title></atom:feed>', 1],
  ['undeterminable-vocabulary', 'an element in no namespace in Atom', atom('<custom xmlns="">x</custom>'), 8],
  ['misplaced-xhtml', 'an XHTML paragraph in an item', rss(item('<xhtml:p xmlns:xhtml="http://www.w3.org/1999/xhtml">x</xhtml:p>')), 12],
  ['extension-attribute', 'a namespaced attribute on an item', rss('<item xmlns:ex="http://example.com/ns" ex:rank="1">\n<title>A</title>\n<guid>https://example.com/a</guid>\n</item>'), 8],
  ['problematic-rfc822-date', 'a two-digit year', rss(item('<pubDate>Tue, 03 Sep 24 10:00:00 GMT</pubDate>')), 12],
  ['implausible-date', 'a date before 1990', rss(item('<pubDate>Mon, 03 Sep 1984 10:00:00 GMT</pubDate>')), 12],
  ['implausible-date', 'a date in the future', atom('', entry('', { updated: '2999-01-01T00:00:00Z' })), 12],
  ['blank-value', 'an empty item category', rss(item('<category></category>')), 12],
  ['blank-value', 'an empty Atom title', atom('<subtitle></subtitle>'), 8],
  ['unregistered-uri-scheme', 'an unregistered scheme', rss(item('<comments>example:a/comments</comments>')), 12],
  ['non-canonical-uri', 'an id with an upper-case host', atom('', entry('', { id: 'https://Example.com/a' })), 11],
  ['guid-not-unique-enough', 'a short number as guid', rss('<item>\n<title>A</title>\n<guid isPermaLink="false">42</guid>\n</item>'), 10],
  ['bad-characters', 'a C1 control character', rss(item('<description>caf\u0085</description>')), 12],
  // Warnings: HTML in text
  ['contains-html', 'an end tag in a title', rss(item('<category>News &lt;/b&gt;</category>')), 12],
  ['contains-html', 'an entity escaped twice', rss('<copyright>&amp;copy; 2024</copyright>'), 8],
  ['character-data', 'a "<" written as markup in plain text', rss(item('<category>a &lt;b test</category>')), 12],
  ['not-inline', 'escaped markup in xhtml content', atom('', entry('', { summary: '<summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">&lt;b&gt;x&lt;/b&gt;</div></summary>' })), 14],
  ['not-html', 'a tag that is not HTML', rss(item('<description>&lt;story&gt;x&lt;/story&gt;</description>')), 12],
  ['html-fragment', 'a fragment as text/html', atom('', entry('<content type="text/html">&lt;p&gt;x&lt;/p&gt;</content>')), 15],
  ['unsafe-html', 'a script', rss(item('<description>&lt;script&gt;alert(1)&lt;/script&gt;</description>')), 12],
  ['unsafe-html', 'an event handler', rss(item('<description>&lt;p onclick="x()"&gt;x&lt;/p&gt;</description>')), 12],
  ['unsafe-html', 'a positioning style', rss(item('<description>&lt;p style="position: absolute"&gt;x&lt;/p&gt;</description>')), 12],
  ['relative-reference', 'a relative link in HTML', rss(item('<description>&lt;a href="/b"&gt;more&lt;/a&gt;</description>')), 12],
  ['contains-email', 'an address in a person name', atom('<contributor><name>Jane &lt;jane@example.com&gt;</name></contributor>'), 8],
  // Warnings: links and structure
  ['missing-self-link', 'an RSS 2.0 channel without atom:link', rss('').replace('<atom:link href="https://example.com/rss.xml" rel="self" type="application/rss+xml"/>\n', ''), 8],
  ['missing-self-link', 'an Atom feed without rel="self"', atom().replace('<link rel="self" href="https://example.com/atom.xml"/>\n', ''), 2],
  ['self-link-type', 'a self link typed text/html', atom('<link rel="self" href="https://example.com/atom2.xml" type="text/html"/>'), 8],
  ['relative-self-link', 'a relative self link', atom('<link rel="self" href="/atom2.xml"/>'), 8],
  ['unregistered-link-relation', 'an unknown rel', atom('<link rel="friend" href="https://example.com/b"/>'), 8],
  ['link-not-empty', 'text in atom:link', atom('<link rel="related" href="https://example.com/b">b</link>'), 8],
  ['history-link-in-entry', 'rel="next" on an entry', atom('', entry('<link rel="next" href="https://example.com/b"/>')), 15],
  ['missing-textual-content', 'an entry without summary or content', atom('', entry('', { summary: '' })), 16],
  ['missing-type-attribute', 'content src without type', atom('', entry('<content src="https://example.com/a.txt"/>')), 15],
  ['missing-source-element', 'a source without id or updated', atom('', entry('<source><title>Elsewhere</title></source>')), 15],
  ['duplicate-entries', 'two entries with one id', atom('', `${entry()}\n${entry('', { updated: '2024-09-02T10:00:00Z' })}`), 19],
  ['duplicate-updated', 'two entries updated at the same time', atom('', `${entry()}\n${entry('', { id: 'https://example.com/b' })}`), 20],
  ['duplicate-enclosure', 'two enclosures', rss(item('<enclosure url="https://example.com/a.mp3" length="1" type="audio/mpeg"/>\n<enclosure url="https://example.com/b.mp3" length="1" type="audio/mpeg"/>')), 13],
  ['duplicate-semantics', 'pubDate and dc:date', rss(item('<pubDate>Tue, 03 Sep 2024 10:00:00 GMT</pubDate>\n<dc:date>2024-09-03T10:00:00Z</dc:date>'), { ns: DC }), 13],
  ['missing-guid', 'an item without guid', rss('<item>\n<title>A</title>\n</item>'), 10],
  ['image-link-mismatch', 'an image linking elsewhere', rss('<image>\n<url>https://example.com/logo.png</url>\n<title>Example News</title>\n<link>https://example.org/</link>\n</image>'), 11],
  // Warnings: the RSS Profile
  ['image-title-mismatch', 'an image titled differently', rss('<image>\n<url>https://example.com/logo.png</url>\n<title>Logo</title>\n<link>https://example.com/</link>\n</image>'), 10],
  ['image-url-format', 'a BMP image', rss('<image>\n<url>https://example.com/logo.bmp</url>\n<title>Example News</title>\n<link>https://example.com/</link>\n</image>'), 9],
  ['email-format', 'an address without a name', rss('<managingEditor>editor@example.com</managingEditor>'), 8],
  ['email-format', 'a name before the address', rss('<webMaster>Web Master &lt;web@example.com&gt;</webMaster>'), 8],
  ['misplaced-item', 'an item before channel metadata', rss(`${item()}\n<ttl>60</ttl>`), 8],
  ['avoid-text-input', 'a textInput', rss('<textInput>\n<title>Search</title>\n<description>Search</description>\n<name>q</name>\n<link>https://example.com/search</link>\n</textInput>'), 8],
  ['description-before-content', 'content:encoded without description', rss(item('<content:encoded>&lt;p&gt;x&lt;/p&gt;</content:encoded>'), { ns: ' xmlns:content="http://purl.org/rss/1.0/modules/content/"' }), 12],
  ['slash-comments-date', 'slash:comments without lastBuildDate', rss(item('<slash:comments>3</slash:comments>'), { ns: ' xmlns:slash="http://purl.org/rss/1.0/modules/slash/"' }), 13],
  ['zero-for-midnight', 'hour 24', rss('<skipHours><hour>24</hour></skipHours>'), 8],
  ['comment-rss-case', 'wfw:commentRSS', rss(item('<wfw:commentRSS>https://example.com/a/comments.xml</wfw:commentRSS>'), { ns: ' xmlns:wfw="http://wellformedweb.org/CommentAPI/"' }), 12],
  ['obsolete-itunes-category', 'a retired Apple category', rss('<itunes:category text="Games &amp; Hobbies"/>', { ns: ITUNES }), 8],
  ['invalid-itunes-value', 'a category Apple does not list', rss('<itunes:category text="Cooking"/>', { ns: ITUNES }), 8],
  ['invalid-boolean', 'itunes:explicit "yes"', rss(item('<itunes:explicit>yes</itunes:explicit>'), { ns: ITUNES }), 12],
  ['itunes-keywords', 'keywords separated by spaces', rss(item('<itunes:keywords>news city transport</itunes:keywords>'), { ns: ITUNES }), 12],
  ['unsupported-itunes-format', 'an episode as WMA', rss(item('<itunes:duration>60</itunes:duration>\n<enclosure url="https://example.com/a.wma" length="1" type="audio/x-ms-wma"/>'), { ns: ITUNES }), 13],
  ['itunes-not-utf8', 'a podcast declared ISO-8859-1', rss('<itunes:author>Newsdesk</itunes:author>', { ns: ITUNES }).replace('encoding="utf-8"', 'encoding="iso-8859-1"'), 9],
  ['invalid-media-value', 'a credit role that is not an EBU code', rss(item('<media:credit role="Diva">Jane</media:credit>'), { ns: MEDIA }), 12],
  ['invalid-media-value', 'an ICRA label with an unknown code', rss(item('<media:rating scheme="urn:icra">r (cz 1 mz 1)</media:rating>'), { ns: MEDIA }), 12],
  ['invalid-media-value', 'a country code that does not exist', rss(item('<media:restriction relationship="allow" type="country">XX</media:restriction>'), { ns: MEDIA }), 12],
  ['missing-itunes-element', 'a podcast without category or owner', rss('<itunes:author>Newsdesk</itunes:author>', { ns: ITUNES }), 9],
  ['deprecated-media-adult', 'media:adult', rss(item('<media:adult>false</media:adult>'), { ns: MEDIA }), 12],
];

describe('the feeds the cases are built from', () => {
  it('have no findings at all', () => {
    expect(found(rss(''))).toEqual([]);
    expect(found(rss(`${item('', 'a')}\n${item('', 'b')}`))).toEqual([]);
    expect(found(atom())).toEqual([]);
    expect(found(rdf())).toEqual([]);
  });
});

describe('every standard feed rule', () => {
  for (const [rule, what, input, line] of cases) {
    it(`${rule}: ${what}`, () => {
      expect(ruleIds(input)).toContain(rule);
      if (line !== undefined) expect(found(input)).toContain(`${rule}@${line}`);
    });
  }

  it('has a failing input here', () => {
    const covered = new Set(cases.map(([rule]) => rule));
    expect(FEED_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('is declared once, as data, with the fields the reports need', () => {
    const table = toRuleTable(FEED_RULES);
    expect(table.size).toBe(FEED_RULES.length);
    for (const rule of FEED_RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule.layer).toBe('standard');
      expect(rule.summary.length).toBeGreaterThan(10);
      expect(rule.reference).toMatch(/^https:\/\//);
      expect(rule.w3c?.length ?? 0).toBeGreaterThan(0);
    }
  });
});

describe('severities as the W3C validator gives them', () => {
  it('errors for what it calls errors, warnings for what it warns about', () => {
    const text = rss(`${item('<pubDate>2024-09-03</pubDate>\n<pubDate>Tue, 03 Sep 24 10:00:00 GMT</pubDate>')}`);
    const diagnostics = toDiagnostics(checkFeed(text).findings, { rules, file: 'rss.xml', text, format: 'rss', profile: 'standard' });
    expect(diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.line}`)).toEqual(['error invalid-rfc822-date 12', 'error duplicate-element 13', 'warning problematic-rfc822-date 13']);
  });

  it('no error on a feed with only warnings', () => {
    expect(errorIds(rss('<managingEditor>editor@example.com</managingEditor>\n<textInput>\n<title>S</title>\n<description>S</description>\n<name>q</name>\n<link>https://example.com/s</link>\n</textInput>'))).toEqual([]);
  });
});

describe('extension values the W3C validator checks', () => {
  const ADMIN = ' xmlns:admin="http://webns.net/mvcb/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"';
  const FEEDBURNER = ' xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0"';
  const CN = ' xmlns:conversationsNetwork="http://conversationsnetwork.org/rssNamespace-1.0/"';
  const ACCESS = ' xmlns:access="http://www.bloglines.com/about/specs/fac-1.0"';

  it.each([
    ['admin:generatorAgent naming no URI', rss('<admin:generatorAgent rdf:resource="MovableType2.21"/>', { ns: ADMIN }), 'invalid-uri'],
    ['feedburner:emailServiceId that is not a number', rss('<feedburner:emailServiceId>not an integer</feedburner:emailServiceId>', { ns: FEEDBURNER }), 'invalid-integer'],
    ['feedburner:feedFlare without src', rss('<feedburner:feedFlare href="https://example.com/f">Flare</feedburner:feedFlare>', { ns: FEEDBURNER }), 'missing-attribute'],
    ['conversationsNetwork:ratingAverage in words', rss(item('<conversationsNetwork:ratingAverage>xyzzy</conversationsNetwork:ratingAverage>'), { ns: CN }), 'invalid-value'],
    ['access:restriction on <rss> without relationship', rss('').replace('<rss ', `<rss${ACCESS} `).replace('<channel>', '<access:restriction/>\n<channel>'), 'missing-attribute'],
    ['access:restriction with an unknown relationship', rss('').replace('<rss ', `<rss${ACCESS} `).replace('<channel>', '<access:restriction relationship="maybe"/>\n<channel>'), 'invalid-value'],
  ])('%s is an error', (_what, input, rule) => {
    expect(errorIds(input)).toContain(rule);
  });

  it.each([
    ['admin:generatorAgent with a full URI', rss('<admin:generatorAgent rdf:resource="http://www.movabletype.org/?v=2.21"/>', { ns: ADMIN })],
    ['feedburner:emailServiceId as digits', rss('<feedburner:emailServiceId>1234</feedburner:emailServiceId>', { ns: FEEDBURNER })],
    ['conversationsNetwork:ratingAverage 4.5', rss(item('<conversationsNetwork:ratingAverage>4.5</conversationsNetwork:ratingAverage>'), { ns: CN })],
    ['access:restriction relationship="allow"', rss('').replace('<rss ', `<rss${ACCESS} `).replace('<channel>', '<access:restriction relationship="allow"/>\n<channel>')],
  ])('%s passes', (_what, input) => {
    expect(errorIds(input)).toEqual([]);
  });

  it('reads itunes:email as the bare address Apple asks for, without the RSS Profile advice', () => {
    const owner = (email: string) => rss(`<itunes:owner><itunes:name>Desk</itunes:name><itunes:email>${email}</itunes:email></itunes:owner>`, { ns: ITUNES });
    expect(ruleIds(owner('desk@example.com'))).not.toContain('email-format');
    expect(errorIds(owner('desk@example.com'))).toEqual([]);
    const bad = checkFeed(owner('desk at example.com')).findings.find((f) => f.rule === 'invalid-email');
    expect(bad?.message).toContain('"jane@example.com"');
    expect(bad?.message).not.toContain('Real Name');
  });
});
