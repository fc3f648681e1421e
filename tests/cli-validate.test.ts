import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import type { Diagnostic } from '../src/diagnostics.ts';
import { detectFormat } from '../src/inspect/detect.ts';
import { checkPage } from '../src/validate/house/pages.ts';
import { haveOfficialSchemas, officialSchemasDir } from './helpers/official.ts';
import { projectRoot } from './helpers/project.ts';

/** Runs the CLI in process with a fake io; `--format json` output is parsed. */
async function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(args, { cwd, env, clock: () => new Date(), stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) });
  return { code, stdout, stderr };
}

async function validateJson(args: string[], cwd: string) {
  const result = await run(['validate', '--format', 'json', ...args], cwd);
  expect(result.stdout).toHaveLength(1);
  const report = JSON.parse(result.stdout[0]!) as { diagnostics: Diagnostic[]; summary: Record<string, unknown> };
  return { ...result, ...report };
}

const sample = (file: string) => readFileSync(path.join(projectRoot, 'dist', file), 'utf8');

/** 1-based line of the first line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" not in text`);
  return index + 1;
}

/** Replaces the first occurrence, which must exist (so a test cannot silently break nothing). */
function breakOnce(text: string, from: string, to: string): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

let work: string;
beforeAll(() => {
  // No input/site.json here: files are checked against the neutral stand-in unless --input is given.
  work = mkdtempSync(path.join(tmpdir(), 'syndicate-validate-'));
  cpSync(path.join(projectRoot, 'input'), path.join(work, 'site-input'), { recursive: true });
  mkdirSync(path.join(work, 'broken'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(name: string, text: string): string {
  writeFileSync(path.join(work, 'broken', name), text);
  return `broken/${name}`;
}

describe('syndicate validate on the sample outputs', () => {
  it('passes the committed dist/ with the sample site.json: no errors, every file recognised', async () => {
    const { code, diagnostics, summary } = await validateJson(['dist'], projectRoot);
    expect(code).toBe(0);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.filter((d) => d.ruleId === 'unknown-format')).toEqual([]);
    expect(summary).toMatchObject({ command: 'validate', site: 'input', errors: 0 });
    expect(summary['formats']).toEqual({ rss: 3, atom: 3, jsonfeed: 1, jsonld: 1, newsml: 1, ninjs: 1, sitemap: 1, html: 3 });
  });

  it('passes them with the house rules too (--profile syndicate): the build\'s own promises hold', async () => {
    const { code, diagnostics, summary } = await validateJson(['dist', '--profile', 'syndicate'], projectRoot);
    expect(code).toBe(0);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(summary).toMatchObject({ profile: 'syndicate', site: 'input', errors: 0 });
  });

  it('checks the versions state and a partners\' index by their content', async () => {
    const partners = write('index.json', '{"format": "syndicate-partners/1", "items": [{"id": "a", "guid": "urn:x:a", "version": 1, "status": "embargoed", "files": []}]}\n');
    const { code, diagnostics, summary } = await validateJson([path.join(projectRoot, 'input/versions.json'), partners], work);
    expect(code).toBe(1);
    expect(summary['formats']).toEqual({ state: 1, partners: 1 });
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file.split('/').at(-1), d.ruleId, d.message])).toEqual([
      ['index.json', 'schema', expect.stringContaining('items.0.files')],
    ]);
  });

  it('passes the same files without a site.json, and under the house profile says which rules were skipped', async () => {
    const out = path.join(work, 'copy');
    cpSync(path.join(projectRoot, 'dist'), out, { recursive: true });
    const standard = await run(['validate', 'copy'], work);
    expect(standard.code).toBe(0);
    expect(standard.stderr.join('\n')).not.toMatch(/ error /);
    expect(standard.stderr.at(-1)).toMatch(/^syndicate: \d+ files validated \(.*3 rss.*\), 0 errors, \d+ warnings?$/);
    const house = await run(['validate', '--profile', 'syndicate', 'copy'], work);
    expect(house.code).toBe(0);
    expect(house.stderr.join('\n')).not.toMatch(/ error /);
    expect(house.stderr.at(-1)).toMatch(/^syndicate: \d+ files validated \(.*3 rss.*\), 0 errors, \d+ warnings?; no site\.json, so the house rules that compare files with the publication were skipped/);
  });
});

