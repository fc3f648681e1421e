// Issue 5: the validators' rules for versions, signals, withdrawal, embargo and corrections.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { emitJsonLd } from '../../src/emit/jsonld.ts';
import { toNewsMessage } from '../../src/emit/newsml.ts';
import { toNinjs, type NinjsItem } from '../../src/emit/ninjs.ts';
import type { Article } from '../../src/model/article.ts';
import { makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { brokenJson, brokenText, lineOf, outputFile, validateFile } from '../helpers/validate.ts';

const site = makeSite();

const corrected = (): Article => makeRichArticle({ version: 3, signal: 'correction', dateModified: '2024-09-05T11:00:00+08:00', correction: 'The port was misnamed.' });
const withdrawn = (): Article => makeRichArticle({ version: 4, signal: 'withdrawal', dateModified: '2024-09-05T12:00:00+08:00', status: 'withdrawn', withdrawalReason: 'Legal advice.' });
const embargoed = (): Article => makeRichArticle({ embargo: '2024-09-06T00:00:00+08:00' });

/** What the build says of `text` as its newsml.xml (both layers, the syndicate profile). */
function validateXml(text: string): Diagnostic[] {
  return validateFile(outputFile('newsml', 'articles/rich-story/newsml.xml', text), site);
}

/** Each finding as [rule id, line, severity]. */
function found(text: string): [string, number | undefined, string][] {
  return validateXml(text).map((d) => [d.ruleId, d.line, d.severity]);
}

/** 1-based line of the `n`th (1-based) occurrence of `needle`. */
function lineOfNth(text: string, needle: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) at = text.indexOf(needle, at + 1);
  return text.slice(0, at).split('\n').length;
}

/** `article`'s NewsML-G2 edited by `edit` (fails loudly when the edit does not apply). */
function brokenNewsml(article: Article, edit: (text: string) => string): string {
  return brokenText(toNewsMessage(article, site), edit);
}

describe('NewsML-G2: versions and signals', () => {
  it.each([
    ['corrected', corrected],
    ['withdrawn', withdrawn],
    ['embargoed', embargoed],
  ])('finds nothing wrong with the %s story', (_name, article) => {
    expect(validateXml(toNewsMessage(article(), site))).toEqual([]);
  });

  it('version-signal: a version above 1 without a signal, at the itemMeta of the package and the text item', () => {
    const text = brokenNewsml(corrected(), (t) => t.replace(/\s*<signal qcode="sig:correction"\/>/g, ''));
    expect(found(text)).toEqual([
      ['version-signal', lineOfNth(text, '<itemMeta>', 1), 'error'],
      ['version-signal', lineOfNth(text, '<itemMeta>', 2), 'error'],
    ]);
    expect(validateXml(text)[0]!.message).toContain('is version 3 but its itemMeta has no <signal');
  });

  it('version-signal: a first version that signals an update', () => {
    const text = brokenNewsml(makeRichArticle(), (t) => t.replace('<pubStatus qcode="stat:usable"/>', '<pubStatus qcode="stat:usable"/><signal qcode="sig:update"/>'));
    expect(found(text)).toEqual([['version-signal', lineOf(text, '<itemMeta>'), 'error']]);
  });

  it('version-signal: a signal outside the two we send (sig:kill) says nothing of why the version was issued', () => {
    const text = brokenNewsml(corrected(), (t) => t.replace('qcode="sig:correction"', 'qcode="sig:kill"'));
    expect(found(text)).toEqual([['version-signal', lineOf(text, '<itemMeta>'), 'error']]);
  });

  it('canceled-correction: a withdrawal that signals a correction', () => {
    const text = brokenNewsml(withdrawn(), (t) => t.replace('<signal qcode="sig:update"/>', '<signal qcode="sig:correction"/>'));
    const diagnostics = validateXml(text);
    expect(found(text)).toEqual([['canceled-correction', lineOf(text, '<itemMeta>'), 'error']]);
    expect(diagnostics[0]!.message).toContain('a withdrawal is not a correction');
  });

  it('correction-note: a correction whose edNote is empty says nothing of what changed', () => {
    const text = brokenNewsml(corrected(), (t) => t.replace(/<edNote>[^<]*<\/edNote>/, '<edNote></edNote>'));
    expect(found(text)).toEqual([['correction-note', lineOf(text, '<itemMeta>'), 'error']]);
    expect(validateXml(brokenNewsml(corrected(), (t) => t.replace(/\s*<edNote>[^<]*<\/edNote>/, ''))).map((d) => d.ruleId)).toEqual(['correction-note']);
  });

  it('ref-version: an itemRef or link that names another version than its item', () => {
    const text = brokenNewsml(corrected(), (t) => t.replace(/(<itemRef residref="[^"]*" )version="3"/, '$1version="2"').replace(/(<link rel="irel:seeAlso" residref="[^"]*" )version="3"/, '$1version="1"'));
    const diagnostics = validateXml(text);
    expect(found(text)).toEqual([
      ['ref-version', lineOf(text, '<itemRef '), 'error'],
      ['ref-version', lineOf(text, '<link '), 'error'],
    ]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringContaining('itemRef to tag:globaltimes.cn,2024:article:rich-story has version "2", but the newsItem it points to in this message is version "3"'),
      expect.stringContaining('link to tag:globaltimes.cn,2024:article:rich-story:photo-1 has version "1"'),
    ]);
  });

  it('ref-pubstatus: a package that announces a withdrawn item as usable', () => {
    // A withdrawal notice has no itemRefs, so the text item of a usable story is canceled by hand (its content
    // then draws a `notice-content` finding too).
    const text = brokenNewsml(makeRichArticle(), (t) => t.replace(/(<newsItem [^>]*>[\s\S]*?)<pubStatus qcode="stat:usable"\/>/, '$1<pubStatus qcode="stat:canceled"/>'));
    expect(found(text)).toEqual([
      ['notice-content', lineOfNth(text, '<contentMeta>', 2), 'error'],
      ['ref-pubstatus', lineOf(text, '<itemRef '), 'error'],
    ]);
  });

  it.each<[string, Article, (t: string) => string, string, string]>([
    ['edNote after signal', corrected(), (t) => t.replace(/(<edNote>[^<]*<\/edNote>)(\s*)(<signal qcode="sig:correction"\/>)/, '$3$2$1'), 'element-order', '<edNote>'],
    ['embargoed after pubStatus', embargoed(), (t) => t.replace(/(<embargoed>[^<]*<\/embargoed>)(\s*)(<pubStatus qcode="stat:usable"\/>)/, '$3$2$1'), 'element-order', '<embargoed>'],
    ['embargoed without an offset', embargoed(), (t) => t.replace('<embargoed>2024-09-06T00:00:00+08:00</embargoed>', '<embargoed>2024-09-06T00:00:00</embargoed>'), 'datetime-zone', '<embargoed>'],
    ['a pubStatus outside usable and canceled', withdrawn(), (t) => t.replace('stat:canceled', 'stat:withheld'), 'pub-status', 'stat:withheld'],
  ])('%s: %s, once, at its line', (_name, article, edit, rule, needle) => {
    const text = brokenNewsml(article, edit);
    expect(found(text)).toEqual([[rule, lineOf(text, needle), 'error']]);
  });
});

