/**
 * The standard layer for JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/): the version URL
 * decides the rules; required members, member types, URLs, dates, authors, attachments, hubs, unique item
 * ids and extension names are checked for anyone's feed. Errors for the specification's "must" and
 * "required", warnings for its "should", its deprecations and members it does not define.
 */
import type { Finding } from '../rule.ts';
import type { JsonFeedRuleId } from '../rules/jsonfeed.ts';
import { describeValue, formatPath, has, isObject, quote, type JsonPath } from './ninjs/describe.ts';
import { toDateTimeForm, toW3cDateTimeForm } from './ninjs/syntax/date-time.ts';
import { isLanguageTag } from './ninjs/syntax/language-tag.ts';

/** A JSON Feed version, as its version URL names it. */
export type JsonFeedVersion = '1' | '1.1';

/** Members each version defines at the top level (1.1: authors and language added, author deprecated). */
const FEED_KEYS: Readonly<Record<JsonFeedVersion, ReadonlySet<string>>> = {
  '1': new Set(['version', 'title', 'home_page_url', 'feed_url', 'description', 'user_comment', 'next_url', 'icon', 'favicon', 'author', 'expired', 'hubs', 'items']),
  '1.1': new Set(['version', 'title', 'home_page_url', 'feed_url', 'description', 'user_comment', 'next_url', 'icon', 'favicon', 'authors', 'author', 'language', 'expired', 'hubs', 'items']),
};

/** Members each version defines in an item. */
const ITEM_KEYS: Readonly<Record<JsonFeedVersion, ReadonlySet<string>>> = {
  '1': new Set(['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image', 'date_published', 'date_modified', 'author', 'tags', 'attachments']),
  '1.1': new Set(['id', 'url', 'external_url', 'title', 'content_html', 'content_text', 'summary', 'image', 'banner_image', 'date_published', 'date_modified', 'authors', 'author', 'tags', 'language', 'attachments']),
};

const AUTHOR_KEYS: ReadonlySet<string> = new Set(['name', 'url', 'avatar']);
const ATTACHMENT_KEYS: ReadonlySet<string> = new Set(['url', 'mime_type', 'title', 'size_in_bytes', 'duration_in_seconds']);
const HUB_KEYS: ReadonlySet<string> = new Set(['type', 'url']);

/** Text members: plain strings, no format. */
const TEXT_KEYS = new Set(['title', 'description', 'user_comment', 'summary', 'content_html', 'content_text', 'name', 'mime_type', 'type']);
/** Members whose value is a URL. */
const URL_KEYS = new Set(['home_page_url', 'feed_url', 'next_url', 'icon', 'favicon', 'url', 'external_url', 'image', 'banner_image', 'avatar']);

/** A base no feed uses, to tell a relative URL (which parses against it) from no URL at all. */
const PROBE_BASE = 'https://base.invalid/';

/** One feed's check: its version and what was found. */
interface Check {
  readonly version: JsonFeedVersion;
  readonly findings: Finding<JsonFeedRuleId>[];
}

/** Checks a parsed JSON value as a JSON Feed of the version its `version` URL names (1.1 rules when none). */
export function checkJsonFeed(value: unknown): { version: JsonFeedVersion | undefined; findings: Finding<JsonFeedRuleId>[] } {
  const findings: Finding<JsonFeedRuleId>[] = [];
  if (!isObject(value)) {
    findings.push({ rule: 'not-object', message: `the feed is ${describeValue(value)}; a JSON Feed is one JSON object with "version", "title" and "items"`, at: { path: [] } });
    return { version: undefined, findings };
  }
  const declared = readVersion(value, findings);
  const check: Check = { version: declared ?? '1.1', findings };
  checkFeed(value, check);
  return { version: declared, findings };
}

