// @ts-check
// `npm run bench [-- --sizes 1000,10000] [--full] [--archive wire|mixed|synthetic[,…]] [--repeat N] [--workers N]`
//
// Compares syndicate with Hugo on the same archive in the same run. Per size, `../shared/bench/hugo-anchor.sh
// N DIR` (from the repository root) writes Hugo's project: N Markdown articles, per-article HTML with
// NewsArticle JSON-LD and one RSS. Our input is derived from those very articles (tests/bench/hugo-archive.mjs):
//   --archive wire       (default) every article as our wire copy .txt;
//   --archive mixed      every other article as our Markdown .md, the rest wire copy;
//   --archive synthetic  the synthetic archive of tests/bench/archive.mjs that BENCHMARKS.md's history
//                        uses (half wire copy, half Markdown, 5 KB stories): ours only, Hugo has no copy of it.
// Several archives, comma-separated, run one after the other (e.g. wire,mixed).
//
// Each build is a fresh process timed from spawn to exit (the "process" column; ratios use it):
// Hugo's clean build (`hugo --quiet -s DIR -d OUT`, peak RSS from /usr/bin/time -f %M), then ours with
// `outputs: ["page","rss"]` (what Hugo writes) and with all outputs, each as a clean build, a no-op
// rebuild and a rebuild after one article's headline changed. Hugo runs again before each of our clean
// builds so the two alternate. `--repeat N` (default 1) repeats the whole alternation N times and reports
// the best of N for each measure with the worst beside it, so the noise of the shared machine shows.
// Before each clean build the previous output folders and cache are *moved* into a trash folder (a rename):
// deleting tens of thousands of files keeps this file system busy for minutes and would slow the next
// timing. `sync` runs before each timing for the same reason. Everything is deleted at the very end
// (kept with BENCH_KEEP=1). Without `hugo` on the PATH only our builds run, and the output says so.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { toSyntheticArchive } from './archive.mjs';
import { toHugoDerivedArchive } from './hugo-archive.mjs';
import { findHugo, makeHugoProject, measureHugo } from './hugo.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const ANCHOR = path.resolve(root, '../shared/bench/hugo-anchor.sh');
const NOW = '2024-12-31T12:00:00+08:00';
/** Our two configurations: what Hugo's anchor writes (pages with JSON-LD, one RSS), and everything. */
const CONFIGS = /** @type {const} */ ([
  { name: 'page,rss', outputs: ['page', 'rss'] },
  { name: 'all', outputs: undefined },
]);
const ARCHIVES = ['wire', 'mixed', 'synthetic'];

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string' },
    full: { type: 'boolean', default: false },
    workers: { type: 'string' },
    repeat: { type: 'string', default: '1' },
    archive: { type: 'string', default: 'wire' },
  },
});
const sizes = options.sizes !== undefined ? options.sizes.split(',').map(Number) : [1_000, 10_000, ...(options.full ? [100_000] : [])];
const workers = options.workers === undefined ? undefined : Number(options.workers);
const repeat = Number(options.repeat);
let archives = (options.archive ?? 'wire').split(',');
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes "${options.sizes}": whole numbers separated by commas, e.g. 1000,10000`);
if (!Number.isInteger(repeat) || repeat < 1) throw new Error(`--repeat "${options.repeat}": a whole number from 1`);
if (archives.some((a) => !ARCHIVES.includes(a))) throw new Error(`--archive "${options.archive}": choose from ${ARCHIVES.join(', ')} (comma-separated)`);

const site = JSON.parse(readFileSync(path.join(root, 'input/site.json'), 'utf8'));
const hugoVersion = findHugo();
const loud = (lines) => console.log(['', '!'.repeat(100), ...lines.map((l) => `!!! ${l}`), '!'.repeat(100), ''].join('\n'));
if (archives.some((a) => a !== 'synthetic') && !existsSync(ANCHOR)) {
  loud([`${ANCHOR} not found (../shared/bench from the repository root):`, 'no Hugo archive to derive ours from. Falling back to --archive synthetic, ours only.']);
  archives = ['synthetic'];
}
const withHugo = hugoVersion !== undefined && archives.some((a) => a !== 'synthetic');
if (hugoVersion === undefined) {
  loud(['HUGO IS NOT INSTALLED (`hugo version` failed): no Hugo comparison in this run, ours only.', 'Install hugo (e.g. apt-get install hugo) to get Hugo\'s time and the ratios.']);
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mib = (m) => (m === undefined ? '?' : `${m.toFixed(0)} MiB`);
const count = (n) => n.toLocaleString('en-US');
const ratio = (ours, hugo) => (hugo === undefined ? '—' : `${(ours / hugo).toFixed(2)}×`);

/** Lets the file system write back what the last build wrote, so it is not charged to the next timing. */
function settle() {
  spawnSync('sync');
}

let trashed = 0;
/** Moves what exists of `paths` into `trash` (a rename on the same file system: instant, unlike deleting). */
function moveAside(paths, trash) {
  for (const p of paths) if (existsSync(p)) renameSync(p, path.join(trash, `${trashed++}-${path.basename(p)}`));
}

/** One of our builds in a fresh process (tests/bench/run-build.mjs), timed from spawn to exit. */
function measureOurs(project) {
  const args = [path.join(here, 'run-build.mjs'), project, NOW, ...(workers === undefined ? [] : [String(workers)])];
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const processMs = performance.now() - start;
  if (run.status !== 0) throw new Error(`build failed: ${run.stderr}`);
  return { ...JSON.parse(run.stdout.trim().split('\n').at(-1) ?? ''), processMs };
}

/** Writes the project's input: site.json (outputs set per run later) and the archive's articles. */
function writeArchive(project, archive, size, hugoDir) {
  mkdirSync(path.join(project, 'input'), { recursive: true });
  cpSync(path.join(root, 'input/site.json'), path.join(project, 'input/site.json'));
  const files = archive === 'synthetic' ? toSyntheticArchive(size) : toHugoDerivedArchive(/** @type {string} */ (hugoDir), /** @type {'wire' | 'mixed'} */ (archive), site.timeZone);
  const made = new Set();
  for (const { path: file, text } of files) {
    const folder = path.dirname(path.join(project, file));
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    writeFileSync(path.join(project, file), text);
  }
}

/** The source the one-changed rebuild edits, and the edit (a changed headline). */
function toChange(project, archive) {
  if (archive === 'synthetic') return { file: path.join(project, 'input/articles/batch-000/story-000000.txt'), from: 'Story 0:', to: 'Story 0 (updated):' };
  return { file: path.join(project, 'input/articles/a000000.txt'), from: 'Article number 0 about', to: 'Article number 0 (updated) about' };
}

/** Best (least process time) and worst of repeated runs; peak RSS is the highest seen, CPU time the least. */
function summarise(runs) {
  const sorted = [...runs].sort((a, b) => a.processMs - b.processMs);
  const cpu = runs.map((r) => r.cpuMs).filter((ms) => ms !== undefined);
  return { best: sorted[0], worst: sorted.at(-1), peakRssMiB: Math.max(...runs.map((r) => r.peakRssMiB ?? 0)) || undefined, cpuMs: cpu.length > 0 ? Math.min(...cpu) : undefined, n: runs.length };
}
const cpuOf = (s) => (s.cpuMs === undefined ? '?' : fmt(s.cpuMs));

const spread = (s) => (s.n > 1 ? ` (worst ${fmt(s.worst.processMs)})` : '');

function printOurs(size, archive, config, name, s, hugoBest) {
  const r = s.best;
  const t = r.timings;
  const wall = [t.list, t.articles, t.feeds, t.write, t.cache].map((ms) => fmt(ms ?? 0)).join(' / ');
  const cpu = [t.read, t.emit, t.validate].map((ms) => fmt(ms ?? 0)).join(' / ');
  const x = name === 'clean' ? ratio(r.processMs, hugoBest) : '';
  console.log(
    `${count(size).padEnd(7)} | ${archive.padEnd(9)} | ${config.padEnd(8)} | ${name.padEnd(11)} | ${(fmt(r.processMs) + spread(s)).padEnd(25)} | ${x.padEnd(6)} | ${cpuOf(s).padEnd(8)} | ${fmt(r.wallMs).padEnd(8)} | ${String(Math.round((r.articles / r.processMs) * 1000)).padEnd(10)} | ${mib(s.peakRssMiB).padEnd(9)} | ${`${r.built}/${r.reused}`.padEnd(13)} | ${count(r.written).padEnd(7)} | ${wall} | ${cpu}${r.workers ? ` (${r.workers} workers)` : ''}`,
  );
  // Build-time validation per format, in ms per built article (CPU of all threads).
  const perFormat = Object.entries(t)
    .filter(([stage]) => stage.startsWith('validate '))
    .map(([stage, ms]) => `${stage.slice('validate '.length)} ${(ms / Math.max(1, r.built)).toFixed(3)}`);
  if (perFormat.length > 0 && r.built > 0) console.log(`  validation per built article (ms): ${perFormat.join(', ')}; all ${((t.validate ?? 0) / r.built).toFixed(3)}`);
  if (r.errors > 0) console.log(`  !!! ${r.errors} errors: nothing written, the timing is not a build's; first: ${JSON.stringify(r.firstError)}`);
  else if (r.warnings > 0) console.log(`  (${count(r.warnings)} warnings)`);
}

