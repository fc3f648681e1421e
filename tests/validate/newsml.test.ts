import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { toNewsMessage } from '../../src/emit/newsml.ts';
import type { Article } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { checkFile } from '../../src/validate/check.ts';
import { HOUSE_NEWSML_RULES, NEWSML_RULES_HOUSE } from '../../src/validate/rules/house-newsml.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { brokenText, expectDamageReported, lineOf, outputFile, RICH_SOURCE, validateFile } from '../helpers/validate.ts';

const site = makeSite();
const PATH = 'articles/rich-story/newsml.xml';
const IPTC_CATALOG = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_40.xml';

function file(text: string): OutputFile {
  return outputFile('newsml', PATH, text);
}

/** What the build says of `text` as its newsml.xml: both layers, under the syndicate profile. */
function validate(text: string): Diagnostic[] {
  return validateFile(file(text), site);
}

/** The same file as `syndicate validate` reads anyone's: the standard layer alone. */
function validateStandard(text: string): Diagnostic[] {
  return checkFile('newsml', text, PATH, { profile: 'standard', publicPath: PATH }).diagnostics;
}

/** Each finding as [rule id, line]. */
function found(text: string): [string, number | undefined][] {
  return validate(text).map((d) => [d.ruleId, d.line]);
}

/** The rich fixture withdrawn at version 3: its message is a withdrawal notice. */
function withdrawn(): Article {
  return makeRichArticle({ version: 3, signal: 'withdrawal', dateModified: '2024-09-05T12:00:00+08:00', status: 'withdrawn', withdrawalReason: 'Legal advice.' });
}

/** Our output for the rich fixture. */
function rich(): string {
  return toNewsMessage(makeRichArticle(), site);
}

/** Our output for the rich fixture, edited by `edit`; fails loudly when the edit did not apply. */
function broken(edit: (text: string) => string): string {
  return brokenText(rich(), edit);
}

/** `text` with the `n`th (1-based) match of `pattern` replaced by `by`. */
function replaceNth(text: string, pattern: RegExp, n: number, by: string): string {
  let seen = 0;
  return text.replace(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`), (m) => (++seen === n ? by : m));
}

/** 1-based line of the first `needle` after the first `after`. */
function lineAfter(text: string, after: string, needle: string): number {
  const start = text.indexOf(after);
  return text.slice(0, text.indexOf(needle, start)).split('\n').length;
}

/** The text newsItem of the rich fixture, on its own (xmlns declared on it). */
function textItemAlone(): string {
  const item = /<newsItem [^>]*guid="tag:[^"]*rich-story"[\s\S]*?<\/newsItem>/.exec(rich())?.[0];
  if (item === undefined) throw new Error('the text item is no longer in the message');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${item.replace('<newsItem ', '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" ')}\n`;
}

describe('NewsML-G2 on our own output', () => {
  it.each([
    ['sample', makeArticle()],
    ['rich', makeRichArticle()],
    ['picture without size or credit', makeArticle({ images: [{ url: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'Only a caption.' }] })],
    ['picture with creator and its own notice', makeArticle({ images: [{ url: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'C.', creator: 'Li Hao', copyright: '© 2024 Xinhua' }] })],
    ['three bylines, keywords and a dateline', makeArticle({ authors: [{ name: 'A' }, { name: 'B' }, { name: 'C' }], keywords: ['R&D', '贸易'], dateline: 'SHANGHAI' })],
    ['withdrawn (a notice, version 3, two photos)', withdrawn()],
    ['withdrawn at first sight (a notice without photos or reason)', makeArticle({ status: 'withdrawn' })],
  ])('finds nothing wrong with the %s article, under either profile', (_name, article) => {
    const text = toNewsMessage(article, site);
    expect(validate(text)).toEqual([]);
    expect(validateStandard(text)).toEqual([]);
  });

  it('states the text item\'s facts when the publication is known, none without it', () => {
    const text = rich();
    const known = checkFile('newsml', text, PATH, { profile: 'syndicate', site, publicPath: PATH }).facts;
    expect(known.map((f) => [f.guid, f.images?.length])).toEqual([['tag:globaltimes.cn,2024:article:rich-story', 2]]);
    expect(checkFile('newsml', text, PATH, { profile: 'syndicate', publicPath: PATH }).facts).toEqual([]);
  });
});

describe('NewsML-G2 validation of a damaged file', () => {
  it('not-well-formed: reports a parse error with its position instead of throwing', () => {
    const diagnostics = validate('<?xml version="1.0"?>\n<newsMessage><header></newsMessage>\n');
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['not-well-formed']);
    expect(diagnostics[0]).toMatchObject({ file: PATH, severity: 'error', source: 'validate:newsml', line: 2, origin: RICH_SOURCE });
    expect(validate('').map((d) => d.ruleId)).toEqual(['not-well-formed']);
  });

  it('reports every cut of our output and never throws', () => {
    expectDamageReported(rich(), validate);
  });
});

