// @ts-check
// Times the Markdown reader's body rendering on the Markdown half of the benchmark archive
// (tests/bench/archive.mjs): the function that turns a body into bodyHtml, its blocks' plain text and the
// removal warnings (`toBody`), and, for context, the whole `readMarkdown` (front matter, dates, model
// checks). Best of 5 rounds, ms per article. It reads a compiled checkout (`npm run compile` first):
//   node tests/bench/markdown.mjs [articles=2000] [root=.]
// Run it on the old code's checkout and on the new one, on the same machine, one after the other.
// Before markdown-it, `toBody` was private to lib/read/markdown.js: a copy of that file that exports it
// is written beside it for the run (so its imports resolve) and removed after.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { toSyntheticArchive } from './archive.mjs';

const size = Number(process.argv[2] ?? 2000);
const root = path.resolve(process.argv[3] ?? '.');
const lib = path.join(root, 'lib/read');
const { readMarkdown } = await import(pathToFileURL(path.join(lib, 'markdown.js')).href);

/** @type {(markdown: string, baseUrl: string, lineOffset: number) => { html: string }} */
let toBody;
if (existsSync(path.join(lib, 'markdown/body.js'))) {
  ({ toBody } = await import(pathToFileURL(path.join(lib, 'markdown/body.js')).href));
} else {
  const copy = path.join(lib, 'markdown-bench-old.js');
  writeFileSync(copy, `${readFileSync(path.join(lib, 'markdown.js'), 'utf8')}\nexport { toBody };\n`);
  try {
    ({ toBody } = await import(pathToFileURL(copy).href));
  } finally {
    rmSync(copy);
  }
}

const site = {
  name: 'Bench',
  url: 'https://www.globaltimes.cn/',
  language: 'en',
  timeZone: 'Asia/Shanghai',
  permalink: '/page/{yyyy}{mm}/{id}.shtml',
  guidPrefix: 'tag:globaltimes.cn,2024:article:',
};
const encoder = new TextEncoder();
const markdown = [...toSyntheticArchive(size)].filter((file) => file.path.endsWith('.md'));
const files = markdown.map((file) => ({ path: file.path, bytes: encoder.encode(file.text) }));
// The body as the reader hands it over: the lines after the closing "---", and the file line before them.
const bodies = markdown.map((file) => {
  const lines = file.text.split('\n');
  const close = lines.indexOf('---', 1);
  return { markdown: lines.slice(close + 1).join('\n'), lineOffset: close + 1 };
});

/** Best of `rounds` timings of `run` over every item, in ms per item. */
function time(items, run, rounds = 5) {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const item of items) run(item);
    best = Math.min(best, (performance.now() - start) / items.length);
  }
  return best;
}

const renderBody = (/** @type {{ markdown: string, lineOffset: number }} */ body) => {
  if (toBody(body.markdown, 'https://www.globaltimes.cn/page/202409/story.shtml', body.lineOffset).html === '') throw new Error('empty body');
};
const readWhole = (/** @type {{ path: string, bytes: Uint8Array }} */ file) => {
  if (readMarkdown(file, site).article === undefined) throw new Error(`${file.path} did not read`);
};
time(bodies, renderBody, 1); // warm-up
time(files, readWhole, 1);
const body = time(bodies, renderBody);
const whole = time(files, readWhole);
console.log(`${root}: ${markdown.length} Markdown articles (${Math.round(bodies.reduce((n, b) => n + b.markdown.length, 0) / bodies.length)} characters of body on average), best of 5`);
console.log(`  toBody (Markdown body → HTML, text, warnings): ${body.toFixed(4)} ms per article`);
console.log(`  readMarkdown (whole article):                  ${whole.toFixed(4)} ms per article`);