describe('syndicate validate flags hand-broken files at the right line', () => {
  it('RSS 2.0 (named .txt: detected by content), with an RFC 822 date broken', async () => {
    const text = breakOnce(sample('rss.xml'), '<pubDate>Wed, 04 Sep 2024 13:03:00 GMT</pubDate>', '<pubDate>2024-09-04 13:03</pubDate>');
    const file = write('feed.txt', text);
    const { code, diagnostics, summary } = await validateJson([file], work);
    expect(code).toBe(1);
    expect(summary['formats']).toEqual({ rss: 1 });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([
      expect.objectContaining({ file, line: lineOf(text, '<pubDate>2024-09-04 13:03</pubDate>'), source: 'validate:rss' }),
    ]);
  });

  it('Atom 1.0, with an element left unclosed (not well-formed)', async () => {
    const text = breakOnce(sample('atom.xml'), '<name>Global Times</name>\n    <uri>', '<name>Global Times\n    <uri>');
    const file = write('atom.xml', text);
    const { code, diagnostics } = await validateJson([file], work);
    expect(code).toBe(1);
    const first = diagnostics[0];
    expect(first).toMatchObject({ file, ruleId: 'not-well-formed', source: 'validate:atom' });
    // libxml2 notices at the mismatched end tag: the </author> after the unclosed <name>.
    expect(first?.line).toBe(lineOf(text, '</author>'));
  });

  it('JSON-LD, standalone, with a date without offset: Google\'s warning, syndicate\'s error', async () => {
    const text = breakOnce(sample('articles/cyberspace-governance/article.jsonld'), '"datePublished": "2024-09-04T21:03:00+08:00",\n      "dateModified"', '"datePublished": "2024-09-04T21:03:00",\n      "dateModified"');
    const file = write('article.json', text);
    const at = { file, source: 'validate:jsonld', line: lineOf(text, '"datePublished": "2024-09-04T21:03:00",'), column: 24 };
    const standard = await validateJson([file], work);
    expect(standard.code).toBe(0);
    expect(standard.diagnostics).toContainEqual(expect.objectContaining({ ...at, ruleId: 'article-date', severity: 'warning' }));
    const house = await validateJson([file, '--profile', 'syndicate'], work);
    expect(house.code).toBe(1);
    expect(house.diagnostics.filter((d) => d.severity === 'error')).toEqual([expect.objectContaining({ ...at, ruleId: 'date-offset' })]);
  });

  it('JSON-LD inside an HTML page: positions are the page\'s lines and columns', async () => {
    const graph = breakOnce(sample('articles/cyberspace-governance/article.jsonld'), '"datePublished": "2024-09-04T21:03:00+08:00",\n      "dateModified"', '"datePublished": "2024-09-04T21:03:00",\n      "dateModified"');
    const page = `<!doctype html>\n<html lang="en">\n<head>\n<title>Story</title>\n<script type="application/ld+json">${graph}</script>\n<script type="Application/LD+JSON ">{"@context": "https://schema.org", "@type": "imageObject", "url": "https://example.com/a.jpg"}</script>\n</head>\n<body><p>Story</p></body>\n</html>\n`;
    const file = write('story.html', page);
    const { code, diagnostics, summary } = await validateJson([file], work);
    expect(code).toBe(1);
    expect(summary['formats']).toEqual({ html: 1 });
    expect(diagnostics).toContainEqual(expect.objectContaining({ file, ruleId: 'article-date', line: lineOf(page, '"datePublished": "2024-09-04T21:03:00",'), column: 24 }));
    const errors = diagnostics.filter((d) => d.severity === 'error');
    // The second block sits on one line after its start tag: its findings point into that line.
    const second = lineOf(page, 'Application/LD+JSON');
    const inSecond = errors.filter((d) => d.line === second);
    expect(inSecond.length).toBeGreaterThan(0);
    const blockStart = page.split('\n')[second - 1]!.indexOf('{') + 1;
    expect(inSecond.every((d) => (d.column ?? 0) >= blockStart)).toBe(true);
  });

  it('NewsML-G2, with a groupSet root naming no group', async () => {
    const text = breakOnce(sample('articles/cyberspace-governance/newsml.xml'), '<groupSet root="root">', '<groupSet root="main">');
    const file = write('item.xml', text);
    const { code, diagnostics } = await validateJson([file], work);
    expect(code).toBe(1);
    // "main" is no ID of the document: the standard layer's unresolved-idref (the old house groupset-root said the same).
    expect(diagnostics).toEqual([expect.objectContaining({ file, ruleId: 'unresolved-idref', source: 'validate:newsml', line: lineOf(text, '<groupSet root="main">') })]);
  });

  it('JSON that does not parse is still told by its markers, and the syntax error has its line', async () => {
    const text = breakOnce(sample('articles/cyberspace-governance/ninjs.json'), '"type": "text",', '"type": "text"');
    const file = write('ninjs', text);
    const { diagnostics, summary } = await validateJson([file], work);
    expect(summary['formats']).toEqual({ ninjs: 1 });
    expect(diagnostics).toEqual([expect.objectContaining({ file, ruleId: 'invalid-json', line: lineOf(text, '"type": "text"') + 1 })]);
  });
});

