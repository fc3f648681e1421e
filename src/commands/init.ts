/** `syndicate init [DIR]`: a working site.json and a sample article, so that `syndicate build` runs at once. */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, type CliIo } from './io.ts';

/** The sample article's file name, inside DIR/articles. */
export const SAMPLE_ARTICLE = 'first-story.md';

/** What `init` was asked to write. */
export interface InitRequest {
  /** The input folder to create (default `input`, the folder `build` reads by default). */
  dir: string;
  /** The publication's name. */
  name: string;
  /** The publication's home page: absolute http(s), ending in `/`. */
  url: string;
  /** BCP 47 language of the publication. */
  language: string;
  /** IANA time zone in which times without offset are read. */
  timeZone: string;
  /** The moment of `init`: the sample article's date and the year of the guid prefix. */
  now: Date;
}

/**
 * A short site.json: what only the user can say (name, url, language, time zone), the guid prefix with
 * this year (RFC 4151 §2.1: the tag's date never changes after the first deploy, so it is written down
 * rather than left to the default), and NewsML-G2's provider as the publication itself. Everything else
 * has its documented default (docs/configuration.md); no logo is invented (JSON-LD leaves it out with
 * one warning until one is set). `schema` is the `$schema` path, when the tool's schema lies inside the
 * project (installed in its node_modules), so editors complete and check the file.
 */
export function toStarterSite(request: Pick<InitRequest, 'name' | 'url' | 'language' | 'timeZone' | 'now'>, schema?: string): Record<string, unknown> {
  const { name, url } = request;
  const host = new URL(url).hostname;
  return {
    ...(schema === undefined ? {} : { $schema: schema }),
    name,
    url,
    language: request.language,
    timeZone: request.timeZone,
    guidPrefix: `tag:${host},${request.now.getUTCFullYear()}:article:`,
    newsml: { provider: { name, uri: url } },
  };
}

/** The `$schema` path from `dir` to the shipped site.schema.json, when it lies inside `cwd` (else undefined). */
export function toSchemaReference(dir: string, cwd: string): string | undefined {
  const schema = fileURLToPath(new URL('../site.schema.json', import.meta.url));
  const fromCwd = path.relative(cwd, schema);
  if (!existsSync(schema) || fromCwd.startsWith('..') || path.isAbsolute(fromCwd)) return undefined;
  return path.relative(dir, schema).split(path.sep).join('/');
}

/** The sample article: Markdown with the front matter a story needs, dated `now` (UTC). */
export function toStarterArticle(now: Date): string {
  const date = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `---
headline: Our first story
date: ${date}
authors: [The Newsroom]
keywords: [welcome]
---
This is the first story of the site, written in Markdown with YAML front matter. Replace it with
your own: every \`.md\` or \`.txt\` file in this folder is an article.

## What happens next

Run \`npx syndicate build\` and the story is in every output: JSON-LD, an HTML page, RSS, Atom,
JSON Feed, a news sitemap, NewsML-G2 and ninjs, each validated before it is written.
`;
}

/** Writes DIR/site.json and DIR/articles/first-story.md unless either exists (then nothing); returns the exit code. */
export async function runInit(request: InitRequest, io: CliIo): Promise<number> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    io.stderr(`syndicate: --url "${request.url}" is not an absolute http(s) URL; write the home page, e.g. --url https://news.example.com/`);
    return EXIT.usage;
  }
  // site.json's url is a base that paths are resolved against: it ends in "/".
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  const site = toStarterSite({ ...request, url: base }, toSchemaReference(path.resolve(io.cwd, request.dir), io.cwd));
  const siteText = `${JSON.stringify(site, null, 2)}\n`;
  const { readSiteConfig } = await import('../config.ts');
  const checked = readSiteConfig(siteText, 'site.json');
  if (checked.config === undefined) {
    // Only the options can make it invalid (--language, --name): say which, as the config check does.
    for (const d of checked.diagnostics) io.stderr(`syndicate: ${d.message}`);
    io.stderr('syndicate: nothing written; fix the option named above');
    return EXIT.usage;
  }
  const dir = path.resolve(io.cwd, request.dir);
  const files = [
    { absolute: path.join(dir, 'site.json'), text: siteText },
    { absolute: path.join(dir, 'articles', SAMPLE_ARTICLE), text: toStarterArticle(request.now) },
  ];
  const shown = (file: string) => path.relative(io.cwd, file).split(path.sep).join('/') || '.';
  const existing = files.filter((file) => existsSync(file.absolute));
  if (existing.length > 0) {
    for (const file of existing) io.stderr(`syndicate: ${shown(file.absolute)} already exists; init never overwrites a file (move it away, or init another folder)`);
    io.stderr('syndicate: nothing written');
    return EXIT.usage;
  }
  await mkdir(path.join(dir, 'articles'), { recursive: true });
  // "wx": fail rather than overwrite a file that appeared since the check above.
  for (const file of files) await writeFile(file.absolute, file.text, { flag: 'wx' });
  io.stderr(`syndicate: wrote ${files.map((file) => shown(file.absolute)).join(' and ')}`);
  const input = request.dir === 'input' ? '' : ` --input ${request.dir}`;
  io.stderr(`syndicate: next: check ${shown(files[0]!.absolute)} (name, url, language, time zone; every other setting: docs/configuration.md), put your stories in ${shown(path.join(dir, 'articles'))}, then run: npx syndicate build${input}`);
  return EXIT.ok;
}

/** What `init`'s options hold once parsed. */
interface InitOptions {
  name: string;
  url: string;
  language: string;
  timeZone?: string;
}

/** Adds `syndicate init [DIR]` to the program; `settle` receives the exit code. */
export function defineInitCommand(program: Command, io: CliIo, settle: (code: number) => void): Command {
  return program
    .command('init')
    .summary('start a site: write site.json and a sample article')
    .description(
      'Writes DIR/site.json (the publication settings) and a sample article DIR/articles/first-story.md, so that `syndicate build` works at once. Never overwrites a file: when one exists it is named and left as it is.',
    )
    .argument('[DIR]', 'input folder to create (build reads it with --input DIR)', 'input')
    .option('--name <NAME>', "the publication's name", 'My News Site')
    .option('--url <URL>', "the publication's home page, where the output folder is published", 'https://news.example.com/')
    .option('--language <TAG>', "the publication's BCP 47 language", 'en')
    .option('--time-zone <ZONE>', 'IANA time zone for times written without offset (default: this computer\'s)')
    .action(async (dir: string, options: InitOptions) => {
      const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
      settle(await runInit({ dir, name: options.name, url: options.url, language: options.language, timeZone, now: io.clock() }, io));
    });
}
