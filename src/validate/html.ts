/*
 * HTML carried as text in our outputs (RSS `description`/`content:encoded`, Atom `type="html"`,
 * JSON Feed `content_html`): what feed readers refuse or cannot resolve. The rules and vocabularies
 * follow the W3C Feed Validation Service (feedvalidator `validators.py` HTMLValidator), the entity
 * names Python's `html.entities.name2codepoint` (the HTML 4 entities).
 */

/** True for `http://host…` / `https://host…` (no surrounding whitespace): what readers resolve without a base. */
export function isAbsoluteUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+\S*$/i.test(value);
}

/** One problem found in an HTML fragment; the caller positions it and makes it a diagnostic. */
export interface HtmlProblem {
  /** `error` for what readers strip or cannot resolve, `warning` for what is merely not HTML. */
  severity: 'error' | 'warning';
  /** `unsafe-content`, `relative-url` or `not-html`. */
  ruleId: 'unsafe-content' | 'relative-url' | 'not-html';
  /** What is wrong and what to do, starting with `what`. */
  message: string;
}

/**
 * Which rules {@link findHtmlProblems} applies. `w3c`: the W3C Feed Validation Service's, as for RSS
 * and Atom (SecurityRisk, SecurityRiskAttr, DangerousStyleAttr: only its acceptable elements,
 * attributes and CSS; NotHtml; ContainsRelRef). `scripts`: only script-like elements (`script`,
 * `iframe`, `object`, `embed`), event handlers and script/data URLs, and relative links, as for JSON
 * Feed, which has no validator of its own to agree with.
 */
export type HtmlRules = 'w3c' | 'scripts';

const SCRIPT_ELEMENTS = /^(?:script|iframe|object|embed)$/i;

/**
 * `unsafe-content` (plus script URLs, also written with character references such as `&#106;avascript:`),
 * `relative-url` for `href`/`src`, and with the `w3c` rules `not-html` (a tag that is not HTML, a stray
 * `<` or a malformed character reference, which the W3C validator's strict html5lib parse rejects).
 * `what` names the carrier in messages (`item 1 <content:encoded>`).
 */
export function findHtmlProblems(html: string, what: string, rules: HtmlRules): HtmlProblem[] {
  const w3c = rules === 'w3c';
  const found: HtmlProblem[] = [];
  const problem = (severity: HtmlProblem['severity'], ruleId: HtmlProblem['ruleId'], message: string) => found.push({ severity, ruleId, message });
  if (w3c && /<\?import /i.test(html)) problem('error', 'unsafe-content', `${what} contains "<?import", which some browsers execute; remove it`);
  for (const tag of scanHtmlTags(html)) {
    const name = tag.name.toLowerCase();
    if (w3c && !HTML_TAGS.has(name)) {
      problem('warning', 'not-html', `${what} contains <${tag.name}>, which is not an HTML element; readers drop it. Use HTML markup only`);
    } else if (w3c ? !ACCEPTABLE_ELEMENTS.has(name) : SCRIPT_ELEMENTS.test(name)) {
      problem('error', 'unsafe-content', `${what} contains <${tag.name}>; feed readers strip it or reject the item. Remove it from the article HTML`);
    }
    for (const [attrName, value] of tag.attrs) {
      const lower = attrName.toLowerCase();
      if (w3c && lower === 'style') {
        if (isUnsafeStyle(value)) problem('error', 'unsafe-content', `${what} has style="${value.slice(0, 60)}" on <${tag.name}>, with properties feed readers strip; remove the style`);
      } else if (/^on/i.test(attrName)) {
        problem('error', 'unsafe-content', `${what} has an event-handler attribute ${attrName} on <${tag.name}>; remove it from the article HTML`);
      } else if (w3c && !ACCEPTABLE_ATTRIBUTES.has(lower) && !lower.startsWith('data-')) {
        problem('error', 'unsafe-content', `${what} has the attribute ${attrName} on <${tag.name}>, which feed readers strip; remove it`);
      } else if (/^(?:href|src)$/i.test(attrName)) {
        if (/^\s*(?:javascript|vbscript|data):/i.test(value)) {
          problem('error', 'unsafe-content', `${what} <${tag.name} ${attrName}="${value.slice(0, 40)}"> uses a script or data URL; link to an https URL instead`);
        } else if (!isAbsoluteUrl(value.trim())) {
          problem('error', 'relative-url', `${what} <${tag.name} ${attrName}="${value}"> is not absolute; feed readers resolve it against their own host. Write an absolute https URL`);
        }
      }
    }
  }
  const malformed = w3c ? findMalformedHtml(html) : undefined;
  if (malformed !== undefined) problem('warning', 'not-html', `${what} is not valid HTML: ${malformed}`);
  return found;
}

