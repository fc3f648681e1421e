// Issue 11 end to end, through the real CLI: the output folder is safe to deploy at any time. An
// embargoed and a withdrawn story leave no text, no embargo time, no source path and no build state in
// it; partners get theirs in a folder of their own; the versions state lives in the input folder with
// paths that do not depend on where the build ran; `build --check` rebuilds the recorded moment.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveOfficialSchemas } from '../helpers/official.ts';
import { loadOfficialNewsmlXsd, loadOfficialNinjsSchema, officialErrors } from '../helpers/official-validators.ts';
import { projectRoot, readTree } from '../helpers/project.ts';

const bin = path.join(projectRoot, 'lib/bin.js');

/** Phrases that appear only in the embargoed and the withdrawn story: none may reach the public folder. */
const EMBARGO_NEEDLES = ['Quokka merger talks', 'quokka-body-needle', 'quokka-summary-needle', 'quokka-caption-needle'];
const WITHDRAWN_NEEDLES = ['Wombat tax affair', 'wombat-body-needle', 'wombat-summary-needle', 'wombat-caption-needle', 'wombat-correction-needle'];
const EMBARGO = '2024-10-22T09:00:00+01:00';
/** The embargo instant in every form an output could write it. */
const EMBARGO_FORMS = [EMBARGO, '2024-10-22T08:00:00Z', '2024-10-22T08:00:00.000Z', '22 Oct 2024 08:00:00', '2024-10-22T09:00'];
const BEFORE = '2024-10-21T12:00:00Z';
const AFTER = '2024-10-22T12:00:00Z';

const NORMAL = `---
headline: Harbour cranes return after the storm
date: 2024-10-20T08:00:00+01:00
section: Business
authors: [Ann Example]
---
The cranes are back at work.
`;

const EMBARGOED = `---
headline: Quokka merger talks reach final stage
date: 2024-10-21T07:00:00+01:00
embargo: ${EMBARGO}
section: Business
description: quokka-summary-needle in the summary.
image: { url: "https://news.example.com/img/quokka.jpg", caption: "quokka-caption-needle on the quay", credit: Photo Desk }
---
The board met at dawn, quokka-body-needle said.
`;

const WITHDRAWN_BODY = `---
headline: Wombat tax affair widens
date: 2024-10-19T08:00:00+01:00
section: Business
description: wombat-summary-needle in the summary.
correction: wombat-correction-needle was misspelt.
image: { url: "https://news.example.com/img/wombat.jpg", caption: "wombat-caption-needle outside court", credit: Photo Desk }
---
The papers show wombat-body-needle moving money.
`;
const withdrawn = (status: boolean) => (status ? WITHDRAWN_BODY.replace('---\nThe papers', 'status: withdrawn\nreason: Published before legal review.\n---\nThe papers') : WITHDRAWN_BODY);

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '', SOURCE_DATE_EPOCH: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function makeProject(articles: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'syndicate-public-'));
  dirs.push(dir);
  mkdirSync(path.join(dir, 'input/articles/business'), { recursive: true });
  cpSync(path.join(projectRoot, 'tests/fixtures/newsroom/input/site.json'), path.join(dir, 'input/site.json'));
  for (const [name, text] of Object.entries(articles)) writeFileSync(path.join(dir, 'input/articles', name), text);
  return dir;
}

/** Every file under a folder, as path → text (empty when the folder does not exist). */
function treeOf(dir: string): Record<string, string> {
  return existsSync(dir) ? readTree(dir) : {};
}

/** Every (file, needle) pair where a needle occurs, for a readable failure. */
function hits(tree: Record<string, string>, needles: readonly string[]): string[] {
  return Object.entries(tree).flatMap(([file, text]) => needles.filter((n) => text.includes(n)).map((n) => `${file}: ${n}`));
}

