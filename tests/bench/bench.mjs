// @ts-check
// `npm run bench [-- --full] [-- --sizes 1000,5000]`: builds synthetic archives and prints, per size,
// wall time, articles per second, peak RSS and time per stage for a clean build, a no-op rebuild
// and a rebuild with one changed article. Archives are generated in a temporary folder and removed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toSyntheticArchive } from './archive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
const sizesArg = args.indexOf('--sizes');
const sizes =
  sizesArg >= 0 ? (args[sizesArg + 1] ?? '').split(',').map(Number) : [1_000, 10_000, ...(args.includes('--full') ? [100_000] : [])];
const NOW = '2024-12-31T12:00:00+08:00';

function generate(size) {
  const dir = mkdtempSync(path.join(tmpdir(), `syndicate-bench-${size}-`));
  mkdirSync(path.join(dir, 'input'));
  cpSync(path.join(root, 'input/site.json'), path.join(dir, 'input/site.json'));
  for (const { path: file, text } of toSyntheticArchive(size)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
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
      // Build-time validation per format, in ms per built article (CPU of all threads).
      const perFormat = Object.entries(t)
        .filter(([stage]) => stage.startsWith('validate '))
        .map(([stage, ms]) => `${stage.slice('validate '.length)} ${(ms / Math.max(1, r.built)).toFixed(3)}`);
      if (perFormat.length > 0 && r.built > 0) console.log(`  validation per built article (ms): ${perFormat.join(', ')}; all ${((t.validate ?? 0) / r.built).toFixed(3)}`);
      if (r.errors > 0) console.log(`  (${r.errors} errors: nothing written; first: ${JSON.stringify(r.firstError)})`);
    }
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}