describe('validateNinjs: version, status, embargo and notes', () => {
  const file = (text: string) => outputFile('ninjs', 'articles/rich-story/ninjs.json', text);

  it.each([
    ['corrected', corrected],
    ['withdrawn', withdrawn],
    ['embargoed', embargoed],
  ])('finds nothing wrong with the %s story', (_name, article) => {
    expect(validateFile(file(`${JSON.stringify(toNinjs(article(), site), null, 2)}\n`), site)).toEqual([]);
  });

  it('reports pubStatus "withheld" (never sent), an empty edNote and a version that is not a positive integer', () => {
    const text = brokenJson(toNinjs(withdrawn(), site), (item) => {
      (item as { pubStatus: string }).pubStatus = 'withheld';
      item.edNote = '';
      item.version = '4.0';
    });
    const found = validateFile(file(text), site);
    expect(found.map((d) => d.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^pubStatus:/), expect.stringMatching(/^edNote:/), expect.stringMatching(/^version:/)]),
    );
  });

  it('invalid-date-time: an embargo without offset is no RFC 3339 date-time (ninjs\'s own error, not repeated as date-offset)', () => {
    const text = brokenJson(toNinjs(embargoed(), site) as NinjsItem, (item) => {
      item.embargoedUntil = '2024-09-06T00:00:00';
    });
    expect(validateFile(file(text), site).map((d) => [d.ruleId, d.severity, d.line])).toEqual([['invalid-date-time', 'error', lineOf(text, '"embargoedUntil"')]]);
  });
});

describe('validateJsonLd: the correction notice', () => {
  const errors = (text: string) => validateFile(outputFile('jsonld', 'articles/rich-story/article.jsonld', text), site).filter((d) => d.severity === 'error');
  const graph = () => JSON.parse(emitJsonLd([corrected()], site)[0]!.text) as { '@graph': Record<string, unknown>[] };

  it('accepts the emitted CorrectionComment', () => {
    expect(errors(emitJsonLd([corrected()], site)[0]!.text)).toEqual([]);
  });

  it.each<[string, (correction: Record<string, unknown>) => void]>([
    ['a plain Comment', (c) => (c['@type'] = 'Comment')],
    ['no text', (c) => delete c['text']],
    ['a date without offset', (c) => (c['datePublished'] = '2024-09-05T11:00:00')],
    ['an unpromised property', (c) => (c['author'] = 'desk')],
  ])('rejects %s', (_name, edit) => {
    const text = brokenJson(graph(), (g) => edit(g['@graph'][0]!['correction'] as Record<string, unknown>));
    const found = errors(text);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((d) => d.message.includes('correction'))).toBe(true);
  });
});
