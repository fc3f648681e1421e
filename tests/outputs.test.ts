/** Choosing outputs (site.json `outputs`, `--outputs`): only what is asked for is made, written and linked. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type BuildStage } from '../src/build.ts';
import { readSiteConfig, type SiteConfig } from '../src/config.ts';
import { toChosenFormats } from '../src/model/output.ts';
import { loadProjectInput, projectRoot } from './helpers/project.ts';

const NOW = '2026-11-27T12:00:00Z';
const input = await loadProjectInput('input');
const encode = (text: string) => new TextEncoder().encode(text);
const EMBARGOED = '---\nheadline: Held until Friday\ndate: 2026-11-20T10:00:00+08:00\nembargo: 2026-12-30T06:00:00+08:00\nsection: World\n---\nA held story.\n';

/** Builds the sample with `outputs`, timing each stage. */
function buildWith(outputs: SiteConfig['outputs'], extra: { path: string; text: string }[] = []) {
  const stages = new Set<BuildStage>();
  const site = { ...input.site, outputs };
  const sources = [...input.sources, ...extra.map((f) => ({ path: f.path, bytes: encode(f.text) }))];
  let clock = 0;
  const result = build(sources, site, { articlesPath: input.articlesPath, now: NOW, profile: { clock: () => clock++, record: (stage) => stages.add(stage) } });
  return { result, stages };
}

describe('site.json outputs', () => {
  const read = (outputs: unknown) => readSiteConfig(JSON.stringify({ ...input.site, outputs }), 'site.json');

  it('accepts a list of outputs and defaults to all of them', () => {
    expect(read(['page', 'rss']).config?.outputs).toEqual(['page', 'rss']);
    const provider = { provider: { name: 'Example', uri: 'https://news.example.com/' } };
    expect([...toChosenFormats({ newsml: provider })].sort()).toEqual(['atom', 'head', 'index', 'jsonfeed', 'jsonld', 'newsml', 'ninjs', 'page', 'rss', 'sitemap']);
    expect([...toChosenFormats({ outputs: ['page'], newsml: provider })].sort()).toEqual(['index', 'page']);
    // NewsML-G2 needs a provider: without one it is skipped, even when named (src/features.ts warns once).
    expect([...toChosenFormats({})].sort()).toEqual(['atom', 'head', 'index', 'jsonfeed', 'jsonld', 'ninjs', 'page', 'rss', 'sitemap']);
    expect([...toChosenFormats({ outputs: ['newsml', 'rss'] })].sort()).toEqual(['rss']);
  });

  it.each([[['html']], [[]], [['rss', 'rss']], ['rss']])('rejects %j with a message naming the key', (outputs) => {
    const { config, diagnostics } = read(outputs);
    expect(config).toBeUndefined();
    expect(diagnostics.map((d) => d.message).join('\n')).toMatch(/outputs/);
  });
});

describe('a build with chosen outputs', () => {
  it('page,rss (what Hugo writes): the pages and RSS feeds only, linking no other feed, and no other format made or validated', () => {
    const { result, stages } = buildWith(['page', 'rss']);
    expect(result.outputs.map((o) => o.path)).toEqual(['articles/cyberspace-governance/index.html', 'index.html', 'rss.xml', 'sections/china/rss.xml', 'sections/china/society/rss.xml']);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const page of result.outputs.filter((o) => o.format === 'page' || o.format === 'index')) {
      expect(page.text).toContain('application/rss+xml');
      expect(page.text).not.toMatch(/atom\.xml|feed\.json|application\/atom\+xml|application\/feed\+json/);
    }
    // The JSON-LD the page embeds is made and checked (the page's block must equal it); nothing else.
    expect([...stages].filter((s) => s.startsWith('validate ')).sort()).toEqual(['validate index', 'validate jsonld', 'validate page', 'validate rss']);
  });

  it('names the page, not an unwritten article.jsonld, in findings about the JSON-LD it embeds', () => {
    const { result } = buildWith(['page']);
    const image = result.diagnostics.find((d) => d.ruleId.endsWith('article-image'));
    expect(image).toMatchObject({ file: 'dist/articles/cyberspace-governance/index.html', severity: 'warning' });
    expect(image?.line).toBeUndefined();
    expect(result.diagnostics.some((d) => d.file.endsWith('article.jsonld'))).toBe(false);
  });

  it('feeds without any JSON-LD are still checked against each other, without unknown-article errors', () => {
    const { result, stages } = buildWith(['rss', 'atom']);
    expect(result.outputs.every((o) => o.format === 'rss' || o.format === 'atom')).toBe(true);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(stages.has('validate jsonld')).toBe(false);
  });

  it('an embargoed story goes to partners only in the partner formats asked for', () => {
    const held = { path: 'input/articles/held.md', text: EMBARGOED };
    expect(buildWith(['page', 'rss'], [held]).result.partnerOutputs).toEqual([]);
    expect(buildWith(['ninjs'], [held]).result.partnerOutputs.map((o) => o.path)).toEqual(['articles/held/ninjs.json', 'index.json']);
  });
});

describe('syndicate build --outputs (real process)', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'syndicate-outputs-'));
  cpSync(path.join(projectRoot, 'input'), path.join(work, 'input'), { recursive: true });
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(projectRoot, 'lib/bin.js'), 'build', '--no-cache', '--now', NOW, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name])).sort();

  it('writes only what it names, and a later full build writes everything again', () => {
    expect(run('--outputs', 'ninjs,sitemap').status).toBe(0);
    expect(files(path.join(work, 'dist'))).toEqual(['articles/cyberspace-governance/ninjs.json', 'news-sitemap.xml']);
    expect(run().status).toBe(0);
    expect(files(path.join(work, 'dist'))).toHaveLength(14);
  });

  it('refuses an unknown output with the list of choices (exit 2)', () => {
    const { status, stderr } = run('--outputs', 'page,html');
    expect(status).toBe(2);
    expect(stderr).toContain('"html", which is not an output; choose from jsonld, head, page, rss, atom, jsonfeed, sitemap, newsml, ninjs');
  });
});
