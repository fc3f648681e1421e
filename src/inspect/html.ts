/** The JSON-LD blocks of an HTML page, with where each starts, for `syndicate validate`. */
import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** One `<script type="application/ld+json">`: its raw text and the 1-based position of its first character in the page. */
export interface JsonLdBlock {
  /** The script's text exactly as in the file (HTML does not decode entities inside script elements). */
  text: string;
  /** Line of the text's first character. */
  line: number;
  /** Column of the text's first character. */
  column: number;
}

/**
 * Every `<script type="application/ld+json">` of an HTML document or fragment, in document order,
 * parsed as browsers parse it (parse5 follows the HTML Living Standard tree construction, so
 * `</script` inside a string ends the block exactly as it would on a live page). The type is compared
 * as a MIME type essence, ASCII case-insensitively and without surrounding whitespace (HTML Living
 * Standard §4.12.1 "data block"; Google reads the same). Scripts in `<template>` contents are inert and
 * are not read.
 */
export function findJsonLdBlocks(html: string): JsonLdBlock[] {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const blocks: JsonLdBlock[] = [];
  const visit = (node: Node): void => {
    if (isElement(node) && node.nodeName === 'script' && isJsonLdType(node)) {
      const location = node.sourceCodeLocation;
      const start = location?.startTag;
      if (location && start) {
        // The element's own end tag, or the end of the file when it never closes.
        const end = location.endTag?.startOffset ?? location.endOffset;
        blocks.push({ text: html.slice(start.endOffset, end), line: start.endLine, column: start.endCol });
      }
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(document);
  return blocks;
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function isJsonLdType(script: Element): boolean {
  const type = script.attrs.find((a) => a.name === 'type')?.value;
  return type !== undefined && type.split(';')[0]!.trim().toLowerCase() === 'application/ld+json';
}
