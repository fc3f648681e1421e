// @ts-check
// Times the Markdown reader's body rendering on the Markdown half of the benchmark archive
// (tests/bench/archive.mjs): `toBody`, which turns a body into bodyHtml, each block's plain text and the
// removal warnings, and, for context, the whole `readMarkdown` (front matter, dates, model checks).
// Best of 5 rounds, ms per article. It reads compiled checkouts (`npm run compile` in each first):
//   node tests/bench/markdown.mjs [articles=2000] [root=.] [another root…]
// Given the old code's checkout and the new one, it times them in the same process, round by round
// (the machine is shared: conditions drift between runs), and gives each one's speed-up over the first.
// Before markdown-it, `toBody` was private to lib/read/markdown.js: a copy of that file that exports it
// is written beside it for the run (so its imports resolve) and removed after.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { toSyntheticArchive } from './archive.mjs';

const size = Number(process.argv[2] ?? 2000);
const roots = (process.argv.length > 3 ? process.argv.slice(3) : ['.']).map((root) => path.resolve(root));
const ROUNDS = 5;

/** The reader of a compiled checkout: its `toBody` and `readMarkdown`. */
async function load(root) {
  const lib = path.join(root, 'lib/read');
  const { readMarkdown } = await import(pathToFileURL(path.join(lib, 'markdown.js')).href);
  if (existsSync(path.join(lib, 'markdown/body.js'))) {
    const { toBody } = await import(pathToFileURL(path.join(lib, 'markdown/body.js')).href);
    return { root, toBody, readMarkdown };
  }
  const copy = path.join(lib, 'markdown-bench-old.js');
  writeFileSync(copy, `${readFileSync(path.join(lib, 'markdown.js'), 'utf8')}\nexport { toBody };\n`);
  try {
    const { toBody } = await import(pathToFileURL(copy).href);
    return { root, toBody, readMarkdown };
  } finally {
    rmSync(copy);
  }
}

const readers = [];
for (const root of roots) readers.push(await load(root));

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
// The body as the reader hands it over: the lines after the closing "---", and how many lines come before.
const bodies = markdown.map((file) => {
  const lines = file.text.split('\n');
  const close = lines.indexOf('---', 1);
  return { markdown: lines.slice(close + 1).join('\n'), lineOffset: close + 1 };
});

/** ms per item of one pass of `run` over `items`. */
function pass(items, run) {
  const start = performance.now();
  for (const item of items) run(item);
  return (performance.now() - start) / items.length;
}

const tasks = {
  toBody: (reader) => pass(bodies, (body) => {
    if (reader.toBody(body.markdown, 'https://www.globaltimes.cn/page/202409/story.shtml', body.lineOffset).html === '') throw new Error('empty body');
  }),
  readMarkdown: (reader) => pass(files, (file) => {
    if (reader.readMarkdown(file, site).article === undefined) throw new Error(`${file.path} did not read`);
  }),
};

console.log(`${markdown.length} Markdown articles (${Math.round(bodies.reduce((n, b) => n + b.markdown.length, 0) / bodies.length)} characters of body on average), best of ${ROUNDS} rounds, ms per article`);
for (const [name, task] of Object.entries(tasks)) {
  const best = readers.map(() => Infinity);
  for (const reader of readers) task(reader); // warm-up
  for (let round = 0; round < ROUNDS; round++) readers.forEach((reader, i) => (best[i] = Math.min(best[i], task(reader))));
  readers.forEach((reader, i) => console.log(`  ${name.padEnd(12)} ${best[i].toFixed(4)} ms  ${i === 0 ? '' : `${(best[0] / best[i]).toFixed(1)}× `}${reader.root}`));
}