describe('the public folder is safe to deploy', () => {
  let dir: string;
  let built: ReturnType<typeof run>;
  beforeAll(() => {
    if (!existsSync(bin)) throw new Error('lib/bin.js is missing: run `npm run compile` (npm test does it)');
    dir = makeProject({ 'business/normal.md': NORMAL, 'business/quokka.md': EMBARGOED, 'business/wombat.md': withdrawn(true) });
    built = run(['build', '--now', BEFORE, '--no-cache'], dir);
  });

  it('builds, and says when the next embargo lifts', () => {
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain(`syndicate: next embargo lifts at ${EMBARGO}; build again after it to publish what it holds`);
  });

  it('holds no text of the embargoed or the withdrawn story, no embargo time, no source path and no build state', () => {
    const tree = treeOf(path.join(dir, 'dist'));
    expect(Object.keys(tree).length).toBeGreaterThan(5);
    // The normal story is there: the search below looks in the right place.
    expect(hits(tree, ['Harbour cranes return'])).not.toEqual([]);
    expect(hits(tree, EMBARGO_NEEDLES)).toEqual([]);
    expect(hits(tree, WITHDRAWN_NEEDLES)).toEqual([]);
    expect(hits(tree, EMBARGO_FORMS)).toEqual([]);
    expect(hits(tree, [dir, 'input/articles', 'business/normal.md', 'business/quokka.md', 'syndicate-state', '"contentHash"', '"builtAt"'])).toEqual([]);
    expect(Object.keys(tree).filter((file) => /quokka|wombat|manifest|versions/.test(file))).toEqual([]);
  });

  it('puts the embargoed story and the withdrawal notice in the partner folder, with an index of what it holds', () => {
    const partners = treeOf(path.join(dir, 'dist-partners'));
    expect(Object.keys(partners)).toEqual([
      'articles/quokka/newsml.xml',
      'articles/quokka/ninjs.json',
      'articles/wombat/newsml.xml',
      'articles/wombat/ninjs.json',
      'index.json',
    ]);
    expect(partners['articles/quokka/newsml.xml']).toContain(`<embargoed>${EMBARGO}</embargoed>`);
    expect(partners['articles/quokka/newsml.xml']).toContain('quokka-body-needle');
    expect(partners['articles/quokka/ninjs.json']).toContain(`"embargoedUntil": "${EMBARGO}"`);
    // The withdrawal notice: identity, version, status and reason; none of the story's text.
    expect(hits({ w: partners['articles/wombat/newsml.xml'] ?? '', n: partners['articles/wombat/ninjs.json'] ?? '' }, WITHDRAWN_NEEDLES)).toEqual([]);
    expect(partners['articles/wombat/newsml.xml']).toContain('stat:canceled');
    expect(partners['articles/wombat/newsml.xml']).toContain('Published before legal review.');
    expect(JSON.parse(partners['index.json'] ?? '')).toEqual({
      format: 'syndicate-partners/1',
      items: [
        { id: 'quokka', guid: 'urn:example:news:quokka', version: 1, status: 'embargoed', embargo: EMBARGO, files: ['articles/quokka/newsml.xml', 'articles/quokka/ninjs.json'] },
        { id: 'wombat', guid: 'urn:example:news:wombat', version: 1, status: 'withdrawn', files: ['articles/wombat/newsml.xml', 'articles/wombat/ninjs.json'] },
      ],
    });
  });

  it.skipIf(!haveOfficialSchemas)('partner NewsML-G2 and ninjs are valid against the official schemas', async () => {
    const xsd = loadOfficialNewsmlXsd();
    const ninjs = await loadOfficialNinjsSchema();
    const partners = treeOf(path.join(dir, 'dist-partners'));
    try {
      for (const [file, text] of Object.entries(partners)) {
        if (file.endsWith('newsml.xml')) expect(officialErrors(xsd, text), file).toEqual([]);
        if (file.endsWith('ninjs.json')) expect(ninjs(JSON.parse(text)), file).toEqual([]);
      }
    } finally {
      xsd.dispose();
    }
  });

  it('keeps the versions state in the input folder, with source paths relative to it', () => {
    const state = JSON.parse(readFileSync(path.join(dir, 'input/versions.json'), 'utf8')) as { builtAt: string; articles: { id: string; source: string; public: boolean; embargo?: string }[] };
    expect(state.builtAt).toBe(BEFORE);
    expect(state.articles.map((a) => [a.id, a.source, a.public])).toEqual([
      ['normal', 'articles/business/normal.md', true],
      ['quokka', 'articles/business/quokka.md', false],
      ['wombat', 'articles/business/wombat.md', false],
    ]);
  });

  it('publishes the embargoed story on the first build after its embargo, without the embargo time', () => {
    const after = run(['build', '--now', AFTER], dir);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stderr).not.toContain('next embargo');
    const tree = treeOf(path.join(dir, 'dist'));
    expect(tree['articles/quokka/newsml.xml']).toContain('quokka-body-needle');
    expect(tree['rss.xml']).toContain('Quokka merger talks');
    expect(hits(tree, EMBARGO_FORMS)).toEqual([]);
    expect(hits(tree, WITHDRAWN_NEEDLES)).toEqual([]);
    const partners = treeOf(path.join(dir, 'dist-partners'));
    expect(Object.keys(partners)).toEqual(['articles/wombat/newsml.xml', 'articles/wombat/ninjs.json', 'index.json']);
  });
});