describe('syndicate validate: publication rules, folders, usage', () => {
  it('checks feed self links against site.json only under the house profile and when one is given', async () => {
    const text = sample('rss.xml').replace('https://www.globaltimes.cn/syndication/rss.xml', 'https://feeds.example.org/world.xml');
    const file = write('other-publisher.xml', text);
    const neutral = await validateJson([file, '--profile', 'syndicate'], work);
    expect(neutral.code).toBe(0);
    expect(neutral.diagnostics.filter((d) => d.ruleId === 'self-link')).toEqual([]);
    const standard = await validateJson([file, '--input', 'site-input'], work);
    expect(standard.code).toBe(0);
    expect(standard.diagnostics.filter((d) => d.ruleId === 'self-link')).toEqual([]);
    const withSite = await validateJson([file, '--input', 'site-input', '--profile', 'syndicate'], work);
    expect(withSite.code).toBe(1);
    expect(withSite.diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'self-link', line: lineOf(text, 'feeds.example.org') }));
  });

  it('checks a section feed named directly against its own public URL', async () => {
    for (const target of ['dist/sections/china/rss.xml', path.join(projectRoot, 'dist/sections/china/society/atom.xml'), 'dist']) {
      const { code, diagnostics } = await validateJson([target, '--input', 'input', '--profile', 'syndicate'], projectRoot);
      expect(code, target).toBe(0);
      expect(diagnostics.filter((d) => d.ruleId === 'self-link'), target).toEqual([]);
    }
  });

  it('warns of a missing self link as the W3C validator does, and makes it an error under the house profile', async () => {
    const text = sample('atom.xml').replace(/\n\s*<link rel="self"[^\n]*/, '');
    const file = write('no-self.xml', text);
    const standard = await validateJson([file], work);
    expect(standard.code).toBe(0);
    expect(standard.diagnostics).toEqual([expect.objectContaining({ ruleId: 'missing-self-link', severity: 'warning', line: lineOf(text, '<feed') })]);
    const house = await validateJson([file, '--profile', 'syndicate'], work);
    expect(house.code).toBe(1);
    expect(house.diagnostics).toEqual([expect.objectContaining({ ruleId: 'missing-self-link', severity: 'error' })]);
  });

  it('recurses into folders, skips dot files, and fails on files in no format it knows', async () => {
    const dir = path.join(work, 'tree');
    mkdirSync(path.join(dir, 'deep/er'), { recursive: true });
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    writeFileSync(path.join(dir, 'deep/er/feed'), sample('feed.json'));
    writeFileSync(path.join(dir, '.git/config'), 'not checked');
    writeFileSync(path.join(dir, 'notes.md'), '# Notes\n');
    writeFileSync(path.join(dir, 'photo.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x10]));
    const { code, diagnostics, summary } = await validateJson(['tree'], work);
    expect(code).toBe(1);
    expect(summary['formats']).toEqual({ jsonfeed: 1, unknown: 2 });
    expect(diagnostics.filter((d) => d.ruleId === 'unknown-format').map((d) => [d.file, d.severity])).toEqual([
      ['tree/notes.md', 'error'],
      ['tree/photo.jpg', 'error'],
    ]);
  });

  it.each([
    [['validate'], "missing required argument 'paths'"],
    [['validate', 'no/such/file.xml'], 'cannot read "no/such/file.xml": no such file or folder'],
    [['validate', 'broken', '--out', 'x'], "unknown option '--out'"],
    [['validate', 'broken', '--schemas', 'no-such-folder'], '--schemas "no-such-folder" is not a folder that can be read'],
    [['validate', 'broken', '--input', 'nowhere'], 'nowhere/site.json: error no site configuration'],
  ])('exits 2 on %j', async (args, message) => {
    const { code, stderr } = await run(args, work);
    expect(code).toBe(2);
    expect(stderr.join('\n')).toContain(message);
  });
});

