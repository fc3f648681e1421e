import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readSiteConfig, type SiteConfig } from '../../src/config.ts';
import { loadInput, type LoadedInput } from '../../src/io.ts';

/** Absolute path of the project root. */
export const projectRoot = path.resolve(import.meta.dirname, '../..');

/** Loads an input folder (relative to the project root) and its validated site config. */
export async function loadProjectInput(inputDir: string): Promise<LoadedInput & { site: SiteConfig }> {
  const loaded = await loadInput(inputDir, projectRoot);
  const { config, diagnostics } = readSiteConfig(loaded.configText ?? '', loaded.configPath);
  if (!config) throw new Error(`bad test config: ${JSON.stringify(diagnostics)}`);
  return { ...loaded, site: config };
}

/** Every file under a folder as `relative/path → text`, sorted. */
export function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The files a build of the sample input writes to the public folder (and the committed dist/ holds), sorted. */
export const SAMPLE_OUTPUTS: readonly string[] = [
  'articles/cyberspace-governance/article.jsonld',
  'articles/cyberspace-governance/head.html',
  'articles/cyberspace-governance/index.html',
  'articles/cyberspace-governance/newsml.xml',
  'articles/cyberspace-governance/ninjs.json',
  'atom.xml',
  'feed.json',
  'index.html',
  'news-sitemap.xml',
  'rss.xml',
  'sections/china/atom.xml',
  'sections/china/rss.xml',
  'sections/china/society/atom.xml',
  'sections/china/society/rss.xml',
];