/** The version the feed's `version` URL names (JSON Feed 1.1 §Top-level: "the URL of the version of the format the feed uses"). */
function readVersion(feed: Record<string, unknown>, findings: Finding<JsonFeedRuleId>[]): JsonFeedVersion | undefined {
  if (!has(feed, 'version')) {
    findings.push({ rule: 'missing-required', message: 'the feed has no "version"; start it with "version": "https://jsonfeed.org/version/1.1"', at: { path: [] } });
    return undefined;
  }
  const version = feed['version'];
  if (typeof version !== 'string') {
    findings.push({ rule: 'property-type', message: `"version" is ${describeValue(version)}; write the version URL as a string, "https://jsonfeed.org/version/1.1"`, at: { path: ['version'] } });
    return undefined;
  }
  const match = /^(https?):\/\/(?:www\.)?jsonfeed\.org\/version\/(1|1\.1)(\/?)$/.exec(version);
  if (match === null) {
    findings.push({ rule: 'unknown-version', message: `"version" ${quote(version)} is not a JSON Feed version URL; write "https://jsonfeed.org/version/1.1" (or ".../version/1" for a 1.0 feed) — checked as JSON Feed 1.1`, at: { path: ['version'] } });
    return undefined;
  }
  const named = match[2] as JsonFeedVersion;
  const canonical = `https://jsonfeed.org/version/${named}`;
  if (version !== canonical) {
    findings.push({ rule: 'version-url-form', message: `"version" ${quote(version)} is not spelled as readers compare it; write exactly "${canonical}"`, at: { path: ['version'] } });
  }
  return named;
}

function checkFeed(feed: Record<string, unknown>, check: Check): void {
  const known = FEED_KEYS[check.version];
  for (const key of Object.keys(feed)) {
    const at = [key];
    const value = feed[key];
    if (key.startsWith('_')) {
      checkExtension(key, value, at, check);
      continue;
    }
    if (!known.has(key)) {
      unknownKey(key, at, FEED_KEYS[other(check.version)].has(key) ? `it is a JSON Feed ${other(check.version)} member` : undefined, check);
      continue;
    }
    if (key === 'version' || key === 'items') continue;
    if (key === 'expired') {
      if (typeof value !== 'boolean') wrongType(value, 'true or false', at, check);
    } else if (key === 'language') checkLanguage(value, at, check);
    else if (key === 'author') checkAuthorMember(feed, value, at, check);
    else if (key === 'authors') checkAuthors(value, at, check);
    else if (key === 'hubs') checkHubs(value, at, check);
    else checkMember(key, value, at, check);
  }
  if (!has(feed, 'title')) add(check, 'missing-required', 'the feed has no "title"; give the name of the feed (usually the site’s name)', []);
  for (const key of ['home_page_url', 'feed_url']) {
    if (!has(feed, key)) add(check, 'missing-recommended', `the feed has no "${key}"; JSON Feed says a feed on the public web should treat it as required`, []);
  }
  const next = feed['next_url'];
  if (typeof next === 'string' && next === feed['feed_url']) {
    add(check, 'next-url-loop', `"next_url" is the feed's own "feed_url" ${quote(next)}; point it at the next page of items, or remove it`, ['next_url']);
  }
  if (!has(feed, 'items')) {
    add(check, 'missing-required', 'the feed has no "items"; write "items": [] when there are none', []);
    return;
  }
  const items = feed['items'];
  if (!Array.isArray(items)) return wrongType(items, 'an array of items', ['items'], check);
  const seen = new Map<string, number>();
  items.forEach((item: unknown, index) => checkItem(item, ['items', index], seen, check));
}

