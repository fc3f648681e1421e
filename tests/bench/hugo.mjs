// @ts-check
// The Hugo side of `npm run bench`: the anchor project (`../shared/bench/hugo-anchor.sh N DIR`: N
// Markdown articles, per-article HTML with NewsArticle JSON-LD plus one RSS of all items) and one
// clean Hugo build in a fresh process, timed from spawn to exit like our builds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/** `/usr/bin/time` reports the peak RSS (`%M`, KiB) and CPU seconds (`%U`, `%S`) of the process it runs; GNU time, not the shell keyword. */
const TIME = '/usr/bin/time';

/**
 * Hugo's version line when `hugo` is on the PATH and runs, else undefined.
 * @returns {string | undefined}
 */
export function findHugo() {
  const run = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/**
 * Writes the anchor project of `size` articles into `dir` (the script empties `dir` first).
 * @param {string} anchorScript path of hugo-anchor.sh
 * @param {number} size
 * @param {string} dir
 */
export function makeHugoProject(anchorScript, size, dir) {
  const run = spawnSync('bash', [anchorScript, String(size), dir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${anchorScript} ${size} ${dir} failed (${run.status}): ${run.stderr}`);
}

/**
 * One clean Hugo build (`hugo --quiet -s DIR -d OUT`) in a fresh process: wall time from spawn to
 * exit, peak RSS and CPU time (user + system, all threads) when GNU time is installed, and the files
 * written (counted after the timing).
 * @param {string} hugoDir
 * @param {string} outDir must not exist (moved aside by the caller)
 * @returns {{ processMs: number, peakRssMiB: number | undefined, cpuMs: number | undefined, files: number }}
 */
export function measureHugo(hugoDir, outDir) {
  const hugoArgs = ['--quiet', '-s', hugoDir, '-d', outDir];
  const withTime = existsSync(TIME);
  const scratch = withTime ? mkdtempSync(path.join(tmpdir(), 'syndicate-bench-time-')) : undefined;
  const timeFile = scratch === undefined ? undefined : path.join(scratch, 'time');
  const [command, args] = timeFile === undefined ? ['hugo', hugoArgs] : [TIME, ['-f', '%M %U %S', '-o', timeFile, 'hugo', ...hugoArgs]];
  const start = performance.now();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const processMs = performance.now() - start;
  if (run.status !== 0) throw new Error(`hugo failed (${run.status}): ${run.stderr}`);
  const [kib, user, system] = timeFile === undefined ? [] : (readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  return { processMs, peakRssMiB: kib === undefined ? undefined : kib / 1024, cpuMs: user === undefined || system === undefined ? undefined : (user + system) * 1000, files };
}
