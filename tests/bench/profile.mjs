// @ts-check
// `npm run compile && node tests/bench/profile.mjs [N] [--digest]`: CPU cost of each per-article and
// per-feed step, in process, without the build driver or any I/O. Generates N synthetic articles
// (default 2,000; half wire copy like tests/bench/bench.mjs, half Markdown with front matter), then
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
import { validators } from '../../lib/validate/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
const size = Number(args.find((a) => /^\d+$/.test(a)) ?? 2000);
const digestWanted = args.includes('--digest');
const NOW = '2024-12-31T12:00:00+08:00';

const { config: site } = readSiteConfig(readFileSync(path.join(root, 'input/site.json'), 'utf8'), 'input/site.json');
if (!site) throw new Error('bad input/site.json');

// --- The generator of tests/bench/bench.mjs, plus a Markdown variant. -------------------------------
const sample = readFileSync(path.join(root, 'input/articles/cyberspace-governance.txt'), 'utf8');
const samplePars = sample.split(/\n\s*\n/).map((p) => p.replace(/\u00A0/g, ' ').trim()).filter((p) => p.length > 80 && !p.includes('\n') && !p.includes('Photo:'));
const SECTIONS = ['CHINA / SOCIETY', 'CHINA / POLITICS', 'WORLD / ASIA-PACIFIC', 'SOURCE / ECONOMY', 'OPINION / EDITORIAL', 'SPORT', 'LIFE / CULTURE'];
const NAMES = ['Liu Caiyu', 'Zhang Han', 'Li Hao', 'Wang Qi', 'Chen Qingqing', 'Yang Sheng', 'Fan Anqi', 'Xing Xiaojing'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** mulberry32, so every run profiles the same archive. */
function prng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The parts both variants share: paragraphs, date, bylines, photo, section. */
function facts(i, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const paragraphs = Array.from({ length: 8 + Math.floor(random() * 13) }, () => pick(samplePars));
  const hasPhoto = random() < 0.5;
  const month = Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const year = 2015 + Math.floor(random() * 10);
  const hour = 1 + Math.floor(random() * 12);
  const minute = Math.floor(random() * 60);
  const pm = random() < 0.5;
  const first = pick(NAMES);
  const second = NAMES[(NAMES.indexOf(first) + 1 + Math.floor(random() * (NAMES.length - 1))) % NAMES.length];
  const authors = random() < 0.7 ? (random() < 0.3 ? [first, second] : [first]) : [];
  return { paragraphs, hasPhoto, month, day, year, hour, minute, pm, authors, section: pick(SECTIONS), credit: pick(NAMES) };
}

/** Wire copy as bench.mjs writes it. */
function wire(i, f) {
  const front = f.hasPhoto ? `---\nimage:\n  url: https://www.globaltimes.cn/Portals/0/attachment/bench/${i}.jpeg\n  width: 1200\n  height: 800\n  bytes: ${100_000 + i}\n---\n` : '';
  const date = `${MONTHS[f.month]} ${String(f.day).padStart(2, '0')}, ${f.year} ${String(f.hour).padStart(2, '0')}:${String(f.minute).padStart(2, '0')} ${f.pm ? 'PM' : 'AM'}`;
  const byline = f.authors.length > 0 ? `By ${f.authors.join(' and ')}\n` : '';
  const photo = f.hasPhoto ? `A photo caption for story ${i}. Photo: ${f.credit}/GT\n\n` : '';
  return `${front}${f.section}\nStory ${i}: ${f.paragraphs[0].slice(0, 90)}\nPublished: ${date}\n${byline}\n${photo}${f.paragraphs.join('\n\n')}\n`;
}

/** The same story as Markdown: front matter `headline`, `date`, `section`, `authors`, `image`; some inline syntax in the body. */
function markdown(i, f) {
  const hour24 = (f.hour % 12) + (f.pm ? 12 : 0);
  const date = `${f.year}-${String(f.month + 1).padStart(2, '0')}-${String(f.day).padStart(2, '0')} ${String(hour24).padStart(2, '0')}:${String(f.minute).padStart(2, '0')}`;
  const lines = ['---', `headline: "Story ${i}: ${f.paragraphs[0].slice(0, 90).replace(/["\\]/g, '')}"`, `date: ${date}`, `section: ${f.section}`];
  if (f.authors.length > 0) lines.push('authors:', ...f.authors.map((name) => `  - ${name}`));
  if (f.hasPhoto) {
    lines.push('image:', `  url: https://www.globaltimes.cn/Portals/0/attachment/bench/${i}.jpeg`, '  width: 1200', '  height: 800', `  bytes: ${100_000 + i}`);
    lines.push(`  caption: A photo caption for story ${i}.`, `  credit: ${f.credit}/GT`);
  }
  lines.push('---', '');
  const body = f.paragraphs.map((p, k) =>
    k === 1 ? `## ${p.slice(0, 60)}` : k === 2 ? `${p.slice(0, 40)} *${p.slice(40, 80)}* [a link](/page/${i}.html) ${p.slice(80)}` : p,
  );
  return `${lines.join('\n')}\n${body.join('\n\n')}\n`;
}

const random = prng(size);
const encoder = new TextEncoder();
/** @type {{ path: string, bytes: Uint8Array }[]} */
const sources = [];
for (let i = 0; i < size; i++) {
  const f = facts(i, random);
  const md = i % 2 === 1;
  const name = `input/articles/batch-${String(Math.floor(i / 1000)).padStart(3, '0')}/story-${String(i).padStart(6, '0')}.${md ? 'md' : 'txt'}`;
  sources.push({ path: name, bytes: encoder.encode(md ? markdown(i, f) : wire(i, f)) });
}

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

const perArticle = [
  ['jsonld', emitJsonLd],
  ['newsml', emitNewsml],
  ['ninjs', emitNinjs],
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
const sample0 = articles[0];
if (sample0 !== undefined) {
  for (const [format, emit] of perArticle) first(`validate ${format} (first call)`, () => validators[format](emit([sample0], site)[0], site));
}
for (const article of articles) {
  for (const [format, emit] of perArticle) {
    const files = timed(`emit ${format}`, () => emit([article], site));
    for (const file of files) {
      record(file);
      record(timed(`validate ${format}`, () => validators[format](file, site)));
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
    record(timed(`feeds: validate ${format}`, () => validators[format](file, site)));
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
console.log(`per article: read ${(read / size).toFixed(3)} ms, emit+validate ${(emitValidate / Math.max(1, articles.length)).toFixed(3)} ms`);
console.log(`totals: reading + per-article outputs ${fmt(perArticleMs)}, feeds ${fmt(feedMs)}, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
if (digestWanted) console.log(`digest ${digest.digest('hex')}`);
