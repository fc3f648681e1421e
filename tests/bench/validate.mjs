// @ts-check
// `npm run bench:validate`: times `syndicate validate --format json DIR` on 1,000 feed files, two kinds:
//   full    the section feeds a 1,000-article build writes (RSS, Atom, JSON Feed: 50 items with the full
//           article HTML, about 250 KB each), copied round-robin to 1,000 files;
//   summary the same RSS and Atom feeds cut to 20 items without the full content (about 22 KB each, the
//           size of a typical news feed that carries summaries).
// Each run is a fresh CLI process; prints wall time and peak RSS per kind (best and worst of 3 runs).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toSyntheticArchive } from './archive.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const bin = path.join(root, 'lib/bin.js');
const work = mkdtempSync(path.join(tmpdir(), 'syndicate-bench-validate-'));

/** The feed files under `dir`, sorted. */
function feedsUnder(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...feedsUnder(full));
    else if (['rss.xml', 'atom.xml', 'feed.json'].includes(name)) found.push(full);
  }
  return found;
}

/** Keeps the first `n` matches of `item` in `text` and drops the others. */
function keepItems(text, item, n) {
  let seen = 0;
  return text.replace(item, (m) => (++seen <= n ? m : ''));
}

/** The RSS or Atom feed cut to 20 items carrying their summaries only. */
function toSummaryFeed(file, text) {
  if (file.endsWith('rss.xml')) return keepItems(text.replace(/\s*<content:encoded>[\s\S]*?<\/content:encoded>/g, ''), /\s*<item>[\s\S]*?<\/item>/g, 20);
  return keepItems(text.replace(/\s*<content type="html">[\s\S]*?<\/content>/g, ''), /\s*<entry>[\s\S]*?<\/entry>/g, 20);
}

function time(dir) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, 'validate', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const report = JSON.parse(run.stdout);
    const [seconds, kb] = run.stderr.trim().split('\n').at(-1).split(' ').map(Number);
    runs.push({ seconds, mib: kb / 1024, summary: report.summary });
  }
  return runs.sort((a, b) => a.seconds - b.seconds);
}

try {
  const project = path.join(work, 'project');
  mkdirSync(path.join(project, 'input'), { recursive: true });
  cpSync(path.join(root, 'input/site.json'), path.join(project, 'input/site.json'));
  for (const { path: file, text } of toSyntheticArchive(1_000)) {
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    writeFileSync(path.join(project, file), text);
  }
  const build = spawnSync(process.execPath, [path.join(here, 'run-build.mjs'), project, '2024-12-31T12:00:00+08:00'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  const feeds = feedsUnder(path.join(project, 'dist'));
  const full = path.join(work, 'full');
  const summary = path.join(work, 'summary');
  mkdirSync(full);
  mkdirSync(summary);
  const xmlFeeds = feeds.filter((f) => f.endsWith('.xml'));
  for (let i = 0; i < 1_000; i++) {
    const from = feeds[i % feeds.length];
    writeFileSync(path.join(full, `feed-${String(i).padStart(4, '0')}-${path.basename(from)}`), readFileSync(from));
    const xml = xmlFeeds[i % xmlFeeds.length];
    writeFileSync(path.join(summary, `feed-${String(i).padStart(4, '0')}-${path.basename(xml)}`), toSummaryFeed(xml, readFileSync(xml, 'utf8')));
  }
  for (const [kind, dir] of [['summary', summary], ['full', full]]) {
    const bytes = readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
    const runs = time(dir);
    const { errors, warnings, formats } = runs[0].summary;
    console.log(
      `${kind.padEnd(8)} 1,000 files, ${(bytes / 2 ** 20).toFixed(0)} MiB (${JSON.stringify(formats)}): best ${runs[0].seconds.toFixed(2)} s, worst ${runs[2].seconds.toFixed(2)} s, peak RSS ${runs[0].mib.toFixed(0)} MiB; ${errors} errors, ${warnings} warnings`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
