/** Value checks on an element's text, reporting at its end tag as the W3C validator does. */
import type { FeedRuleId } from '../../../rules/feeds.ts';
import type { Visit } from '../kind.ts';
import { named, quote, report } from '../report.ts';
import { checkIsoDate, checkRfc822, isImplausible, type IsoProfile } from '../values/dates.ts';
import { addressOf, isAddrSpec } from '../values/email.ts';
import { isLanguageCode } from '../values/language.ts';
import { isMediaType } from '../values/mime.ts';
import { parseInteger } from '../values/numbers.ts';
import type { UriOptions } from '../values/uri.ts';
import { checkPlainText } from './html.ts';
import { reportUri } from './uri.ts';

/** An RSS date: RFC 822 §5 (RSS 2.0 "pubDate"), as RFC 2822 §3.3 writes it. */
export function checkRfc822Date(visit: Visit): void {
  const value = visit.value;
  const verdict = checkRfc822(value);
  switch (verdict.kind) {
    case 'invalid':
      report(visit, 'invalid-rfc822-date', `${named(visit)} ${quote(value)} is not an RFC 822 date; write e.g. "Sat, 07 Sep 2002 09:42:31 GMT"`, 'end');
      break;
    case 'impossible':
      report(visit, 'invalid-rfc822-date', `${named(visit)} ${quote(value)} is not a real date (${verdict.reason}); correct the day`, 'end');
      break;
    case 'wrong-weekday':
      report(visit, 'invalid-rfc822-date', `${named(visit)} ${quote(value)} names the wrong day of the week (that date is a ${verdict.expected}); correct or drop the day name`, 'end');
      break;
    case 'problematic':
      report(visit, 'problematic-rfc822-date', `${named(visit)} ${quote(value)} is an old RFC 822 form some readers misread; write a 4-digit year, single spaces and a numeric zone or GMT, e.g. "Sat, 07 Sep 2002 09:42:31 GMT"`, 'end');
      break;
    case 'valid':
      if (isImplausible(verdict.time, visit.context.now)) reportImplausible(visit);
      break;
  }
}

function reportImplausible(visit: Visit): void {
  report(visit, 'implausible-date', `${named(visit)} ${quote(visit.value)} is before 1990 or in the future; check the date and its time zone`, 'end');
}

const ISO_RULES: Readonly<Record<IsoProfile, FeedRuleId>> = { rfc3339: 'invalid-rfc3339-date', w3cdtf: 'invalid-w3cdtf-date', iso8601: 'invalid-w3cdtf-date' };
const ISO_EXAMPLES: Readonly<Record<IsoProfile, string>> = {
  rfc3339: 'an RFC 3339 date-time; write e.g. "2003-12-13T18:30:02Z" or "2003-12-13T18:30:02+01:00" (upper-case T and Z, seconds, a zone)',
  w3cdtf: 'a W3C-DTF date; write e.g. "2003-12-13" or "2003-12-13T18:30:02Z" (a time needs a zone)',
  iso8601: 'an ISO 8601 date; write e.g. "2003-12-13" or "2003-12-13T18:30:02Z"',
};

/** An ISO 8601 date of `profile`; `bounded` adds the plausibility warning. */
export function checkIsoDateValue(visit: Visit, profile: IsoProfile, bounded = true, value: string = visit.value): void {
  const verdict = checkIsoDate(value, profile);
  if (!verdict.valid) {
    const reason = verdict.reason !== undefined ? ` (${verdict.reason})` : '';
    report(visit, ISO_RULES[profile], `${named(visit)} ${quote(value)} is not ${ISO_EXAMPLES[profile]}${reason}`, 'end');
  } else if (bounded && isImplausible(verdict.time, visit.context.now)) {
    reportImplausible(visit);
  }
}

/** A URI in the element's text. */
export function checkUriValue(visit: Visit, options: UriOptions, syntaxRule: FeedRuleId = options.absolute ? 'relative-uri' : 'invalid-uri', value: string = visit.value): boolean {
  return reportUri(visit.context, visit.element, value, options, syntaxRule, named(visit), 'end');
}

/** An addr-spec (RFC 2822 §3.4.1: Atom <email>, itunes:email). */
export function checkAddrSpec(visit: Visit, value: string = visit.value): void {
  if (!isAddrSpec(value)) report(visit, 'invalid-email', `${named(visit)} ${quote(value)} is not an e-mail address; write local@domain, e.g. "jane@example.com"`, 'end');
}

/**
 * An RSS e-mail element (managingEditor, webMaster, author): an address, ideally "address (Real Name)"
 * (RSS 2.0; RSS Profile §data types: email). Without the name, the RSS Profile's warnings.
 */
export function checkRssEmail(visit: Visit): void {
  let value = visit.value;
  if (value.startsWith('mailto:')) {
    try {
      value = decodeURIComponent(value.slice(7));
    } catch {
      value = value.slice(7);
    }
  }
  if (value.indexOf('@') > 0 && !value.endsWith(')')) {
    const message =
      value.indexOf(' ') > 0
        ? `${named(visit)} ${quote(value)} is not in the form the RSS Profile recommends; write "address (Real Name)", e.g. "jane@example.com (Jane Doe)"`
        : `${named(visit)} ${quote(value)} has no real name; the RSS Profile recommends "address (Real Name)", e.g. "jane@example.com (Jane Doe)"`;
    report(visit, 'email-format', message, 'end');
    return;
  }
  checkPlainText(visit);
  const address = addressOf(value);
  if (!isAddrSpec(address)) report(visit, 'invalid-email', `${named(visit)} ${quote(visit.value)} does not start with an e-mail address; write "address (Real Name)", e.g. "jane@example.com (Jane Doe)"`, 'end');
}

/** A language code (RSS <language>, dc:language). */
export function checkLanguageValue(visit: Visit, value: string = visit.value): void {
  if (!isLanguageCode(value)) report(visit, 'invalid-language', `${named(visit)} ${quote(value)} is not a language code; use an ISO 639 code such as "en" or "en-us"`, 'end');
}

/** An integer greater than zero (RSS <ttl>, sy:updateFrequency). */
export function checkPositiveInteger(visit: Visit, value: string = visit.value): void {
  const n = parseInteger(value);
  if (n === undefined || n <= 0) report(visit, 'invalid-integer', `${named(visit)} ${quote(value)} is not a positive integer; write a whole number such as 60`, 'end');
}

/** An integer of zero or more (slash:comments, thr:total). */
export function checkNonNegativeInteger(visit: Visit, value: string = visit.value): void {
  const n = parseInteger(value);
  if (n === undefined || n < 0) report(visit, 'invalid-integer', `${named(visit)} ${quote(value)} is not a whole number of zero or more`, 'end');
}

/** Any integer, or nothing (opensearch:startIndex). */
export function checkInteger(visit: Visit, value: string = visit.value): void {
  if (value !== '' && parseInteger(value) === undefined) report(visit, 'invalid-integer', `${named(visit)} ${quote(value)} is not an integer`, 'end');
}

/** A media type in the element's text. */
export function checkMediaTypeValue(visit: Visit, value: string = visit.value): void {
  if (!isMediaType(value)) report(visit, 'invalid-mime-type', `${named(visit)} ${quote(value)} is not a media type; write type/subtype, e.g. "text/html"`, 'end');
}
