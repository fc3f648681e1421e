// `syndicate init [DIR]`: a site.json that today's schema accepts and a sample article, never an
// overwrite, and a build right after that succeeds and writes validated outputs.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import { toStarterArticle, toStarterSite } from '../src/commands/init.ts';
import { readSiteConfig } from '../src/config.ts';

const NOW = new Date('2026-03-04T05:06:07.890Z');
let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'syndicate-init-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

async function run(args: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { cwd: work, env: {}, clock: () => NOW, stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout, stderr };
}

describe('syndicate init', () => {
  it('writes input/site.json and a sample article, says so and what to do next; build then succeeds', async () => {
    const init = await run(['init', '--time-zone', 'Europe/Paris']);
    expect(init.code).toBe(0);
    expect(init.stderr[0]).toBe('syndicate: wrote input/site.json and input/articles/first-story.md');
    expect(init.stderr[1]).toMatch(/then run: npx syndicate build$/);
    const site = JSON.parse(readFileSync(path.join(work, 'input/site.json'), 'utf8')) as Record<string, unknown>;
    expect(site).toMatchObject({ name: 'My News Site', url: 'https://news.example.com/', language: 'en', timeZone: 'Europe/Paris', guidPrefix: 'tag:news.example.com,2026:article:' });
    expect(readFileSync(path.join(work, 'input/articles/first-story.md'), 'utf8')).toContain('date: 2026-03-04T05:06:07Z\n');
    const build = await run(['build', '--no-cache']);
    expect(build.stderr.filter((l) => / error /.test(l))).toEqual([]);
    expect(build.code).toBe(0);
    for (const file of ['rss.xml', 'atom.xml', 'feed.json', 'news-sitemap.xml', 'index.html', 'articles/first-story/article.jsonld', 'articles/first-story/newsml.xml']) {
      expect(existsSync(path.join(work, 'dist', file)), file).toBe(true);
    }
  });

  it('takes DIR, --name and --url (adding the closing slash), and points build at DIR', async () => {
    const init = await run(['init', 'site', '--name', 'The Daily Planet', '--url', 'https://planet.example/news']);
    expect(init.code).toBe(0);
    expect(init.stderr.at(-1)).toMatch(/then run: npx syndicate build --input site$/);
    const site = JSON.parse(readFileSync(path.join(work, 'site/site.json'), 'utf8')) as Record<string, unknown>;
    expect([site.name, site.url]).toEqual(['The Daily Planet', 'https://planet.example/news/']);
    // Only what the user must say; everything else has its documented default, and no logo is invented.
    expect(Object.keys(site).filter((key) => key !== '$schema')).toEqual(['name', 'url', 'language', 'timeZone', 'guidPrefix', 'newsml']);
    expect((await run(['build', '--input', 'site', '--no-cache'])).code).toBe(0);
  });

  it('never overwrites: an existing file is named, and nothing at all is written (exit 2)', async () => {
    mkdirSync(path.join(work, 'input/articles'), { recursive: true });
    writeFileSync(path.join(work, 'input/articles/first-story.md'), 'mine');
    const init = await run(['init']);
    expect(init.code).toBe(2);
    expect(init.stderr).toEqual([
      'syndicate: input/articles/first-story.md already exists; init never overwrites a file (move it away, or init another folder)',
      'syndicate: nothing written',
    ]);
    expect(readFileSync(path.join(work, 'input/articles/first-story.md'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(work, 'input/site.json'))).toBe(false);
  });

  it.each([
    [['init', '--url', 'ftp://example.com/'], '--url "ftp://example.com/" is not an absolute http(s) URL'],
    [['init', '--url', 'news'], '--url "news" is not an absolute http(s) URL'],
    [['init', '--language', 'e n'], 'BCP 47'],
  ])('refuses %j (exit 2) and writes nothing', async (args, message) => {
    const init = await run(args);
    expect(init.code).toBe(2);
    expect(init.stderr.join('\n')).toContain(message);
    expect(existsSync(path.join(work, 'input'))).toBe(false);
  });

  it('writes a site.json the configuration schema accepts, and a dated Markdown article', () => {
    const site = toStarterSite({ name: 'N', url: 'https://n.example/', language: 'fr', timeZone: 'UTC', now: NOW });
    expect(readSiteConfig(JSON.stringify(site), 'site.json').diagnostics).toEqual([]);
    expect(toStarterArticle(NOW)).toMatch(/^---\nheadline: .+\ndate: 2026-03-04T05:06:07Z\n/);
  });
});
