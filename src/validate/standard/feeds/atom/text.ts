/**
 * Atom text constructs (RFC 4287 §3.1: title, subtitle, rights, summary) and atom:content (§4.1.3):
 * the type attribute, escaped HTML, XHTML inside one xhtml:div, remote content by src, and base64 for
 * other media types (W3C `content.py`).
 */
import { Buffer } from 'node:buffer';
import type { XmlElement } from '../../../xml/tree.ts';
import { checkOnce } from '../checks/common.ts';
import { checkHtml, checkPlainText } from '../checks/html.ts';
import { reportUri } from '../checks/uri.ts';
import { unsafeStyles } from '../checks/css.ts';
import { HTML_ELEMENTS, UNSAFE_ELEMENTS } from '../checks/vocabulary.ts';
import type { Child, Kind, Visit } from '../kind.ts';
import { KNOWN_NAMESPACES, NS } from '../namespaces.ts';
import { named, quote, report, reportAt, tag } from '../report.ts';
import { isMediaType } from '../values/mime.ts';
import { EATER, textStart } from '../walk.ts';

interface TextState {
  type: string;
  src: boolean;
  textReported?: boolean;
}

function stateOf(visit: Visit): TextState {
  return visit.state as unknown as TextState;
}

/** True for a media type whose content is XML (RFC 4287 §4.1.3.3 rule 3: "+xml" or "/xml"). */
function isXmlType(type: string): boolean {
  return type.endsWith('+xml') || type.endsWith('/xml');
}

/** A text construct (`content` false) or atom:content (`content` true); `once` for elements that may appear once. */
export function textConstruct(options: { readonly content?: boolean; readonly once?: boolean } = {}): Kind {
  return {
    attributes: ['type', 'src'],
    text: true,
    keepWhitespace: true,
    start(visit) {
      if (options.once) checkOnce(visit);
      startText(visit, options.content === true);
    },
    onText(visit, text) {
      const state = stateOf(visit);
      if (text.value.trim() === '') return;
      if (state.type === 'xhtml' && visit.value.trim() === '') {
        visit.context.findings.push({ rule: 'missing-xhtml-div', message: `${named(visit)} is type="xhtml", so its content must be one XHTML <div> (xmlns="http://www.w3.org/1999/xhtml"); wrap the text in it`, at: textStart(text) });
      }
      // Text after a child element, or beside a src attribute, is mixed content.
      if ((state.src || visit.seen.length > 0) && !state.textReported) {
        state.textReported = true;
        visit.context.findings.push({ rule: 'unexpected-text', message: `${named(visit)} mixes text with ${state.src ? 'a src attribute' : 'elements'}; ${state.src ? 'remote content is empty' : 'put all of it inside the <div>'}`, at: textStart(text) });
      }
    },
    children: childOfText,
    end: endText,
  };
}

function startText(visit: Visit, isContent: boolean): void {
  const element = visit.element;
  const state = stateOf(visit);
  const src = element.attributes.find((a) => a.name === 'src' && a.uri === '');
  const typeAttribute = element.attributes.find((a) => a.name === 'type' && a.uri === '');
  state.src = src !== undefined;
  state.type = src !== undefined ? '' : 'text';
  if (src === undefined && visit.context.feedType === 'rss' && visit.key !== 'atom_summary') {
    report(visit, 'duplicate-semantics', `${tag(element)} in an RSS feed repeats what the RSS element of the same meaning says; keep the RSS element`);
  }
  if (typeAttribute !== undefined) {
    state.type = typeAttribute.value;
    if (state.type === '') report(visit, 'blank-value', `${named(visit)} has an empty type attribute; write text, html or xhtml`);
  }
  const type = state.type;
  if (isContent) {
    if (type === 'multipart/alternative') report(visit, 'invalid-mime-type', `${named(visit)} may not be multipart/alternative (RFC 4287 §4.1.3.1); give one representation`);
  } else if (type.includes('/')) {
    report(visit, 'invalid-text-type', `${named(visit)} has type=${quote(type)}, but a text construct is type text, html or xhtml; use type="html" or type="text"`);
  }
  if (src !== undefined) {
    reportUri(visit.context, element, src.value, { absolute: false, iri: true }, 'invalid-uri', `the src of ${named(visit)}`, 'start');
    if (typeAttribute === undefined) report(visit, 'missing-type-attribute', `${named(visit)} has src but no type; say what media type the remote content is`);
  }
  if ((type === 'text' || type === 'html' || type === 'xhtml') && src === undefined) return;
  if (type !== '' && !isMediaType(type)) {
    report(visit, 'invalid-mime-type', `${named(visit)} has type=${quote(type)}, which is neither text, html, xhtml nor a media type such as "text/plain"`);
  }
}