console.log(`syndicate benchmark — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log(`${hugoVersion ?? 'hugo: not installed'}; archives: ${archives.join(', ')}; best of ${repeat}${workers === undefined ? '' : `; ${workers} workers`}`);
console.log('Times are process wall times, spawn to exit ("in build": from process start to the end of the build, as before).');

/** @type {string[]} */
const workDirs = [];
/** @type {Map<string, any>} size/archive → summaries, for the summary table and the targets */
const results = new Map();
try {
  for (const size of sizes) {
    const work = mkdtempSync(path.join(tmpdir(), `syndicate-bench-${size}-`));
    workDirs.push(work);
    // Deleted at the very end; a run stopped before then leaves it behind, hence its name here.
    console.log(`\n(work folder for ${count(size)}: ${work})`);
    const trash = path.join(work, 'trash');
    mkdirSync(trash);
    const hugoDir = path.join(work, 'hugo');
    const hugoOut = path.join(work, 'hugo-public');
    if (archives.some((a) => a !== 'synthetic')) makeHugoProject(ANCHOR, size, hugoDir);
    for (const archive of archives) {
      const project = path.join(work, archive);
      writeArchive(project, archive, size, hugoDir);
      const change = toChange(project, archive);
      const original = readFileSync(change.file, 'utf8');
      if (!original.includes(change.from)) throw new Error(`${change.file} does not contain "${change.from}"`);
      const compare = withHugo && archive !== 'synthetic';
      /** @type {any[]} */
      const hugoRuns = [];
      /** @type {Record<string, Record<string, any[]>>} */
      const ours = Object.fromEntries(CONFIGS.map((c) => [c.name, { clean: [], 'no-op': [], 'one changed': [] }]));
      for (let round = 0; round < repeat; round++) {
        for (const config of CONFIGS) {
          if (compare) {
            moveAside([hugoOut], trash);
            settle();
            hugoRuns.push(measureHugo(hugoDir, hugoOut));
          }
          writeFileSync(path.join(project, 'input/site.json'), `${JSON.stringify(config.outputs === undefined ? site : { ...site, outputs: config.outputs }, null, 2)}\n`);
          moveAside(['dist', 'dist-partners', '.syndicate-cache', 'input/versions.json'].map((p) => path.join(project, p)), trash);
          settle();
          ours[config.name].clean.push(measureOurs(project));
          settle();
          ours[config.name]['no-op'].push(measureOurs(project));
          writeFileSync(change.file, original.replace(change.from, change.to));
          settle();
          ours[config.name]['one changed'].push(measureOurs(project));
          writeFileSync(change.file, original);
        }
      }
      const hugo = hugoRuns.length > 0 ? summarise(hugoRuns) : undefined;
      const mine = Object.fromEntries(Object.entries(ours).map(([config, runs]) => [config, Object.fromEntries(Object.entries(runs).map(([name, list]) => [name, summarise(list)]))]));
      results.set(`${size}/${archive}`, { size, archive, hugo, ours: mine });

      console.log(`\n== ${count(size)} articles, ${archive === 'synthetic' ? 'synthetic archive (tests/bench/archive.mjs)' : `${archive === 'wire' ? 'wire copy' : 'half Markdown, half wire copy'} made from hugo-anchor.sh's articles`}, best of ${repeat} ==`);
      if (hugo) {
        console.log(`Hugo clean: ${fmt(hugo.best.processMs)}${spread(hugo)}, CPU ${cpuOf(hugo)}, peak RSS ${mib(hugo.peakRssMiB)}, ${count(hugo.best.files)} files`);
        for (const config of CONFIGS) {
          const s = mine[config.name].clean;
          console.log(`ours ${config.name.padEnd(8)} clean: ${fmt(s.best.processMs)}${spread(s)} = ${ratio(s.best.processMs, hugo.best.processMs)} Hugo; CPU ${cpuOf(s)} = ${s.cpuMs === undefined ? '?' : ratio(s.cpuMs, hugo.cpuMs)} Hugo's`);
        }
      } else if (archive === 'synthetic') {
        console.log('(no Hugo run: Hugo has no copy of the synthetic archive)');
      } else {
        console.log('!!! no Hugo run: hugo is not installed');
      }
      console.log('size    | archive   | outputs  | run         | process                   | ×Hugo  | CPU      | in build | articles/s | peak RSS  | built/reused  | written | list / articles / feeds / write / cache (wall) | read / emit / validate (CPU, all threads)');
      for (const config of CONFIGS) for (const [name, s] of Object.entries(mine[config.name])) printOurs(size, archive, config.name, name, s, hugo?.best.processMs);
    }
  }
} finally {
  printSummary();
  if (!process.env.BENCH_KEEP) for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
  else console.log(`kept: ${workDirs.join(' ')}`);
}