function checkItem(item: unknown, at: JsonPath, seen: Map<string, number>, check: Check): void {
  if (!isObject(item)) return wrongType(item, 'an object (an item)', at, check);
  const known = ITEM_KEYS[check.version];
  for (const key of Object.keys(item)) {
    const child = [...at, key];
    const value = item[key];
    if (key.startsWith('_')) {
      checkExtension(key, value, child, check);
      continue;
    }
    if (!known.has(key)) {
      unknownKey(key, child, ITEM_KEYS[other(check.version)].has(key) ? `it is a JSON Feed ${other(check.version)} member` : undefined, check);
      continue;
    }
    if (key === 'id') checkId(value, child, seen, check);
    else if (key === 'date_published' || key === 'date_modified') checkDate(value, child, check);
    else if (key === 'tags') checkTags(value, child, check);
    else if (key === 'language') checkLanguage(value, child, check);
    else if (key === 'author') checkAuthorMember(item, value, child, check);
    else if (key === 'authors') checkAuthors(value, child, check);
    else if (key === 'attachments') checkAttachments(value, child, check);
    else checkMember(key, value, child, check);
  }
  const where = formatPath(at);
  // JSON Feed §Suggestions for feed readers: "any item without an id must be discarded".
  if (!has(item, 'id')) add(check, 'missing-required', `${where} has no "id"; readers discard an item without one — give it a stable, unique id (ideally its permalink)`, at);
  if (!has(item, 'content_html') && !has(item, 'content_text')) {
    add(check, 'missing-content', `${where} has neither "content_html" nor "content_text"; one or both must be present`, at);
  }
  if (!has(item, 'url')) add(check, 'missing-recommended', `${where} has no "url"; give the item's permalink (it should be present even when the id is that URL)`, at);
}

/** JSON Feed §Items: id is a unique string; a number is coerced, a blank one discards the item. */
function checkId(value: unknown, at: JsonPath, seen: Map<string, number>, check: Check): void {
  let id: string;
  if (typeof value === 'number' && Number.isFinite(value)) {
    add(check, 'id-not-string', `${formatPath(at)} is the number ${value}; write ids as strings ("${value}") — readers coerce numbers, but the specification says string`, at);
    id = String(value);
  } else if (typeof value === 'string') {
    if (value.trim() === '') {
      add(check, 'blank-id', `${formatPath(at)} is ${value === '' ? 'empty' : 'blank'}; readers discard such an item — give it a stable, unique id`, at);
      return;
    }
    id = value;
  } else {
    wrongType(value, 'a string', at, check);
    return;
  }
  const index = at[1] as number;
  const first = seen.get(id);
  if (first === undefined) seen.set(id, index);
  else add(check, 'duplicate-id', `${formatPath(at)} ${quote(id)} repeats items[${first}].id; every item needs its own id, unchanged over time`, at);
}

/** Dates: RFC 3339 in 1.1, ISO 8601 as W3C-DTF in 1.0 ("specifies the date in ... format"). */
function checkDate(value: unknown, at: JsonPath, check: Check): void {
  if (typeof value !== 'string') return wrongType(value, 'a string', at, check);
  const form = check.version === '1.1' ? toDateTimeForm(value) : toW3cDateTimeForm(value);
  const standard = check.version === '1.1' ? 'an RFC 3339 date-time' : 'an ISO 8601 (W3C-DTF) date';
  if (form === 'invalid') add(check, 'invalid-date', `${formatPath(at)} ${quote(value)} is not ${standard}; write e.g. "2024-09-04T21:03:00+08:00"`, at);
  else if (form === 'lenient') add(check, 'date-form', `${formatPath(at)} ${quote(value)} is not in RFC 3339 form; write "T" between date and time and the offset as ±hh:mm, e.g. "2024-09-04T21:03:00+08:00"`, at);
}

function checkTags(value: unknown, at: JsonPath, check: Check): void {
  if (!Array.isArray(value)) return wrongType(value, 'an array of strings', at, check);
  value.forEach((tag: unknown, index) => {
    if (typeof tag !== 'string') wrongType(tag, 'a string', [...at, index], check);
  });
}