/** The first html5lib parse error our generator could cause: a stray `<` or a malformed character reference. */
function findMalformedHtml(html: string): string | undefined {
  const stray = /<(?![A-Za-z/!?])|<\/(?![A-Za-z])/.exec(html);
  if (stray) return `a "<" at "${html.slice(stray.index, stray.index + 12)}" does not start a tag; escape it as "&lt;"`;
  for (const m of html.matchAll(/&(#[xX]?[0-9a-fA-F]*;?|[A-Za-z][A-Za-z0-9]*;?)/g)) {
    const ref = m[1] ?? '';
    if (ref.startsWith('#')) {
      const numeric = /^#(?:([0-9]+)|[xX]([0-9a-fA-F]+));$/.exec(ref);
      const code = numeric ? (numeric[1] !== undefined ? Number(numeric[1]) : parseInt(numeric[2] ?? '', 16)) : NaN;
      if (Number.isNaN(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || (code >= 0x80 && code <= 0x9f)) {
        return `"&${ref}" is not a valid character reference; write e.g. "&#233;" or "&#xE9;"`;
      }
    } else if (ref.endsWith(';') ? !HTML4_ENTITIES.has(ref.slice(0, -1)) && ref !== 'apos;' : HTML4_ENTITIES.has(ref)) {
      return `"&${ref}" is not a complete HTML character reference; escape the "&" as "&amp;"`;
    }
  }
  return undefined;
}

/** W3C `checkStyle`: only plain CSS properties and values survive readers' sanitizers. Linear time (no backtracking regex). */
function isUnsafeStyle(style: string): boolean {
  const stripped = style.replace(/'[\s\w]+'|"[\s\w]+"|\([\d,\s]+\)/g, '');
  if (!/^[:,;#%.\sa-zA-Z0-9!_-]*$/.test(stripped) || /(?<!\w)-|-(?!\w)/.test(stripped)) return true;
  const declarations = style.split(';');
  if (!declarations.every((d, i) => /^\s*[-\w]+\s*:\s*[^:;]*$/.test(d) || (i === declarations.length - 1 && d.trim() === ''))) return true;
  for (const m of style.toLowerCase().matchAll(/([-\w]+)\s*:\s*([^:;]*)/g)) {
    const property = m[1] ?? '';
    if (!ACCEPTABLE_CSS_PROPERTIES.has(property)) return true;
    if (['background', 'border', 'margin', 'padding'].includes(property.split('-')[0] ?? '')) {
      for (const keyword of (m[2] ?? '').split(/\s+/).filter(Boolean)) {
        if (!ACCEPTABLE_CSS_KEYWORDS.has(keyword) && !VALID_CSS_VALUE.test(keyword)) return true;
      }
    }
  }
  return false;
}

const VALID_CSS_VALUE = /^(#[0-9a-f]+|rgb\(\d+%?,\d*%?,?\d*%?\)?|\d?\.?\d?\d(cm|em|ex|in|mm|pc|pt|px|%|,|\))?)$/;


interface HtmlTag {
  name: string;
  attrs: [string, string][];
}

const TAG = /<([A-Za-z][A-Za-z0-9:-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Start tags and their attributes (entity-decoded) in an HTML fragment; enough to find what readers refuse. */
function scanHtmlTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  for (const match of html.matchAll(TAG)) {
    const attrs: [string, string][] = [];
    for (const a of (match[2] ?? '').matchAll(ATTRIBUTE)) attrs.push([a[1] ?? '', decodeHtml(a[2] ?? a[3] ?? a[4] ?? '')]);
    tags.push({ name: match[1] ?? '', attrs });
  }
  return tags;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the character references an attribute value may use, so `&#104;ttp:` is seen as `http:`. */
function decodeHtml(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number(dec) : parseInt(hex ?? '', 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}


/** Every HTML element name the W3C validator knows (HTMLValidator.htmltags): anything else is not HTML. */
export const HTML_TAGS = new Set([
  'a', 'abbr', 'acronym', 'address', 'applet', 'area', 'article', 'aside', 'audio', 'b', 'base', 'basefont',
  'bdi', 'bdo', 'big', 'blockquote', 'body', 'br', 'button', 'canvas', 'caption', 'center', 'cite', 'code',
  'col', 'colgroup', 'command', 'data', 'datagrid', 'datalist', 'dd', 'del', 'details', 'dfn', 'dialog',
  'dir', 'div', 'dl', 'dt', 'em', 'eventsource', 'fieldset', 'figcaption', 'figure', 'font', 'footer',
  'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr', 'html',
  'i', 'iframe', 'img', 'input', 'ins', 'isindex', 'kbd', 'label', 'legend', 'li', 'link', 'm', 'main',
  'mark', 'map', 'menu', 'meta', 'meter', 'nav', 'noframes', 'noscript', 'object', 'ol', 'optgroup',
  'option', 'output', 'p', 'param', 'picture', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp',
  'script', 'section', 'select', 'slot', 'small', 'source', 'span', 'strike', 'strong', 'style', 'sub',
  'summary', 'sup', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'time', 'title',
  'tr', 'track', 'tt', 'u', 'ul', 'var', 'xmp', 'plaintext', 'embed', 'comment', 'listing', 'video', 'wbr'
]);
const ACCEPTABLE_ELEMENTS = new Set([
  'a', 'abbr', 'acronym', 'address', 'area', 'article', 'aside', 'audio', 'b', 'bdi', 'big', 'blockquote',
  'br', 'button', 'canvas', 'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'command', 'data',
  'datagrid', 'datalist', 'dd', 'del', 'details', 'dfn', 'dialog', 'dir', 'div', 'dl', 'dt', 'em',
  'eventsource', 'fieldset', 'figcaption', 'figure', 'footer', 'font', 'form', 'header', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'hgroup', 'hr', 'i', 'img', 'input', 'ins', 'keygen', 'kbd', 'label', 'legend', 'li',
  'm', 'main', 'map', 'mark', 'menu', 'meter', 'multicol', 'nav', 'nextid', 'ol', 'output', 'optgroup',
  'option', 'p', 'picture', 'pre', 'progress', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'select',
  'small', 'sound', 'source', 'spacer', 'span', 'strike', 'strong', 'sub', 'summary', 'sup', 'table',
  'tbody', 'td', 'template', 'textarea', 'time', 'tfoot', 'th', 'thead', 'tr', 'track', 'tt', 'u', 'ul',
  'var', 'video', 'noscript', 'wbr'
]);
const ACCEPTABLE_ATTRIBUTES = new Set([
  'abbr', 'accept', 'accept-charset', 'accesskey', 'action', 'align', 'allow', 'allowfullscreen',
  'allowpaymentrequest', 'alt', 'as', 'autoplay', 'autocapitalize', 'autocomplete', 'autofocus', 'axis',
  'background', 'balance', 'bgcolor', 'bgproperties', 'border', 'bordercolor', 'bordercolordark',
  'bordercolorlight', 'bottompadding', 'cellpadding', 'cellspacing', 'ch', 'challenge', 'char', 'charoff',
  'choff', 'charset', 'checked', 'cite', 'class', 'clear', 'color', 'cols', 'colspan', 'compact',
  'contenteditable', 'coords', 'crossorigin', 'data', 'datafld', 'datapagesize', 'datasrc', 'datetime',
  'decoding', 'default', 'delay', 'dir', 'dirname', 'disabled', 'download', 'draggable', 'dynsrc', 'enctype',
  'end', 'enterkeyhint', 'face', 'for', 'form', 'formenctype', 'frame', 'galleryimg', 'gutter', 'headers',
  'height', 'hidefocus', 'hidden', 'high', 'href', 'hreflang', 'hspace', 'icon', 'id', 'inputmode', 'is',
  'ismap', 'itemid', 'itemprop', 'itemref', 'itemscope', 'itemtype', 'kind', 'keytype', 'label', 'lang',
  'leftspacing', 'loading', 'list', 'longdesc', 'loop', 'loopcount', 'loopend', 'loopstart', 'low', 'lowsrc',
  'max', 'maxlength', 'media', 'method', 'min', 'minlength', 'multiple', 'muted', 'name', 'nohref', 'nonce',
  'noshade', 'nowrap', 'open', 'optimum', 'pattern', 'ping', 'placeholder', 'playsinline', 'point-size',
  'poster', 'preload', 'prompt', 'pqg', 'radiogroup', 'readonly', 'referrerpolicy', 'rel', 'repeat-max',
  'repeat-min', 'replace', 'required', 'rev', 'reversed', 'rightspacing', 'rows', 'rowspan', 'rules',
  'scope', 'selected', 'shape', 'size', 'sizes', 'span', 'spellcheck', 'src', 'srclang', 'srcset', 'start',
  'step', 'summary', 'suppress', 'tabindex', 'target', 'template', 'title', 'toppadding', 'translate',
  'type', 'unselectable', 'usemap', 'urn', 'valign', 'value', 'variable', 'volume', 'vspace', 'vrml',
  'width', 'wrap', 'xml:lang', 'xmlns'
]);
const ACCEPTABLE_CSS_PROPERTIES = new Set([
  'azimuth', 'background', 'background-color', 'border', 'border-bottom', 'border-bottom-color',
  'border-bottom-style', 'border-bottom-width', 'border-collapse', 'border-color', 'border-left',
  'border-left-color', 'border-left-style', 'border-left-width', 'border-right', 'border-right-color',
  'border-right-style', 'border-right-width', 'border-spacing', 'border-style', 'border-top',
  'border-top-color', 'border-top-style', 'border-top-width', 'border-width', 'clear', 'color', 'cursor',
  'direction', 'display', 'elevation', 'float', 'font', 'font-family', 'font-size', 'font-style',
  'font-variant', 'font-weight', 'height', 'letter-spacing', 'line-height', 'list-style-type', 'margin',
  'margin-bottom', 'margin-left', 'margin-right', 'margin-top', 'overflow', 'padding', 'padding-bottom',
  'padding-left', 'padding-right', 'padding-top', 'pause', 'pause-after', 'pause-before', 'pitch',
  'pitch-range', 'richness', 'speak', 'speak-header', 'speak-numeral', 'speak-punctuation', 'speech-rate',
  'stress', 'text-align', 'text-decoration', 'text-indent', 'unicode-bidi', 'vertical-align', 'voice-family',
  'volume', 'white-space', 'width'
]);
const ACCEPTABLE_CSS_KEYWORDS = new Set([
  'aqua', 'auto', 'black', 'block', 'blue', 'bold', 'both', 'bottom', 'brown', 'center', 'collapse',
  'dashed', 'dotted', 'fuchsia', 'gray', 'green', '!important', 'italic', 'left', 'lime', 'maroon', 'medium',
  'none', 'navy', 'normal', 'nowrap', 'olive', 'pointer', 'purple', 'red', 'right', 'solid', 'silver',
  'teal', 'top', 'transparent', 'underline', 'white', 'yellow'
]);
/** The HTML 4 entity names (Python `html.entities.name2codepoint`). */
export const HTML4_ENTITIES = new Set([
  'AElig', 'Aacute', 'Acirc', 'Agrave', 'Alpha', 'Aring', 'Atilde', 'Auml', 'Beta', 'Ccedil', 'Chi',
  'Dagger', 'Delta', 'ETH', 'Eacute', 'Ecirc', 'Egrave', 'Epsilon', 'Eta', 'Euml', 'Gamma', 'Iacute',
  'Icirc', 'Igrave', 'Iota', 'Iuml', 'Kappa', 'Lambda', 'Mu', 'Ntilde', 'Nu', 'OElig', 'Oacute', 'Ocirc',
  'Ograve', 'Omega', 'Omicron', 'Oslash', 'Otilde', 'Ouml', 'Phi', 'Pi', 'Prime', 'Psi', 'Rho', 'Scaron',
  'Sigma', 'THORN', 'Tau', 'Theta', 'Uacute', 'Ucirc', 'Ugrave', 'Upsilon', 'Uuml', 'Xi', 'Yacute', 'Yuml',
  'Zeta', 'aacute', 'acirc', 'acute', 'aelig', 'agrave', 'alefsym', 'alpha', 'amp', 'and', 'ang', 'aring',
  'asymp', 'atilde', 'auml', 'bdquo', 'beta', 'brvbar', 'bull', 'cap', 'ccedil', 'cedil', 'cent', 'chi',
  'circ', 'clubs', 'cong', 'copy', 'crarr', 'cup', 'curren', 'dArr', 'dagger', 'darr', 'deg', 'delta',
  'diams', 'divide', 'eacute', 'ecirc', 'egrave', 'empty', 'emsp', 'ensp', 'epsilon', 'equiv', 'eta', 'eth',
  'euml', 'euro', 'exist', 'fnof', 'forall', 'frac12', 'frac14', 'frac34', 'frasl', 'gamma', 'ge', 'gt',
  'hArr', 'harr', 'hearts', 'hellip', 'iacute', 'icirc', 'iexcl', 'igrave', 'image', 'infin', 'int', 'iota',
  'iquest', 'isin', 'iuml', 'kappa', 'lArr', 'lambda', 'lang', 'laquo', 'larr', 'lceil', 'ldquo', 'le',
  'lfloor', 'lowast', 'loz', 'lrm', 'lsaquo', 'lsquo', 'lt', 'macr', 'mdash', 'micro', 'middot', 'minus',
  'mu', 'nabla', 'nbsp', 'ndash', 'ne', 'ni', 'not', 'notin', 'nsub', 'ntilde', 'nu', 'oacute', 'ocirc',
  'oelig', 'ograve', 'oline', 'omega', 'omicron', 'oplus', 'or', 'ordf', 'ordm', 'oslash', 'otilde',
  'otimes', 'ouml', 'para', 'part', 'permil', 'perp', 'phi', 'pi', 'piv', 'plusmn', 'pound', 'prime', 'prod',
  'prop', 'psi', 'quot', 'rArr', 'radic', 'rang', 'raquo', 'rarr', 'rceil', 'rdquo', 'real', 'reg', 'rfloor',
  'rho', 'rlm', 'rsaquo', 'rsquo', 'sbquo', 'scaron', 'sdot', 'sect', 'shy', 'sigma', 'sigmaf', 'sim',
  'spades', 'sub', 'sube', 'sum', 'sup', 'sup1', 'sup2', 'sup3', 'supe', 'szlig', 'tau', 'there4', 'theta',
  'thetasym', 'thinsp', 'thorn', 'tilde', 'times', 'trade', 'uArr', 'uacute', 'uarr', 'ucirc', 'ugrave',
  'uml', 'upsih', 'upsilon', 'uuml', 'weierp', 'xi', 'yacute', 'yen', 'yuml', 'zeta', 'zwj', 'zwnj'
]);