/** The table to copy into BENCHMARKS.md, and the issue's targets (2-core machine) met or not. */
function printSummary() {
  if (results.size === 0) return;
  console.log(`\nSummary (best of ${repeat}; process wall time, spawn to exit; × = ours / Hugo, clean builds; CPU = user + system, all threads, least of ${repeat}; peak RSS: the highest of any run of that kind)`);
  console.log('| size | archive | Hugo clean | ours page,rss clean | × Hugo | ours all clean | × Hugo | no-op page,rss / all | one changed page,rss / all | clean CPU Hugo / page,rss / all | peak RSS Hugo / page,rss / all |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { size, archive, hugo, ours } of results.values()) {
    const h = hugo?.best.processMs;
    const pr = ours['page,rss'];
    const all = ours.all;
    const rss = Math.max(...Object.values(all).map((s) => s.peakRssMiB ?? 0));
    const rssPr = Math.max(...Object.values(pr).map((s) => s.peakRssMiB ?? 0));
    console.log(
      `| ${count(size)} | ${archive} | ${h === undefined ? '—' : fmt(h)} | ${fmt(pr.clean.best.processMs)} | ${ratio(pr.clean.best.processMs, h)} | ${fmt(all.clean.best.processMs)} | ${ratio(all.clean.best.processMs, h)} | ${fmt(pr['no-op'].best.processMs)} / ${fmt(all['no-op'].best.processMs)} | ${fmt(pr['one changed'].best.processMs)} / ${fmt(all['one changed'].best.processMs)} | ${hugo ? cpuOf(hugo) : '—'} / ${cpuOf(pr.clean)} / ${cpuOf(all.clean)} | ${hugo ? mib(hugo.peakRssMiB) : '—'} / ${mib(rssPr)} / ${mib(rss)} |`,
    );
  }
  const lines = [];
  const check = (label, value, limit, shown) => lines.push(`${value <= limit ? 'met    ' : 'NOT MET'} ${label}: ${shown}`);
  for (const { size, archive, hugo, ours } of results.values()) {
    if (size !== 10_000 && size !== 100_000) continue;
    const h = hugo?.best.processMs;
    const at = `${count(size)} ${archive}`;
    if (size === 10_000 && archive === 'wire' && h !== undefined) {
      check(`${at} page,rss clean ≤ 1.0× Hugo`, ours['page,rss'].clean.best.processMs / h, 1.0, ratio(ours['page,rss'].clean.best.processMs, h));
      check(`${at} all clean ≤ 2.5× Hugo`, ours.all.clean.best.processMs / h, 2.5, ratio(ours.all.clean.best.processMs, h));
    }
    if (size === 10_000) {
      for (const config of CONFIGS) {
        check(`${at} ${config.name} no-op ≤ 0.2 s`, ours[config.name]['no-op'].best.processMs, 200, fmt(ours[config.name]['no-op'].best.processMs));
        check(`${at} ${config.name} one changed ≤ 0.5 s`, ours[config.name]['one changed'].best.processMs, 500, fmt(ours[config.name]['one changed'].best.processMs));
      }
      const wire = results.get(`${size}/wire`);
      if (archive === 'mixed' && wire) {
        for (const config of CONFIGS) {
          const [mixed, plain] = [ours[config.name].clean, wire.ours[config.name].clean];
          const m = mixed.best.processMs / plain.best.processMs;
          const cpu = mixed.cpuMs === undefined || plain.cpuMs === undefined ? '' : `; CPU ${ratio(mixed.cpuMs, plain.cpuMs)} (${fmt(mixed.cpuMs)} vs ${fmt(plain.cpuMs)})`;
          check(`${at} ${config.name} clean within 1.3× of wire copy`, m, 1.3, `${m.toFixed(2)}× (${fmt(mixed.best.processMs)} vs ${fmt(plain.best.processMs)})${cpu}`);
        }
      }
    }
    if (size === 100_000 && archive !== 'synthetic') {
      if (h !== undefined) check(`${at} all clean ≤ 2.5× Hugo`, ours.all.clean.best.processMs / h, 2.5, ratio(ours.all.clean.best.processMs, h));
      const rss = Math.max(...Object.values(ours.all).map((s) => s.peakRssMiB ?? 0));
      check(`${at} all outputs peak RSS ≤ 1 GiB (clean, no-op and one changed)`, rss, 1024, `${mib(rss)} (clean ${mib(ours.all.clean.peakRssMiB)})`);
    }
  }
  if (lines.length > 0) console.log(`\nTargets (issue "Hugo's speed", 2-core machine):\n${lines.join('\n')}`);
}
