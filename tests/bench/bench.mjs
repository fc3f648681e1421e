// @ts-check
// `npm run bench [-- --full] [-- --sizes 1000,5000]`: builds synthetic archives and prints, per size,
// wall time, articles per second, peak RSS and time per stage for a clean build, a no-op rebuild
// and a rebuild with one changed article. Archives are generated in a temporary folder and removed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
const sizesArg = args.indexOf('--sizes');
const sizes =
  sizesArg >= 0 ? (args[sizesArg + 1] ?? '').split(',').map(Number) : [1_000, 10_000, ...(args.includes('--full') ? [100_000] : [])];
const NOW = '2024-12-31T12:00:00+08:00';

const sample = readFileSync(path.join(root, 'input/articles/cyberspace-governance.txt'), 'utf8');
const samplePars = sample.split(/\n\s*\n/).map((p) => p.replace(/\u00A0/g, ' ').trim()).filter((p) => p.length > 80 && !p.includes('\n') && !p.includes('Photo:'));
const SECTIONS = ['CHINA / SOCIETY', 'CHINA / POLITICS', 'WORLD / ASIA-PACIFIC', 'SOURCE / ECONOMY', 'OPINION / EDITORIAL', 'SPORT', 'LIFE / CULTURE'];
const NAMES = ['Liu Caiyu', 'Zhang Han', 'Li Hao', 'Wang Qi', 'Chen Qingqing', 'Yang Sheng', 'Fan Anqi', 'Xing Xiaojing'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A small deterministic PRNG (mulberry32) so every run benchmarks the same archive. */
function prng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Markdown of the same shape: YAML front matter, paragraphs with some emphasis and a link. */
function markdownArticle(i, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const paragraphs = Array.from({ length: 8 + Math.floor(random() * 13) }, () => pick(samplePars));
  paragraphs[1] = `*${paragraphs[1]}* See [the ministry's notice](https://www.example.gov.cn/notice/${i}).`;
  const date = `${2015 + Math.floor(random() * 10)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')} ${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
  const image = random() < 0.5 ? `image:\n  url: https://www.globaltimes.cn/Portals/0/attachment/bench/${i}.jpeg\n  width: 1200\n  height: 800\n  caption: A photo caption for story ${i}.\n  credit: ${pick(NAMES)}/GT\n` : '';
  const authors = random() < 0.7 ? `authors: [${pick(NAMES)}]\n` : '';
  const headline = `Story ${i}: ${paragraphs[0].slice(0, 90)}`.replace(/"/g, "'");
  return `---\nheadline: "${headline}"\ndate: ${date}\nsection: ${pick(SECTIONS).split(' / ').map((s) => s[0] + s.slice(1).toLowerCase()).join(' / ')}\n${authors}${image}---\n${paragraphs.join('\n\n')}\n`;
}

/** Wire copy of realistic length (8–20 paragraphs, ~5 KB), a photo with a URL in half of them, bylines in most. */
function article(i, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const paragraphs = Array.from({ length: 8 + Math.floor(random() * 13) }, () => pick(samplePars));
  const hasPhoto = random() < 0.5;
  const front = hasPhoto ? `---\nimage:\n  url: https://www.globaltimes.cn/Portals/0/attachment/bench/${i}.jpeg\n  width: 1200\n  height: 800\n  bytes: ${100_000 + i}\n---\n` : '';
  const date = `${pick(MONTHS)} ${String(1 + Math.floor(random() * 28)).padStart(2, '0')}, ${2015 + Math.floor(random() * 10)} ${String(1 + Math.floor(random() * 12)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')} ${random() < 0.5 ? 'AM' : 'PM'}`;
  const first = pick(NAMES);
  const second = NAMES[(NAMES.indexOf(first) + 1 + Math.floor(random() * (NAMES.length - 1))) % NAMES.length];
  const byline = random() < 0.7 ? `By ${first}${random() < 0.3 ? ` and ${second}` : ''}\n` : '';
  const photo = hasPhoto ? `A photo caption for story ${i}. Photo: ${pick(NAMES)}/GT\n\n` : '';
  return `${front}${pick(SECTIONS)}\nStory ${i}: ${paragraphs[0].slice(0, 90)}\nPublished: ${date}\n${byline}\n${photo}${paragraphs.join('\n\n')}\n`;
}

function generate(size) {
  const dir = mkdtempSync(path.join(tmpdir(), `syndicate-bench-${size}-`));
  mkdirSync(path.join(dir, 'input/articles'), { recursive: true });
  cpSync(path.join(root, 'input/site.json'), path.join(dir, 'input/site.json'));
  const random = prng(size);
  for (let i = 0; i < size; i++) {
    // Nested folders of 1,000 files, as archives are usually kept by year or month.
    const folder = path.join(dir, 'input/articles', `batch-${String(Math.floor(i / 1000)).padStart(3, '0')}`);
    if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
    // Every other story is Markdown, the rest wire copy.
    const name = `story-${String(i).padStart(6, '0')}`;
    if (i % 2 === 1) writeFileSync(path.join(folder, `${name}.md`), markdownArticle(i, random));
    else writeFileSync(path.join(folder, `${name}.txt`), article(i, random));
  }
  return dir;
}

function measure(dir, workers) {
  const args = [path.join(here, 'run-build.mjs'), dir, NOW, ...(workers === undefined ? [] : [String(workers)])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`build failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
console.log(`syndicate benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
const workersArg = args.indexOf('--workers');
const workers = workersArg >= 0 ? Number(args[workersArg + 1]) : undefined;
console.log('size    | run         | wall     | articles/s | peak RSS  | built/reused | written | list / articles / feeds / write / cache (wall) | read / emit / validate (CPU, all threads)');
for (const size of sizes) {
  const dir = generate(size);
  try {
    const runs = [['clean', measure(dir, workers)]];
    runs.push(['no-op', measure(dir, workers)]);
    const first = path.join(dir, 'input/articles/batch-000/story-000000.txt');
    writeFileSync(first, readFileSync(first, 'utf8').replace('Story 0:', 'Story 0 (updated):'));
    runs.push(['one changed', measure(dir, workers)]);
    for (const [name, r] of runs) {
      const t = r.timings;
      const wall = [t.list, t.articles, t.feeds, t.write, t.cache].map((ms) => fmt(ms ?? 0)).join(' / ');
      const cpu = [t.read, t.emit, t.validate].map((ms) => fmt(ms ?? 0)).join(' / ');
      console.log(
        `${String(size).padEnd(7)} | ${name.padEnd(11)} | ${fmt(r.wallMs).padEnd(8)} | ${String(Math.round((r.articles / r.wallMs) * 1000)).padEnd(10)} | ${`${r.peakRssMiB.toFixed(0)} MiB`.padEnd(9)} | ${`${r.built}/${r.reused}`.padEnd(12)} | ${String(r.written).padEnd(7)} | ${wall} | ${cpu}${r.workers ? ` (${r.workers} workers)` : ''}`,
      );
      if (r.errors > 0) console.log(`  (${r.errors} errors: nothing written; first: ${JSON.stringify(r.firstError)})`);
    }
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}
