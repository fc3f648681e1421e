/**
 * An XML document as plain objects, so that every check walks JavaScript arrays and reports a position
 * without parsing again. Two conforming parsers, neither of them ours: a well-formed document (every
 * output of the build, most files anyone validates) is read by @rgrove/parse-xml, which is fast and gives
 * node offsets, namespaces resolved here by the rules of Namespaces in XML 1.0; a document it rejects is
 * read again by saxes, a namespace-aware streaming parser that goes on after an error, for its first
 * errors at their line and the document element as far as it got.
 */
import { parseXml, XmlCdata as PxCdata, XmlDeclaration as PxDeclaration, XmlDocumentType as PxDocumentType, XmlElement as PxElement, XmlText as PxText } from '@rgrove/parse-xml';
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { toLineColumn, toLineStarts } from '../json/positions.ts';

/** The XML namespace (`xml:lang`, `xml:base`), bound to the `xml` prefix in every document. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Text or CDATA inside an element, where it starts. */
export interface XmlText {
  readonly kind: 'text';
  /** The text, entities and character references resolved. */
  readonly value: string;
  /** True for a CDATA section. */
  readonly cdata: boolean;
  readonly line: number;
  readonly column: number;
}

/** An attribute (namespace declarations are not attributes: see {@link XmlElement.namespaces}). */
export interface XmlAttribute {
  /** Local name. */
  readonly name: string;
  readonly prefix: string;
  /** Namespace URI, '' for none (an unprefixed attribute has none). */
  readonly uri: string;
  /** The name as written (`xml:lang`). */
  readonly qname: string;
  /** The value, entities resolved and whitespace normalised (XML 1.0 §3.3.3). */
  readonly value: string;
}

/** An element, where its start tag begins. */
export interface XmlElement {
  readonly kind: 'element';
  /** Local name. */
  readonly name: string;
  readonly prefix: string;
  /** Namespace URI, '' for none. */
  readonly uri: string;
  /** The name as written (`dc:creator`). */
  readonly qname: string;
  readonly attributes: readonly XmlAttribute[];
  /** The namespaces declared on this element, prefix ('' for the default namespace) to URI. */
  readonly namespaces: Readonly<Record<string, string>>;
  /** Elements and text, in document order. */
  readonly children: readonly (XmlElement | XmlText)[];
  /** Undefined for the document element. */
  readonly parent: XmlElement | undefined;
  /** 1-based line and column of the `<` that opens the start tag. */
  readonly line: number;
  readonly column: number;
  /** 1-based line and column of the `<` that opens the end tag (the start tag's, for an empty-element tag). */
  readonly endLine: number;
  readonly endColumn: number;
}

/** A well-formed document. */
export interface XmlDocument {
  readonly root: XmlElement;
  /** The DOCTYPE declaration's text, when there is one. */
  readonly doctype?: string | undefined;
  /** What the XML declaration says, when there is one. */
  readonly declaration?: { readonly version?: string | undefined; readonly encoding?: string | undefined; readonly standalone?: string | undefined } | undefined;
}

/** A well-formedness error, where the parser found it. */
export interface XmlSyntaxError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

interface MutableElement extends XmlElement {
  readonly children: (XmlElement | XmlText)[];
  endLine: number;
  endColumn: number;
}

/** The members of saxes' parser that {@link readReference} works with (saxes 6, `sEntity`). */
interface SaxesInternals {
  i: number;
  prevI: number;
  column: number;
  chunk: string;
  entity: string;
  text: string;
  state: number;
  entityReturnState: number;
  stateTable: unknown[];
  sEntity: unknown;
  getCode(): number;
  parseEntity(name: string): string;
  fail(message: string): unknown;
}