function checkLanguage(value: unknown, at: JsonPath, check: Check): void {
  if (typeof value !== 'string') return wrongType(value, 'a string', at, check);
  if (!isLanguageTag(value)) add(check, 'language-tag', `${formatPath(at)} ${quote(value)} is not an RFC 5646 language tag; write e.g. "en" or "en-US" (hyphens, not underscores)`, at);
}

/** The singular `author`: JSON Feed 1.0's member, deprecated by 1.1 in favour of `authors`. */
function checkAuthorMember(owner: Record<string, unknown>, value: unknown, at: JsonPath, check: Check): void {
  checkAuthor(value, at, check);
  // JSON Feed 1.1 §Deprecations: feeds may keep "author" beside "authors" for older readers; alone it is deprecated.
  if (check.version === '1.1' && !has(owner, 'authors')) {
    const whose = at.length === 1 ? 'the feed' : formatPath(at.slice(0, -1));
    add(check, 'deprecated-author', `${whose} gives its author in "author", deprecated in JSON Feed 1.1; write "authors": [ … ] (you may keep "author" beside it for older readers)`, at);
  }
}

function checkAuthors(value: unknown, at: JsonPath, check: Check): void {
  if (!Array.isArray(value)) return wrongType(value, 'an array of author objects', at, check);
  value.forEach((author: unknown, index) => checkAuthor(author, [...at, index], check));
}

/** An author object: name, url, avatar, all optional but at least one present. */
function checkAuthor(value: unknown, at: JsonPath, check: Check): void {
  if (!isObject(value)) return wrongType(value, 'an object with "name", "url" or "avatar"', at, check);
  checkMembers(value, AUTHOR_KEYS, 'an author', at, check);
  if (![...AUTHOR_KEYS].some((key) => has(value, key))) {
    add(check, 'empty-author', `${formatPath(at)} has none of "name", "url" and "avatar"; an author object needs at least one — fill it in or remove it`, at);
  }
}

function checkAttachments(value: unknown, at: JsonPath, check: Check): void {
  if (!Array.isArray(value)) return wrongType(value, 'an array of attachment objects', at, check);
  value.forEach((attachment: unknown, index) => {
    const child = [...at, index];
    if (!isObject(attachment)) return wrongType(attachment, 'an object (an attachment)', child, check);
    checkMembers(attachment, ATTACHMENT_KEYS, 'an attachment', child, check);
    for (const key of ['url', 'mime_type']) {
      if (!has(attachment, key)) add(check, 'missing-required', `${formatPath(child)} has no "${key}"; an attachment requires "url" and "mime_type"`, child);
    }
  });
}

function checkHubs(value: unknown, at: JsonPath, check: Check): void {
  if (!Array.isArray(value)) return wrongType(value, 'an array of hub objects', at, check);
  value.forEach((hub: unknown, index) => {
    const child = [...at, index];
    if (!isObject(hub)) return wrongType(hub, 'an object with "type" and "url"', child, check);
    checkMembers(hub, HUB_KEYS, 'a hub', child, check);
    for (const key of ['type', 'url']) {
      if (!has(hub, key)) add(check, 'missing-required', `${formatPath(child)} has no "${key}"; a hub requires both "type" (e.g. "WebSub") and "url"`, child);
    }
  });
}

/** The members of an author, attachment or hub: the defined ones checked, extensions, the rest unknown. */
function checkMembers(value: Record<string, unknown>, known: ReadonlySet<string>, what: string, at: JsonPath, check: Check): void {
  for (const key of Object.keys(value)) {
    const child = [...at, key];
    if (key.startsWith('_')) checkExtension(key, value[key], child, check);
    else if (!known.has(key)) unknownKey(key, child, `${what} has ${[...known].map((k) => `"${k}"`).join(', ')}`, check);
    else checkMember(key, value[key], child, check);
  }
}

