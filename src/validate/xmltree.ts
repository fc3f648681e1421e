import { XmlElement, type XmlDocument } from 'libxml2-wasm';

/*
 * A parsed XML output as plain objects, so that the rule checks and the consistency facts walk
 * JavaScript arrays instead of evaluating one XPath expression per node (each evaluation compiles
 * the expression, allocates a context in the WebAssembly heap and wraps every result node).
 *
 * libxml2 stays the judge of well-formedness and of the schema; the tree is read only from a
 * document libxml2 has accepted. Usually it is read from the text by {@link readXmlText}, a small
 * reader for the XML our emitters write: elements, attributes, namespaces, text, CDATA, comments,
 * processing instructions, the predefined entities and character references, with libxml2's line
 * numbers (the line where the start tag ends), attribute-value normalisation and text nodes. Text it
 * does not fully model (a DOCTYPE, another entity, a carriage return, a byte order mark, a line past
 * 65534) is read from libxml2's own tree instead, through XPath, exactly as before.
 */

/** The XML namespace (`xml:lang`), bound to the `xml` prefix in every document. */
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** An attribute: local name, namespace URI ('' for none) and value. */
export interface XAttr {
  /** Local name. */
  name: string;
  /** Namespace URI, '' when the attribute has none. */
  namespaceUri: string;
  /** The value, entities and character references resolved, whitespace normalised (XML 1.0 §3.3.3). */
  value: string;
}

/** One element of a parsed document, with what libxml2 says of it. */
export abstract class XElement {
  /** Child elements in document order. */
  readonly children: XElement[] = [];
  /** Position in document order (in {@link XTree.all}). */
  index = 0;

  constructor(
    /** Local name. */
    readonly name: string,
    /** Namespace URI, '' when the element has none. */
    readonly namespaceUri: string,
    /** The parent element, null for the document element. */
    readonly parent: XElement | null,
  ) {}

  /** The line libxml2 records for the element: where its start tag ends (0 when unknown). */
  abstract get line(): number;
  /** The namespace prefix the element is written with ('' for none). */
  abstract get prefix(): string;
  /** The text of the element and its descendants, CDATA included (libxml2 `xmlNodeGetContent`). */
  abstract get content(): string;
  /** Every attribute in document order, namespaced ones included (namespace declarations are not attributes). */
  abstract get attrs(): readonly XAttr[];
  /** The namespace declarations made on this element, prefix ('' for the default) to URI. */
  abstract get nsDeclarations(): Readonly<Record<string, string>>;
  /** The contents of the text and CDATA children (XPath `text()`), in document order. */
  abstract texts(): string[];

  /**
   * The value of the attribute `name` without namespace, undefined when absent: libxml2's `attr()`,
   * which in a document with a DTD also gives an attribute's declared default.
   */
  attr(name: string): string | undefined {
    return this.attrInTree(name);
  }

  /** The value of the attribute `name` without namespace as XPath `@name` sees it: written in the document, never a DTD default. */
  attrInTree(name: string): string | undefined {
    for (const a of this.attrs) if (a.name === name && a.namespaceUri === '') return a.value;
    return undefined;
  }

  /** The child elements with this namespace and local name (XPath `p:name`). */
  childrenNamed(namespaceUri: string, name: string): XElement[] {
    return this.children.filter((c) => c.name === name && c.namespaceUri === namespaceUri);
  }

  /** The first child element with this namespace and local name, or null. */
  child(namespaceUri: string, name: string): XElement | null {
    for (const c of this.children) if (c.name === name && c.namespaceUri === namespaceUri) return c;
    return null;
  }

  /** Whether the element has a child with this namespace and local name (XPath predicate `[p:name]`). */
  has(namespaceUri: string, name: string): boolean {
    return this.child(namespaceUri, name) !== null;
  }

  /** The grandchildren reached through children named `via` (XPath `p:via/p:name`), in document order. */
  grandchildrenNamed(namespaceUri: string, via: string, name: string): XElement[] {
    return this.childrenNamed(namespaceUri, via).flatMap((c) => c.childrenNamed(namespaceUri, name));
  }
}