const EOC = -1;
const NL_LIKE = -2;
const NL = 0x0a;
const SEMICOLON = 0x3b;
// Characters of an entity or character reference's name (XML 1.0 §4.1; all non-ASCII ones pass here).
const REFERENCE_CHARS = new Set([...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:.-#'].map((c) => c.charCodeAt(0)));

/**
 * saxes reads a reference after "&" up to the next ";", wherever that is, so a bare "&" (the commonest
 * error in feeds) swallows the rest of the document and is reported at its end. This reading stops at
 * the first character no reference may contain, reports the "&" there (XML 1.0 §4.1), and goes on
 * reading text, as saxes' own sEntity state does for a complete reference.
 */
function readReference(this: SaxesInternals): void {
  const start = this.i;
  const chunk = this.chunk;
  for (;;) {
    const code = this.getCode();
    if (code === SEMICOLON) {
      const entity = this.entity + chunk.slice(start, this.prevI);
      this.entity = '';
      this.state = this.entityReturnState;
      if (entity === '') {
        this.fail('empty entity name.');
        this.text += '&;';
      } else {
        this.text += this.parseEntity(entity);
      }
      return;
    }
    if (code === EOC) {
      this.entity += chunk.slice(start);
      return;
    }
    if (code === NL || code === NL_LIKE || (code < 0x80 && !REFERENCE_CHARS.has(code))) {
      const name = this.entity + chunk.slice(start, this.prevI);
      this.entity = '';
      if (code !== NL && code !== NL_LIKE) {
        // Give the character back to the text it belongs to.
        this.i = this.prevI;
        this.column--;
      }
      this.fail(`"&${name}" is not a reference; write a lone "&" as "&amp;"`);
      this.text += `&${name}${code === NL || code === NL_LIKE ? '\n' : ''}`;
      this.state = this.entityReturnState;
      return;
    }
  }
}

/** Options of {@link readXml}. */
export interface ReadXmlOptions {
  /** General entities the document's DTD defines (saxes reads no DTD): name to replacement text. */
  readonly entities?: Readonly<Record<string, string>>;
}

/**
 * Reads `text` (a byte order mark is ignored). A document that is not well-formed gives its first errors
 * and no document: nothing is checked in a document a conforming reader rejects. Its document element,
 * as far as it was read, is given as `root`, so that a caller can still say what the file was meant to be.
 */
export function readXml(text: string, options: ReadXmlOptions = {}): { document?: XmlDocument; errors: XmlSyntaxError[]; root?: XmlElement } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const document = readWellFormed(body, options);
  return document === undefined ? readWithSaxes(body, options) : { document, errors: [] };
}

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * A well-formed, namespace-well-formed document read by @rgrove/parse-xml; undefined for anything else
 * (saxes then says what is wrong). Lines and columns come from the nodes' offsets.
 */
function readWellFormed(body: string, options: ReadXmlOptions): XmlDocument | undefined {
  let parsed;
  try {
    parsed = parseXml(body, {
      includeOffsets: true,
      preserveCdata: true,
      preserveDocumentType: true,
      preserveXmlDeclaration: true,
      ...(options.entities === undefined ? {} : { resolveUndefinedEntity: (reference: string) => options.entities?.[reference.slice(1, -1)] }),
    });
  } catch {
    return undefined;
  }
  const lineStarts = toLineStarts(body);
  const at = (offset: number) => toLineColumn(lineStarts, offset);
  let doctype: string | undefined;
  let declaration: XmlDocument['declaration'];
  let root: XmlElement | undefined;
  // An element without its children, and the namespaces in scope inside it; undefined when a namespace
  // constraint is broken. The children are filled in by the loop below, without recursion, so that a
  // document nested thousands deep reads as well as any other.
  const open = (node: PxElement, parent: XmlElement | undefined, scope: Readonly<Record<string, string>>): { element: MutableElement; scope: Readonly<Record<string, string>> } | undefined => {
    let namespaces: Record<string, string> | undefined;
    let written: [string, string][] | undefined;
    for (const qname in node.attributes) {
      const value = node.attributes[qname] as string;
      if (qname === 'xmlns') (namespaces ??= {})[''] = value;
      else if (qname.startsWith('xmlns:')) {
        const prefix = qname.slice(6);
        // Namespaces in XML 1.0 §3: a prefix is never undeclared, xml keeps its namespace, xmlns is never declared.
        if (value === '' || prefix === 'xmlns' || (prefix === 'xml') !== (value === XML_NS) || value === XMLNS_NS) return undefined;
        (namespaces ??= {})[prefix] = value;
      } else (written ??= []).push([qname, value]);
    }
    const inScope = namespaces === undefined ? scope : { ...scope, ...namespaces };
    const name = toName(node.name, inScope, true);
    if (name === undefined) return undefined;
    const attributes: XmlAttribute[] = [];
    let prefixed: Set<string> | undefined;
    for (const [qname, value] of written ?? []) {
      const attribute = toName(qname, inScope, false);
      if (attribute === undefined) return undefined;
      if (attribute.prefix !== '') {
        // §6.3: no two attributes with the same namespace name and local name (parse-xml has refused equal
        // qualified names; only two prefixes bound to one namespace can still clash).
        const key = `${attribute.uri} ${attribute.local}`;
        if ((prefixed ??= new Set()).has(key)) return undefined;
        prefixed.add(key);
      }
      attributes.push({ name: attribute.local, prefix: attribute.prefix, uri: attribute.uri, qname, value });
    }
    const start = at(node.start);
    // The end tag's `<`: the last `</` before the element's end, unless it is an empty-element tag.
    const end = body.charCodeAt(node.end - 2) === 0x2f ? start : at(body.lastIndexOf('</', node.end - 1));
    const element: MutableElement = {
      kind: 'element',
      name: name.local,
      prefix: name.prefix,
      uri: name.uri,
      qname: node.name,
      attributes,
      namespaces: namespaces ?? NO_NAMESPACES,
      children: [],
      parent,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
    return { element, scope: inScope };
  };
  const pending: { node: PxElement; element: MutableElement; scope: Readonly<Record<string, string>> }[] = [];
  for (const child of parsed.children) {
    if (child instanceof PxElement) {
      const opened = open(child, undefined, PREDEFINED);
      if (opened === undefined) return undefined;
      root = opened.element;
      pending.push({ node: child, ...opened });
    } else if (child instanceof PxDocumentType) doctype = body.slice(child.start + '<!DOCTYPE'.length, child.end - 1);
    else if (child instanceof PxDeclaration) declaration = { version: child.version, encoding: child.encoding ?? undefined, standalone: child.standalone ?? undefined };
  }
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, element, scope } = next;
    for (const child of node.children) {
      if (child instanceof PxElement) {
        const opened = open(child, element, scope);
        if (opened === undefined) return undefined;
        element.children.push(opened.element);
        pending.push({ node: child, ...opened });
      } else if (child instanceof PxText || child instanceof PxCdata) {
        const where = at(child.start);
        element.children.push({ kind: 'text', value: child.text, cdata: child instanceof PxCdata, line: where.line, column: where.column });
      }
    }
  }
  return root === undefined ? undefined : { root, doctype, declaration };
}

