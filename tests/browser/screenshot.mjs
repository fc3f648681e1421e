// @ts-check
// `npm run compile && node tests/browser/screenshot.mjs`: the screenshot in docs/outputs.md of the sample
// article page (dist/articles/cyberspace-governance/index.html) in Debian's Chromium, 1000 px wide.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const browser = await chromium.launch({
  executablePath: process.env.SYNDICATE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1000, height: 1100 } });
await page.goto(pathToFileURL(path.join(root, 'dist/articles/cyberspace-governance/index.html')).href);
await page.screenshot({ path: path.join(root, 'docs/sample-article.png') });
await browser.close();
console.log('wrote docs/sample-article.png');