/** A document read into {@link XElement}s. */
export interface XTree {
  /** The document element. */
  root: XElement;
  /** Every element in document order (XPath `//*`). */
  all: XElement[];
  /** Elements by namespace, then local name, built when first needed. */
  byName?: Map<string, Map<string, XElement[]>>;
}

/** Reads the elements of a document libxml2 has parsed from `text`: from the text when it can, else from libxml2. */
export function toTree(doc: XmlDocument, text: string): XTree {
  return readXmlText(text) ?? readLibxmlTree(doc);
}

/** The elements of the tree with this namespace and one of these local names, in document order (XPath `//p:a | //p:b`). */
export function descendantsNamed(tree: XTree, namespaceUri: string, names: readonly string[]): XElement[] {
  const inNamespace = (tree.byName ??= indexByName(tree.all)).get(namespaceUri);
  if (inNamespace === undefined) return [];
  if (names.length === 1) return inNamespace.get(names[0]!)?.slice() ?? [];
  return names.flatMap((name) => inNamespace.get(name) ?? []).sort((a, b) => a.index - b.index);
}

function indexByName(all: readonly XElement[]): Map<string, Map<string, XElement[]>> {
  const index = new Map<string, Map<string, XElement[]>>();
  for (const element of all) {
    let inNamespace = index.get(element.namespaceUri);
    if (inNamespace === undefined) index.set(element.namespaceUri, (inNamespace = new Map()));
    const list = inNamespace.get(element.name);
    if (list === undefined) inNamespace.set(element.name, [element]);
    else list.push(element);
  }
  return index;
}

