/**
 * HTML carried as text in syndicate's feeds (RSS `description`/`content:encoded`, Atom `type="html"`,
 * JSON Feed `content_html`): what feed readers refuse or cannot resolve, read with htmlparser2's tokenizer
 * (attribute values arrive with their character references decoded, so `&#106;avascript:` is seen as
 * `javascript:`). syndicate promises none of it in its own output; other producers' feeds are judged by
 * the standard layer's rules.
 */
import { Parser } from 'htmlparser2';

/** What {@link findContentProblems} can find. */
export type ContentProblem = { rule: 'unsafe-content' | 'relative-url'; message: string };

/** Elements that run code or embed another document: readers strip them (W3C feedvalidator SecurityRisk). */
const SCRIPT_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'base', 'meta', 'link', 'style']);

/** True for `http://host…` / `https://host…`: what readers resolve without a base URL. */
export function isAbsoluteHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+\S*$/i.test(value);
}

/**
 * Script-like elements, event-handler attributes and script/data URLs (`unsafe-content`), and relative
 * `href`/`src` (`relative-url`) in an HTML fragment; `what` names the carrier in messages
 * (`item 1 <content:encoded>`).
 */
export function findContentProblems(html: string, what: string): ContentProblem[] {
  const found: ContentProblem[] = [];
  let tag = '';
  const parser = new Parser(
    {
      onopentagname(name) {
        tag = name;
        if (SCRIPT_ELEMENTS.has(name)) found.push({ rule: 'unsafe-content', message: `${what} contains <${name}>; feed readers strip it or reject the item. Remove it from the article HTML` });
      },
      onattribute(name, value) {
        if (name.startsWith('on')) {
          found.push({ rule: 'unsafe-content', message: `${what} has an event-handler attribute ${name} on <${tag}>; remove it from the article HTML` });
        } else if (name === 'href' || name === 'src') {
          // Browsers drop whitespace and control characters in a URL's scheme (WHATWG URL §4.4 "scheme state").
          const scheme = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (/^(?:javascript|vbscript|data):/.test(scheme)) {
            found.push({ rule: 'unsafe-content', message: `${what} <${tag} ${name}="${value.slice(0, 40)}"> uses a script or data URL; link to an https URL instead` });
          } else if (!isAbsoluteHttpUrl(value.trim())) {
            found.push({ rule: 'relative-url', message: `${what} <${tag} ${name}="${value}"> is not absolute; feed readers resolve it against their own host. Write an absolute https URL` });
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return found;
}
