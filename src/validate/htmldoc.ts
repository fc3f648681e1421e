/**
 * Reading HTML the way browsers do: parse5 implements the HTML Living Standard's tokenizer and tree
 * construction (§13.2), so what it builds is the DOM a browser builds, and its parse errors are the
 * spec's named ones (`missing-doctype`, `eof-in-tag`, …). Used by the page validators and the facts
 * readers; nothing here throws on any input.
 */
import { parse, parseFragment, type DefaultTreeAdapterTypes, type ParserError } from 'parse5';
import type { Position } from '../diagnostics.ts';

/** An element of the parsed tree. */
export type HtmlElement = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;

/** A parsed document or fragment, with the parse errors met on the way. */
export interface ParsedHtml {
  /** The document (or the fragment's children under a document fragment). */
  root: ParentNode;
  /** Every parse error, in source order, with 1-based line and column. */
  errors: ParserError[];
}

/**
 * Parses a complete document (`document`) or a fragment (`fragment`, as a snippet is parsed when set as
 * an element's `innerHTML`: parse5 then uses a `<template>` context, where `<meta>`, `<link>`,
 * `<script>` and `<style>` stay elements in place), collecting errors rather than failing.
 */
export function parseHtml(text: string, kind: 'document' | 'fragment'): ParsedHtml {
  const errors: ParserError[] = [];
  const options = { sourceCodeLocationInfo: true, onParseError: (error: ParserError) => void errors.push(error) };
  const root = kind === 'document' ? parse(text, options) : parseFragment(text, options);
  return { root, errors };
}

function isElement(node: ChildNode | ParentNode): node is HtmlElement {
  return 'tagName' in node;
}

/** Every element under `root` in document order (tree order, HTML §4.2 of DOM), `<template>` contents included. */
export function elementsOf(root: ParentNode): HtmlElement[] {
  const found: HtmlElement[] = [];
  const stack: ParentNode[] = [root];
  // Iterative, so that deeply nested hostile markup cannot exhaust the call stack.
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children = 'content' in node && node.nodeName === 'template' ? [...node.childNodes, ...(node as DefaultTreeAdapterTypes.Template).content.childNodes] : node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      if (isElement(child)) stack.push(child);
    }
    if (node !== root && isElement(node)) found.push(node);
  }
  return found;
}

/** The elements of `root` with one of `names` (lowercase tag names), in document order. */
export function elementsNamed(root: ParentNode, ...names: string[]): HtmlElement[] {
  return elementsOf(root).filter((e) => names.includes(e.tagName));
}

/** The element children of `node` (not text or comments). */
export function childElements(node: ParentNode): HtmlElement[] {
  return node.childNodes.filter(isElement);
}

/** The value of attribute `name` (lowercase), or undefined when the element does not have it. */
export function attributeOf(element: HtmlElement, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name && a.namespace === undefined)?.value;
}

/** Whether `element` has `token` in its space-separated attribute `name` (ASCII case-insensitive, as `rel` is). */
export function hasToken(element: HtmlElement, name: string, token: string): boolean {
  const value = attributeOf(element, name);
  return value !== undefined && value.toLowerCase().split(/[\t\n\f\r ]+/).includes(token);
}

/** The concatenated text of every text node under `node` (the DOM's `textContent`). */
export function textOf(node: ParentNode): string {
  let text = '';
  const stack: (ChildNode | ParentNode)[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.nodeName === '#text') text += (current as DefaultTreeAdapterTypes.TextNode).value;
    else if ('childNodes' in current) for (let i = current.childNodes.length - 1; i >= 0; i--) stack.push(current.childNodes[i]!);
  }
  return text;
}

/** Where an element's start tag begins, when the parser recorded it. */
export function positionOf(element: HtmlElement): Position {
  const at = element.sourceCodeLocation;
  return at ? { line: at.startLine, column: at.startCol } : {};
}

/** Whether `ancestor` contains `element` (strictly). */
export function isInside(element: HtmlElement, ancestor: ParentNode): boolean {
  for (let node = element.parentNode; node !== null; node = 'parentNode' in node ? (node.parentNode as ParentNode | null) : null) {
    if (node === ancestor) return true;
  }
  return false;
}

/** `<script type="application/ld+json">` (MIME type compared ASCII case-insensitively, HTML §4.12.1: a data block). */
export function isJsonLdScript(element: HtmlElement): boolean {
  return element.tagName === 'script' && (attributeOf(element, 'type') ?? '').trim().toLowerCase() === 'application/ld+json';
}

/**
 * The Open Graph and Twitter properties of `root`: each `<meta>` with `property` (OGP is RDFa) or
 * `name` (Twitter cards, and sites that write OG that way) and `content`, in order, by property name.
 */
export function metaProperties(root: ParentNode): Map<string, { value: string; element: HtmlElement }[]> {
  const found = new Map<string, { value: string; element: HtmlElement }[]>();
  for (const meta of elementsNamed(root, 'meta')) {
    const key = attributeOf(meta, 'property') ?? attributeOf(meta, 'name');
    const value = attributeOf(meta, 'content');
    if (key === undefined || value === undefined) continue;
    const list = found.get(key) ?? [];
    list.push({ value, element: meta });
    found.set(key, list);
  }
  return found;
}
