// The build's own record files: the versions state and the partners' index, checked like any output.
import { describe, expect, it } from 'vitest';
import { validateFile } from '../helpers/validate.ts';
import { makeSite } from '../helpers/fixtures.ts';

const site = makeSite();
const record = (id: string, guid = `urn:x:${id}`) => ({
  id,
  guid,
  source: `articles/${id}.txt`,
  version: 1,
  contentHash: 'h',
  firstCreated: '2024-09-04T21:03:00+08:00',
  versionCreated: '2024-09-04T21:03:00+08:00',
  status: 'usable',
  public: true,
});
const state = (articles: unknown[], builtAt = '2024-09-05T12:00:00Z') => ({ path: 'input/versions.json', format: 'state' as const, sources: [], text: JSON.stringify({ format: 'syndicate-state/1', builtAt, articles }) });
const held = (id: string, files: string[]) => ({ id, guid: `urn:x:${id}`, version: 1, status: 'embargoed', embargo: '2024-09-06T00:00:00+08:00', files });
const partners = (items: unknown[]) => ({ path: 'index.json', format: 'partners' as const, sources: [], text: JSON.stringify({ format: 'syndicate-partners/1', items }) });

describe('validateState', () => {
  it('accepts a state, with a build time given to the minute', () => {
    expect(validateFile(state([record('a'), record('b')], '2024-09-05T12:00+08:00'), site)).toEqual([]);
  });

  it('reports a duplicate id and a duplicate guid, naming the file as given', () => {
    expect(validateFile(state([record('a'), record('a', 'urn:x:other'), record('b', 'urn:x:a')]), site).map((d) => [d.file, d.ruleId])).toEqual([
      ['input/versions.json', 'duplicate-id'],
      ['input/versions.json', 'duplicate-guid'],
    ]);
  });

  it('reports a record without `public`, a build time without offset, and text that is not JSON', () => {
    const { public: _public, ...old } = record('a');
    expect(validateFile(state([old], '2024-09-05T12:00'), site).map((d) => d.message)).toEqual([expect.stringMatching(/^builtAt: /), expect.stringMatching(/^articles\.0\.public: /)]);
    expect(validateFile({ ...state([]), text: '{' }, site).map((d) => d.ruleId)).toEqual(['invalid-json']);
  });
});

describe('validatePartnerIndex', () => {
  it('accepts an index and reports a file listed twice', () => {
    expect(validateFile(partners([held('a', ['articles/a/newsml.xml'])]), site)).toEqual([]);
    expect(validateFile(partners([held('a', ['articles/a/newsml.xml']), held('b', ['articles/a/newsml.xml'])]), site).map((d) => [d.ruleId, d.message])).toEqual([
      ['duplicate-file', 'file "articles/a/newsml.xml" appears twice; every story has its own file'],
    ]);
  });

  it('reports a story with no files and a status it does not know', () => {
    expect(validateFile(partners([{ ...held('a', []), status: 'withheld' }]), site).map((d) => d.message)).toEqual([
      expect.stringMatching(/^items\.0\.status: /),
      expect.stringMatching(/^items\.0\.files: /),
    ]);
  });
});