describe('a story withdrawn after it was public', () => {
  it('leaves a withdrawal notice in the public folder, carrying none of its text', () => {
    const dir = makeProject({ 'business/normal.md': NORMAL, 'business/wombat.md': withdrawn(false) });
    expect(run(['build', '--now', BEFORE], dir).code).toBe(0);
    expect(treeOf(path.join(dir, 'dist'))['articles/wombat/index.html']).toContain('wombat-body-needle');
    writeFileSync(path.join(dir, 'input/articles/business/wombat.md'), withdrawn(true));
    const result = run(['build', '--now', AFTER], dir);
    expect(result.code, result.stderr).toBe(0);
    const tree = treeOf(path.join(dir, 'dist'));
    expect(hits(tree, WITHDRAWN_NEEDLES)).toEqual([]);
    expect(Object.keys(tree).filter((file) => file.includes('wombat'))).toEqual(['articles/wombat/newsml.xml', 'articles/wombat/ninjs.json']);
    expect(tree['articles/wombat/newsml.xml']).toMatch(/<newsItem [^>]*guid="urn:example:news:wombat" [^>]*version="2"/);
    expect(tree['articles/wombat/newsml.xml']).toContain('Withdrawn: Published before legal review.');
    expect(JSON.parse(tree['articles/wombat/ninjs.json'] ?? '')).toMatchObject({ uri: 'urn:example:news:wombat', version: '2', pubStatus: 'canceled' });
    expect(treeOf(path.join(dir, 'dist-partners'))['articles/wombat/newsml.xml']).toBe(tree['articles/wombat/newsml.xml']);
  });
});

describe('the same input gives the same bytes from any folder', () => {
  it('with --input relative or absolute, from two working folders', () => {
    const a = makeProject({ 'business/normal.md': NORMAL, 'business/quokka.md': EMBARGOED, 'business/wombat.md': withdrawn(true) });
    const b = makeProject({ 'business/normal.md': NORMAL, 'business/quokka.md': EMBARGOED, 'business/wombat.md': withdrawn(true) });
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'syndicate-cwd-'));
    dirs.push(elsewhere);
    const env = { SOURCE_DATE_EPOCH: String(Date.parse(BEFORE) / 1000) };
    expect(run(['build', '--input', 'input'], a, env).code).toBe(0);
    const absolute = run(['build', '--input', path.join(b, 'input'), '--out', path.join(b, 'dist')], elsewhere, env);
    expect(absolute.code, absolute.stderr).toBe(0);
    // The defaults follow the folders given: the partner folder beside the output, the state in the input
    // (only the cache, a speed-up, stays in the working folder).
    expect(readdirSync(elsewhere)).toEqual(['.syndicate-cache']);
    for (const part of ['dist', 'dist-partners']) expect(treeOf(path.join(b, part)), part).toEqual(treeOf(path.join(a, part)));
    expect(readFileSync(path.join(b, 'input/versions.json'), 'utf8')).toBe(readFileSync(path.join(a, 'input/versions.json'), 'utf8'));
  });
});