describe.skipIf(!haveOfficialSchemas)('syndicate validate --schemas (official schemas)', () => {
  it('finds the official schemas, says which it used, and passes the sample outputs against them', async () => {
    const { code, stderr, summary } = await validateJson(['dist', '--schemas', officialSchemasDir], projectRoot);
    expect(code).toBe(0);
    const said = stderr.join('\n');
    expect(said).toMatch(/official schema IPTC NewsML-G2 XSD .*NewsML-G2_2\.35-spec-All-Power\.xsd used for 1 file/);
    expect(said).toMatch(/official schema Atom RELAX NG \(RFC 4287\) .*atom\.rng used for 3 files/);
    expect(said).toMatch(/official schema IPTC ninjs JSON Schema .*ninjs-schema_3\.1\.json used for 1 file/);
    expect(summary['officialSchemas']).toEqual([
      { kind: 'newsml-xsd', path: 'newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd', used: 1 },
      { kind: 'atom-relaxng', path: 'atom/atom.rng', used: 3 },
      { kind: 'ninjs-json-schema', path: 'ninjs/ninjs-schema_3.1.json', used: 1 },
      { kind: 'schemaorg-vocabulary', path: 'schemaorg/schemaorg-current-https.jsonld', used: 4 },
    ]);
  });

  it('reports what the official NewsML-G2 XSD rejects as official-xsd, at its line', async () => {
    const text = breakOnce(sample('articles/cyberspace-governance/newsml.xml'), '<slugline>cyberspace-governance</slugline>', '<slug>cyberspace-governance</slug>');
    const file = write('official.xml', text);
    const { code, diagnostics } = await validateJson([file, '--schemas', officialSchemasDir], work);
    expect(code).toBe(1);
    expect(diagnostics).toContainEqual(expect.objectContaining({ file, ruleId: 'official-xsd', source: 'validate:official', line: lineOf(text, '<slug>') }));
  });

  it('reports what the ninjs JSON Schema rejects as official-json-schema, at the value', async () => {
    const text = breakOnce(sample('articles/cyberspace-governance/ninjs.json'), '"representationType": "full"', '"representationType": "everything"');
    const { diagnostics } = await validateJson([write('ninjs-official.json', text), '--schemas', officialSchemasDir], work);
    expect(diagnostics).toContainEqual(expect.objectContaining({ ruleId: 'official-json-schema', line: lineOf(text, '"everything"') }));
  });
});

