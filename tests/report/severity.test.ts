/** site.json "rules": which settings are accepted, and what they do to a build's findings. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { readSiteConfig } from '../../src/config.ts';
import { diagnostic } from '../../src/diagnostics.ts';
import { buildProject } from '../../src/project/build.ts';
import { applyRuleSettings, checkRuleSetting, toRuleName, toSeverityPolicy } from '../../src/report/severity.ts';
import { loadProjectInput, projectRoot } from '../helpers/project.ts';

const image = diagnostic('warning', 'dist/a/article.jsonld', 'validate:jsonld', 'article-image', 'NewsArticle has no "image"');
const pageImage = diagnostic('warning', 'dist/a/index.html', 'validate:html', 'article-image', 'NewsArticle has no "image"');
const photo = diagnostic('warning', 'input/articles/a.txt', 'read:wire', 'photo-without-url', 'photo has no URL');
const mdPhoto = diagnostic('warning', 'input/articles/b.md', 'read:markdown', 'photo-without-url', 'photo has no URL');
const invalid = diagnostic('error', 'dist/rss.xml', 'validate:rss', 'missing-element', 'no <title>');

describe('toRuleName', () => {
  it('is the stage and id as printed, without "validate:"', () => {
    expect(toRuleName('validate:jsonld', 'article-image')).toBe('jsonld/article-image');
    expect(toRuleName('read:wire', 'photo-without-url')).toBe('read:wire/photo-without-url');
  });
});

describe('checkRuleSetting', () => {
  it('accepts warnings at any level, by stage and id, with "validate:", or by bare id', () => {
    for (const level of ['off', 'warn', 'error'] as const) {
      expect(checkRuleSetting('jsonld/article-image', level)).toBeUndefined();
      expect(checkRuleSetting('validate:jsonld/article-image', level)).toBeUndefined();
      expect(checkRuleSetting('atom/duplicate-updated', level)).toBeUndefined();
      expect(checkRuleSetting('read:wire/photo-without-url', level)).toBeUndefined();
      expect(checkRuleSetting('photo-without-url', level)).toBeUndefined();
      expect(checkRuleSetting('build/future-date', level)).toBeUndefined();
    }
  });
  it('refuses an unknown id, suggesting a close one', () => {
    expect(checkRuleSetting('jsonld/missing-image', 'off')).toMatch(/"jsonld\/missing-image" is none \(did you mean "jsonld\/article-image"\?\)/);
    expect(checkRuleSetting('jsonld/article-imgae', 'off')).toMatch(/did you mean "jsonld\/article-image"/);
    expect(checkRuleSetting('read:wire/photo-without-urls', 'off')).toMatch(/did you mean "read:wire\/photo-without-url"/);
    expect(checkRuleSetting('zzzzzzzz', 'off')).toMatch(/^a rule syndicate reports, and "zzzzzzzz" is none: /);
  });
  it('refuses to lower an error, saying why, and accepts "error" for it', () => {
    expect(checkRuleSetting('rss/missing-element', 'off')).toMatch(/cannot be set to "off" \(a file breaking it is invalid/);
    expect(checkRuleSetting('html/executable-script', 'warn')).toMatch(/breaks what syndicate promises/);
    // A W3C warning the house makes an error is an error in a build.
    expect(checkRuleSetting('rss/missing-guid', 'off')).toMatch(/cannot be set/);
    expect(checkRuleSetting('read:wire/missing-headline', 'off')).toMatch(/cannot be built/);
    expect(checkRuleSetting('rss/missing-element', 'error')).toBeUndefined();
  });
});

describe('applyRuleSettings', () => {
  const all = [image, pageImage, photo, mdPhoto, invalid];
  it('changes nothing without settings', () => {
    expect(applyRuleSettings(all, undefined)).toEqual(all);
    expect(applyRuleSettings(all, {})).toEqual(all);
  });
  it('turns a warning off wherever its family reports it (JSON-LD in pages too)', () => {
    expect(applyRuleSettings(all, { 'jsonld/article-image': 'off' })).toEqual([photo, mdPhoto, invalid]);
  });
  it('makes a warning an error, and a stage setting wins over the bare id', () => {
    const out = applyRuleSettings(all, { 'photo-without-url': 'error', 'read:markdown/photo-without-url': 'off' });
    expect(out).toEqual([image, pageImage, { ...photo, severity: 'error' }, invalid]);
    expect(photo.severity).toBe('warning'); // the finding given is not changed
  });
  it('never lowers an error, even with a setting that was not checked', () => {
    expect(applyRuleSettings(all, { 'rss/missing-element': 'off' })).toEqual(all);
    expect(applyRuleSettings(all, { 'missing-element': 'warn' })).toEqual(all);
  });
  it('gives the same raised object each time, so findings can be kept in sets', () => {
    const policy = toSeverityPolicy({ 'photo-without-url': 'error' });
    expect(policy([photo])[0]).toBe(policy([photo])[0]);
  });
});

describe('site.json "rules"', () => {
  const base = JSON.parse(readFileSync(path.join(projectRoot, 'input/site.json'), 'utf8'));
  it('is read and checked with the rest of the configuration', () => {
    const ok = readSiteConfig(JSON.stringify({ ...base, rules: { 'jsonld/article-image': 'off' } }), 'input/site.json');
    expect(ok.config?.rules).toEqual({ 'jsonld/article-image': 'off' });
    const bad = readSiteConfig(JSON.stringify({ ...base, rules: { 'jsonld/missing-image': 'off', 'rss/missing-element': 'warn' } }, null, 2), 'input/site.json');
    expect(bad.config).toBeUndefined();
    const messages = bad.diagnostics.map((d) => d.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^"rules\.jsonld\/missing-image": expected a rule syndicate reports.*did you mean "jsonld\/article-image"/);
    expect(messages[1]).toMatch(/^"rules\.rss\/missing-element": expected "error"/);
    expect(bad.diagnostics.every((d) => d.line !== undefined)).toBe(true);
    const level = readSiteConfig(JSON.stringify({ ...base, rules: { 'photo-without-url': 'loud' } }), 'input/site.json');
    expect(level.diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/^"rules\.photo-without-url": .*"off"/)]);
  });
});

describe('builds apply the settings', async () => {
  const { sources, articlesPath, site } = await loadProjectInput('input');
  const now = '2024-10-27T12:00:00Z';
  const rules = (found: { ruleId: string; severity: string }[]) => found.map((d) => `${d.severity} ${d.ruleId}`).sort();

  it('in memory: off removes the finding, error raises it, and nothing else changes', () => {
    const plain = build(sources, site, { articlesPath, now });
    expect(rules(plain.diagnostics)).toEqual(['warning article-image', 'warning photo-without-url']);
    const off = build(sources, { ...site, rules: { 'jsonld/article-image': 'off' } }, { articlesPath, now });
    expect(rules(off.diagnostics)).toEqual(['warning photo-without-url']);
    expect(off.outputs).toEqual(plain.outputs);
    const raised = build(sources, { ...site, rules: { 'read:wire/photo-without-url': 'error' } }, { articlesPath, now });
    expect(rules(raised.diagnostics)).toEqual(['error photo-without-url', 'warning article-image']);
  });

  describe('project build, with its cache', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'syndicate-rules-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    cpSync(path.join(projectRoot, 'input/articles'), path.join(dir, 'input/articles'), { recursive: true });
    writeFileSync(path.join(dir, 'input/site.json'), JSON.stringify(site));
    const run = (settings?: Record<string, 'off' | 'warn' | 'error'>) =>
      buildProject({ cwd: dir, inputDir: 'input', outDir: 'dist', site: { ...site, ...(settings ? { rules: settings } : {}) }, toolVersion: 'test', now, cacheDir: '.cache', workers: 1 });

    it('a raised warning stops the write, and cached findings follow the current settings', async () => {
      const raised = await run({ 'photo-without-url': 'error' });
      expect(raised.committed).toBe(false);
      expect(existsSync(path.join(dir, 'dist'))).toBe(false);
      const plain = await run();
      expect(plain.committed).toBe(true);
      expect(rules(plain.diagnostics)).toEqual(['warning article-image', 'warning photo-without-url']);
      // Nothing changed: the next builds take the fast path, which replays the findings as found.
      const off = await run({ 'jsonld/article-image': 'off', 'photo-without-url': 'off' });
      expect(off.unchanged).toBe(true);
      expect(off.diagnostics).toEqual([]);
      const again = await run({ 'jsonld/article-image': 'error' });
      expect(rules(again.diagnostics)).toEqual(['error article-image', 'warning photo-without-url']);
      const back = await run();
      expect(back.diagnostics).toEqual(plain.diagnostics);
      expect(back.reused).toBe(1);
    });
  });
});

describe('the pipeline rules site.json may name', () => {
  it('are exactly the rows of docs/diagnostics.md for the stages before validation, with their severities', async () => {
    const { PIPELINE_RULES } = await import('../../src/report/pipeline-rules.ts');
    const rows = readFileSync(path.join(projectRoot, 'docs/diagnostics.md'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .map(([, id, severity, stages]) => ({ id: id!.replace(/`/g, ''), severity: severity!, stages: stages!.split(', ') }));
    // Rows whose every stage runs before validation, except the configuration's own errors (a build
    // without a valid site.json has no "rules" to read) and build --check's differences.
    const before = rows.filter((row) => row.stages.every((s) => /^(input|config|read:\w+|build|state)$/.test(s)) && !(row.stages.includes('config') && row.severity === 'error'));
    const documented = before.map((row) => `${row.id} ${row.severity.split(' ')[0]}`).sort();
    const listed = PIPELINE_RULES.filter((rule) => before.some((row) => row.id === rule.id) || !rows.some((row) => row.id === rule.id))
      // state-missing: an error, listed as the warning it is under --reset-versions (the only one settable).
      .map((rule) => `${rule.id} ${rule.id === 'state-missing' ? 'error' : rule.severity}`)
      .sort();
    expect(listed).toEqual(documented);
  });

  it('include the configuration\'s warnings, which both builds apply before deciding to write', async () => {
    const { config: site } = readSiteConfig(JSON.stringify({ name: 'Two', url: 'https://two.example/', language: 'en', rules: { 'skipped-logo': 'error', 'skipped-newsml': 'off' } }), 'site.json');
    expect(site).toBeDefined();
    const sources = [{ path: 'input/articles/a.md', bytes: new TextEncoder().encode('---\nheadline: A\ndate: 2024-10-27T09:00:00Z\n---\nBody.\n') }];
    const memory = build(sources, site!, { now: '2024-10-28T09:00:00Z' });
    expect(memory.diagnostics.filter((d) => d.ruleId.startsWith('skipped-')).map((d) => `${d.ruleId} ${d.severity}`).sort()).toEqual(['skipped-logo error', 'skipped-media-topics warning']);
    const dir = mkdtempSync(path.join(tmpdir(), 'syndicate-rules-config-'));
    try {
      mkdirSync(path.join(dir, 'input/articles'), { recursive: true });
      writeFileSync(path.join(dir, 'input/articles/a.md'), new TextDecoder().decode(sources[0]!.bytes));
      const project = await buildProject({ cwd: dir, inputDir: 'input', outDir: 'dist', site: site!, toolVersion: 'test', now: '2024-10-28T09:00:00Z', cacheDir: '.cache', workers: 1 });
      expect(project.diagnostics.filter((d) => d.ruleId.startsWith('skipped-')).map((d) => `${d.ruleId} ${d.severity}`).sort()).toEqual(['skipped-logo error', 'skipped-media-topics warning']);
      // Raised to an error, it stops the write like any error.
      expect(project.committed).toBe(false);
      expect(existsSync(path.join(dir, 'dist'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