function childOfText(visit: Visit, child: XmlElement): Child {
  const state = stateOf(visit);
  const type = state.type;
  const element = visit.element;
  if (type !== 'xhtml' && !isXmlType(type)) {
    reportAt(visit.context, 'undefined-element', child, `${named(visit)} is type=${quote(type || 'text')}, which holds no elements, but contains ${tag(child)}; escape the markup and use type="html", or use type="xhtml" with a <div>`);
  }
  const isDiv = child.uri === NS.xhtml && child.name === 'div';
  if (type === 'xhtml') {
    if (!isDiv && visit.value.trim() === '') {
      reportAt(visit.context, 'missing-xhtml-div', child, `${named(visit)} is type="xhtml", so its content must be wrapped in one <div xmlns="http://www.w3.org/1999/xhtml">, not start with ${tag(child)}`);
      if (child.name === 'div') reportAt(visit.context, 'not-html', child, `the <div> in ${named(visit)} is not in the XHTML namespace; declare xmlns="http://www.w3.org/1999/xhtml" on it`);
    } else if (child.uri !== NS.xhtml) {
      reportAt(visit.context, 'not-html', child, `${tag(child)} in ${named(visit)} is not in the XHTML namespace`);
    }
  }
  if (type === 'application/xhtml+xml') {
    if (child.name !== 'html') reportAt(visit.context, 'html-fragment', child, `${named(visit)} is application/xhtml+xml, so it should hold a whole <html> document, not ${tag(child)}`);
    else if (child.uri !== NS.xhtml) reportAt(visit.context, 'not-html', child, `the <html> in ${named(visit)} is not in the XHTML namespace`);
  }
  const mode = element.attributes.find((a) => a.name === 'mode' && a.uri === '');
  if (mode?.value === 'escaped') reportAt(visit.context, 'not-escaped', child, `${named(visit)} says mode="escaped" but contains the element ${tag(child)}; escape the markup (and drop the Atom 0.3 mode attribute)`);
  return { key: child.name, kind: isDiv ? XHTML_DIV : EATER };
}

function endText(visit: Visit): void {
  const state = stateOf(visit);
  let type = state.type;
  let value = visit.value;
  if (type === 'text') checkPlainText(visit, 'contains-html', value);
  else if (type === 'xhtml') checkPlainText(visit, 'not-inline', value);
  else {
    if (type.includes('/') && !isXmlType(type) && !type.startsWith('text/')) {
      const decoded = decodeBase64(value);
      if (decoded === undefined) report(visit, 'not-base64', `${named(visit)} is type=${quote(type)}, so its content must be base64 (RFC 4287 §4.1.3.3), but it is not; encode it`, 'end');
      else {
        value = decoded;
        if (type.endsWith('/html')) type = 'html';
      }
    }
    if (type === 'html' || type.endsWith('/html')) {
      checkHtml(visit, value);
      if (type.endsWith('/html') && !value.includes('<html') && !state.src) {
        report(visit, 'html-fragment', `${named(visit)} is type=${quote(type)}, so it should hold a whole HTML document; for a fragment use type="html"`, 'end');
      }
    } else {
      checkPlainText(visit, 'contains-html', value);
    }
  }
  if (value === '' && visit.seen.length === 0 && !state.src) report(visit, 'blank-value', `${named(visit)} is empty; give it text or leave it out`, 'end');
  // Base64 HTML counts as HTML from here on (W3C content.validate), for the entry's summary rule.
  if (visit.parent !== undefined) visit.parent.state[`${visit.key}Info`] = { src: state.src, type };
}

/** Base64 as Python's lenient decoder reads it: other characters dropped, padding required. */
function decodeBase64(value: string): string | undefined {
  const clean = value.replace(/[^A-Za-z0-9+/=]/g, '');
  const data = clean.replace(/=.*$/s, '');
  const rest = data.length % 4;
  if (rest === 1) return undefined;
  if (rest !== 0 && clean.length - data.length < 4 - rest) return undefined;
  return Buffer.from(data, 'base64').toString('utf8');
}

/** The xhtml:div of type="xhtml" content and everything in it (W3C diveater): XHTML only, nothing unsafe. */
export const XHTML_DIV: Kind = {
  attributes: 'any',
  text: true,
  children(visit, child) {
    const context = visit.context;
    if (child.uri === '') {
      reportAt(context, 'missing-namespace', child, `${tag(child)} inside an XHTML <div> is in no namespace; XHTML elements need xmlns="http://www.w3.org/1999/xhtml"`);
    } else if (child.uri === NS.xhtml) {
      if (!HTML_ELEMENTS.has(child.name)) reportAt(context, 'not-html', child, `${tag(child)} inside the XHTML <div> is not an XHTML element; readers drop it`);
      else if (UNSAFE_ELEMENTS.has(child.name)) reportAt(context, 'unsafe-html', child, `${tag(child)} inside the XHTML <div> is stripped by feed readers as unsafe; remove it`);
      for (const attribute of child.attributes) {
        if (attribute.uri !== '') continue;
        if (attribute.name === 'style') {
          for (const unsafe of unsafeStyles(attribute.value)) reportAt(context, 'unsafe-html', child, `the style ${quote(unsafe)} on ${tag(child)} is stripped by feed readers; remove it`);
        } else if (attribute.name.startsWith('on')) {
          reportAt(context, 'unsafe-html', child, `the event handler ${attribute.name} on ${tag(child)} is stripped by feed readers; remove it`);
        }
      }
    } else if (child.uri !== NS.svg && child.uri !== NS.mathml && KNOWN_NAMESPACES.has(child.uri)) {
      if (visit.key !== 'metadata') reportAt(context, 'undefined-element', child, `${tag(child)} may not appear inside XHTML content; remove it`);
      return { key: child.name, kind: EATER };
    }
    visit.state.mixed = true;
    return { key: child.name, kind: XHTML_DIV };
  },
  end(visit) {
    // A div holding only text lends it to the text construct, for the escaped-markup test.
    if (visit.state.mixed !== true && visit.parent) visit.parent.value += visit.value;
  },
};
