/**
 * HTML in feed text. Plain-text elements should not carry markup (RSS Profile §data types:
 * characterdata; RFC 4287 §3.1.1.1); HTML content should hold only what feed readers keep after
 * sanitising (the W3C validator's SecurityRisk family) and links readers can resolve. All warnings,
 * as the W3C Feed Validation Service gives them (`validators.py` nonhtml, HTMLValidator, absUrlMixin).
 */
import { defaultTreeAdapter, parseFragment, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';
import type { FeedRuleId } from '../../../rules/feeds.ts';
import type { Visit } from '../kind.ts';
import { quote, report, tag } from '../report.ts';
import { HTML_ELEMENTS, SAFE_ATTRIBUTES, UNSAFE_ELEMENTS } from './vocabulary.ts';
import { unsafeStyles } from './css.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * parse5 turns source locations on whenever `onParseError` is given (its Parser constructor), and keeps
 * them by copying a text node's location object for every chunk of characters appended to it. These
 * checks need only the first error's code, never a node's position, so this adapter keeps none.
 */
const WITHOUT_LOCATIONS: TreeAdapter<DefaultTreeAdapterMap> = {
  ...defaultTreeAdapter,
  setNodeSourceCodeLocation() {},
  updateNodeSourceCodeLocation() {},
  getNodeSourceCodeLocation: () => undefined,
};

const entityCache = new Map<string, boolean>();

/** True when `&name;` is an HTML character reference (decoded by an HTML parser). */
function isEntityName(name: string): boolean {
  let known = entityCache.get(name);
  if (known === undefined) {
    const fragment = parseFragment(`&${name};`);
    const first = fragment.childNodes[0];
    known = first !== undefined && first.nodeName === '#text' && (first as DefaultTreeAdapterMap['textNode']).value !== `&${name};`;
    if (entityCache.size < 10_000) entityCache.set(name, known);
  }
  return known;
}

/** True when the line of `visit`'s start tag writes a hexadecimal character reference (`&#x`), as the RSS Profile asks. */
function startLineHasHexReference(visit: Visit): boolean {
  const context = visit.context;
  context.hexLines ??= context.text.split('\n').map((line) => line.includes('&#x'));
  return context.hexLines[visit.element.line - 1] === true;
}

/**
 * Markup in plain text: an HTML end tag, or (when the line does not use `&#x` references) an escaped
 * entity left in the text, or in RSS 2.x text that should have used `&#x26;`/`&#x3C;` (W3C nonhtml).
 */
export function checkPlainText(visit: Visit, rule: FeedRuleId = 'contains-html', value: string = visit.value): void {
  for (const m of value.matchAll(/<\/([\p{L}\p{N}_]+)>/gu)) {
    const name = m[1] as string;
    if (HTML_ELEMENTS.has(name.toLowerCase())) {
      report(visit, rule, plainTextMessage(visit, rule, `the HTML end tag </${name}>`), 'end');
      return;
    }
  }
  const entities = [...value.matchAll(/&(#?[\p{L}\p{N}_]+)/gu)];
  if (entities.length > 0) {
    for (const m of entities) {
      const name = m[1] as string;
      if (name === 'apos' || !/^\p{L}+$/u.test(name) || isEntityName(name)) {
        if (!startLineHasHexReference(visit)) report(visit, rule, plainTextMessage(visit, rule, `the escaped markup "&${name};"`), 'end');
        return;
      }
    }
    return;
  }
  const context = visit.context;
  if (context.feedType === 'rss' && (context.version ?? '2.0').startsWith('2.') && /&#[x0-9]|<[/a-zA-Z]/.test(value) && !startLineHasHexReference(visit)) {
    report(visit, 'character-data', `${tag(visit.element)} contains "&" or "<" written as a decimal reference or markup; the RSS Profile asks for &#x26; and &#x3C; in plain text`, 'end');
  }
}

function plainTextMessage(visit: Visit, rule: FeedRuleId, what: string): string {
  if (rule === 'not-inline') return `${tag(visit.element)} is type="xhtml" but contains ${what}; write XHTML elements, not escaped HTML`;
  return `${tag(visit.element)} is plain text but contains ${what}; readers show it literally. Remove the markup${visit.context.feedType === 'atom' ? ', or declare type="html"' : ''}`;
}

const STOP = new Error('first HTML parse error');

/** HTML content: elements and attributes readers strip, dangerous styles, markup that is not HTML, relative links. */
export function checkHtml(visit: Visit, html: string = visit.value): void {
  if (/<\?import /i.test(html)) report(visit, 'unsafe-html', `${tag(visit.element)} contains "<?import", which some browsers execute; remove it`, 'end');
  let parseError: string | undefined;
  let fragment;
  try {
    fragment = parseFragment(html, {
      treeAdapter: WITHOUT_LOCATIONS,
      onParseError: (error) => {
        parseError = error.code;
        // The first error decides (below); stop parsing there.
        throw STOP;
      },
    });
  } catch (error) {
    if (error !== STOP) return;
  }
  // Like an HTML parser in strict mode, stop at markup that does not parse (W3C HTMLValidator: NotHtml).
  if (parseError !== undefined || fragment === undefined) {
    report(visit, 'not-html', `${tag(visit.element)} is not well-formed HTML (${(parseError ?? 'unreadable').replace(/-/g, ' ')}); fix the markup`);
    return;
  }
  const found = new Set<string>();
  const say = (rule: FeedRuleId, message: string) => {
    if (found.has(message)) return;
    found.add(message);
    report(visit, rule, message, 'end');
  };
  const stack: Node[] = [...fragment.childNodes];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (!('tagName' in node)) continue;
    const element = node as Element;
    const name = element.tagName.toLowerCase();
    if (element.namespaceURI === 'http://www.w3.org/1999/xhtml') {
      if (!HTML_ELEMENTS.has(name)) {
        say('not-html', `${tag(visit.element)} contains <${element.tagName}>, which is not an HTML element; readers drop it`);
      } else if (UNSAFE_ELEMENTS.has(name)) {
        say('unsafe-html', `${tag(visit.element)} contains <${name}>, which feed readers strip as unsafe; remove it`);
      } else {
        checkAttributes(visit, element, say);
        checkLink(visit, element, say);
      }
    }
    for (const child of element.childNodes) stack.push(child);
    if (name === 'template' && 'content' in element) stack.push(...(element as DefaultTreeAdapterMap['template']).content.childNodes);
  }
}

function checkAttributes(visit: Visit, element: Element, say: (rule: FeedRuleId, message: string) => void): void {
  for (const attribute of element.attrs) {
    const name = attribute.name.toLowerCase();
    if (name === 'style') {
      for (const unsafe of unsafeStyles(attribute.value)) say('unsafe-html', `${tag(visit.element)} has style ${quote(unsafe)} on <${element.tagName}>, which feed readers strip; remove that style`);
    } else if (!SAFE_ATTRIBUTES.has(name) && !name.startsWith('data-') && attribute.prefix === undefined) {
      say('unsafe-html', `${tag(visit.element)} has the attribute ${attribute.name} on <${element.tagName}>, which feed readers strip as unsafe; remove it`);
    }
  }
}

/** `<a href>` and `<img src>` that are relative (W3C ContainsRelRef) or carry characters a URI may not (InvalidUriChar). */
function checkLink(visit: Visit, element: Element, say: (rule: FeedRuleId, message: string) => void): void {
  const name = element.tagName.toLowerCase();
  const attribute = name === 'a' ? element.attrs[0] : name === 'img' ? element.attrs.find((a) => a.name === 'src') : undefined;
  if (attribute === undefined || (name === 'a' && attribute.name !== 'href')) return;
  const ref = attribute.value.trim();
  if (/^\w+:/.test(ref)) return;
  const bad = [...ref].find((c) => c.charCodeAt(0) < 128 && !/[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]/.test(c));
  if (bad !== undefined) {
    say('invalid-uri', `${tag(visit.element)} links to ${quote(ref)} from <${name}>, which contains ${JSON.stringify(bad)}; percent-encode it`);
  } else {
    say('relative-reference', `${tag(visit.element)} links to the relative URL ${quote(ref)} from <${name}>; readers resolve it against their own address. Write an absolute URL`);
  }
}
