// @ts-check
// One measured build in a fresh process (so peak RSS is this build's own):
//   node run-build.mjs <project dir> <now> [workers]
// Builds <project dir>/input into <project dir>/dist with the cache in <project dir>/.syndicate-cache, as
// `syndicate build` does (the outputs are site.json's `outputs`, default all), and prints one JSON line:
// wall time from process start, time per phase and stage, outputs, articles, files written,
// diagnostics, peak RSS (of the whole process, worker threads included).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const [project, now, workers] = process.argv.slice(2);
if (!project || !now) throw new Error('usage: node run-build.mjs <project dir> <now> [workers]');
// The modules the CLI loads for a build, not the whole library: a no-op rebuild never loads the emitters.
const [{ readSiteConfig }, { buildProject }] = await Promise.all([import('../../lib/config.js'), import('../../lib/project/build.js')]);
const configPath = `${project}/input/site.json`;
const { config } = readSiteConfig(readFileSync(configPath, 'utf8'), configPath);
if (!config) throw new Error('bad site.json');
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const result = await buildProject({
  cwd: project,
  inputDir: 'input',
  outDir: 'dist',
  site: config,
  toolVersion: version,
  now,
  cacheDir: '.syndicate-cache',
  workers: workers === undefined ? undefined : Number(workers),
});
const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
console.log(
  JSON.stringify({
    wallMs: performance.now(),
    outputs: config.outputs ?? 'all',
    timings: result.timings,
    mode: result.mode,
    reused: result.reused,
    built: result.built,
    workers: result.workers,
    articles: result.articles,
    files: result.files,
    written: result.written,
    errors,
    warnings: result.diagnostics.length - errors,
    firstError: result.diagnostics.find((d) => d.severity === 'error'),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    // CPU time of the process, all threads (user + system), less sensitive to other load than wall time.
    cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000,
  }),
);