/**
 * Each house rule broken one way in our own output: exactly that rule, at the element concerned, an error
 * under the syndicate profile, and nothing under the standard profile (IPTC allows every one of these).
 */
const HOUSE_CASES: [rule: string, name: string, make: () => string, at: (text: string) => number][] = [
  ['message-shape', 'a newsItem before the packageItem', () => broken((t) => t.replace(/(<packageItem[\s\S]*?<\/packageItem>)(\s*)(<newsItem[\s\S]*?<\/newsItem>)/, '$3$2$1')), (t) => lineOf(t, '<newsItem ')],
  ['message-shape', 'the text item classed as a video', () => broken((t) => t.replace(/(<itemMeta>\s*)<itemClass qcode="ninat:text"\/>/, '$1<itemClass qcode="ninat:video"/>')), (t) => lineOf(t, 'ninat:video')],
  ['message-shape', 'the text item alone, without its message', textItemAlone, (t) => lineOf(t, '<newsItem ')],
  ['message-shape', 'a message holding only the package', () => broken((t) => t.replace(/\s*<newsItem [\s\S]*<\/newsItem>/, '')), (t) => lineOf(t, '<itemSet>')],
  ['standard-version', 'standardversion 2.34', () => broken((t) => t.replace('standardversion="2.35"', 'standardversion="2.34"')), (t) => lineOf(t, '<packageItem ')],
  ['conformance-power', 'no conformance (so core)', () => broken((t) => t.replace(' conformance="power"', '')), (t) => lineOf(t, '<packageItem ')],
  ['conformance-power', 'conformance core', () => broken((t) => t.replace('conformance="power"', 'conformance="core"')), (t) => lineOf(t, '<packageItem ')],
  ['item-version', 'the package without @version', () => broken((t) => t.replace(' version="1" xml:lang', ' xml:lang')), (t) => lineOf(t, '<packageItem ')],
  ['iptc-catalog', "IPTC's catalog 32 instead of 40", () => broken((t) => t.replace('IPTC-G2-Standards_40.xml', 'IPTC-G2-Standards_32.xml')), (t) => lineOf(t, 'IPTC-G2-Standards_32.xml')],
  ['undeclared-alias', "the package without the inline catalog of its group: alias", () => broken((t) => t.replace(/\s*<catalog>[\s\S]*?<\/catalog>/, '')), (t) => lineOf(t, '<group id="root"')],
  ['undeclared-alias', 'an IPTC signal in the header, which references no catalog', () => broken((t) => t.replace(/(<sent>[^<]*<\/sent>)/, '$1<signal qcode="sig:update"/>')), (t) => lineOf(t, '<signal ')],
  ['pub-status', 'the package without pubStatus', () => broken((t) => t.replace(/\s*<pubStatus qcode="stat:usable"\/>/, '')), (t) => lineOf(t, '<itemMeta>')],
  ['pub-status', 'the package withheld', () => broken((t) => t.replace('<pubStatus qcode="stat:usable"/>', '<pubStatus qcode="stat:withheld"/>')), (t) => lineOf(t, 'stat:withheld')],
  ['rights-notice', "the text item's rights without a notice", () => broken((t) => replaceNth(t, /\s*<copyrightNotice>[^<]*<\/copyrightNotice>/, 2, '')), (t) => lineAfter(t, '<newsItem ', '<rightsInfo>')],
  ['itemref-complete', 'an itemRef without title', () => broken((t) => t.replace(/(<itemRef [^>]*>[\s\S]*?)\s*<title>[^<]*<\/title>/, '$1')), (t) => lineOf(t, '<itemRef ')],
  ['itemref-complete', 'an itemRef without version', () => broken((t) => t.replace(/(<itemRef residref="[^"]*") version="1"/, '$1')), (t) => lineOf(t, '<itemRef ')],
  ['xhtml-body', 'html without head', () => broken((t) => t.replace(/\s*<head>[\s\S]*?<\/head>/, '')), (t) => lineOf(t, '<html ')],
  ['xhtml-body', 'a div instead of html', () => broken((t) => t.replace('<html xmlns=', '<div xmlns=').replace('</html>', '</div>')), (t) => lineOf(t, '<inlineXML ')],
  ['xhtml-body', 'a text/html body', () => broken((t) => t.replace('contenttype="application/xhtml+xml"', 'contenttype="text/html"')), (t) => lineOf(t, '<inlineXML ')],
];

describe('NewsML-G2 house rules', () => {
  it.each(HOUSE_CASES)('%s: %s', (rule, _name, make, at) => {
    const text = make();
    const diagnostics = validate(text);
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.severity])).toEqual([[rule, at(text), 'error']]);
    expect(diagnostics[0]).toMatchObject({ file: PATH, source: 'validate:newsml', origin: RICH_SOURCE });
  });

  it.each(HOUSE_CASES)('silent under the standard profile: %s (%s)', (_rule, _name, make) => {
    expect(validateStandard(make())).toEqual([]);
  });

  it('every house rule is tested here or in the lifecycle tests, and no house id is a standard id', () => {
    const here = new Set(HOUSE_CASES.map(([rule]) => rule));
    const lifecycle = ['version-signal', 'canceled-correction', 'correction-note', 'ref-version', 'ref-pubstatus'];
    const below = ['item-parts', 'notice-content'];
    expect(HOUSE_NEWSML_RULES.map((r) => r.id).filter((id) => !here.has(id) && !lifecycle.includes(id) && !below.includes(id))).toEqual([]);
    const standard = new Set(NEWSML_RULES_HOUSE.map((r) => r.id));
    expect(HOUSE_NEWSML_RULES.filter((r) => standard.has(r.id))).toEqual([]);
  });

  it('undeclared-alias: says which alias, and what to add', () => {
    const noCatalog = HOUSE_CASES.find(([, name]) => name.includes('inline catalog'))![2]();
    expect(validate(noCatalog)[0]?.message).toMatch(/group:main" uses the scheme alias "group".*declare it in this item with <catalog><scheme alias="group"/);
    const header = HOUSE_CASES.find(([, name]) => name.includes('header'))![2]();
    expect(validate(header)[0]?.message).toContain(`add <catalogRef href="${IPTC_CATALOG}"/> to the header, after <sent>`);
    expect(validate(header.replace('<signal qcode="sig:update"/>', `<catalogRef href="${IPTC_CATALOG}"/><signal qcode="sig:update"/>`))).toEqual([]);
  });

  it('undeclared-alias: an alias declared inline under another name is accepted', () => {
    expect(validate(broken((t) => t.replace('<scheme alias="group"', '<scheme alias="grp"').replace('role="group:main"', 'role="grp:main"')))).toEqual([]);
  });

  it('itemref-complete: names what is missing', () => {
    expect(validate(HOUSE_CASES.find(([, name]) => name === 'an itemRef without version')![2]())[0]?.message).toMatch(/lacks @version;/);
  });

  it('a house finding on an element the standard layer already reported is left out: one finding, in the standard\'s words', () => {
    // An itemRef without residref has no target (IPTC's link-target); itemref-complete would say it too.
    expect(found(broken((t) => t.replace(/<itemRef residref="[^"]*" /, '<itemRef ')))).toEqual([['link-target', 33]]);
    // A link without a target is only a warning for anyone's file, an error in our own message.
    expect(validate(broken((t) => t.replace(/<itemRef residref="[^"]*" /, '<itemRef '))).map((d) => d.severity)).toEqual(['error']);
    expect(validateStandard(broken((t) => t.replace(/<itemRef residref="[^"]*" /, '<itemRef '))).map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['link-target warning']);
    // conformance "full" is neither core nor power (the guidelines' conformance-value), nor power.
    expect(found(broken((t) => t.replace('conformance="power"', 'conformance="full"')))).toEqual([['conformance-value', 7]]);
    // No catalog at all: the standard's catalog-missing, not also iptc-catalog.
    expect(found(broken((t) => replaceNth(t, /\s*<catalogRef [^>]*\/>/, 2, '')))).toEqual([['catalog-missing', 68]]);
  });
});

/**
 * The guidelines' warnings that syndicate's own output never carries: errors for it (the build fails), the
 * guidelines' warnings for anyone's file.
 */
const WARNINGS_MADE_ERRORS: [rule: string, name: string, make: () => string, at: (text: string) => number][] = [
  ['datetime-zone', 'sent without offset', () => broken((t) => t.replace('<sent>2024-09-05T10:15:00+08:00</sent>', '<sent>2024-09-05T10:15:00</sent>')), (t) => lineOf(t, '<sent>')],
  ['datetime-zone', 'contentModified without offset', () => broken((t) => t.replace(/<contentModified>[^<]*</, '<contentModified>2024-09-05T10:15:00<')), (t) => lineOf(t, '<contentModified>')],
  ['item-language', 'the package without xml:lang', () => broken((t) => t.replace(' xml:lang="en">', '>')), (t) => lineOf(t, '<packageItem ')],
  ['standard-name', 'standard NewsML', () => broken((t) => t.replace('standard="NewsML-G2"', 'standard="NewsML"')), (t) => lineOf(t, '<packageItem ')],
  ['conformance-value', 'conformance full', () => broken((t) => t.replace('conformance="power"', 'conformance="full"')), (t) => lineOf(t, '<packageItem ')],
  ['content-type', 'an inlineXML without contenttype', () => broken((t) => t.replace(' contenttype="application/xhtml+xml"', '')), (t) => lineOf(t, '<inlineXML')],
  ['catalog-missing', 'the text item without any catalog', () => broken((t) => replaceNth(t, /\s*<catalogRef [^>]*\/>/, 2, '')), (t) => lineOf(t, '<newsItem ')],
  ['unknown-element-lax', 'a misspelt element in an itemRef', () => broken((t) => t.replace(/<title>([^<]*)<\/title>/, '<title>$1</title><titel>$1</titel>')), (t) => lineOf(t, '<titel>')],
];

describe("NewsML-G2 guidelines' warnings: errors for our own output", () => {
  it.each(WARNINGS_MADE_ERRORS)('%s: %s', (rule, _name, make, at) => {
    const text = make();
    expect(validate(text).map((d) => [d.ruleId, d.line, d.severity])).toEqual([[rule, at(text), 'error']]);
    expect(validateStandard(text).map((d) => [d.ruleId, d.line, d.severity])).toEqual([[rule, at(text), 'warning']]);
  });

  it('qcode-alias: a package whose only catalog is inline must declare IPTC\'s aliases too (and iptc-catalog says why it should not be inline)', () => {
    const text = broken((t) => t.replace(/\s*<catalogRef [^>]*\/>/, ''));
    const diagnostics = validate(text);
    expect([...new Set(diagnostics.map((d) => `${d.ruleId} ${d.severity}`))].sort()).toEqual(['iptc-catalog error', 'qcode-alias error']);
    expect(diagnostics.find((d) => d.ruleId === 'iptc-catalog')?.line).toBe(lineOf(text, '<packageItem '));
    expect(diagnostics.filter((d) => d.ruleId === 'qcode-alias').map((d) => /alias "([^"]+)"/.exec(d.message)?.[1])).toEqual(['ninat', 'stat', 'drol']);
    expect(validateStandard(text).map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['qcode-alias warning', 'qcode-alias warning', 'qcode-alias warning']);
  });

  it('declares exactly those warnings house errors, and leaves the standard errors as they are', () => {
    const made = NEWSML_RULES_HOUSE.filter((r) => r.houseSeverity === 'error').map((r) => r.id).sort();
    expect(made).toEqual(['catalog-missing', 'conformance-value', 'content-type', 'datetime-zone', 'deprecated-attribute', 'item-language', 'link-target', 'qcode-alias', 'standard-name', 'unknown-element-lax']);
    expect(NEWSML_RULES_HOUSE.filter((r) => r.severity === 'warning' && r.houseSeverity === undefined)).toEqual([]);
  });
});

describe('NewsML-G2: what the old checks said is the standard layer\'s now', () => {
  it.each<[string, string, (t: string) => string, string]>([
    ['a group without @role (was group-role)', 'qualifier-required', (t) => t.replace(' role="group:main"', ''), '<group id="root"'],
    ['groupSet/@root naming no group (was groupset-root)', 'unresolved-idref', (t) => t.replace('<groupSet root="root">', '<groupSet root="main">'), '<groupSet '],
    ['an empty guid (was guid-version)', 'empty-guid', (t) => t.replace(/guid="[^"]*:package"/, 'guid=""'), '<packageItem '],
    ['no guid (was guid-version)', 'missing-attribute', (t) => t.replace(/ guid="[^"]*:package"/, ''), '<packageItem '],
    ['version 0 (was guid-version)', 'invalid-number', (t) => t.replace('version="1" xml:lang', 'version="0" xml:lang'), '<packageItem '],
    ['version 1.5 (was guid-version)', 'invalid-number', (t) => t.replace('version="1" xml:lang', 'version="1.5" xml:lang'), '<packageItem '],
    ['a malformed QCode (was our XSD)', 'invalid-qcode', (t) => t.replace('qcode="medtop:14000000"', 'qcode="14000000"'), '<subject '],
    ['a slugline with a line break (was our XSD)', 'invalid-value', (t) => t.replace('<slugline>rich-story</slugline>', '<slugline>rich\nstory</slugline>'), '<slugline>'],
  ])('%s: %s', (_name, rule, edit, needle) => {
    const text = broken(edit);
    expect(found(text)).toEqual([[rule, lineOf(text, needle)]]);
  });

  it('descriptive metadata before administrative (was our XSD): element-order, at each administrative element after it', () => {
    const text = broken((t) => t.replace(/(<contentCreated>[^<]*<\/contentCreated>)([\s\S]*?)(<language tag="en"\/>)/, '$3$2$1'));
    const diagnostics = found(text);
    expect(diagnostics[0]).toEqual(['element-order', lineOf(text, '<contentModified>')]);
    expect(new Set(diagnostics.map(([rule]) => rule))).toEqual(new Set(['element-order']));
  });

  it('a contentCreated that is a date has no time, so it needs no offset', () => {
    expect(validate(broken((t) => t.replace(/<contentCreated>[^<]*</, '<contentCreated>2024-09-05<')))).toEqual([]);
  });

  it('two elements in inlineXML are IPTC\'s error; xhtml-body does not say it again', () => {
    const text = broken((t) => t.replace('</html>', '</html><html xmlns="http://www.w3.org/1999/xhtml"/>'));
    expect(validate(text).map((d) => d.ruleId)).not.toContain('xhtml-body');
    expect(validate(text).map((d) => d.severity)).toContain('error');
    expect(validateStandard(text).map((d) => d.ruleId)).toEqual(validate(text).map((d) => d.ruleId));
  });
});

describe('NewsML-G2: what an item holds follows its pubStatus (item-parts, notice-content)', () => {
  it.each<[string, (t: string) => string, string, string]>([
    ['the text item without contentMeta', (t) => t.replace(/(<newsItem [^>]*guid="tag:[^"]*rich-story"[\s\S]*?)<contentMeta>[\s\S]*?<\/contentMeta>/, '$1'), '<newsItem ', 'newsItem tag:globaltimes.cn,2024:article:rich-story is usable (pubStatus stat:usable) but has no <contentMeta>; add <contentMeta>'],
    ['the package without contentMeta', (t) => t.replace(/<contentMeta>\s*<slugline>[\s\S]*?<\/contentMeta>/, ''), '<packageItem ', 'packageItem tag:globaltimes.cn,2024:article:rich-story:package is usable (pubStatus stat:usable) but has no <contentMeta>'],
    ['the package without groupSet', (t) => t.replace(/<groupSet [\s\S]*?<\/groupSet>/, ''), '<packageItem ', 'but has no <groupSet>; add <groupSet> (a usable packageItem always has <contentMeta>, <groupSet>;'],
    ['a picture without contentSet', (t) => t.replace(/<contentSet>\s*<remoteContent [^>]*\/>\s*<\/contentSet>/, ''), 'photo-1" version="1" xml:lang', 'newsItem tag:globaltimes.cn,2024:article:rich-story:photo-1 is usable (pubStatus stat:usable) but has no <contentSet>'],
    ['a picture without rightsInfo', (t) => t.replace(/(<newsItem [^>]*photo-2"[^>]*>\s*<catalogRef [^>]*\/>)\s*<rightsInfo>[\s\S]*?<\/rightsInfo>/, '$1'), 'photo-2" version="1" xml:lang', 'photo-2 is usable (pubStatus stat:usable) but has no <rightsInfo>'],
  ])('a usable item carries its content: %s is rejected', (_name, edit, needle, message) => {
    const text = broken(edit);
    const diagnostics = validate(text);
    expect(diagnostics.map((d) => [d.ruleId, d.line, d.severity])).toEqual([['item-parts', lineOf(text, needle), 'error']]);
    expect(diagnostics[0]!.message).toContain(message);
    expect(validateStandard(text)).toEqual([]);
  });

  it('an item without pubStatus is usable by default, so it still needs its content', () => {
    const text = broken((t) => t.replace(/(<newsItem [^>]*guid="tag:[^"]*rich-story"[\s\S]*?)\s*<pubStatus qcode="stat:usable"\/>([\s\S]*?)<contentMeta>[\s\S]*?<\/contentMeta>/, '$1$2'));
    expect(found(text)).toEqual([
      ['pub-status', lineAfter(text, '<newsItem ', '<itemMeta>')],
      ['item-parts', lineOf(text, '<newsItem ')],
    ]);
    expect(validate(text)[1]!.message).toContain('is usable (pubStatus absent, so stat:usable) but has no <contentMeta>');
  });

  it('notice-content: a canceled item that carries contentMeta is rejected, at the element, saying what to remove', () => {
    const text = brokenText(toNewsMessage(withdrawn(), site), (t) => t.replace(/(<newsItem [^>]*guid="tag:[^"]*rich-story"[\s\S]*?<\/itemMeta>)/, '$1<contentMeta><language tag="en"/><description role="drol:summary">The withdrawn summary.</description></contentMeta>'));
    const diagnostics = validate(text);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        ruleId: 'notice-content',
        line: lineOf(text, '<contentMeta>'),
        message: expect.stringContaining('newsItem tag:globaltimes.cn,2024:article:rich-story has pubStatus stat:canceled but carries <contentMeta>; a withdrawal notice carries no text of the withdrawn story'),
      }),
    ]);
    expect(diagnostics[0]!.message).toMatch(/remove <contentMeta>$/);
    expect(validateStandard(text)).toEqual([]);
  });

  it('notice-content: the old withdrawn form (every item canceled with its content) is rejected item by item', () => {
    const text = broken((t) => t.replaceAll('stat:usable', 'stat:canceled'));
    expect(validate(text).map((d) => [d.ruleId, /^(\S+ \S+) has pubStatus stat:canceled but carries (.*?);/.exec(d.message)?.slice(1)])).toEqual([
      ['notice-content', ['packageItem tag:globaltimes.cn,2024:article:rich-story:package', '<contentMeta>, <groupSet>']],
      ['notice-content', ['newsItem tag:globaltimes.cn,2024:article:rich-story', '<contentMeta>, <contentSet>']],
      ['notice-content', ['newsItem tag:globaltimes.cn,2024:article:rich-story:photo-1', '<contentMeta>, <contentSet>']],
      ['notice-content', ['newsItem tag:globaltimes.cn,2024:article:rich-story:photo-2', '<contentMeta>, <contentSet>']],
    ]);
  });
});
