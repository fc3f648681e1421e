// Issue 5 end to end: a story published, rebuilt, edited, corrected and withdrawn through the real
// project build (versions state in input/, cache, staged writes), checking every output and the state
// after each step, against the official NewsML-G2 XSD where present.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSiteConfig } from '../../src/config.ts';
import type { State } from '../../src/model/state.ts';
import { buildProject } from '../../src/project/build.ts';
import { haveOfficialSchemas } from '../helpers/official.ts';
import { loadOfficialNewsmlXsd, officialErrors } from '../helpers/official-validators.ts';
import { projectRoot, readTree } from '../helpers/project.ts';

const ID = 'harbour-night-shift';
const GUID = `urn:example:news:${ID}`;
const SOURCE = `input/articles/${ID}.txt`;
const ORIGINAL = `---
keywords: [ports]
---
BUSINESS / SOCIETY
The harbour's night shift keeps trade moving
Published: Oct 20, 2024 06:45 PM
By Zoe Muller

Ports never sleep, and neither do the people who run them.

Container volumes rose 12% in a year, according to the port authority.
`;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function makeProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'syndicate-lifecycle-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'input/articles'), { recursive: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/newsroom/input/site.json'), path.join(dir, 'input/site.json'));
  // A second story, so feeds never become empty and the build never has nothing to list.
  cpSync(path.join(projectRoot, 'tests/fixtures/newsroom/input/articles/science-brief.txt'), path.join(dir, 'input/articles/science-brief.txt'));
  return dir;
}

async function step(dir: string, source: string | undefined, now: string, options: { cacheDir?: string | undefined } = {}) {
  const file = path.join(dir, SOURCE);
  if (source === undefined) rmSync(file, { force: true });
  else writeFileSync(file, source);
  const { config } = readSiteConfig(readFileSync(path.join(dir, 'input/site.json'), 'utf8'), 'input/site.json');
  const result = await buildProject({ cwd: dir, inputDir: 'input', outDir: 'dist', site: config!, toolVersion: 'test', now, cacheDir: '.cache', ...options });
  const tree = readTree(path.join(dir, 'dist'));
  const partners = existsSync(path.join(dir, 'dist-partners')) ? readTree(path.join(dir, 'dist-partners')) : {};
  let state = {} as State;
  try {
    state = JSON.parse(readFileSync(path.join(dir, 'input/versions.json'), 'utf8')) as State;
  } catch {
    // A test damaged or removed it on purpose.
  }
  return { result, tree, partners, state, record: state.articles?.find((r) => r.id === ID) };
}

/** The text item's version, signal and pubStatus, and the package's and itemRef's versions. */
function newsml(xml: string | undefined) {
  const text = xml ?? '';
  const textItem = /<newsItem [^>]*guid="([^"]+)"[^>]*version="(\d+)"[\s\S]*?<itemClass qcode="ninat:text"\/>[\s\S]*?<\/newsItem>/.exec(text);
  const item = textItem?.[0] ?? '';
  return {
    guid: textItem?.[1],
    version: Number(textItem?.[2]),
    pubStatus: /<pubStatus qcode="([^"]+)"/.exec(item)?.[1],
    signal: /<signal qcode="([^"]+)"/.exec(item)?.[1],
    edNotes: [...item.matchAll(/<edNote>([^<]*)<\/edNote>/g)].map((m) => m[1]),
    versionCreated: /<versionCreated>([^<]+)</.exec(item)?.[1],
    packageVersion: Number(/<packageItem [^>]*version="(\d+)"/.exec(text)?.[1]),
    itemRefVersions: [...text.matchAll(/<itemRef [^>]*residref="[^"]*harbour[^"]*"[^>]*version="(\d+)"/g)].map((m) => Number(m[1])),
  };
}