describe('content detection', () => {
  it.each([
    ['<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0"><channel/></rss>', 'rss'],
    ['<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:id>x', 'atom'],
    // A <feed> in another namespace (or none) is a broken Atom feed, as the W3C validator reads it (InvalidNamespace).
    ['<feed xmlns="http://example.org/not-atom"/>', 'atom'],
    ['<entry xmlns="http://www.w3.org/2005/Atom"><id>x</id></entry>', 'atom'],
    ['<entry xmlns="http://example.org/other"/>', 'unknown'],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>', 'rss1'],
    ['<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', 'sitemap'],
    ['<conceptItem xmlns="http://iptc.org/std/nar/2006-10-01/"/>', 'newsml'],
    ['<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x">', 'newsml'],
    ['<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/">', 'newsml'],
    ['<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', 'sitemap'],
    ['{"version": "https://jsonfeed.org/version/1.1", "items": []}', 'jsonfeed'],
    ['{"@context": "https://schema.org", "@type": "NewsArticle"}', 'jsonld'],
    ['{"@context": ["http://schema.org/", {"x": "y"}]}', 'jsonld'],
    ['[{"@context": "https://schema.org"}, {"@context": "https://schema.org"}]', 'jsonld'],
    ['{"@context": "https://www.w3.org/ns/activitystreams"}', 'unknown'],
    ['{"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json", "uri": "x"}', 'ninjs'],
    ['{"uri": "urn:newsml:example.com:1", "type": "text"}', 'ninjs'],
    // ninjs declares itself in a "standard" block (2.x, 3.x) or "$standard" (1.3 on): its name, or its schema URL.
    ['{"standard": {"name": "ninjs", "version": "3.1", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json"}, "uri": "https://example.com/1"}', 'ninjs'],
    ['{"standard": {"schema": "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"}, "uri": "x"}', 'ninjs'],
    ['{"$standard": {"name": "ninjs", "version": "1.5"}, "uri": "x"}', 'ninjs'],
    // Undeclared, by the shape every version requires: a "uri" (the one required property; "type" is optional,
    // and the uri's form is the checks' business), with ninjs properties around it.
    ['{"uri": "urn:example:1", "digitalSourceType": {"uri": "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"}}', 'ninjs'],
    ['{"uri": "story-1", "versioncreated": "2024-09-05T10:15:00Z", "body_text": "Text."}', 'ninjs'],
    ['{"uri": "story-1"}', 'ninjs'],
    ['{"uri": "story-1", "headlines": [{"value": "H"}], "mime_type": "text/plain"}', 'ninjs'],
    // Unrelated JSON stays unknown: a package.json (even with a "uri" or a "type"), a JSON-LD node, a JSON Feed.
    ['{"name": "pkg", "version": "1.0.0", "type": "module", "description": "d", "license": "MIT"}', 'unknown'],
    ['{"name": "pkg", "version": "1.0.0", "uri": "https://example.com/pkg", "main": "index.js", "scripts": {}, "dependencies": {}}', 'unknown'],
    ['{"$schema": "https://json.schemastore.org/package.json", "name": "pkg", "version": "1.0.0"}', 'unknown'],
    ['{"@id": "https://example.com/a", "@type": "NewsArticle", "uri": "https://example.com/a"}', 'unknown'],
    ['{"version": "1.1", "title": "A feed", "home_page_url": "https://example.com/", "feed_url": "https://example.com/feed.json", "items": []}', 'unknown'],
    // Text that does not parse: by the same declaration, or a leading "uri" among ninjs keys.
    ['{"standard": {"name": "ninjs", "version": "2.1"}, "uri": "x", "headlines": [', 'ninjs'],
    ['{"uri": "x", "versioncreated": "2024",, }', 'ninjs'],
    ['{"uri": "x", "name": "pkg", "main": "index.js",, }', 'unknown'],
    ['{"format": "syndicate-state/1", "builtAt": "2024-01-01T00:00:00Z", "articles": []}', 'state'],
    ['{"format": "syndicate-partners/1", "items": []}', 'partners'],
    ['{"format": "syndicate-manifest/1", "articles": []}', 'unknown'],
    ['<!DOCTYPE html><title>x</title>', 'html'],
    ['<script type="application/ld+json">{}</script>\n<link rel="canonical" href="x">', 'html'],
    ['\uFEFF  {"name": "a package.json"}', 'unknown'],
    ['hello', 'unknown'],
  ])('%s → %s', (text, expected) => {
    const detected = detectFormat(text);
    expect(detected.kind === 'format' ? detected.format : detected.kind).toBe(expected);
  });

  it('finds JSON-LD blocks as a browser would, with where they start', () => {
    const html = '<head>\n  <script type="application/ld+json">\n{"a": "</scrip"}</script>\n<template><script type="application/ld+json">{}</script></template>\n<script>var x</script>';
    const blocks = checkPage(html, 'head').jsonLd;
    expect(blocks.map((b) => b.text)).toEqual(['\n{"a": "</scrip"}']);
    expect(html.slice(0, blocks[0]!.offset).split('\n')).toEqual(['<head>', '  <script type="application/ld+json">']);
  });
});
