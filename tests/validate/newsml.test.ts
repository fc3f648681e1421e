import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { toNewsMessage } from '../../src/emit/newsml.ts';
import type { Article } from '../../src/model/article.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { validateNewsml } from '../../src/validate/newsml.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { brokenText, distinctRuleIds, lineOf, outputFile } from '../helpers/validate.ts';

const site = makeSite();

function file(text: string): OutputFile {
  return outputFile('newsml', 'articles/rich-story/newsml.xml', text);
}

function validate(text: string): Diagnostic[] {
  return validateNewsml(file(text), site);
}

/** The distinct rule ids found, leaving out the generic `schema` findings our XSD adds for the same defect. */
function ruleIds(text: string): string[] {
  return distinctRuleIds(validate(text));
}

/** The rich fixture withdrawn at version 3: its message is a withdrawal notice. */
function withdrawn(): Article {
  return makeRichArticle({ version: 3, signal: 'withdrawal', dateModified: '2024-09-05T12:00:00+08:00', status: 'withdrawn', withdrawalReason: 'Legal advice.' });
}

/** Our output for the rich fixture, edited by `edit`; fails loudly when the edit did not apply. */
function broken(edit: (text: string) => string): string {
  return brokenText(toNewsMessage(makeRichArticle(), site), edit);
}

describe('validateNewsml on our own output', () => {
  it.each([
    ['sample', makeArticle()],
    ['rich', makeRichArticle()],
    ['picture without size or credit', makeArticle({ images: [{ url: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'Only a caption.' }] })],
    ['picture with creator and its own notice', makeArticle({ images: [{ url: 'https://www.globaltimes.cn/photo/c.jpg', caption: 'C.', creator: 'Li Hao', copyright: '© 2024 Xinhua' }] })],
    ['three bylines, keywords and a dateline', makeArticle({ authors: [{ name: 'A' }, { name: 'B' }, { name: 'C' }], keywords: ['R&D', '贸易'], dateline: 'SHANGHAI' })],
    ['withdrawn (a notice, version 3, two photos)', withdrawn()],
    ['withdrawn at first sight (a notice without photos or reason)', makeArticle({ status: 'withdrawn' })],
  ])('finds nothing wrong with the %s article', (_name, article) => {
    expect(validate(toNewsMessage(article, site))).toEqual([]);
  });
});

