// `serve` (issue 15 item 6): the committed sample output served with the right media types, nothing
// outside the folder reachable, an index of outputs with their validation status, and a reload
// event for open pages that is added to HTML responses, never to the files.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSiteConfig } from '../../src/config.ts';
import { createFolderValidator } from '../../src/serve/status.ts';
import { EVENTS_PATH, OUTPUTS_PATH, RELOAD_SCRIPT, resolveFile, serveFolder, type PreviewServer } from '../../src/serve/server.ts';
import { toContentType } from '../../src/serve/types.ts';
import { projectRoot } from '../helpers/project.ts';

let dir: string;
let dist: string;
let server: PreviewServer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'syndicate-serve-'));
  dist = path.join(dir, 'dist');
  cpSync(path.join(projectRoot, 'dist'), dist, { recursive: true });
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the served folder');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(dist, 'link.txt'));
  const { config } = readSiteConfig(readFileSync(path.join(projectRoot, 'input/site.json'), 'utf8'), 'input/site.json');
  const validator = createFolderValidator(dist, config);
  server = await serveFolder({ root: dist, name: 'dist', port: 0, status: () => validator.validate() });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET (fetch would resolve `..` before sending it). */
function get(target: string, method = 'GET'): Promise<{ status: number; type: string | undefined; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: target, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve', () => {
  it('listens on 127.0.0.1 by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each([
    ['/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['/sections/china/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/atom.xml', 'application/atom+xml; charset=utf-8'],
    ['/feed.json', 'application/feed+json; charset=utf-8'],
    ['/news-sitemap.xml', 'application/xml; charset=utf-8'],
    ['/articles/cyberspace-governance/newsml.xml', 'application/xml; charset=utf-8'],
    ['/articles/cyberspace-governance/ninjs.json', 'application/json; charset=utf-8'],
    ['/articles/cyberspace-governance/article.jsonld', 'application/ld+json; charset=utf-8'],
    ['/articles/cyberspace-governance/', 'text/html; charset=utf-8'],
    ['/', 'text/html; charset=utf-8'],
  ])('%s is sent as %s, byte for byte unless HTML', async (target, type) => {
    const response = await get(target);
    expect(response.status).toBe(200);
    expect(response.type).toBe(type);
    const onDisk = readFileSync(path.join(dist, target.endsWith('/') ? `${target}index.html` : target), 'utf8');
    if (type.startsWith('text/html')) {
      expect(response.body).toContain(RELOAD_SCRIPT);
      expect(response.body.replace(RELOAD_SCRIPT, '')).toBe(onDisk);
      expect(onDisk).not.toContain(EVENTS_PATH);
    } else {
      expect(response.body).toBe(onDisk);
      expect(response.body).not.toContain(EVENTS_PATH);
    }
  });

  it('types by content and name, images included', () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(toContentType('x/rss.xml', bytes('<feed xmlns="http://www.w3.org/2005/Atom"/>'))).toMatch(/^application\/atom\+xml/);
    expect(toContentType('notes.xml', bytes('<note/>'))).toMatch(/^application\/xml/);
    expect(toContentType('a/logo.png', new Uint8Array([137, 80]))).toBe('image/png');
    expect(toContentType('a/photo.JPG', new Uint8Array())).toBe('image/jpeg');
    expect(toContentType('data.bin', new Uint8Array())).toBe('application/octet-stream');
    expect(toContentType('feed.jsonx', new Uint8Array())).toBe('application/octet-stream');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/articles/%2e%2e/%2e%2e/secret.txt', '/a%2F..%2F..%2Fsecret.txt', '/..%5csecret.txt', '/link.txt', '/%00', '/%E0%A4%A'])('refuses %s', async (target) => {
    const response = await get(target);
    expect([400, 404]).toContain(response.status);
    expect(response.body).not.toContain('outside the served folder');
  });

  it('resolves paths inside the folder and nothing else', async () => {
    const root = await import('node:fs/promises').then((fs) => fs.realpath(dist));
    expect(await resolveFile(root, '/articles/../rss.xml')).toEqual({ absolute: path.join(root, 'rss.xml'), relative: 'rss.xml' });
    expect(await resolveFile(root, '/link.txt')).toBe('bad');
    expect(await resolveFile(root, '/missing.xml')).toBeUndefined();
  });

  it('answers 404 with a link to the outputs, HEAD without a body, and only GET and HEAD', async () => {
    const missing = await get('/nothing-here.xml');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain(OUTPUTS_PATH);
    const head = await get('/rss.xml', 'HEAD');
    expect(head).toMatchObject({ status: 200, type: 'application/rss+xml; charset=utf-8', body: '' });
    expect((await get('/rss.xml', 'POST')).status).toBe(405);
  });

  it('lists every output with its format and validation status', async () => {
    const index = await get(OUTPUTS_PATH);
    expect(index.status).toBe(200);
    expect(index.body).toContain(RELOAD_SCRIPT);
    expect(index.body).toMatch(/<tr class="valid"><td><a href="\/rss\.xml">rss\.xml<\/a><\/td><td>rss<\/td>/);
    expect(index.body).toContain('<a href="/articles/cyberspace-governance/article.jsonld">');
    expect(index.body).toMatch(/<td>jsonld<\/td>/);
    // A broken feed shows as an error, with the finding; fixing it shows it valid again.
    const rss = path.join(dist, 'sections/china/rss.xml');
    const good = readFileSync(rss, 'utf8');
    writeFileSync(rss, good.replace(/<title>[^<]*<\/title>/, ''));
    const broken = await get(OUTPUTS_PATH);
    expect(broken.body).toMatch(/<tr class="error"><td><a href="\/sections\/china\/rss\.xml">/);
    expect(broken.body).toMatch(/[1-9]\d* errors?, \d+ warnings?/);
    writeFileSync(rss, good);
    const fixed = await get(OUTPUTS_PATH);
    expect(fixed.body).toMatch(/<tr class="valid"><td><a href="\/sections\/china\/rss\.xml">/);
  });

  it('sends a reload event to open pages when told', async () => {
    const { hostname, port } = new URL(server.url);
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: hostname, port, path: EVENTS_PATH }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes(': connected')) server.reload();
          if (text.includes('event: reload')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('event: reload\ndata: \n\n');
  });

  it('says so when the port is taken', async () => {
    const port = Number(new URL(server.url).port);
    await expect(serveFolder({ root: dist, port, status: async () => [] })).rejects.toThrow(/EADDRINUSE/);
  });
});
