/**
 * The walk: every element is read by its parent's {@link Kind} (W3C `base.py` validatorBase.startElementNS:
 * a known extension namespace maps `dc:creator` to `dc_creator`, the default namespaces to bare names,
 * an unknown namespace to extension content), its start tag and attributes checked, its text gathered,
 * and its end checked. The walk keeps its own stack, so that deeply nested documents cannot exhaust it.
 */
import { XML_NS, type XmlElement, type XmlText } from '../../xml/tree.ts';
import type { Child, FeedContext, Kind, Visit } from './kind.ts';
import { isReservedPrefix, KNOWN_NAMESPACES, knownPrefix, namespaceOfPrefix, UNSUPPORTED_NAMESPACES } from './namespaces.ts';
import { quote, reportAt, tag } from './report.ts';
import { isLanguageCode } from './values/language.ts';
import { reportUri } from './checks/uri.ts';

/** Extension content: any attributes, text and children (W3C eater). */
export const EATER: Kind = { attributes: 'any', text: true, children: 'eat' };

const STANDARD_ATTRIBUTES = new Set(['base', 'id', 'lang', 'space']);
const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
// RDF/XML's attributes on property elements, which RSS 1.0 text elements may carry.
const RDF_PROPERTY_ATTRIBUTES = new Set(['parseType', 'datatype', 'resource']);
const MEDIA_RSS_WITHOUT_SLASH = 'http://search.yahoo.com/mrss';

/** A visit of `element` read as `kind` under `parent`. */
export function createVisit(context: FeedContext, element: XmlElement, key: string, kind: Kind, parent: Visit | undefined): Visit {
  const lang = element.attributes.find((a) => a.uri === XML_NS && a.name === 'lang')?.value ?? parent?.lang;
  return { element, key, parent, kind, context, seen: [], counts: new Map(), value: '', raw: '', lang, state: {} };
}

