// @ts-check
// `npm run compile && node --expose-gc tests/bench/emit.mjs [N] [--base DIR/lib] [--rounds 5] [--only newsml,all]`: the CPU cost of each
// per-article emitter, in CPU ms per article, best of `rounds`, one thread, no I/O. Reads N articles of the
// benchmark archive (tests/bench/archive.mjs, default 2,000) once, then times each emitter alone, the five
// together as `buildArticle` runs them (`all`), the readers, and the date code the readers run per source. With
// `--base`, a second compiled copy of the library (e.g. the previous commit's `lib/`) is timed in the same
// process, rounds interleaved, and its outputs compared byte for byte with this one's. `--only` picks cases
// (e.g. to profile one: `node --cpu-prof --cpu-prof-dir=/tmp/prof tests/bench/emit.mjs --only newsml`).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toSyntheticArchive } from './archive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const size = Number(args.find((a, i) => /^\d+$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 2000);
const rounds = Number(option('--rounds') ?? 5);
const base = option('--base');

const FORMATS = ['jsonld', 'newsml', 'ninjs', 'head', 'page'];

/** One compiled copy of the library: its reader, its emitters and how `buildArticle` runs them together. */
async function load(lib, name) {
  const url = (file) => pathToFileURL(path.join(lib, file)).href;
  const [{ readSiteConfig }, { readSource }, jsonld, newsml, ninjs, head, page, datetime] = await Promise.all(
    ['config.js', 'read/index.js', 'emit/jsonld.js', 'emit/newsml.js', 'emit/ninjs.js', 'emit/head.js', 'emit/page.js', 'read/datetime.js'].map(
      (file) => import(url(file)),
    ),
  );
  const articleFiles = await import(url('emit/articlefiles.js')).catch(() => undefined);
  const { config: site } = readSiteConfig(readFileSync(path.join(root, 'input/site.json'), 'utf8'), 'input/site.json');
  if (!site) throw new Error('bad input/site.json');
  const emitters = { jsonld: jsonld.emitJsonLd, newsml: newsml.emitNewsml, ninjs: ninjs.emitNinjs, head: head.emitHead, page: page.emitPage };
  // `emitArticleFiles` is how buildArticle emits since the JSON-LD is shared; before, it called each emitter.
  const all = articleFiles
    ? (a) => articleFiles.emitArticleFiles(FORMATS, a, site)
    : (a) => FORMATS.flatMap((format) => emitters[format]([a], site));
  return { name, site, readSource, emitters, all, datetime };
}

const encoder = new TextEncoder();
const archive = [...toSyntheticArchive(size)];
const sources = archive.map(({ path: file, text }) => ({ path: file, bytes: encoder.encode(text) }));

const libs = [await load(path.join(root, 'lib'), 'new')];
if (base !== undefined) libs.unshift(await load(path.resolve(base), 'old'));
for (const lib of libs) lib.articles = sources.map((s) => lib.readSource(s, lib.site)?.article).filter((a) => a !== undefined);

// The date inputs the readers resolve per source: wire timestamps and front-matter times, as the archive writes them.
const wireTimes = [];
const frontMatterTimes = [];
for (const { text } of archive) {
  const wire = /^Published: (.*)$/m.exec(text);
  if (wire) wireTimes.push(wire[1]);
  const fm = /^date: (.*)$/m.exec(text);
  if (fm) frontMatterTimes.push(fm[1], `${fm[1].replace(' ', 'T')}:00Z`);
}

/** @type {[string, (lib: any) => unknown][]} */
const cases = [
  ...FORMATS.map((format) => [format, (lib) => lib.articles.map((a) => lib.emitters[format]([a], lib.site)[0].text)]),
  ['all', (lib) => lib.articles.map((a) => lib.all(a).map((f) => f.text).join('\0'))],
  // The readers as a whole, for scale: the date code is one of their steps (the others are not emit work).
  ['read txt', (lib) => sources.filter((s) => s.path.endsWith('.txt')).map((s) => lib.readSource(s, lib.site).article?.datePublished)],
  ['read md', (lib) => sources.filter((s) => s.path.endsWith('.md')).map((s) => lib.readSource(s, lib.site).article?.datePublished)],
  ['wire time', (lib) => wireTimes.map((t) => lib.datetime.toZonedRfc3339(lib.datetime.parseWireTime(t), lib.site.timeZone))],
  ['front-matter time', (lib) => frontMatterTimes.map((t) => lib.datetime.toFrontMatterRfc3339(t, lib.site.timeZone))],
];
const only = option('--only')?.split(',');
if (only !== undefined) cases.splice(0, cases.length, ...cases.filter(([name]) => only.includes(name)));
const perItem = {
  'wire time': wireTimes.length,
  'front-matter time': frontMatterTimes.length,
  'read txt': sources.filter((s) => s.path.endsWith('.txt')).length,
  'read md': sources.filter((s) => s.path.endsWith('.md')).length,
};

/** @type {Map<string, Map<string, number>>} best ms per item, by case and library */
const best = new Map();
const digests = new Map();
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of cases) {
    // Alternate which copy goes first, and collect garbage before each run when allowed (`node --expose-gc`),
    // so neither copy pays for the other's garbage.
    for (const lib of round % 2 === 0 ? libs : [...libs].reverse()) {
      globalThis.gc?.();
      // CPU time of this process, not wall time: the machine is shared, and time spent descheduled is not ours.
      const start = process.cpuUsage();
      const out = run(lib);
      const used = process.cpuUsage(start);
      const ms = (used.user + used.system) / 1000 / (perItem[name] ?? lib.articles.length);
      const byLib = best.get(name) ?? new Map();
      byLib.set(lib.name, Math.min(byLib.get(lib.name) ?? Infinity, ms));
      best.set(name, byLib);
      if (round === 0) digests.set(`${name} ${lib.name}`, createHash('sha256').update(JSON.stringify(out)).digest('hex'));
    }
  }
}

console.log(`syndicate emit benchmark — node ${process.version}, ${size} sources, best of ${rounds}, ms per article (per source for the read rows, per date for the date rows)`);
console.log(`case              | ${libs.map((l) => l.name.padStart(8)).join(' | ')}${libs.length > 1 ? ' | speed-up | outputs' : ''}`);
for (const [name] of cases) {
  const byLib = best.get(name);
  const cells = libs.map((l) => byLib.get(l.name).toFixed(4).padStart(8));
  let extra = '';
  if (libs.length > 1) {
    const same = digests.get(`${name} old`) === digests.get(`${name} new`);
    extra = ` | ${(byLib.get('old') / byLib.get('new')).toFixed(2).padStart(7)}× | ${same ? 'identical' : 'DIFFER'}`;
  }
  console.log(`${name.padEnd(17)} | ${cells.join(' | ')}${extra}`);
}
