import type { SiteConfig } from '../config.ts';
import type { SourceFile } from '../model/output.ts';
import { readMarkdown } from './markdown.ts';
import { readWire, type ReadResult } from './wire.ts';

export type { ReadResult } from './wire.ts';

/** A reader turns one source file into an article plus diagnostics. */
export type Reader = (file: SourceFile, site: SiteConfig) => ReadResult;

/** Readers by file extension (lowercase, without the dot). */
export const readers: Record<string, Reader> = { txt: readWire, md: readMarkdown };

/** Reads one source with the reader for its extension; undefined when no reader handles it. */
export function readSource(file: SourceFile, site: SiteConfig): ReadResult | undefined {
  const extension = /\.([^./]+)$/.exec(file.path)?.[1]?.toLowerCase();
  const reader = extension === undefined ? undefined : readers[extension];
  return reader?.(file, site);
}
