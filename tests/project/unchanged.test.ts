/** A rebuild with nothing to do reports the last build's outcome without reading the cache, and only then. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSiteConfig } from '../../src/config.ts';
import { buildProject } from '../../src/project/build.ts';
import { toDecisionHorizon } from '../../src/project/unchanged.ts';
import { projectRoot } from '../helpers/project.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('toDecisionHorizon', () => {
  const now = '2024-10-28T09:00:00Z';
  const at = Date.parse(now);
  it('is the first instant after now at which an embargo lifts or a story crosses a window', () => {
    expect(toDecisionHorizon([{ datePublished: '2024-10-27T09:00:00Z' }], now)).toBe(at + DAY); // leaves the news sitemap
    expect(toDecisionHorizon([{ datePublished: '2024-10-20T09:00:00Z', embargo: '2024-10-28T12:00:00Z' }], now)).toBe(at + 3 * HOUR);
    expect(toDecisionHorizon([{ datePublished: '2024-10-28T12:00:00Z' }], now)).toBe(at + 2 * HOUR); // no longer an hour ahead
    expect(toDecisionHorizon([{ datePublished: '2020-01-01T00:00:00Z' }], now)).toBeNull();
  });
});

describe('a rebuild with nothing to do', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'syndicate-unchanged-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(path.join(projectRoot, 'tests/fixtures/newsroom/input'), path.join(dir, 'input'), { recursive: true });
  const { config: site } = readSiteConfig(readFileSync(path.join(dir, 'input/site.json'), 'utf8'), 'input/site.json');
  if (!site) throw new Error('bad fixture site.json');
  const run = (now: string) => buildProject({ cwd: dir, inputDir: 'input', outDir: 'dist', site, toolVersion: 'test', now, cacheDir: '.cache', workers: 1 });
  const NOW = '2024-10-28T09:00:00Z';

  it('reports exactly what the full rebuild reports, and writes nothing', async () => {
    const first = await run(NOW);
    expect(first.committed).toBe(true);
    expect(first.unchanged).toBe(false);
    // Without the record, the no-op takes the full path (and leaves the record again).
    rmSync(path.join(dir, '.cache/unchanged.json'));
    const full = await run(NOW);
    const fast = await run(NOW);
    expect(full.unchanged).toBe(false);
    expect(fast.unchanged).toBe(true);
    expect(fast.diagnostics).toEqual(first.diagnostics);
    expect({ ...fast, timings: {}, unchanged: false }).toEqual({ ...full, timings: {} });
  });

  it('never replays an outcome the record was not written with', async () => {
    const outcome = path.join(dir, '.cache/unchanged-outcome.json');
    const text = readFileSync(outcome, 'utf8');
    writeFileSync(outcome, text.replace('"diagnostics":[', '"diagnostics":[{"file":"x","severity":"error","source":"x","ruleId":"x","message":"x"},'));
    const full = await run(NOW);
    expect(full.unchanged).toBe(false);
    expect(full.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((await run(NOW)).unchanged).toBe(true);
  });

  it('takes the full path again when a source changes, an output is touched, or time moves past a decision', async () => {
    const source = path.join(dir, 'input/articles', 'fast-path-probe.md');
    writeFileSync(source, '---\nheadline: Probe\ndate: 2024-10-27T09:00:00Z\nsection: World\n---\nA probe.\n');
    const changed = await run(NOW);
    expect(changed.unchanged).toBe(false);
    expect(changed.built).toBe(1);
    expect(changed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((await run(NOW)).unchanged).toBe(true);

    // Someone edits a feed in the output folder: the full path notices and rewrites it.
    const feed = path.join(dir, 'dist/rss.xml');
    const good = readFileSync(feed, 'utf8');
    writeFileSync(feed, good.replace('</channel>', '<!-- edited --></channel>'));
    const repaired = await run(NOW);
    expect(repaired.unchanged).toBe(false);
    expect(readFileSync(feed, 'utf8')).toBe(good);

    // Up to the first instant at which a time-dependent decision changes (here: a story leaves the news
    // sitemap's 48 hours at the latest), the outcome holds; from then on the full path runs.
    const { until } = JSON.parse(readFileSync(path.join(dir, '.cache/unchanged.json'), 'utf8')) as { until: number };
    expect(until).toBeGreaterThan(Date.parse(NOW));
    expect(until).toBeLessThanOrEqual(Date.parse('2024-10-29T09:00:00Z'));
    const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    expect((await run(iso(until - 1000))).unchanged).toBe(true);
    const later = await run(iso(until));
    expect(later.unchanged).toBe(false);
    expect(later.committed).toBe(true);
  });
});