/** The elements strictly below `element`, in document order (XPath `.//*`). */
export function descendantsOf(element: XElement): XElement[] {
  const found: XElement[] = [];
  const stack = [...element.children].reverse();
  while (stack.length > 0) {
    const current = stack.pop()!;
    found.push(current);
    for (let i = current.children.length - 1; i >= 0; i--) stack.push(current.children[i]!);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// libxml2's own tree, for the text the reader below leaves to it.

class LibxmlElement extends XElement {
  readonly #node: XmlElement;
  #content: string | undefined;
  #attrs: XAttr[] | undefined;

  constructor(node: XmlElement, parent: XElement | null) {
    super(node.name, node.namespaceUri, parent);
    this.#node = node;
  }

  get line(): number {
    return this.#node.line;
  }

  get prefix(): string {
    return this.#node.prefix;
  }

  get content(): string {
    return (this.#content ??= this.#node.content);
  }

  get attrs(): readonly XAttr[] {
    return (this.#attrs ??= this.#node.attrs.map((a) => ({ name: a.name, namespaceUri: a.namespaceUri, value: a.value })));
  }

  get nsDeclarations(): Record<string, string> {
    return this.#node.nsDeclarations;
  }

  // libxml2 also gives attribute defaults from a DTD here, which the attribute list does not show.
  override attr(name: string): string | undefined {
    return this.#node.attr(name)?.value;
  }

  texts(): string[] {
    return this.#node.find('text()').map((t) => t.content);
  }

  /** The child elements (XPath `*`: sibling links would stop at a processing instruction, which libxml2-wasm cannot step over). */
  childNodes(): XmlElement[] {
    return this.#node.find('*') as XmlElement[];
  }
}

function readLibxmlTree(doc: XmlDocument): XTree {
  const root = new LibxmlElement(doc.root, null);
  const tree: XTree = { root, all: [] };
  const stack: [LibxmlElement][] = [[root]];
  while (stack.length > 0) {
    const [element] = stack.pop()!;
    element.index = tree.all.length;
    tree.all.push(element);
    const children = element.childNodes().map((node) => new LibxmlElement(node, element));
    element.children.push(...children);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!]);
  }
  return tree;
}

// ---------------------------------------------------------------------------------------------
// The reader for well-formed XML as our emitters write it.

/** Where an element's text lies in the document's list of text and CDATA pieces. */
class ReadElement extends XElement {
  line = 0;
  prefix = '';
  attrs: XAttr[] = [];
  nsDeclarations: Readonly<Record<string, string>> = NO_DECLARATIONS;
  /** Index of the first text piece inside the element, and one past the last. */
  firstPiece = 0;
  endPiece = 0;
  /** Indexes of the pieces that are children of this element. */
  ownPieces: number[] = [];
  #content: string | undefined;

  constructor(
    name: string,
    namespaceUri: string,
    parent: XElement | null,
    readonly pieces: string[],
  ) {
    super(name, namespaceUri, parent);
  }

  get content(): string {
    return (this.#content ??= this.pieces.slice(this.firstPiece, this.endPiece).join(''));
  }

  texts(): string[] {
    return this.ownPieces.map((i) => this.pieces[i]!);
  }
}

const NO_DECLARATIONS: Readonly<Record<string, string>> = Object.freeze({});

/** The end of the reader's road: text it does not model exactly; libxml2's tree is read instead. */
class Unsupported extends Error {}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;
const UNKNOWN_REFERENCE = /&(?!#x[0-9a-fA-F]+;|#[0-9]+;|[A-Za-z_][\w.-]*;)/;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;

function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

/** Resolves the predefined entities and character references of text or an attribute value. */
function decode(raw: string, attribute: boolean): string {
  // Attribute values: each literal tab or line feed becomes a space; referenced ones stay.
  const value = attribute ? raw.replace(/[\t\n]/g, ' ') : raw;
  if (value.indexOf('&') < 0) return value;
  if (UNKNOWN_REFERENCE.test(value)) throw new Unsupported('reference');
  return value.replace(REFERENCE, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    const predefined = PREDEFINED[ref];
    if (predefined === undefined) throw new Unsupported(`entity ${ref}`);
    return predefined;
  });
}

/**
 * Reads well-formed XML (as libxml2 has just accepted it) into {@link XElement}s, or returns undefined
 * for text it leaves to libxml2 (see the top of this file).
 */
export function readXmlText(text: string): XTree | undefined {
  if (text.includes('\r') || text.includes('<!DOCTYPE') || text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    return read(text);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

const QUESTION = 0x3f;
const BANG = 0x21;

function read(text: string): XTree {
  const pieces: string[] = [];
  const all: ReadElement[] = [];
  const open: ReadElement[] = [];
  // In-scope namespace declarations, one frame per open element (null when it declares none), innermost last.
  const frames: (Map<string, string> | null)[] = [];
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number): number => {
    for (let n = text.indexOf('\n', counted); n >= 0 && n < offset; n = text.indexOf('\n', n + 1)) line++;
    counted = offset;
    return line;
  };
  const lookUp = (prefix: string): string | undefined => {
    for (let f = frames.length - 1; f >= 0; f--) {
      const uri = frames[f]?.get(prefix);
      if (uri !== undefined) return uri;
    }
    return prefix === 'xml' ? XML_NS : undefined;
  };
  // The text between two pieces of markup is one text node: libxml2 joins references to the text around them.
  const addText = (start: number, end: number) => {
    if (end <= start || open.length === 0) return;
    const parent = open[open.length - 1]!;
    parent.ownPieces.push(pieces.length);
    pieces.push(decode(text.slice(start, end), false));
  };
  const until = (from: number, terminator: string, what: string): number => {
    const end = text.indexOf(terminator, from);
    if (end < 0) throw new Unsupported(what);
    return end;
  };

  let textStart = 0;
  for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', textStart)) {
    addText(textStart, lt);
    const next = text.charCodeAt(lt + 1);
    if (next === SLASH) {
      const element = open.pop();
      if (element === undefined) throw new Unsupported('end tag');
      frames.pop();
      element.endPiece = pieces.length;
      textStart = until(lt + 2, '>', 'end tag') + 1;
    } else if (next === QUESTION) {
      textStart = until(lt + 2, '?>', 'processing instruction') + 2;
    } else if (next === BANG) {
      if (text.startsWith('<!--', lt)) {
        textStart = until(lt + 4, '-->', 'comment') + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        const end = until(lt + 9, ']]>', 'CDATA');
        const parent = open[open.length - 1];
        if (parent === undefined) throw new Unsupported('CDATA outside the document element');
        parent.ownPieces.push(pieces.length);
        pieces.push(text.slice(lt + 9, end));
        textStart = end + 3;
      } else throw new Unsupported('declaration');
    } else {
      textStart = readStartTag(lt);
    }
  }
  if (open.length > 0 || all.length === 0) throw new Unsupported('unclosed element');
  return { root: all[0]!, all };

  /** Reads the start tag at `lt`; returns the offset after it. */
  function readStartTag(lt: number): number {
    let j = lt + 1;
    while (j < text.length && !isNameEnd(text.charCodeAt(j))) j++;
    const qname = text.slice(lt + 1, j);
    const names: string[] = [];
    const values: string[] = [];
    let declared: Map<string, string> | null = null;
    let declarations: Record<string, string> | undefined;
    let selfClosing = false;
    for (;;) {
      while (j < text.length && isXmlSpace(text.charCodeAt(j))) j++;
      const code = text.charCodeAt(j);
      if (code === GT) break;
      if (code === SLASH && text.charCodeAt(j + 1) === GT) {
        selfClosing = true;
        break;
      }
      if (j >= text.length) throw new Unsupported('unterminated start tag');
      const attrStart = j;
      while (j < text.length && !isXmlSpace(text.charCodeAt(j)) && text.charCodeAt(j) !== EQUALS) j++;
      const attrName = text.slice(attrStart, j);
      while (j < text.length && isXmlSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== EQUALS) throw new Unsupported('attribute without value');
      j++;
      while (j < text.length && isXmlSpace(text.charCodeAt(j))) j++;
      const quote = text[j];
      if (quote !== '"' && quote !== "'") throw new Unsupported('unquoted attribute');
      const valueEnd = until(j + 1, quote, 'attribute value');
      const value = decode(text.slice(j + 1, valueEnd), true);
      j = valueEnd + 1;
      if (attrName === 'xmlns' || attrName.startsWith('xmlns:')) {
        const prefix = attrName === 'xmlns' ? '' : attrName.slice(6);
        if (prefix === 'xml' || prefix === 'xmlns' || (prefix !== '' && value === '')) throw new Unsupported('reserved namespace declaration');
        (declared ??= new Map()).set(prefix, value);
        (declarations ??= {})[prefix] = value;
      } else {
        names.push(attrName);
        values.push(value);
      }
    }
    frames.push(declared);
    const colon = qname.indexOf(':');
    const prefix = colon < 0 ? '' : qname.slice(0, colon);
    const namespaceUri = lookUp(prefix);
    if (namespaceUri === undefined && prefix !== '') throw new Unsupported(`undeclared prefix ${prefix}`);
    const parent = open[open.length - 1] ?? null;
    if (parent === null && all.length > 0) throw new Unsupported('second document element');
    const element = new ReadElement(colon < 0 ? qname : qname.slice(colon + 1), namespaceUri ?? '', parent, pieces);
    // libxml2 numbers an element with the line where its start tag ends.
    element.line = lineAt(j);
    if (element.line >= 65535) throw new Unsupported('line beyond libxml2 line numbers');
    element.prefix = prefix;
    if (declarations !== undefined) element.nsDeclarations = declarations;
    for (let a = 0; a < names.length; a++) {
      const name = names[a]!;
      const value = values[a]!;
      const attrColon = name.indexOf(':');
      if (attrColon < 0) {
        element.attrs.push({ name, namespaceUri: '', value });
        continue;
      }
      const uri = lookUp(name.slice(0, attrColon));
      if (uri === undefined || uri === '') throw new Unsupported('undeclared attribute prefix');
      element.attrs.push({ name: name.slice(attrColon + 1), namespaceUri: uri, value });
    }
    element.firstPiece = pieces.length;
    element.index = all.length;
    parent?.children.push(element);
    all.push(element);
    if (selfClosing) {
      frames.pop();
      element.endPiece = pieces.length;
      return j + 2;
    }
    open.push(element);
    return j + 1;
  }
}

function isNameEnd(code: number): boolean {
  return isXmlSpace(code) || code === GT || code === SLASH;
}
