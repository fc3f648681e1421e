import { z } from 'zod';
import type { SiteConfig } from '../config.ts';
import type { Diagnostic, Severity } from '../diagnostics.ts';
import { JSON_FEED_VERSION, toJsonFeedUrl } from '../emit/jsonfeed.ts';
import { AbsoluteUrlSchema, OffsetDateTimeSchema } from '../model/article.ts';
import type { Validator } from '../model/output.ts';
import { findHtmlProblems, isAbsoluteUrl } from './html.ts';
import {
  GUID,
  LANGUAGE_TAG,
  LOCAL_DATE,
  TextSchema,
  checkJson,
  describeIssue,
  describeUnknownKeys,
  fileReporter,
  formatPath,
  isRecord,
  lookUp,
  pathKey,
  positionFinder,
  schemaIssues,
  walk,
  type IssueWording,
  type PathSegment,
} from './json.ts';
import { factsFromJson, rememberFacts } from './facts.ts';

const SOURCE = 'validate:jsonfeed';

const LanguageSchema = z.string().regex(LANGUAGE_TAG, 'a BCP 47 language tag with hyphens, e.g. "en" or "zh-CN"');

/** JSON Feed 1.1 "authors" entry as `emitJsonFeed` writes it: a name, plus a page when known. */
const AuthorSchema = z.strictObject({
  /** The author's name. */
  name: TextSchema,
  /** The author's page. */
  url: AbsoluteUrlSchema.optional(),
});

/** One item: the fields of JSON Feed 1.1 §"Items" that we promise. */
const ItemSchema = z.strictObject({
  /** Unique and stable over time (spec: "id"): the article guid. */
  id: z.string().regex(GUID, 'a tag:, urn: or http(s) URI'),
  /** Canonical URL of the article. */
  url: AbsoluteUrlSchema,
  /** Headline, plain text. */
  title: TextSchema,
  /** Article HTML. */
  content_html: TextSchema,
  /** Plain-text summary. */
  summary: TextSchema,
  /** Main image URL. */
  image: AbsoluteUrlSchema.optional(),
  /** RFC 3339 with offset. */
  date_published: OffsetDateTimeSchema,
  /** RFC 3339 with offset. */
  date_modified: OffsetDateTimeSchema,
  /** Bylines or the publisher. */
  authors: z.array(AuthorSchema).min(1),
  /** Section names. */
  tags: z.array(TextSchema).min(1).optional(),
  /** BCP 47 language of the item. */
  language: LanguageSchema,
});

/** The JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/) with exactly the fields we promise. */
const JsonFeedSchema = z.strictObject({
  /** Exactly the 1.1 version URL (readers pick the rules by it). */
  version: z.literal(JSON_FEED_VERSION),
  /** Feed title. */
  title: TextSchema,
  /** The publication's home page. */
  home_page_url: AbsoluteUrlSchema,
  /** Where this document is served. */
  feed_url: AbsoluteUrlSchema,
  /** Feed description. */
  description: TextSchema,
  /** BCP 47 language of the publication. */
  language: LanguageSchema,
  /** The publisher. */
  authors: z.array(AuthorSchema).min(1),
  /** The articles, possibly none. */
  items: z.array(ItemSchema),
});

/** Keys whose values are URLs in JSON Feed 1.1; readers resolve none of them against anything. */
const URL_KEYS = new Set(['home_page_url', 'feed_url', 'next_url', 'icon', 'favicon', 'url', 'external_url', 'image', 'banner_image', 'avatar']);
/** Keys whose values are RFC 3339 dates. */
const DATE_KEYS = new Set(['date_published', 'date_modified']);

type Report = (severity: Severity, ruleId: string, message: string, at?: readonly PathSegment[]) => Diagnostic;

/** Checks `feed.json`: JSON syntax, the promised JSON Feed 1.1 shape, and the publishing rules. */
export const validateJsonFeed: Validator = (file, site) => {
  const base = fileReporter(file, SOURCE);
  const locate = positionFinder(file.text);
  const report: Report = (severity, ruleId, message, at) => base(severity, ruleId, message, at === undefined ? {} : locate(at));
  return checkJson(file.text, base, 'emitJsonFeed', (value) => {
    rememberFacts(file, site, factsFromJson('jsonfeed', value));
    return checkParsed(value, site, report);
  });
};