describe('validateNewsml rules', () => {
  it('not-well-formed: reports a parse error with its position instead of throwing', () => {
    const found = validate('<?xml version="1.0"?>\n<newsMessage><header></newsMessage>\n');
    expect(found.map((d) => d.ruleId)).toEqual(['not-well-formed']);
    expect(found[0]).toMatchObject({ file: 'articles/rich-story/newsml.xml', severity: 'error', source: 'validate:newsml', line: 2, origin: 'input/articles/rich-story.txt' });
    expect(() => validate('')).not.toThrow();
    expect(validate('').map((d) => d.ruleId)).toEqual(['not-well-formed']);
  });

  it('schema: our XSD reports elements out of order', () => {
    const text = broken((t) => t.replace(/(<slugline>[^<]*<\/slugline>)\s*(<headline>[^<]*<\/headline>)/, '$2$1'));
    expect(validate(text).map((d) => d.ruleId)).toEqual(['schema']);
  });

  it('group-role: a group without @role', () => {
    const text = broken((t) => t.replace(' role="group:main"', ''));
    expect(ruleIds(text)).toEqual(['group-role']);
    const finding = validate(text).find((d) => d.ruleId === 'group-role');
    expect(finding).toMatchObject({ severity: 'error', source: 'validate:newsml', line: lineOf(text, '<group id="root"'), origin: 'input/articles/rich-story.txt' });
    expect(finding?.message).toMatch(/@role/);
  });

  it('groupset-root: groupSet/@root names no group', () => {
    expect(ruleIds(broken((t) => t.replace('<groupSet root="root">', '<groupSet root="main">')))).toEqual(['groupset-root']);
  });

  it('itemref-complete: an itemRef without title or version', () => {
    expect(ruleIds(broken((t) => t.replace(/(<itemRef [^>]*>[\s\S]*?)<title>[^<]*<\/title>/, '$1')))).toEqual(['itemref-complete']);
    const noVersion = broken((t) => t.replace(/(<itemRef residref="[^"]*") version="1"/, '$1'));
    expect(ruleIds(noVersion)).toEqual(['itemref-complete']);
    expect(validate(noVersion).find((d) => d.ruleId === 'itemref-complete')?.message).toMatch(/@version/);
  });

  it('xhtml-body: html without head, a div instead of html, or a non-XHTML content type', () => {
    // IPTC's XSD and ours both let any one XHTML element through; only the rule sees these.
    expect(validate(broken((t) => t.replace(/<head>[\s\S]*?<\/head>/, ''))).map((d) => d.ruleId)).toEqual(['xhtml-body']);
    expect(validate(broken((t) => t.replace('<html xmlns=', '<div xmlns=').replace('</html>', '</div>'))).map((d) => d.ruleId)).toEqual(['xhtml-body']);
    expect(ruleIds(broken((t) => t.replace('contenttype="application/xhtml+xml"', 'contenttype="text/html"')))).toEqual(['xhtml-body']);
  });

  it('undeclared-alias: the group alias without its inline catalog, IPTC aliases without the IPTC catalog', () => {
    const noCatalog = broken((t) => t.replace(/<catalog>[\s\S]*?<\/catalog>/, ''));
    expect(ruleIds(noCatalog)).toEqual(['undeclared-alias']);
    expect(validate(noCatalog).find((d) => d.ruleId === 'undeclared-alias')?.message).toMatch(/"group"/);
    // The text item (second catalogRef in the document) loses IPTC's catalog: ninat, stat, cpnat, medtop, … become unresolvable.
    let seen = 0;
    const noIptc = broken((t) => t.replace(/<catalogRef [^>]*\/>/g, (m) => (++seen === 2 ? '' : m)));
    expect(ruleIds(noIptc)).toEqual(['undeclared-alias']);
    expect(validate(noIptc).filter((d) => d.ruleId === 'undeclared-alias').map((d) => /="([^"]+)"/.exec(d.message)?.[1])).toEqual(
      expect.arrayContaining(['ninat:text', 'stat:usable', 'irel:seeAlso', 'cpnat:abstract', 'medtop:14000000', 'drol:summary']),
    );
  });

  it('undeclared-alias: an alias declared inline under another name is accepted', () => {
    const renamed = broken((t) => t.replace('<scheme alias="group"', '<scheme alias="grp"').replace('role="group:main"', 'role="grp:main"'));
    expect(validate(renamed)).toEqual([]);
  });

  it('datetime-offset: a time without UTC offset', () => {
    expect(ruleIds(broken((t) => t.replace('<sent>2024-09-05T10:15:00+08:00</sent>', '<sent>2024-09-05T10:15:00</sent>')))).toEqual(['datetime-offset']);
    expect(ruleIds(broken((t) => t.replace(/<contentModified>[^<]*</, '<contentModified>2024-09-05T10:15:00<')))).toEqual(['datetime-offset']);
    // A truncated date has no time, so it needs no offset (our XSD still wants the full date-time).
    expect(ruleIds(broken((t) => t.replace(/<contentCreated>[^<]*</, '<contentCreated>2024-09-05<')))).toEqual([]);
  });

  it('guid-version: an empty guid or a version that is not a positive integer', () => {
    expect(ruleIds(broken((t) => t.replace(/guid="[^"]*:package"/, 'guid=""')))).toEqual(['guid-version']);
    expect(ruleIds(broken((t) => t.replace('version="1" xml:lang', 'version="0" xml:lang')))).toEqual(['guid-version']);
    expect(ruleIds(broken((t) => t.replace('version="1" xml:lang', 'version="1.5" xml:lang')))).toEqual(['guid-version']);
  });
});

describe('validateNewsml: what an item holds follows its pubStatus (the schema part XSD 1.0 cannot express)', () => {
  it.each<[string, (t: string) => string, string]>([
    ['the text item without contentMeta', (t) => t.replace(/(<newsItem [^>]*guid="tag:[^"]*rich-story"[\s\S]*?)<contentMeta>[\s\S]*?<\/contentMeta>/, '$1'), 'newsItem tag:globaltimes.cn,2024:article:rich-story is usable (pubStatus stat:usable) but has no <contentMeta>; add <contentMeta>'],
    ['the package without contentMeta', (t) => t.replace(/<contentMeta>\s*<slugline>[\s\S]*?<\/contentMeta>/, ''), 'packageItem tag:globaltimes.cn,2024:article:rich-story:package is usable (pubStatus stat:usable) but has no <contentMeta>'],
    ['the package without groupSet or catalog', (t) => t.replace(/<groupSet [\s\S]*?<\/groupSet>/, '').replace(/<catalog>[\s\S]*?<\/catalog>/, ''), 'but has no <catalog>, <groupSet>; add <catalog>, <groupSet>'],
    ['a picture without contentSet', (t) => t.replace(/<contentSet>\s*<remoteContent [^>]*\/>\s*<\/contentSet>/, ''), 'newsItem tag:globaltimes.cn,2024:article:rich-story:photo-1 is usable (pubStatus stat:usable) but has no <contentSet>'],
    ['a picture without rightsInfo', (t) => t.replace(/(<newsItem [^>]*photo-2"[^>]*>\s*<catalogRef [^>]*\/>)\s*<rightsInfo>[\s\S]*?<\/rightsInfo>/, '$1'), 'photo-2 is usable (pubStatus stat:usable) but has no <rightsInfo>'],
    ['an item without pubStatus (usable by default) and without contentMeta', (t) => t.replace(/(<newsItem [^>]*guid="tag:[^"]*rich-story"[\s\S]*?)<pubStatus qcode="stat:usable"\/>([\s\S]*?)<contentMeta>[\s\S]*?<\/contentMeta>/, '$1$2'), 'is usable (pubStatus absent, so stat:usable) but has no <contentMeta>'],
  ])('a usable item must still carry its content: %s is rejected', (_name, edit, message) => {
    const found = validate(broken(edit));
    // Only `schema` errors (a missing pubStatus also draws the XSD's own finding).
    expect(found.map((d) => [d.severity, d.ruleId])).toEqual(found.map(() => ['error', 'schema']));
    expect(found).toContainEqual(expect.objectContaining({ severity: 'error', ruleId: 'schema', message: expect.stringContaining(message) }));
  });

  it('a canceled item that carries contentMeta is rejected, at the element, saying what to remove', () => {
    const notice = toNewsMessage(withdrawn(), site);
    const text = brokenText(notice, (t) => t.replace(/(<newsItem [^>]*guid="tag:[^"]*rich-story"[\s\S]*?<\/itemMeta>)/, '$1<contentMeta><language tag="en"/><description role="drol:summary">The withdrawn summary.</description></contentMeta>'));
    const found = validate(text);
    expect(found).toEqual([
      expect.objectContaining({
        severity: 'error',
        ruleId: 'notice-content',
        line: lineOf(text, '<contentMeta>'),
        message: expect.stringContaining('newsItem tag:globaltimes.cn,2024:article:rich-story has pubStatus stat:canceled but carries <contentMeta>; a withdrawal notice carries no text of the withdrawn story'),
      }),
    ]);
    expect(found[0]!.message).toMatch(/remove <contentMeta>$/);
  });

  it('the old withdrawn form (every item canceled with its content) is rejected item by item', () => {
    const text = broken((t) => t.replaceAll('stat:usable', 'stat:canceled'));
    expect(validate(text).map((d) => [d.ruleId, /^(\S+ \S+) has pubStatus stat:canceled but carries (.*?);/.exec(d.message)?.slice(1)])).toEqual([
      ['notice-content', ['packageItem tag:globaltimes.cn,2024:article:rich-story:package', '<contentMeta>, <groupSet>']],
      ['notice-content', ['newsItem tag:globaltimes.cn,2024:article:rich-story', '<contentMeta>, <contentSet>']],
      ['notice-content', ['newsItem tag:globaltimes.cn,2024:article:rich-story:photo-1', '<contentMeta>, <contentSet>']],
      ['notice-content', ['newsItem tag:globaltimes.cn,2024:article:rich-story:photo-2', '<contentMeta>, <contentSet>']],
    ]);
  });
});