/** Walks `root` (already created) and everything below it. */
export function walk(root: Visit): void {
  enter(root);
  const stack: { visit: Visit; next: number }[] = [{ visit: root, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as { visit: Visit; next: number };
    const { visit } = frame;
    const nodes = visit.element.children;
    if (frame.next >= nodes.length) {
      leave(visit);
      stack.pop();
      continue;
    }
    const node = nodes[frame.next++] as XmlElement | XmlText;
    if (node.kind === 'text') {
      readText(visit, node);
      continue;
    }
    checkDeclarations(visit.context, node);
    const child = resolveChild(visit, node);
    const childVisit = createVisit(visit.context, node, child.key, child.kind, visit);
    enter(childVisit);
    visit.seen.push(child.key);
    visit.counts.set(child.key, (visit.counts.get(child.key) ?? 0) + 1);
    stack.push({ visit: childVisit, next: 0 });
  }
}

function enter(visit: Visit): void {
  checkXmlBase(visit);
  visit.kind.start?.(visit);
  checkAttributes(visit);
}

function leave(visit: Visit): void {
  visit.raw = visit.value;
  if (!visit.kind.keepWhitespace) visit.value = visit.value.trim();
  visit.kind.end?.(visit);
}

/** Where the first non-blank character of `text` is (an XML parser reports text line by line, so that is where readers see it). */
export function textStart(text: XmlText): { line: number; column: number } {
  const first = text.value.search(/\S/);
  if (first <= 0) return { line: text.line, column: text.column };
  const before = text.value.slice(0, first);
  const newline = before.lastIndexOf('\n');
  const lines = before.split('\n').length - 1;
  return lines === 0 ? { line: text.line, column: text.column + first } : { line: text.line + lines, column: first - newline };
}

function readText(visit: Visit, text: XmlText): void {
  visit.kind.onText?.(visit, text);
  if (!visit.kind.text && text.value.trim() !== '' && visit.state.textReported !== true) {
    visit.state.textReported = true;
    visit.context.findings.push({
      rule: 'unexpected-text',
      message: `${tag(visit.element)} holds only elements, but it contains the text ${quote(text.value.trim())}; move the text into the element it belongs to, or remove it`,
      at: textStart(text),
    });
  }
  if (visit.state.badCharacters !== true && /[\u0080-\u009f\ufffd]/.test(text.value)) {
    visit.state.badCharacters = true;
    visit.context.findings.push({
      rule: 'bad-characters',
      message: `${tag(visit.element)} contains control characters U+0080–U+009F or U+FFFD, the mark of text decoded with the wrong encoding (often Windows-1252 read as ISO-8859-1); fix the encoding`,
      at: { line: text.line, column: text.column },
    });
  }
  visit.value += text.value;
}

/** The kind a child element is read as, by its parent's kind (W3C startElementNS and `do_*`). */
export function resolveChild(visit: Visit, element: XmlElement): Child {
  const children = visit.kind.children;
  const context = visit.context;
  if (children === 'eat') {
    // RSS 2.0 §Extending RSS: elements inside an extension element are themselves namespaced.
    if (element.uri === '' && context.feedType === 'rss' && visit.key.includes('_')) {
      reportAt(context, 'missing-namespace', element, `${tag(element)} inside the extension element ${tag(visit.element)} is in no namespace; RSS 2.0 extension elements (and their children) must be namespaced`);
    }
    return { key: element.name, kind: EATER };
  }
  if (children === 'leaf') {
    // RSS 1.0 text elements may hold RDF (mixed with text only as rdf:parseType="Literal"); elsewhere a text element has no children.
    if (context.feedType === 'rss1') {
      const parseType = visit.element.attributes.find((a) => a.uri === RDF_NS && a.name === 'parseType')?.value;
      if ((visit.value.trim() !== '' || visit.seen.length > 0) && parseType !== 'Literal' && visit.state.rdfReported !== true) {
        visit.state.rdfReported = true;
        reportAt(context, 'invalid-rdf', element, `${tag(visit.element)} mixes text and elements; RDF/XML allows that only with rdf:parseType="Literal"`);
      }
    } else {
      reportAt(context, 'undefined-element', element, `${tag(visit.element)} holds text, not elements, but contains ${tag(element)}; escape markup meant as text (or use CDATA), or remove the element`);
    }
    return { key: element.name, kind: EATER };
  }
  if (typeof children === 'function') return children(visit, element);
  return dispatch(visit, element, children ?? {});
}

/** The W3C namespace dispatch for a container element. */
function dispatch(visit: Visit, element: XmlElement, table: Readonly<Record<string, unknown>>): Child {
  const context = visit.context;
  checkLanguage(context, element);
  let uri: string | undefined = element.uri;
  if (uri === '' && context.feedType !== undefined && context.feedType !== 'rss') {
    reportAt(context, 'undeterminable-vocabulary', element, `${tag(element)} in ${tag(visit.element)} is in no namespace, so its meaning cannot be known; put it in an extension namespace`);
    uri = undefined;
  }
  let name = element.name;
  if (uri !== undefined && context.defaultNamespaces.has(uri)) uri = '';
  if (uri !== undefined && uri !== '') {
    const prefix = knownPrefix(uri);
    if (prefix !== undefined) {
      name = `${prefix}_${element.name}`;
      uri = '';
    }
  }
  if (uri !== '') return { key: `unknown_${element.name}`, kind: visit.kind.unknown?.(visit, element) ?? EATER };
  const lookup = (name.startsWith('dc_') ? (name.split('.')[0] as string) : name).replace(/-/g, '_');
  const entry = Object.hasOwn(table, lookup) ? (table[lookup] as Kind | ((v: Visit, e: XmlElement) => Kind | undefined)) : undefined;
  const kind = typeof entry === 'function' ? entry(visit, element) : entry;
  if (kind !== undefined) return { key: name, kind };
  if (name.startsWith('xhtml_')) {
    reportAt(context, 'misplaced-xhtml', element, `XHTML element ${tag(element)} is not allowed in ${tag(visit.element)}; XHTML goes inside a type="xhtml" <div>`);
  } else {
    reportAt(context, 'undefined-element', element, `${tag(visit.element)} has no child ${tag(element)}${hint(element)}; remove it, or move it into a namespace of its own`);
  }
  return { key: name, kind: EATER };
}

function hint(element: XmlElement): string {
  return element.uri !== '' && knownPrefix(element.uri) !== undefined ? ` (the ${knownPrefix(element.uri)} namespace defines no such element here)` : '';
}

/** xml:lang names a language (XML 1.0 §2.12, RFC 3066). */
function checkLanguage(context: FeedContext, element: XmlElement): void {
  const lang = element.attributes.find((a) => a.uri === XML_NS && a.name === 'lang');
  if (lang === undefined || lang.value === '') return;
  if (!isLanguageCode(lang.value)) {
    reportAt(context, 'invalid-language', element, `xml:lang=${quote(lang.value)} on ${tag(element)} is not a language code; use an ISO 639 code such as "en" or "en-US"`);
  }
}

/** xml:base is an IRI reference (XML Base §3). */
function checkXmlBase(visit: Visit): void {
  const base = visit.element.attributes.find((a) => a.uri === XML_NS && a.name === 'base');
  if (base !== undefined) reportUri(visit.context, visit.element, base.value, { absolute: false, iri: true }, 'invalid-uri', `xml:base on ${tag(visit.element)}`, 'start');
}

/** Attributes the element does not define (W3C `base.py` SAXDispatcher.startElementNS). */
function checkAttributes(visit: Visit): void {
  const expected = visit.kind.attributes;
  const element = visit.element;
  const garbled = element.attributes.find((a) => /[\u0080-\u009f\ufffd]/.test(a.value));
  if (garbled !== undefined) {
    reportAt(visit.context, 'bad-characters', element, `the ${garbled.qname} attribute of ${tag(element)} contains control characters U+0080–U+009F or U+FFFD, the mark of text decoded with the wrong encoding; fix the encoding`);
  }
  if (expected === 'any') return;
  for (const attribute of element.attributes) {
    if (attribute.uri === XML_NS && STANDARD_ATTRIBUTES.has(attribute.name)) continue;
    if (attribute.uri === RDF_NS && RDF_PROPERTY_ATTRIBUTES.has(attribute.name) && visit.context.feedType === 'rss1' && visit.kind.children === 'leaf') continue;
    const key = attribute.uri === '' ? attribute.name : `{${attribute.uri}}${attribute.name}`;
    if (expected?.includes(key)) continue;
    if (attribute.uri !== '' && knownPrefix(attribute.uri) === undefined) {
      if (element.uri === '' && visit.context.feedType === 'rss') {
        reportAt(visit.context, 'extension-attribute', element, `the namespaced attribute ${attribute.qname} on the core element ${tag(element)} is not provided for by RSS 2.0; readers ignore it`);
      }
      continue;
    }
    reportAt(visit.context, 'unexpected-attribute', element, `${tag(element)} has no attribute ${attribute.qname}; remove it`);
  }
}

/** Namespace declarations: reserved prefixes, unknown namespaces and namespace names that are not IRIs (W3C startPrefixMapping). */
export function checkDeclarations(context: FeedContext, element: XmlElement): void {
  for (const [prefix, uri] of Object.entries(element.namespaces)) {
    if (prefix !== '' && isReservedPrefix(prefix)) {
      if (KNOWN_NAMESPACES.get(uri) !== prefix) {
        if (uri === MEDIA_RSS_WITHOUT_SLASH) {
          reportAt(context, 'media-rss-namespace', element, `xmlns:${prefix}="${uri}" lacks the trailing slash of the Media RSS namespace; write "http://search.yahoo.com/mrss/"`);
        } else {
          reportAt(context, 'reserved-prefix', element, `the prefix "${prefix}" is bound to ${quote(uri)}, but readers expect it for another namespace; use another prefix or the usual namespace`);
        }
      } else if ((prefix === 'atom' || prefix === 'xhtml') && context.feedType === 'atom') {
        reportAt(context, 'avoid-namespace-prefix', element, `the "${prefix}" prefix makes some readers miss ${prefix === 'atom' ? 'Atom' : 'XHTML'} elements; declare the namespace as the default namespace where it is used`);
      }
    } else if (KNOWN_NAMESPACES.has(uri)) {
      const usual = KNOWN_NAMESPACES.get(uri);
      if (prefix !== '' && (usual === 'atom' || usual === 'xhtml') && (context.feedType === 'atom' || context.feedType === undefined)) {
        reportAt(context, 'avoid-namespace-prefix', element, `the "${prefix}" prefix for the ${usual === 'atom' ? 'Atom' : 'XHTML'} namespace makes some readers miss its elements; declare it as the default namespace where it is used`);
      }
    } else if (uri === MEDIA_RSS_WITHOUT_SLASH) {
      reportAt(context, 'media-rss-namespace', element, `the namespace "${uri}" lacks the trailing slash of the Media RSS namespace; write "http://search.yahoo.com/mrss/"`);
    } else if (uri === '') {
      if (prefix === '') reportAt(context, 'unknown-namespace', element, `xmlns="" puts ${tag(element)} and the elements below it in no namespace, so their meaning cannot be known; remove it`);
    } else if (reportUri(context, element, uri, { absolute: false, iri: true }, 'invalid-uri', `the namespace name of xmlns${prefix ? `:${prefix}` : ''}`, 'start')) {
      // Namespaces the W3C validator knows but does not check (Google Data, Podcasting 2.0…) are only noted there (Info).
      if (UNSUPPORTED_NAMESPACES.has(uri)) continue;
      const near = knownPrefix(uri);
      reportAt(
        context,
        'unknown-namespace',
        element,
        near !== undefined
          ? `the namespace ${quote(uri)} is not spelled as its specification gives it (${quote(namespaceOfPrefix(near) ?? '')}); readers may not recognise its elements`
          : `the namespace ${quote(uri)} is unknown, so its elements are not checked; make sure it is spelled as its specification gives it`,
      );
    }
  }
}
