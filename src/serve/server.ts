/**
 * `serve`: a local preview of an output folder over HTTP. Files are sent as they are on disk, with
 * their media types; HTML responses alone get a small script that reloads the page when
 * {@link PreviewServer.reload} is called (after each build under `build --watch --serve`). The
 * script is added to the response, never written to the folder: what is deployed is what was built.
 */
import { realpath, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { FileStatus } from './status.ts';
import { formatOutputsIndex } from './outputs.ts';
import { toContentType } from './types.ts';
import { isWithin } from '../paths.ts';

/** Where the server's own pages live: a folder no build writes (article folders are under articles/, feeds under sections/ and languages/). */
export const SERVE_PREFIX = '/_syndicate/';
/** The server-sent events stream the reload script listens to. */
export const EVENTS_PATH = `${SERVE_PREFIX}events`;
/** The index of outputs with their validation status. */
export const OUTPUTS_PATH = `${SERVE_PREFIX}outputs`;

/** The script added to HTML responses: reload on the `reload` event (WHATWG HTML §9.2 server-sent events). */
export const RELOAD_SCRIPT = `<script>new EventSource(${JSON.stringify(EVENTS_PATH)}).addEventListener('reload', () => location.reload());</script>`;

/** What {@link serveFolder} serves, and where. */
export interface ServeOptions {
  /** The folder to serve (absolute). */
  root: string;
  /** How it is named on the index page (e.g. `dist`). */
  name?: string | undefined;
  /** Interface to listen on (default 127.0.0.1: a preview is for this machine, not the network). */
  host?: string | undefined;
  /** Port (default 4000; 0 picks a free one). */
  port?: number | undefined;
  /** The files' validation status, for the index of outputs (see createFolderValidator). */
  status: () => Promise<FileStatus[]>;
  /** What the index says the files were checked against, read after `status` (`against input/site.json`); default: nothing said. */
  checkedAgainst?: (() => string | undefined) | undefined;
}

/** A running preview. */
export interface PreviewServer {
  /** `http://host:port`, with the port actually bound. */
  url: string;
  /** Tells every open page to reload (call it after a build has written the folder). */
  reload(): void;
  /** Stops listening and ends the open event streams. */
  close(): Promise<void>;
}

/** The default port: Jekyll's, free of the common dev servers' (3000, 5173, 8080). */
export const DEFAULT_PORT = 4000;

/** Starts serving `root`; rejects when the port cannot be bound (in use, or not allowed). */
export async function serveFolder(options: ServeOptions): Promise<PreviewServer> {
  const root = await realpath(options.root);
  const streams = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', `could not serve ${request.url}: ${(error as Error).message}\n`);
      else response.destroy();
    });
  });

  async function toIndexPage(): Promise<string> {
    const statuses = await options.status();
    return formatOutputsIndex(statuses, options.name ?? path.basename(root), options.checkedAgainst?.());
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return send(response, 405, 'text/plain; charset=utf-8', 'a preview only answers GET and HEAD\n');
    }
    const url = new URL(request.url ?? '/', 'http://preview');
    if (url.pathname === EVENTS_PATH) return openEvents(response);
    if (url.pathname === OUTPUTS_PATH || url.pathname === SERVE_PREFIX) return sendHtml(request, response, 200, await toIndexPage());
    const file = await resolveFile(root, url.pathname);
    if (file === 'bad') return send(response, 400, 'text/plain; charset=utf-8', 'not a path inside the served folder\n');
    if (file === undefined) {
      // An empty folder, or one without index.html: show what there is rather than nothing.
      if (url.pathname === '/') return sendHtml(request, response, 200, await toIndexPage());
      return sendHtml(request, response, 404, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><p>No file at this path. <a href="${OUTPUTS_PATH}">All outputs</a></p></body></html>\n`);
    }
    const bytes = await readFile(file.absolute);
    const type = toContentType(file.relative, bytes);
    if (type.startsWith('text/html')) return sendHtml(request, response, 200, new TextDecoder().decode(bytes));
    send(response, 200, type, bytes, request.method === 'HEAD');
  }

  function openEvents(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.add(response);
    response.on('close', () => streams.delete(response));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    reload() {
      for (const stream of streams) stream.write('event: reload\ndata: \n\n');
    },
    close() {
      for (const stream of streams) stream.end();
      streams.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/**
 * The file a URL path names inside `root`: `undefined` when there is none, `bad` when the path
 * cannot be one inside the folder. Percent-escapes are decoded once (RFC 3986 §2.4), `..` segments
 * resolved as URL paths are (§5.2.4), and the real path (symbolic links followed) must still lie
 * inside the folder: `/../x`, `/%2e%2e/x`, `/a%2F..%2F..%2Fx` and a link leading out are all refused.
 * A folder gives its `index.html`.
 */
export async function resolveFile(root: string, pathname: string): Promise<{ absolute: string; relative: string } | 'bad' | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return 'bad';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'bad';
  const relative = path.posix.normalize(`/${decoded}`).replace(/^\/+/, '');
  if (relative.split('/').includes('..')) return 'bad';
  let absolute = path.join(root, ...relative.split('/').filter(Boolean));
  try {
    absolute = await realpath(absolute);
    if ((await stat(absolute)).isDirectory()) absolute = await realpath(path.join(absolute, 'index.html'));
    if (!(await stat(absolute)).isFile()) return undefined;
  } catch {
    return undefined;
  }
  if (!isWithin(absolute, root)) return 'bad';
  return { absolute, relative: path.relative(root, absolute).split(path.sep).join('/') };
}

/** An HTML response, with the reload script added before `</body>` (or at the end of a fragment such as head.html). */
function sendHtml(request: IncomingMessage, response: ServerResponse, status: number, html: string): void {
  const end = html.toLowerCase().lastIndexOf('</body>');
  const withScript = end === -1 ? `${html}${RELOAD_SCRIPT}\n` : `${html.slice(0, end)}${RELOAD_SCRIPT}${html.slice(end)}`;
  send(response, status, 'text/html; charset=utf-8', withScript, request.method === 'HEAD');
}

function send(response: ServerResponse, status: number, type: string, body: string | Uint8Array, headOnly = false): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  // no-store: a preview must show the latest build, never a cached one.
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.byteLength, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  response.end(headOnly ? undefined : bytes);
}
