import { XmlDocument, type XmlElement } from 'libxml2-wasm';
import { expect } from 'vitest';
import type { OutputFile } from '../../src/model/output.ts';

/** Runs `read` on the parsed document (libxml2 refuses anything not well-formed), then frees it. */
export function query<T>(text: string, read: (doc: XmlDocument) => T): T {
  const doc = XmlDocument.fromString(text);
  try {
    return read(doc);
  } finally {
    doc.dispose();
  }
}

/** XPath readers for documents whose namespaces have the prefixes of `ns`. */
export interface XmlReaders {
  /** The text content of every node `xpath` selects. */
  texts(doc: XmlDocument, xpath: string): string[];
  /** The attribute `name` (in the namespace of `prefix`, if given) of every element `xpath` selects; `(absent)` where missing. */
  attrs(doc: XmlDocument, xpath: string, name: string, prefix?: string): string[];
}

/** {@link XmlReaders} for the namespace prefixes `ns`. */
export function xmlReaders(ns: Record<string, string>): XmlReaders {
  return {
    texts: (doc, xpath) => doc.find(xpath, ns).map((n) => n.content),
    attrs: (doc, xpath, name, prefix) => (doc.find(xpath, ns) as XmlElement[]).map((e) => e.attr(name, prefix)?.value ?? '(absent)'),
  };
}

/** The site-wide feed among an emitter's files: always the first, at `path`. */
export function siteFeed(files: OutputFile[], path: string): OutputFile {
  const file = files[0]!;
  expect(file.path).toBe(path);
  return file;
}

/** One emitted file by path. */
export function fileAt(files: OutputFile[], path: string): OutputFile {
  const file = files.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no ${path} among ${files.map((f) => f.path).join(', ')}`);
  return file;
}
