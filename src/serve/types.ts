/** The media type `serve` sends each output with. */
import { detectFormat } from '../inspect/detect.ts';

const UTF8 = '; charset=utf-8';

/**
 * Media types by file extension, for what an output folder holds besides the XML feeds (told apart
 * by content in {@link toContentType}). `.jsonld` is `application/ld+json` (JSON-LD 1.1 §C, IANA);
 * `feed.json` is `application/feed+json` (JSON Feed 1.1, "MIME type"), taken by name since a JSON
 * Feed and ninjs are both `.json`.
 */
const BY_EXTENSION: Record<string, string> = {
  '.html': `text/html${UTF8}`,
  '.htm': `text/html${UTF8}`,
  '.json': `application/json${UTF8}`,
  '.jsonld': `application/ld+json${UTF8}`,
  '.xml': `application/xml${UTF8}`,
  '.txt': `text/plain${UTF8}`,
  '.css': `text/css${UTF8}`,
  '.js': `text/javascript${UTF8}`,
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
};

/**
 * The `Content-Type` for a served file: by extension, except that an `.xml` file that is an RSS or
 * Atom feed gets its feed type (`application/rss+xml`, RFC 4287 §7 `application/atom+xml`), as a
 * well-configured host sends it, so that a feed reader pointed at the preview sees what it will see
 * in production. Chromium shows both as text rather than downloading them (checked with the
 * project's Chromium); NewsML-G2 and sitemaps stay `application/xml`, which browsers show as a tree.
 * Anything unknown is `application/octet-stream`.
 */
export function toContentType(file: string, bytes: Uint8Array): string {
  const lower = file.toLowerCase();
  if (lower === 'feed.json' || lower.endsWith('/feed.json')) return `application/feed+json${UTF8}`;
  const dot = lower.lastIndexOf('.');
  const extension = dot > lower.lastIndexOf('/') ? lower.slice(dot) : '';
  if (extension === '.xml') {
    const detected = detectFormat(new TextDecoder().decode(bytes));
    if (detected.kind === 'format' && detected.format === 'atom') return `application/atom+xml${UTF8}`;
    if (detected.kind === 'format' && (detected.format === 'rss' || detected.format === 'rss1')) return `application/rss+xml${UTF8}`;
  }
  return BY_EXTENSION[extension] ?? 'application/octet-stream';
}
