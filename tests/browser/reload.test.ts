// `serve` reloads open pages on rebuild (issue 15 item 6), in Chromium: the page served with the
// injected script picks up the reload event and shows the new build; the file on disk has no script.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_PATH, serveFolder, type PreviewServer } from '../../src/serve/server.ts';
import { haveChromium, launchChromium } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/project.ts';

describe.skipIf(!haveChromium)('serve reloads open pages (Chromium)', () => {
  let dir: string;
  let server: PreviewServer;
  let browser: Browser;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'syndicate-reload-'));
    cpSync(path.join(projectRoot, 'dist'), dir, { recursive: true });
    server = await serveFolder({ root: dir, port: 0, status: async () => [] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the rebuilt page after reload()', async () => {
    const page = await browser.newPage();
    const file = path.join(dir, 'articles/cyberspace-governance/index.html');
    await page.goto(`${server.url}/articles/cyberspace-governance/`);
    const headline = (await page.locator('h1').first().textContent()) ?? '';
    expect(headline).toContain('China plays greater role');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('China plays greater role', 'China plays a greater role'));
    // The page reloads only on the event: told until its stream (opened as the page loaded) has it.
    let shown = false;
    for (let i = 0; i < 25 && !shown; i++) {
      server.reload();
      await new Promise((resolve) => setTimeout(resolve, 200));
      shown = (await page.locator('h1').first().textContent().catch(() => ''))?.includes('a greater role') ?? false;
    }
    expect(shown).toBe(true);
    expect(readFileSync(file, 'utf8')).not.toContain(EVENTS_PATH);
  }, 20000);
});