function checkParsed(value: unknown, site: SiteConfig, report: Report): Diagnostic[] {
  const found: Diagnostic[] = [];
  /** Paths (and `path + key` for unknown keys) a specific rule has reported; the schema stays quiet about them. */
  const claimed = new Set<string>();

  walk(value, (key, node, at) => {
    if (key === 'author' && at.length > 0) {
      // JSON Feed 1.1 §"Changes": `author` is deprecated; 1.1 readers look at `authors` only.
      claimed.add(pathKey(at));
      const owner = at.length === 1 ? 'the feed' : `${formatPath(at.slice(0, -1))}`;
      found.push(report('warning', 'authors-deprecated-author', `${owner} has the singular "author", deprecated in JSON Feed 1.1; put every author in the "authors" array and remove "author"`, at));
      return 'skip';
    }
    if (typeof node !== 'string') return;
    if (URL_KEYS.has(key) && !isAbsoluteUrl(node)) {
      claimed.add(pathKey(at));
      found.push(report('error', 'relative-url', `${formatPath(at)} "${node}" is not an absolute http(s) URL; JSON Feed readers resolve nothing, so write the full URL (check site.json "url", "feed.baseUrl" and the front matter)`, at));
    }
    if (DATE_KEYS.has(key) && LOCAL_DATE.test(node)) {
      claimed.add(pathKey(at));
      found.push(report('error', 'date-offset', `${formatPath(at)} "${node}" has no UTC offset; JSON Feed dates are RFC 3339: write it with the publisher's offset, e.g. "2024-09-04T21:03:00+08:00"`, at));
    }
    if (key === 'content_html') found.push(...checkContentHtml(node, at, report));
  });

  if (isRecord(value)) {
    const feedUrl = value['feed_url'];
    const expected = toJsonFeedUrl(site);
    if (typeof feedUrl === 'string' && isAbsoluteUrl(feedUrl) && feedUrl !== expected) {
      found.push(report('error', 'feed-url', `feed_url "${feedUrl}" is not where this file is served; set it to "${expected}" (site.json "feed.baseUrl" + "feed.json") so readers can follow a moved feed`, ['feed_url']));
    }
    const items = value['items'];
    if (Array.isArray(items)) {
      const seen = new Map<string, number>();
      items.forEach((item: unknown, index) => {
        if (!isRecord(item) || typeof item['id'] !== 'string') return;
        const first = seen.get(item['id']);
        if (first === undefined) seen.set(item['id'], index);
        else {
          found.push(report('error', 'duplicate-id', `items[${index}].id "${item['id']}" repeats items[${first}].id; every item needs its own stable id (the article guid, never the headline)`, ['items', index, 'id']));
        }
      });
    }
  }

  for (const { issue, at } of schemaIssues(JsonFeedSchema, value, claimed)) {
    if (issue.code === 'unrecognized_keys') {
      // Keys a specific rule has reported (a deprecated `author`) are left out of their parent's finding.
      const keys = issue.keys.filter((k) => !claimed.has(pathKey([...at, k])));
      if (keys.length > 0) found.push(report('error', 'schema', `${formatPath(at)}: ${describeUnknownKeys(keys, WORDING)}`, at));
      continue;
    }
    found.push(report('error', 'schema', `${formatPath(at)}: ${describeIssue(issue, lookUp(value, at), WORDING)}`, at));
  }
  return found;
}

/** JSON Feed's own wording of zod findings. */
const WORDING: IssueWording = {
  promised: 'JSON Feed 1.1 fields',
  schema: 'JsonFeedSchema',
  specific: (issue) => (issue.code === 'too_small' && issue.origin === 'string' ? 'must not be empty; write the text or leave the field out' : undefined),
};

/**
 * `unsafe-content` and `relative-url` inside `content_html`: readers strip or refuse script-like
 * markup (the same list the W3C Feed Validation Service flags in RSS/Atom content), and resolve
 * relative links against their own host.
 */
function checkContentHtml(html: string, at: readonly PathSegment[], report: Report): Diagnostic[] {
  return findHtmlProblems(html, formatPath(at), 'scripts').map((problem) => report(problem.severity, problem.ruleId, problem.message, at));
}
