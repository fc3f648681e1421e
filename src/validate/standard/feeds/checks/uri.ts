/** Reporting URI problems with the rule each kind of problem belongs to. */
import type { FeedRuleId } from '../../../rules/feeds.ts';
import type { XmlElement } from '../../../xml/tree.ts';
import type { FeedContext, Where } from '../kind.ts';
import { quote, reportAt } from '../report.ts';
import { checkUri, type UriOptions } from '../values/uri.ts';

/**
 * Checks `value` as a URI and reports what is wrong with it at `element`: `syntaxRule` for a reference of
 * the wrong form (relative where it must be absolute: `relative-uri`; an http URL without a host), the
 * dedicated rules for tag:, urn: and bad characters. `what` names the value in messages. True when the
 * value is acceptable and its scheme registered.
 */
export function reportUri(context: FeedContext, element: XmlElement, value: string, options: UriOptions, syntaxRule: FeedRuleId, what: string, where: Where): boolean {
  const verdict = checkUri(value, options);
  const shown = quote(value);
  switch (verdict.problem) {
    case undefined:
      return true;
    case 'tag':
      reportAt(context, 'invalid-tag-uri', element, `${what} ${shown} is not a tag: URI; write tag:authority,date:specific, e.g. "tag:example.com,2005:post-1" (RFC 4151), with a lower-case domain name or e-mail address`, where);
      return false;
    case 'urn':
      reportAt(context, 'invalid-urn', element, `${what} ${shown} is not a URN; write urn:namespace-id:string (RFC 8141), escaping other characters with %xx`, where);
      return false;
    case 'uuid':
      reportAt(context, 'invalid-urn', element, `${what} ${shown} is not a urn:uuid: identifier; the UUID is 8-4-4-4-12 hexadecimal digits (RFC 4122)`, where);
      return false;
    case 'char':
      reportAt(context, 'invalid-uri', element, `${what} ${shown} contains ${JSON.stringify(verdict.char)}, which a URI may not contain; percent-encode it (a space is %20)`, where);
      return false;
    case 'not-ascii':
      reportAt(context, 'invalid-uri', element, `${what} ${shown} contains non-ASCII characters, which a URI may not contain; percent-encode them as UTF-8 (%C3%A9 for é) and the host as punycode`, where);
      return false;
    case 'syntax':
      reportAt(context, syntaxRule, element, syntaxMessage(syntaxRule, what, shown, options), where);
      return false;
    case 'unregistered-scheme':
      reportAt(context, 'unregistered-uri-scheme', element, `${what} ${shown} uses the scheme "${verdict.scheme}", which IANA has not registered; readers may not know what to do with it`, where);
      return false;
  }
}

function syntaxMessage(rule: FeedRuleId, what: string, shown: string, options: UriOptions): string {
  if (rule === 'invalid-guid') return `${what} ${shown} is not an absolute URL, yet a guid is a permalink unless it says isPermaLink="false"; write the item's full address, or add isPermaLink="false"`;
  if (rule === 'relative-uri' || options.absolute) return `${what} ${shown} is not an absolute URI; write the full address with its scheme and host, e.g. "https://example.com/page"`;
  return `${what} ${shown} is not a valid URI; an http or ftp address needs "//" and a host, e.g. "https://example.com/page"`;
}
