/** `syndicate init [DIR]`: a working site.json and a sample article, so that `syndicate build` runs at once. */
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
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
 * site.json for today's schema: every field it requires. Those nobody can guess for the user are
 * filled from `name` and `url` (logo, feed text, NewsML-G2 provider), and `init` says to check them.
 */
export function toStarterSite(request: Pick<InitRequest, 'name' | 'url' | 'language' | 'timeZone' | 'now'>): Record<string, unknown> {
  const { name, url } = request;
  const host = new URL(url).hostname;
  return {
    name,
    url,
    language: request.language,
    timeZone: request.timeZone,
    logo: { url: new URL('logo.png', url).href, width: 600, height: 60 },
    copyright: { holder: name, notice: `Copyright ${request.now.getUTCFullYear()} ${name}. All rights reserved.` },
    feed: { title: name, description: `News from ${name}.`, baseUrl: url, limit: 50 },
    // The output folder's pages are at articles/<id>/: the permalink points there when the output
    // folder is published at `url`.
    permalink: '/articles/{id}/',
    // RFC 4151 tag URI: the domain owned on the date given, which then never changes.
    guidPrefix: `tag:${host},${request.now.getUTCFullYear()}:article:`,
    newsml: { provider: { name, uri: url } },
    mediaTopics: {},
  };
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
  const site = toStarterSite({ ...request, url: base });
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
  io.stderr(`syndicate: next: check ${shown(files[0]!.absolute)} (name, url, logo, copyright, feed text), put your stories in ${shown(path.join(dir, 'articles'))}, then run: npx syndicate build${input}`);
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