const NO_NAMESPACES: Readonly<Record<string, string>> = Object.freeze({});

/** The prefix bound in every document (Namespaces in XML 1.0 §3). */
const PREDEFINED: Readonly<Record<string, string>> = { xml: XML_NS };

/** A qualified name resolved in `scope`; undefined for an unbound prefix (§5) or a malformed QName. */
function toName(qname: string, scope: Readonly<Record<string, string>>, element: boolean): { local: string; prefix: string; uri: string } | undefined {
  const colon = qname.indexOf(':');
  if (colon === -1) return { local: qname, prefix: '', uri: element ? (scope[''] ?? '') : '' };
  const prefix = qname.slice(0, colon);
  const local = qname.slice(colon + 1);
  const uri = Object.hasOwn(scope, prefix) ? scope[prefix] : undefined;
  if (uri === undefined || prefix === '' || local === '' || local.includes(':') || prefix === 'xmlns') return undefined;
  return { local, prefix, uri };
}

/** The document as saxes reads it (what a document parse-xml rejects is found to be, with its errors); `body` has no byte order mark. */
export function readWithSaxes(body: string, options: ReadXmlOptions): { document?: XmlDocument; errors: XmlSyntaxError[]; root?: XmlElement } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  if (options.entities !== undefined) Object.assign(parser.ENTITIES, options.entities);
  const internals = parser as unknown as SaxesInternals;
  const entityState = internals.stateTable.indexOf(internals.sEntity);
  if (entityState >= 0) internals.stateTable[entityState] = readReference;
  const errors: XmlSyntaxError[] = [];
  const stack: MutableElement[] = [];
  let root: MutableElement | undefined;
  let doctype: string | undefined;
  let declaration: XmlDocument['declaration'];
  let start = { line: 1, column: 1 };
  // Where the markup before the current text ends: saxes reports text when it meets the next `<`, so
  // a text node starts where the previous tag, comment or CDATA section ended.
  let markupEnd = 0;
  parser.on('error', (error) => {
    // saxes goes on after an error; keep the first few, which say what to fix.
    if (errors.length < 10) errors.push({ message: error.message.replace(/^\d+:\d+: /, ''), line: parser.line, column: parser.column + 1 });
  });
  parser.on('xmldecl', (decl) => {
    declaration = decl;
    markupEnd = parser.position;
  });
  parser.on('doctype', (value) => {
    doctype = value;
    markupEnd = parser.position;
  });
  parser.on('comment', () => {
    markupEnd = parser.position;
  });
  parser.on('processinginstruction', () => {
    markupEnd = parser.position;
  });
  const lineStarts = toLineStarts(body);
  parser.on('opentagstart', (tag) => {
    // saxes has read `<`, the name and the character after it; its offset counts UTF-16 units, as our
    // columns do (its own column counts code points).
    start = toLineColumn(lineStarts, Math.max(0, parser.position - tag.name.length - 2));
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = stack.at(-1);
    const attributes: XmlAttribute[] = [];
    for (const attribute of Object.values(tag.attributes) as SaxesAttributeNS[]) {
      if (attribute.prefix === 'xmlns' || attribute.name === 'xmlns') continue;
      attributes.push({ name: attribute.local, prefix: attribute.prefix, uri: attribute.uri, qname: attribute.name, value: attribute.value });
    }
    const element: MutableElement = {
      kind: 'element',
      name: tag.local,
      prefix: tag.prefix,
      uri: tag.uri,
      qname: tag.name,
      attributes,
      namespaces: tag.ns ?? {},
      children: [],
      parent,
      line: start.line,
      column: start.column,
      endLine: start.line,
      endColumn: start.column,
    };
    if (parent) parent.children.push(element);
    else root ??= element;
    if (!tag.isSelfClosing) stack.push(element);
    markupEnd = parser.position;
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) {
      const element = stack.pop();
      // The end tag is `</name` and optional white space before the `>` saxes has just read.
      const end = body.lastIndexOf('</', parser.position - 1);
      if (element && end >= 0) {
        const at = toLineColumn(lineStarts, end);
        element.endLine = at.line;
        element.endColumn = at.column;
      }
    }
    markupEnd = parser.position;
  });
  const onText = (cdata: boolean) => (value: string) => {
    const parent = stack.at(-1);
    const at = toLineColumn(lineStarts, markupEnd);
    if (parent) parent.children.push({ kind: 'text', value, cdata, line: at.line, column: at.column });
    markupEnd = cdata ? parser.position : Math.max(markupEnd, parser.position - 1);
  };
  parser.on('text', onText(false));
  parser.on('cdata', onText(true));
  try {
    parser.write(body).close();
  } catch (error) {
    errors.push({ message: (error as Error).message.replace(/^\d+:\d+: /, ''), line: parser.line, column: parser.column + 1 });
  }
  if (errors.length > 0 || root === undefined) {
    const failed = { errors: errors.length > 0 ? errors : [{ message: 'no root element', line: 1, column: 1 }] };
    return root === undefined ? failed : { ...failed, root };
  }
  return { document: { root, doctype, declaration }, errors };
}

