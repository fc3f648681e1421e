import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../src/build.ts';
import { formatDiagnostic } from '../src/diagnostics.ts';
import { loadProjectInput, projectRoot, readTree, SAMPLE_OUTPUTS } from './helpers/project.ts';
import { makeSite } from './helpers/fixtures.ts';

const encode = (text: string) => new TextEncoder().encode(text);
/** A fixed build time: the sample's news sitemap is empty because its article is older than 2 days. */
const NOW = '2026-11-27T12:00:00Z';
const MINIMAL = 'WORLD\nA headline\nPublished: Sep 04, 2024 09:03 PM\n\nBody paragraph.\n';

describe('build of the sample input', async () => {
  const input = await loadProjectInput('input');
  // The committed versions state carries the sample's version (1) from the build that wrote dist/.
  const state = { text: readFileSync(path.join(projectRoot, 'input/versions.json'), 'utf8'), outputsExist: true };
  const result = build(input.sources, input.site, { articlesPath: input.articlesPath, now: NOW, state });

  it('reads one article and writes every output, warning only that the photo has no URL', () => {
    expect(result.articles.map((a) => a.id)).toEqual(['cyberspace-governance']);
    expect(result.outputs.map((o) => o.path)).toEqual(SAMPLE_OUTPUTS);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      expect.stringMatching(/^dist\/articles\/cyberspace-governance\/article\.jsonld:4:5: warning NewsArticle has no "image"; Google recommends .*\[validate:jsonld\/article-image\] \(from input\/articles\/cyberspace-governance\.txt\)$/),
      expect.stringMatching(/^input\/articles\/cyberspace-governance\.txt:5:1: warning photo .* has no image URL.*\[read:wire\/photo-without-url\]$/),
    ]);
  });

  it('reproduces the committed dist/ and versions state byte for byte, and holds nothing for partners', () => {
    const built = Object.fromEntries(result.outputs.map((o) => [o.path, o.text]));
    expect(built).toEqual(readTree(path.join(projectRoot, 'dist')));
    expect(result.state).toBe(state.text);
    expect(result.partnerOutputs).toEqual([]);
  });

  it('gives the same bytes in any machine time zone', () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/St_Johns']) {
        process.env.TZ = tz;
        expect(build(input.sources, input.site, { now: NOW, state }).outputs).toEqual(result.outputs);
      }
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('build of the newsroom fixture (bylines, several photos and sections, non-ASCII, DST, a Markdown article in a nested folder)', async () => {
  const input = await loadProjectInput('tests/fixtures/newsroom/input');
  // A build time one day after the science brief, so the news sitemap lists it but not the March story.
  const result = build(input.sources, input.site, { articlesPath: input.articlesPath, now: '2024-10-28T09:00:00Z' });

  it('has no errors; warns about the ambiguous local time, the brief without image and what the Markdown sanitiser removed', () => {
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line ?? ''} ${d.ruleId}`)).toEqual([
      'dist/articles/science-brief/article.jsonld:4 article-image',
      // One warning per byline without a profile URL, at the author's node.
      'dist/articles/tariffs-and-ports/article.jsonld:11 article-author-url',
      'dist/articles/tariffs-and-ports/article.jsonld:14 article-author-url',
      'tests/fixtures/newsroom/input/articles/opinion/2024/markdown-story.md:37 raw-html',
      'tests/fixtures/newsroom/input/articles/opinion/2024/markdown-story.md:39 unsafe-url',
      'tests/fixtures/newsroom/input/articles/science-brief.txt:3 ambiguous-local-time',
    ]);
    expect(result.articles.map((a) => a.id)).toEqual(['science-brief', 'markdown-story', 'tariffs-and-ports']);
  });

  it('writes the expected set of files', () => {
    expect(result.outputs.map((o) => o.path)).toEqual([
      'articles/markdown-story/article.jsonld',
      'articles/markdown-story/head.html',
      'articles/markdown-story/index.html',
      'articles/markdown-story/newsml.xml',
      'articles/markdown-story/ninjs.json',
      'articles/science-brief/article.jsonld',
      'articles/science-brief/head.html',
      'articles/science-brief/index.html',
      'articles/science-brief/newsml.xml',
      'articles/science-brief/ninjs.json',
      'articles/tariffs-and-ports/article.jsonld',
      'articles/tariffs-and-ports/head.html',
      'articles/tariffs-and-ports/index.html',
      'articles/tariffs-and-ports/newsml.xml',
      'articles/tariffs-and-ports/ninjs.json',
      'atom.xml',
      'feed.json',
      'index.html',
      'news-sitemap.xml',
      'rss.xml',
      'sections/business/atom.xml',
      'sections/business/rss.xml',
      'sections/business/society/atom.xml',
      'sections/business/society/rss.xml',
      'sections/opinion/atom.xml',
      'sections/opinion/rss.xml',
      'sections/opinion/society/atom.xml',
      'sections/opinion/society/rss.xml',
      'sections/science/atom.xml',
      'sections/science/rss.xml',
    ]);
  });

  it('lists only the article of the last two days in the news sitemap', () => {
    const sitemap = result.outputs.find((o) => o.path === 'news-sitemap.xml')!.text;
    expect(sitemap).toContain('<loc>https://news.example.com/science/2024/10/27/science-brief</loc>');
    expect(sitemap).not.toContain('tariffs-and-ports');
    expect(sitemap).not.toContain('markdown-story');
  });

  it.each(result.outputs.map((o) => o.path))('matches the golden file %s', async (file) => {
    const output = result.outputs.find((o) => o.path === file)!;
    await expect(output.text).toMatchFileSnapshot(`./fixtures/newsroom/expected/${file}`);
  });

  it('matches the golden versions state, which records the build time and input-relative sources', async () => {
    await expect(result.state).toMatchFileSnapshot('./fixtures/newsroom/expected-versions.json');
  });
});

describe('build failures', () => {
  const site = makeSite();
  // MINIMAL has no image, so every build of it also carries JSON-LD's article-image warning.
  const withoutImageWarning = (result: { diagnostics: { ruleId: string }[] }) => result.diagnostics.filter((d) => d.ruleId !== 'article-image');

  it('reports a duplicate id on every file that has it, naming the others, and builds none of them', () => {
    const result = build(
      [
        { path: 'input/articles/a/story.txt', bytes: encode(MINIMAL) },
        { path: 'input/articles/b/story.txt', bytes: encode(MINIMAL) },
      ],
      site,
      { now: NOW },
    );
    expect(withoutImageWarning(result)).toEqual([
      expect.objectContaining({ severity: 'error', ruleId: 'duplicate-id', file: 'input/articles/a/story.txt', message: expect.stringContaining('also used by input/articles/b/story.txt') }),
      expect.objectContaining({ severity: 'error', ruleId: 'duplicate-id', file: 'input/articles/b/story.txt', message: expect.stringContaining('also used by input/articles/a/story.txt') }),
    ]);
    expect(result.articles).toEqual([]);
    expect(result.outputs).toEqual([]);
    expect(result.state).toBeUndefined();
  });

  it('ignores unsupported files with a warning', () => {
    const result = build(
      [
        { path: 'input/articles/story.txt', bytes: encode(MINIMAL) },
        { path: 'input/articles/notes.docx', bytes: encode('x') },
      ],
      site,
      { now: NOW },
    );
    expect(withoutImageWarning(result)).toEqual([expect.objectContaining({ severity: 'warning', ruleId: 'unsupported-file', file: 'input/articles/notes.docx' })]);
    expect(result.outputs.map((o) => o.path)).toContain('articles/story/article.jsonld');
    expect(result.outputs.flatMap((o) => o.sources)).not.toContain('input/articles/notes.docx');
  });

  it('is an error when there are no articles', () => {
    expect(build([], site, { articlesPath: 'x/articles', now: NOW }).diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', ruleId: 'no-articles', file: 'x/articles' }),
    ]);
  });

  it('keeps the valid articles in the result but reports the bad one', () => {
    const result = build(
      [
        { path: 'input/articles/good.txt', bytes: encode(MINIMAL) },
        { path: 'input/articles/bad.txt', bytes: encode('WORLD\nHeadline\nPublished: Sep 31, 2024 09:03 PM\n\nBody.\n') },
      ],
      site,
      { now: NOW },
    );
    expect(result.articles.map((a) => a.id)).toEqual(['good']);
    expect(withoutImageWarning(result)).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'impossible-date', file: 'input/articles/bad.txt', line: 3 })]);
  });
});