/** A member with a plain type: text, URL or number. */
function checkMember(key: string, value: unknown, at: JsonPath, check: Check): void {
  if (URL_KEYS.has(key)) return checkUrl(value, at, check);
  if (TEXT_KEYS.has(key)) {
    if (typeof value !== 'string') return wrongType(value, 'a string', at, check);
    if (key === 'mime_type' && !isMediaType(value)) {
      add(check, 'mime-type-form', `${formatPath(at)} ${quote(value)} is not a media type; write type/subtype, e.g. "audio/mpeg"`, at);
    }
    return;
  }
  if (key === 'size_in_bytes' || key === 'duration_in_seconds') {
    if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType(value, 'a number', at, check);
    if (value < 0) add(check, 'negative-number', `${formatPath(at)} is ${value}; a size or a duration cannot be negative`, at);
  }
}

/** A URL: absolute as readers need it; relative is a warning, unparseable an error (WHATWG URL parsing, as readers do). */
function checkUrl(value: unknown, at: JsonPath, check: Check): void {
  if (typeof value !== 'string') return wrongType(value, 'a URL string', at, check);
  if (URL.canParse(value)) return;
  if (value.trim() !== '' && URL.canParse(value, PROBE_BASE)) {
    add(check, 'relative-url', `${formatPath(at)} ${quote(value)} is relative; JSON Feed gives readers no base URL, so write the absolute URL (https://…)`, at);
    return;
  }
  add(check, 'invalid-url', `${formatPath(at)} ${quote(value)} is not a URL; write an absolute URL such as "https://example.org/…"`, at);
}

/**
 * JSON Feed §Extensions: a custom object's name is "_" followed by a letter, without "."; its member keys
 * contain no "." and do not start with "_". What the extension holds is the publisher's.
 */
function checkExtension(key: string, value: unknown, at: JsonPath, check: Check): void {
  if (!/^_\p{L}/u.test(key) || key.includes('.')) {
    add(check, 'extension-name', `${quote(key)} is not a valid extension name; name extensions "_" followed by a letter, without "." (e.g. "_blue_shed")`, at);
  }
  if (!isObject(value)) return;
  for (const member of Object.keys(value)) {
    if (member.includes('.') || member.startsWith('_')) {
      add(check, 'extension-member-key', `${quote(member)} in the extension ${quote(key)} ${member.startsWith('_') ? 'starts with "_", which only the extension name may' : 'contains "."'}; rename the member`, [...at, member]);
    }
  }
}

function unknownKey(key: string, at: JsonPath, hint: string | undefined, check: Check): void {
  const place = at.length === 1 ? 'at the top level' : `in ${formatPath(at.slice(0, -1))}`;
  const note = hint === undefined ? '' : ` (${hint})`;
  add(check, 'unknown-key', `${quote(key)} is not a JSON Feed ${check.version} member ${place}${note}; readers ignore it — name custom data as an extension ("_" and a letter, e.g. "_${key.replace(/^[^\p{L}]+/u, '') || 'custom'}")`, at);
}

/** RFC 6838 §4.2: type "/" subtype, each a restricted name (letters, digits, !#$&-^_.+). */
function isMediaType(text: string): boolean {
  const base = text.split(';')[0]?.trim() ?? '';
  const slash = base.indexOf('/');
  return slash > 0 && isRestrictedName(base.slice(0, slash)) && isRestrictedName(base.slice(slash + 1));
}

function isRestrictedName(name: string): boolean {
  return name.length > 0 && name.length <= 127 && /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*$/.test(name);
}

function wrongType(value: unknown, expected: string, at: JsonPath, check: Check): void {
  add(check, 'property-type', `${formatPath(at)} is ${describeValue(value)}; JSON Feed ${check.version} wants ${expected} there`, at);
}

function add(check: Check, rule: JsonFeedRuleId, message: string, at: JsonPath): void {
  check.findings.push({ rule, message, at: { path: [...at] } });
}

function other(version: JsonFeedVersion): JsonFeedVersion {
  return version === '1' ? '1.1' : '1';
}
