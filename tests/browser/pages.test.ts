// Issue 7: the article pages and the index opened in a real browser (Debian's Chromium through
// playwright-core): the JSON-LD the live DOM holds equals article.jsonld, Open Graph and feed links
// are there, and a hostile headline runs no script.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { writeOutputs } from '../../src/io.ts';
import { haveChromium, launchChromium } from '../helpers/browser.ts';
import { loadProjectInput } from '../helpers/project.ts';

const NOW = '2026-11-27T12:00:00Z';
const HOSTILE = `</script ><!--<script>window.__pwned = 1; alert(1)</script> & "quotes" — 你好`;

/** A Markdown story with a table far wider than a phone (long words, a long URL, many figures), a footnote and strikethrough. */
const TABLE_STORY = [
  '---',
  'headline: Container throughput at the world\'s busiest ports',
  'date: 2026-11-27 10:00',
  'section: World',
  '---',
  '',
  'Throughput rose again[^1], the ~~ministry~~ port authority said.',
  '',
  '| Port | Country | 2021 | 2022 | 2023 | 2024 | Change | Source |',
  '|:-----|:--------|-----:|-----:|-----:|-----:|-------:|:-------|',
  '| Shanghai | China | 47,030,000 | 47,300,000 | 49,158,000 | 51,506,000 | +4.8% | https://www.portshanghai.com.cn/en/statistics/annual-container-throughput |',
  '| Singapore | Singapore | 37,470,000 | 37,290,000 | 39,010,000 | 41,120,000 | +5.4% | Maritime and Port Authority of Singapore |',
  '| Ningbo-Zhoushan | China | 31,070,000 | 33,350,000 | 35,300,000 | 39,300,000 | +11.3% | Zhejiang Provincial Port Investment and Operation |',
  '',
  '[^1]: Twenty-foot equivalent units (TEU), as reported by each port authority.',
  '',
].join('\n');

let browser: Browser;
let out: string;
const built: Record<string, string> = {};

