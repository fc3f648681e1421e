// @ts-check
// `npm run compile && node tests/bench/profile.mjs [N] [--digest]`: CPU cost of each per-article and
// per-feed step, in process, without the build driver or any I/O. Generates N synthetic articles
// (default 2,000: the archive of tests/bench/archive.mjs, which npm run bench builds), then
// times readSource, each per-article emitter and validator, and the feed emitters and validators.
// `--digest` also prints a SHA-256 of every output and diagnostic, to compare two versions of the code
// byte for byte on a large archive. Add `node --cpu-prof --cpu-prof-dir=/tmp/prof` to find hot spots.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { readSiteConfig } from '../../lib/config.js';
import { emitAtom } from '../../lib/emit/atom.js';
import { emitJsonFeed } from '../../lib/emit/jsonfeed.js';
import { emitJsonLd } from '../../lib/emit/jsonld.js';
import { emitNewsml } from '../../lib/emit/newsml.js';
import { emitNinjs } from '../../lib/emit/ninjs.js';
import { emitRss } from '../../lib/emit/rss.js';
import { emitNewsSitemap } from '../../lib/emit/sitemap.js';
import { readSource } from '../../lib/read/index.js';
import { validateOutput } from '../../lib/validate/index.js';
import { emitHead } from '../../lib/emit/head.js';
import { emitPage } from '../../lib/emit/page.js';
import { toSyntheticArchive } from './archive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
const size = Number(args.find((a) => /^\d+$/.test(a)) ?? 2000);
const digestWanted = args.includes('--digest');
const NOW = '2024-12-31T12:00:00+08:00';

const { config: site } = readSiteConfig(readFileSync(path.join(root, 'input/site.json'), 'utf8'), 'input/site.json');
if (!site) throw new Error('bad input/site.json');

// --- The archive npm run bench builds (tests/bench/archive.mjs). -----------------------------------
const encoder = new TextEncoder();
/** @type {{ path: string, bytes: Uint8Array }[]} */
const sources = [...toSyntheticArchive(size)].map(({ path: file, text }) => ({ path: file, bytes: encoder.encode(text) }));

// --- Timing. -----------------------------------------------------------------------------------------
const digest = createHash('sha256');
/** @param {unknown} value */
const record = (value) => digestWanted && digest.update(`${JSON.stringify(value)}\n`);

/** @type {Map<string, { ms: number, calls: number }>} */
const totals = new Map();
/** Runs `fn`, adding its time to `stage`. @template T @param {string} stage @param {() => T} fn @returns {T} */
function timed(stage, fn) {
  const start = performance.now();
  const result = fn();
  const ms = performance.now() - start;
  const entry = totals.get(stage) ?? { ms: 0, calls: 0 };
  entry.ms += ms;
  entry.calls++;
  totals.set(stage, entry);
  return result;
}

// First calls pay one-off costs (schema compilation, lazy module state): reported on their own.
/** @type {[string, number][]} */
const firstCalls = [];
/** @param {string} stage @param {() => unknown} fn */
function first(stage, fn) {
  const start = performance.now();
  fn();
  firstCalls.push([stage, performance.now() - start]);
}

// In the build's order: the JSON-LD first, which the head snippet and the page are checked against.
const perArticle = [
  ['jsonld', emitJsonLd],
  ['newsml', emitNewsml],
  ['ninjs', emitNinjs],
  ['head', emitHead],
  ['page', emitPage],
];

const wallStart = performance.now();
/** @type {import('../../lib/model/article.js').Article[]} */
const articles = [];
let readErrors = 0;
for (const source of sources) {
  const kind = source.path.endsWith('.md') ? 'md' : 'txt';
  const result = timed(`read ${kind}`, () => readSource(source, site));
  record(result?.diagnostics);
  if (result?.article) articles.push(result.article);
  else readErrors++;
}
/** The build's validation of one output: both layers; head and page against the article's JSON-LD. */
const validate = (file, reference) => validateOutput(file, site, file.format === 'head' || file.format === 'page' ? reference : undefined);
const sample0 = articles[0];
if (sample0 !== undefined) {
  for (const [format, emit] of perArticle) first(`validate ${format} (first call)`, () => validate(emit([sample0], site)[0], undefined));
}
for (const article of articles) {
  let reference;
  for (const [format, emit] of perArticle) {
    const files = timed(`emit ${format}`, () => emit([article], site));
    for (const file of files) {
      record(file);
      const checked = timed(`validate ${format}`, () => validate(file, reference));
      if (format === 'jsonld') reference = { jsonLd: file.text, facts: checked.facts };
      record(checked.diagnostics);
    }
  }
}
const perArticleMs = performance.now() - wallStart;

/** @type {[string, import('../../lib/model/output.js').Emitter][]} */
const feedEmitters = [
  ['rss', emitRss],
  ['atom', emitAtom],
  ['jsonfeed', emitJsonFeed],
  ['sitemap', emitNewsSitemap],
];
const feedStart = performance.now();
let feedFiles = 0;
for (const [format, emit] of feedEmitters) {
  const files = timed(`feeds: emit ${format}`, () => emit(articles, site, { now: NOW }));
  for (const file of files) {
    feedFiles++;
    record(file);
    record(timed(`feeds: validate ${format}`, () => validateOutput(file, site)).diagnostics);
  }
}
const feedMs = performance.now() - feedStart;

// --- Report. -----------------------------------------------------------------------------------------
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 3 : 1)} ms`);
console.log(`syndicate profile — node ${process.version}, ${size} sources (${articles.length} articles, ${readErrors} not read), ${feedFiles} feed files`);
console.log('stage                      | calls  | ms per call | total');
for (const [stage, { ms, calls }] of totals) {
  console.log(`${stage.padEnd(26)} | ${String(calls).padEnd(6)} | ${(ms / calls).toFixed(3).padStart(11)} | ${fmt(ms)}`);
}
for (const [stage, ms] of firstCalls) console.log(`${stage.padEnd(26)} | 1      | ${ms.toFixed(3).padStart(11)} |`);
const emitValidate = [...totals].filter(([s]) => !s.startsWith('read') && !s.startsWith('feeds')).reduce((sum, [, { ms }]) => sum + ms, 0);
const read = [...totals].filter(([s]) => s.startsWith('read')).reduce((sum, [, { ms }]) => sum + ms, 0);
const validation = [...totals].filter(([s]) => s.startsWith('validate ')).reduce((sum, [, { ms }]) => sum + ms, 0);
console.log(`per article: read ${(read / size).toFixed(3)} ms, emit+validate ${(emitValidate / Math.max(1, articles.length)).toFixed(3)} ms, of which validation ${(validation / Math.max(1, articles.length)).toFixed(3)} ms`);
console.log(`totals: reading + per-article outputs ${fmt(perArticleMs)}, feeds ${fmt(feedMs)}, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
if (digestWanted) console.log(`digest ${digest.digest('hex')}`);
