import MarkdownIt, { type StateInline, type Token } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { normalizeUri } from 'micromark-util-sanitize-uri';

/**
 * The Markdown a newsroom writes: CommonMark (markdown-it's `commonmark` preset) plus the GitHub
 * Flavored Markdown extensions tables, strikethrough (`~~x~~`), autolinked bare URLs and footnotes
 * (markdown-it-footnote). Typographer (smart quotes, `--` → dash) stays off: text fidelity.
 *
 * Nothing is rendered by markdown-it: `tree.ts` reads its tokens. So raw HTML is parsed (`html: true`)
 * only to be reported and dropped there, and every link is kept (`validateLink` accepts all) so that
 * `police.ts` can report a script URL and keep the link text, as before.
 */
const md = new MarkdownIt('commonmark', {
  html: true,
  linkify: true,
  typographer: false,
  // markdown-it's guard against deep recursion: blocks nested deeper are dropped, inline syntax deeper is
  // read as text. The commonmark preset's 20 would drop a quote in a list in a quote… well before it
  // matters for the stack; 1,000 levels are read (and stay well inside it, see the tests).
  maxNesting: 1000,
}).enable(['table', 'strikethrough', 'linkify']);

md.use(footnote);
// `^[inline note]` is markdown-it-footnote's own syntax, not GitHub's; "^[" stays text.
md.inline.ruler.disable('footnote_inline');

/*
 * Destinations are percent-encoded as micromark did (CommonMark's reference behaviour, and what gave
 * today's hrefs), then made absolute by the WHATWG URL parser in police.ts. markdown-it's default
 * also rewrites `%zz` to `%25zz` and converts hosts with punycode.js, which maps no case (an upper-case
 * IDN would get another host than the URL parser gives it).
 */
md.normalizeLink = normalizeUri;
// Link text is what the editor wrote (markdown-it's default decodes `%C3%BC` and punycode in it).
md.normalizeLinkText = (url) => url;
md.validateLink = () => true;

// Bare URLs: http(s):// and www. only, as on GitHub; no e-mail, mailto:, ftp: or protocol-relative
// `//host` links, which our feed rules treat as relative or unsupported. Fuzzy links are on for
// "www.", and tree.ts leaves the other fuzzy ones ("example.com") as text.
md.linkify.set({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false }).add('mailto:', null).add('ftp:', null).add('//', null);
// linkify-it's own test also looks for bare domains ("example.com"), which stay text anyway; text
// without a scheme or "www." skips it (half of markdown-it's parsing time on wire-like paragraphs).
const testLinks = md.linkify.test.bind(md.linkify);
md.linkify.test = (text: string) => /https?:\/\/|www\./i.test(text) && testLinks(text);

/** Where an inline token started in its block's inline source (its `content`), when markdown-it pushed it. */
const starts = new WeakMap<Token, number>();

/** Per inline state: the raw-HTML special tried last, and per terminator the first `<` after which it is missing. */
interface SpecialMemo {
  tried: { terminator: string; pos: number } | undefined;
  missingAfter: Map<string, number>;
}
const specialMemos = new WeakMap<StateInline, SpecialMemo>();

/*
 * markdown-it sets `skipHtmlSpecial` when one special's terminator is missing (an unclosed `<!--`), and
 * from then on reads every `<?…?>`, `<![CDATA[…]]>`, `<!DECL>` and even a closed `<!---->` of the
 * paragraph as text, also before that point when a link label is scanned again: a CommonMark deviation
 * (remark reported and removed them). This rule runs just before `html_inline` at every `<!` and `<?`
 * and sets the flag from a memo per terminator and position instead, which still spares the rescans (a
 * terminator missing after one `<` is missing after any later one). It learns what is missing from the
 * flag itself: only a failed search for the special tried last can have set it.
 */
md.inline.ruler.before('html_inline', 'html_inline_special_memo', (state) => {
  const pos = state.pos;
  const next = state.src.charCodeAt(pos + 1);
  // Only at `<!` and `<?`.
  if (state.src.charCodeAt(pos) !== 0x3c || (next !== 0x21 && next !== 0x3f)) return false;
  let memo = specialMemos.get(state);
  if (memo === undefined) specialMemos.set(state, (memo = { tried: undefined, missingAfter: new Map() }));
  if (state.skipHtmlSpecial && memo.tried !== undefined) {
    const { terminator, pos: after } = memo.tried;
    memo.missingAfter.set(terminator, Math.min(after, memo.missingAfter.get(terminator) ?? Infinity));
  }
  const terminator = toSpecialTerminator(state.src, pos);
  state.skipHtmlSpecial = pos >= (memo.missingAfter.get(terminator) ?? Infinity);
  memo.tried = { terminator, pos };
  return false;
});

/** Inline token types whose line a diagnostic may need. */
const LOCATED = new Set(['link_open', 'image', 'html_inline']);

/*
 * markdown-it's inline tokens carry no position, and diagnostics need the line of a link, image or raw
 * HTML tag inside a paragraph of several lines. Every rule pushes such a token while `state.pos` is still
 * on its first character (`!`, `<`) or just after it (`[`, whose label starts there): recording `pos` at
 * `push` gives the offset, and the newlines before it in the inline source give the line.
 */
md.inline.State = class LocatedStateInline extends md.inline.State {
  override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
    const token = super.push(type, tag, nesting);
    if (LOCATED.has(type)) starts.set(token, this.pos);
    return token;
  }
};

/** The terminator markdown-it looks for after the raw-HTML special at `pos` (see html_inline_special_memo). */
function toSpecialTerminator(src: string, pos: number): string {
  if (src.startsWith('<!--', pos)) return '-->';
  if (src.startsWith('<![CDATA[', pos)) return ']]>';
  return src.charCodeAt(pos + 1) === 0x3f /* ? */ ? '?>' : '>';
}

/** The offset where markdown-it pushed an inline token (see above), or undefined for tokens built otherwise (core linkify). */
export function toInlineStart(token: Token): number | undefined {
  return starts.get(token);
}

/** Decodes backslash escapes and character references (markdown-it's own, as for link destinations). */
export const unescapeAll: (text: string) => string = md.utils.unescapeAll;

/** Markdown → markdown-it's block tokens (inline tokens as their `children`). */
export function parseMarkdown(markdown: string): Token[] {
  return md.parse(markdown, {});
}