describe('publish, no-op rebuild, edit, correct, withdraw', async () => {
  const dir = makeProject();
  const xsd = haveOfficialSchemas ? loadOfficialNewsmlXsd() : undefined;
  const CORRECTION = 'An earlier version gave the rise in volumes as 21%; it was 12%.';
  const edited = ORIGINAL.replace('12% in a year', '12% in a year, the fastest since 2010');
  const corrected = edited.replace('---\nkeywords', `---\ncorrection: "${CORRECTION}"\nkeywords`);
  const withdrawn = corrected.replace('---\ncorrection', '---\nstatus: withdrawn\nreason: Published by mistake before legal review.\ncorrection');
  // Each build at a later time, the clock given in a different zone each time: versions record it in the site's zone.
  const script: [string, string, string][] = [
    ['publish', ORIGINAL, '2024-10-21T09:00:00Z'],
    ['no-op rebuild', ORIGINAL, '2024-10-21T10:00:00+02:00'],
    ['edit', edited, '2024-10-22T08:30:00-04:00'],
    ['correct', corrected, '2024-10-23T07:00:00+09:00'],
    ['withdraw', withdrawn, '2024-10-24T12:00:00Z'],
  ];
  const runs: ({ name: string; now: string } & Awaited<ReturnType<typeof step>>)[] = [];
  for (const [name, source, now] of script) runs.push({ name, now, ...(await step(dir, source, now)) });
  const expected = [
    { version: 1, signal: undefined, pubStatus: 'stat:usable', versionCreated: '2024-10-20T18:45:00+01:00' },
    { version: 1, signal: undefined, pubStatus: 'stat:usable', versionCreated: '2024-10-20T18:45:00+01:00' },
    { version: 2, signal: 'sig:update', pubStatus: 'stat:usable', versionCreated: '2024-10-22T13:30:00+01:00' },
    { version: 3, signal: 'sig:correction', pubStatus: 'stat:usable', versionCreated: '2024-10-22T23:00:00+01:00' },
    { version: 4, signal: 'sig:update', pubStatus: 'stat:canceled', versionCreated: '2024-10-24T13:00:00+01:00' },
  ];

  it.each(runs.map((run, i) => [run.name, i] as const))('%s: NewsML-G2 version, signal, status and guid', (_name, i) => {
    const run = runs[i]!;
    expect(run.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const item = newsml(run.tree[`articles/${ID}/newsml.xml`]);
    expect(item).toMatchObject({ guid: GUID, ...expected[i] });
    expect(item.packageVersion).toBe(expected[i]!.version);
    if (expected[i]!.pubStatus === 'stat:canceled') {
      // A withdrawal notice's package has no groupSet: its itemRefs would repeat the withdrawn headline.
      expect(item.itemRefVersions).toEqual([]);
    } else {
      expect(item.itemRefVersions.length).toBeGreaterThan(0);
      expect(new Set(item.itemRefVersions)).toEqual(new Set([expected[i]!.version]));
    }
    expect(run.record).toMatchObject({ id: ID, guid: GUID, version: expected[i]!.version, versionCreated: expected[i]!.versionCreated });
  });

  it.skipIf(!haveOfficialSchemas)('every step is valid against the official NewsML-G2 XSD', () => {
    for (const run of runs) expect(officialErrors(xsd!, run.tree[`articles/${ID}/newsml.xml`]!), run.name).toEqual([]);
  });

  it('the no-op rebuild writes nothing and changes no byte', () => {
    expect(runs[1]!.result).toMatchObject({ built: 0, written: 0 });
    expect(runs[1]!.tree).toEqual(runs[0]!.tree);
  });

  it('the edit: JSON-LD dateModified and Atom updated follow the new version; ids stay', () => {
    const jsonld = JSON.parse(runs[2]!.tree[`articles/${ID}/article.jsonld`]!) as { '@graph': { '@type': string; dateModified?: string; '@id': string }[] };
    const article = jsonld['@graph'].find((n) => n['@type'] === 'NewsArticle')!;
    expect(article.dateModified).toBe('2024-10-22T13:30:00+01:00');
    expect(runs[2]!.tree['atom.xml']).toContain(`<id>${GUID}</id>`);
    expect(runs[2]!.tree['atom.xml']).toMatch(new RegExp(`<id>${GUID}</id>[\\s\\S]*?<updated>2024-10-22T12:30:00Z</updated>`));
    expect(runs[2]!.tree['rss.xml']).toContain(`<guid isPermaLink="false">${GUID}</guid>`);
  });

  it('the correction: edNote, CorrectionComment and a notice in every feed item', () => {
    const tree = runs[3]!.tree;
    expect(newsml(tree[`articles/${ID}/newsml.xml`]).edNotes).toEqual([`Correction: ${CORRECTION}`]);
    expect(tree[`articles/${ID}/article.jsonld`]).toContain('"@type": "CorrectionComment"');
    expect(tree[`articles/${ID}/article.jsonld`]).toContain(CORRECTION);
    for (const feed of ['rss.xml', 'atom.xml', 'feed.json', 'sections/business/rss.xml']) expect(tree[feed], feed).toContain('Correction:');
    expect(runs[3]!.record).toMatchObject({ signal: 'correction', correction: CORRECTION });
  });

  it('the withdrawal: notices with stat:canceled and the reason, in public and for partners; out of the feeds and the sitemap; no JSON-LD or page', () => {
    const { tree, partners } = runs[4]!;
    expect(newsml(tree[`articles/${ID}/newsml.xml`]).edNotes).toEqual(['Withdrawn: Published by mistake before legal review.']);
    expect(Object.keys(tree).filter((file) => file.startsWith(`articles/${ID}/`))).toEqual([`articles/${ID}/newsml.xml`, `articles/${ID}/ninjs.json`]);
    expect(JSON.parse(tree[`articles/${ID}/ninjs.json`]!)).toMatchObject({ version: '4', pubStatus: 'canceled' });
    for (const file of ['newsml.xml', 'ninjs.json']) {
      const text = tree[`articles/${ID}/${file}`]!;
      for (const phrase of ['night shift', 'Ports never sleep', 'Zoe Muller', CORRECTION]) expect(text, file).not.toContain(phrase);
      expect(partners[`articles/${ID}/${file}`]).toBe(text);
    }
    for (const [file, text] of Object.entries(tree)) if (!file.startsWith(`articles/${ID}/`)) expect(text, file).not.toContain(ID);
    expect(runs[4]!.record).toMatchObject({ status: 'withdrawn', signal: 'withdrawal', public: true });
  });

  it('a rebuild without the cache gives the same bytes at every step (the state alone carries the versions)', async () => {
    const again = await step(dir, withdrawn, '2024-10-25T00:00:00Z', { cacheDir: undefined });
    expect(again.result.mode).toBe('clean');
    expect(again.tree).toEqual(runs[4]!.tree);
    expect(again.partners).toEqual(runs[4]!.partners);
  });
});

describe('embargo, vanished sources and damaged state', () => {
  const embargoed = ORIGINAL.replace('---\nkeywords', '---\nembargo: 2024-10-22 06:00\nkeywords');

  it('an embargoed story is only in the partner folder until the build time passes the embargo', async () => {
    const dir = makeProject();
    const before = await step(dir, embargoed, '2024-10-21T09:00:00Z');
    expect(before.partners[`articles/${ID}/newsml.xml`]).toContain('<embargoed>2024-10-22T06:00:00+01:00</embargoed>');
    expect(Object.keys(before.tree).filter((file) => file.includes(ID))).toEqual([]);
    expect(before.tree['rss.xml']).not.toContain(ID);
    expect(before.record).toMatchObject({ version: 1, embargo: '2024-10-22T06:00:00+01:00', public: false });
    expect(before.result.nextEmbargo).toBe('2024-10-22T06:00:00+01:00');
    const after = await step(dir, embargoed, '2024-10-22T05:00:00Z');
    expect(after.result.built).toBe(1);
    expect(after.result.nextEmbargo).toBeUndefined();
    expect(after.tree[`articles/${ID}/article.jsonld`]).toBeDefined();
    expect(after.tree['rss.xml']).toContain(GUID);
    expect(after.tree[`articles/${ID}/newsml.xml`]).not.toContain('embargoed');
    expect(newsml(after.tree[`articles/${ID}/newsml.xml`]).version).toBe(1);
    // Nothing is held any more: the partner folder is gone, and the state says the story has been public.
    expect(existsSync(path.join(dir, 'dist-partners'))).toBe(false);
    expect(after.record).toMatchObject({ version: 1, public: true });
  });

  it('a source that disappears is a warning naming it; its version is kept for when it comes back', async () => {
    const dir = makeProject();
    await step(dir, ORIGINAL, '2024-10-21T09:00:00Z');
    await step(dir, ORIGINAL.replace('Ports never', 'Harbours never'), '2024-10-21T10:00:00Z');
    const gone = await step(dir, undefined, '2024-10-21T11:00:00Z');
    expect(gone.result.diagnostics).toContainEqual(expect.objectContaining({ file: SOURCE, severity: 'warning', ruleId: 'source-missing' }));
    expect(gone.record).toMatchObject({ version: 2, sourceMissing: true });
    expect(Object.keys(gone.tree).filter((f) => f.includes(ID))).toEqual([]);
    const back = await step(dir, ORIGINAL, '2024-10-21T12:00:00Z');
    expect(back.record).toMatchObject({ version: 3, signal: 'update' });
    expect(back.record?.sourceMissing).toBeUndefined();
  });

  it('a corrupt or missing state stops the build and leaves the output as it was; --reset-versions starts over', async () => {
    const dir = makeProject();
    await step(dir, ORIGINAL, '2024-10-21T09:00:00Z');
    await step(dir, ORIGINAL.replace('Ports never', 'Harbours never'), '2024-10-21T10:00:00Z');
    const good = readTree(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'input/versions.json'), '{\n  "format": "syndicate-state/1",\n  "articles": [\n');
    const corrupt = await step(dir, ORIGINAL.replace('Ports never', 'Harbours never'), '2024-10-21T11:00:00Z');
    expect(corrupt.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ file: 'input/versions.json', ruleId: 'state-corrupt', message: expect.stringContaining('--reset-versions') }),
    ]);
    expect(corrupt.result.written).toBe(0);
    expect(corrupt.tree).toEqual(good);
    rmSync(path.join(dir, 'input/versions.json'));
    const missing = await step(dir, ORIGINAL.replace('Ports never', 'Harbours never'), '2024-10-21T11:00:00Z');
    expect(missing.result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)).toEqual(['state-missing']);
    expect(readTree(path.join(dir, 'dist'))).toEqual(good);
    expect(existsSync(path.join(dir, 'input/versions.json'))).toBe(false);
    const { config } = readSiteConfig(readFileSync(path.join(dir, 'input/site.json'), 'utf8'), 'input/site.json');
    const reset = await buildProject({ cwd: dir, inputDir: 'input', outDir: 'dist', site: config!, toolVersion: 'test', now: '2024-10-21T12:00:00Z', cacheDir: '.cache', resetVersions: true });
    expect(reset.diagnostics).toContainEqual(expect.objectContaining({ severity: 'warning', ruleId: 'state-missing' }));
    expect(newsml(readFileSync(path.join(dir, `dist/articles/${ID}/newsml.xml`), 'utf8')).version).toBe(1);
  });
});