describe('build --check is reproducible', () => {
  const T = Date.parse('2024-10-20T10:00:00Z') / 1000;
  let dir: string;
  beforeAll(() => {
    // The normal story is in the news sitemap at T and out of it a day later: the check must not care.
    dir = makeProject({ 'business/normal.md': NORMAL, 'business/quokka.md': EMBARGOED, 'business/wombat.md': withdrawn(true) });
    expect(run(['build'], dir, { SOURCE_DATE_EPOCH: String(T) }).code).toBe(0);
    expect(treeOf(path.join(dir, 'dist'))['news-sitemap.xml']).toContain('Harbour cranes return');
  });

  it('passes a day later and with the clock, at the recorded build time', () => {
    for (const env of [{ SOURCE_DATE_EPOCH: String(T + 86400) }, {}]) {
      const check = run(['build', '--check'], dir, env);
      expect(check.code, check.stderr).toBe(0);
      expect(check.stderr).toContain('at its recorded time 2024-10-20T10:00:00Z');
    }
  });

  it('fails naming the files when one article changed', () => {
    const file = path.join(dir, 'input/articles/business/normal.md');
    const before = readFileSync(file, 'utf8');
    writeFileSync(file, before.replace('The cranes are back at work.', 'The cranes are back at work, all six of them.'));
    try {
      const check = run(['build', '--check'], dir, { SOURCE_DATE_EPOCH: String(T + 86400) });
      expect(check.code).toBe(1);
      for (const named of ['dist/articles/normal/index.html', 'dist/rss.xml', 'input/versions.json']) expect(check.stderr).toMatch(new RegExp(`^${named}(?::\\d+:\\d+)?: error`, 'm'));
      expect(check.stderr).toContain('[check/output-changed]');
    } finally {
      writeFileSync(file, before);
    }
  });

  it('names the real output folders', () => {
    const other = makeProject({ 'business/normal.md': NORMAL, 'business/quokka.md': EMBARGOED });
    expect(run(['build', '--out', 'public', '--partner-out', 'private/partners'], other, { SOURCE_DATE_EPOCH: String(T) }).code).toBe(0);
    expect(existsSync(path.join(other, 'private/partners/articles/quokka/newsml.xml'))).toBe(true);
    writeFileSync(path.join(other, 'public/rss.xml'), 'edited');
    rmSync(path.join(other, 'private/partners/index.json'));
    const check = run(['build', '--check', '--out', 'public', '--partner-out', 'private/partners'], other);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^public\/rss\.xml:1:1: error .*\[check\/output-changed\]/m);
    expect(check.stderr).toMatch(/^private\/partners\/index\.json: error .*\[check\/output-missing\]/m);
    // Validation findings name the real folder too (the sample's missing-image warning).
    expect(check.stderr).toMatch(/^public\/articles\/normal\/article\.jsonld:\d+:\d+: warning/m);
    expect(check.stderr).not.toMatch(/^dist\//m);
  });
});

describe('duplicate ids', () => {
  it('with --keep-going, every file sharing the id is rejected and named; none is published', () => {
    const dir = makeProject({ 'business/normal.md': NORMAL });
    mkdirSync(path.join(dir, 'input/articles/world'));
    mkdirSync(path.join(dir, 'input/articles/opinion'));
    writeFileSync(path.join(dir, 'input/articles/world/harbour-strike.md'), NORMAL.replace('Harbour cranes return after the storm', 'Strike closes the harbour (world desk)'));
    writeFileSync(path.join(dir, 'input/articles/opinion/harbour-strike.md'), NORMAL.replace('Harbour cranes return after the storm', 'Why the strike matters (opinion desk)'));
    const result = run(['build', '--keep-going', '--now', BEFORE], dir);
    expect(result.code).toBe(1);
    for (const source of ['input/articles/opinion/harbour-strike.md', 'input/articles/world/harbour-strike.md']) {
      expect(result.stderr).toContain(`syndicate: rejected ${source}`);
      expect(result.stderr).toMatch(new RegExp(`^${source}: error article id "harbour-strike" is also used by`, 'm'));
    }
    const everything = { ...treeOf(path.join(dir, 'dist')), ...treeOf(path.join(dir, 'dist-partners')), state: readFileSync(path.join(dir, 'input/versions.json'), 'utf8') };
    expect(hits(everything, ['harbour-strike', 'world desk', 'opinion desk'])).toEqual([]);
    expect(hits(everything, ['Harbour cranes return'])).not.toEqual([]);
  });
});

describe('migration from dist/manifest.json', () => {
  it('moves the versions to the state file with a notice, and leaves the manifest out of the output', () => {
    const dir = makeProject({ 'business/normal.md': NORMAL });
    expect(run(['build', '--now', BEFORE], dir).code).toBe(0);
    const state = JSON.parse(readFileSync(path.join(dir, 'input/versions.json'), 'utf8')) as { articles: Record<string, unknown>[] };
    // The manifest an earlier version wrote: the same records with the files, the source as typed, no build time.
    const legacy = {
      format: 'syndicate-manifest/1',
      articles: state.articles.map(({ public: _public, source, ...record }) => ({ ...record, version: 3, source: `input/${String(source)}`, files: ['articles/normal/article.jsonld'] })),
    };
    rmSync(path.join(dir, 'input/versions.json'));
    rmSync(path.join(dir, '.syndicate-cache'), { recursive: true });
    writeFileSync(path.join(dir, 'dist/manifest.json'), JSON.stringify(legacy));
    const result = run(['build', '--now', BEFORE], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('dist/manifest.json: warning the versions kept here move to input/versions.json');
    expect(existsSync(path.join(dir, 'dist/manifest.json'))).toBe(false);
    const migrated = JSON.parse(readFileSync(path.join(dir, 'input/versions.json'), 'utf8')) as { articles: { version: number; source: string; public: boolean }[] };
    expect(migrated.articles).toMatchObject([{ version: 3, source: 'articles/business/normal.md', public: true }]);
  });
});
