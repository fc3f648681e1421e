// @ts-check
// One measured build in a fresh process (so peak RSS is this build's own): node run-build.mjs <project dir> <now>
// Prints one JSON line: wall time from process start, time per stage, articles, files, diagnostics, peak RSS.
import { performance } from 'node:perf_hooks';

const [project, now] = process.argv.slice(2);
if (!project || !now) throw new Error('usage: node run-build.mjs <project dir> <now>');
const lib = await import('../../lib/index.js');
/** @type {Record<string, number>} */
const stages = {};
const clock = () => performance.now();
let start = clock();
const input = await lib.loadInput('input', project);
stages.load = clock() - start;
const { config } = lib.readSiteConfig(input.configText ?? '', input.configPath);
if (!config) throw new Error('bad site.json');
const result = lib.build(input.sources, config, {
  articlesPath: input.articlesPath,
  now,
  profile: { clock, record: (stage, ms) => (stages[stage] = ms) },
});
const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
start = clock();
if (errors === 0) await lib.writeOutputs('dist', project, result.outputs);
stages.write = clock() - start;
console.log(
  JSON.stringify({
    wallMs: performance.now(),
    stages,
    articles: result.articles.length,
    files: result.outputs.length,
    errors,
    warnings: result.diagnostics.length - errors,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  }),
);