beforeAll(async () => {
  if (!haveChromium) return;
  out = mkdtempSync(path.join(tmpdir(), 'syndicate-browser-'));
  // The sample, plus a story whose headline and body try to break out of every context.
  const input = await loadProjectInput('input');
  const hostile = new TextEncoder().encode(`CHINA / SOCIETY\n${HOSTILE}\nPublished: Sep 05, 2024 10:00 AM\nBy Eve <img src=x onerror="window.__pwned=2">\n\nA paragraph with </script> and <!-- a comment --> and <b onclick="window.__pwned=3">markup</b>.\n`);
  const result = build(
    [...input.sources, { path: 'input/articles/hostile.txt', bytes: hostile }, { path: 'input/articles/world/table.md', bytes: new TextEncoder().encode(TABLE_STORY) }],
    input.site,
    { now: NOW },
  );
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  for (const o of result.outputs) built[o.path] = o.text;
  await writeOutputs(path.join(out, 'dist'), out, result.outputs);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

const pageUrl = (file: string) => pathToFileURL(path.join(out, 'dist', file)).href;

describe.skipIf(!haveChromium)('article pages in Chromium', () => {
  it.each(['cyberspace-governance', 'hostile'])('%s: the live DOM carries the same JSON-LD, Open Graph and feed links', async (id) => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pageUrl(`articles/${id}/index.html`));
    const blocks = await page.$$eval('script[type="application/ld+json"]', (scripts) => scripts.map((s) => s.textContent ?? ''));
    expect(blocks).toHaveLength(1);
    expect(JSON.parse(blocks[0]!)).toEqual(JSON.parse(built[`articles/${id}/article.jsonld`]!));
    const og = Object.fromEntries(await page.$$eval('meta[property]', (metas) => metas.map((m) => [m.getAttribute('property'), m.getAttribute('content')])));
    const graph = JSON.parse(built[`articles/${id}/article.jsonld`]!) as { '@graph': { '@type': string; headline?: string; url?: string }[] };
    const article = graph['@graph'].find((n) => n['@type'] === 'NewsArticle')!;
    expect(og['og:type']).toBe('article');
    expect(og['og:title']).toBe(article.headline);
    expect(og['og:url']).toBe(article.url);
    expect(await page.getAttribute('link[rel="canonical"]', 'href')).toBe(article.url);
    const alternates = await page.$$eval('link[rel="alternate"]', (links) => links.map((l) => [l.getAttribute('type'), l.getAttribute('href')]));
    expect(alternates).toEqual(expect.arrayContaining([
      ['application/rss+xml', expect.stringMatching(/rss\.xml$/)],
      ['application/atom+xml', expect.stringMatching(/atom\.xml$/)],
      ['application/feed+json', expect.stringMatching(/feed\.json$/)],
    ]));
    // What the markup describes is what the reader sees.
    expect(await page.textContent('h1')).toBe(article.headline);
    // Nothing ran: no dialog, no error, no flag, and the only scripts are the JSON-LD block.
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.$$eval('script', (scripts) => scripts.map((s) => s.getAttribute('type')))).toEqual(['application/ld+json']);
    await page.close();
  });

  it('the hostile headline reads back literally, in the title and in the heading', async () => {
    const page = await browser.newPage();
    await page.goto(pageUrl('articles/hostile/index.html'));
    expect(await page.textContent('h1')).toBe(HOSTILE);
    expect(await page.title()).toContain(HOSTILE);
    await page.close();
  });

  it('the index lists the articles with links that open them', async () => {
    const page = await browser.newPage();
    await page.goto(pageUrl('index.html'));
    const links = await page.$$eval('main a', (anchors) => anchors.map((a) => (a as unknown as { href: string }).href));
    expect(links).toEqual(expect.arrayContaining([pageUrl('articles/cyberspace-governance/'), pageUrl('articles/hostile/')]));
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await page.close();
  });

  it('renders a page with a wide table at 360 px without scrolling the page: the table scrolls in its own box', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(pageUrl('articles/table/index.html'));
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    // Measured in the page (a string: the tests are type-checked without the DOM library).
    const seen = await page.evaluate<{
      box: { scroll: number; client: number; right: number; overflowX: string };
      cell: { border: string; padding: number };
      lines: number[];
      align: string;
      header: { weight: string; background: string };
      del: string;
      sup: string;
      sizes: { text: number; notes: number };
    }>(`(() => {
      const style = (selector) => getComputedStyle(document.querySelector(selector));
      const box = document.querySelector('.body .table');
      // A cell's text makes one line box when it is not broken across lines.
      const lines = [...document.querySelectorAll('.body tbody td:nth-child(n+3):nth-child(-n+7)')].map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return range.getClientRects().length;
      });
      return {
        box: { scroll: box.scrollWidth, client: box.clientWidth, right: box.getBoundingClientRect().right, overflowX: getComputedStyle(box).overflowX },
        cell: { border: style('.body td').borderTopStyle, padding: parseFloat(style('.body td').paddingLeft) },
        lines,
        align: style('.body tbody td:nth-child(6)').textAlign,
        header: { weight: style('.body th').fontWeight, background: style('.body th').backgroundColor },
        del: style('.body del').textDecorationLine,
        sup: style('.body sup').verticalAlign,
        sizes: { text: parseFloat(style('.body > p').fontSize), notes: parseFloat(style('.body > hr + ol:last-child').fontSize) },
      };
    })()`);
    // The table is wider than the screen, and its box keeps it inside the page.
    expect(seen.box.overflowX).toBe('auto');
    expect(seen.box.scroll).toBeGreaterThan(seen.box.client);
    expect(seen.box.right).toBeLessThanOrEqual(360);
    // Readable cells: borders, padding, each figure on one line and right-aligned as the column says, header cells set apart.
    expect(seen.cell.border).toBe('solid');
    expect(seen.cell.padding).toBeGreaterThan(4);
    expect(seen.lines).toEqual(Array(15).fill(1));
    expect(seen.align).toBe('right');
    expect(Number(seen.header.weight)).toBeGreaterThanOrEqual(600);
    expect(seen.header.background).not.toBe('rgba(0, 0, 0, 0)');
    // Strikethrough is struck, the footnote reference raised, the notes set smaller than the text.
    expect(seen.del).toBe('line-through');
    expect(seen.sup).toBe('super');
    expect(seen.sizes.notes).toBeLessThan(seen.sizes.text);
    await page.close();
  });

  it('renders the sample page on a phone-sized screen without horizontal scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
    await page.goto(pageUrl('articles/cyberspace-governance/index.html'));
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    const shot = await page.screenshot({ fullPage: false });
    expect(shot.length).toBeGreaterThan(10_000);
    await page.close();
  });
});
