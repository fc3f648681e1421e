import { DEFAULT_MAX_ARTICLE_BYTES, type SiteConfig } from '../config.ts';
import { diagnostic } from '../diagnostics.ts';
import type { SourceFile } from '../model/output.ts';
import { readMarkdown } from './markdown.ts';
import { readWire, type ReadResult } from './wire.ts';

export type { ReadResult } from './wire.ts';

/** A reader turns one source file into an article plus diagnostics. */
export type Reader = (file: SourceFile, site: SiteConfig) => ReadResult;

/** Readers by file extension (lowercase, without the dot). */
export const readers: Record<string, Reader> = { txt: readWire, md: readMarkdown };

/** The `source` of each reader's diagnostics, for the checks made here before a reader runs. */
const SOURCES: Record<string, string> = { txt: 'read:wire', md: 'read:markdown' };

/**
 * Reads one source with the reader for its extension; undefined when no reader handles it. A file
 * over `limits.maxArticleBytes` (site.json) is refused before it is decoded, so a stray multi-megabyte
 * export costs neither time nor memory.
 */
export function readSource(file: SourceFile, site: SiteConfig): ReadResult | undefined {
  const extension = /\.([^./]+)$/.exec(file.path)?.[1]?.toLowerCase();
  const reader = extension === undefined ? undefined : readers[extension];
  if (reader === undefined) return undefined;
  const limit = site.limits?.maxArticleBytes ?? DEFAULT_MAX_ARTICLE_BYTES;
  const size = file.size ?? file.bytes.length;
  if (size > limit) {
    const message = `the file is ${formatBytes(size)}, over the ${formatBytes(limit)} limit for one article (site.json "limits.maxArticleBytes"); check that it is one article and has no embedded images or pasted data, then split it, or raise the limit`;
    return { diagnostics: [diagnostic('error', file.path, SOURCES[extension!] ?? 'read', 'file-too-large', message, { line: 1, column: 1 })] };
  }
  return reader(file, site);
}

/** `2500000` → `2,500,000 bytes (2.4 MiB)`. */
function formatBytes(n: number): string {
  const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const size = n >= 1_048_576 ? `${(n / 1_048_576).toFixed(1)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : undefined;
  return size === undefined ? `${grouped} bytes` : `${grouped} bytes (${size})`;
}