/** The child elements of `element`. */
export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((c): c is XmlElement => c.kind === 'element');
}

/** The child elements named `name` in namespace `uri`. */
export function childrenNamed(element: XmlElement, uri: string, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => c.kind === 'element' && c.name === name && c.uri === uri);
}

/** The first child element named `name` in namespace `uri`. */
export function childNamed(element: XmlElement, uri: string, name: string): XmlElement | undefined {
  for (const c of element.children) if (c.kind === 'element' && c.name === name && c.uri === uri) return c;
  return undefined;
}

/** Every element below `element` (not itself), in document order. */
export function descendants(element: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.kind !== 'element') continue;
      found.push(c);
      walk(c);
    }
  };
  walk(element);
  return found;
}

/** The text of `element` and its descendants, CDATA included. */
export function textOf(element: XmlElement): string {
  let text = '';
  for (const c of element.children) text += c.kind === 'text' ? c.value : textOf(c);
  return text;
}

/** The value of the attribute `name` in namespace `uri` ('' for an unprefixed attribute), undefined when absent. */
export function attributeOf(element: XmlElement, name: string, uri = ''): string | undefined {
  for (const a of element.attributes) if (a.name === name && a.uri === uri) return a.value;
  return undefined;
}

/** The value of `xml:lang` or `xml:base` in scope at `element` (its own, else the nearest ancestor's). */
export function inheritedXmlAttribute(element: XmlElement, name: 'lang' | 'base'): string | undefined {
  for (let e: XmlElement | undefined = element; e; e = e.parent) {
    const value = attributeOf(e, name, XML_NS);
    if (value !== undefined) return value;
  }
  return undefined;
}
