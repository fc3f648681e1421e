/**
 * The house rules of syndicate's JSON Feed (`feed.json`): the JSON Feed 1.1 subset it writes, served at
 * the URL it says, with offsets, absolute URLs and script-free content. JSON Feed's own rules (required
 * fields, unique ids, deprecations) are the standard layer's (standard/jsonfeed).
 */
import { z } from 'zod';
import type { SiteConfig } from '../../config.ts';
import { JSON_FEED_VERSION, toJsonFeedPath, toJsonFeedUrl } from '../../emit/jsonfeed.ts';
import { toFeedLanguageOfPath } from './feeds.ts';
import { AbsoluteUrlSchema, OffsetDateTimeSchema } from '../../model/article.ts';
import { findContentProblems, isAbsoluteHttpUrl } from '../html/content.ts';
import {
  GUID,
  LANGUAGE_TAG,
  TextSchema,
  describeIssue,
  describeUnknownKeys,
  formatPath,
  isRecord,
  lookUp,
  pathKey,
  schemaIssues,
  walk,
  type IssueWording,
  type PathSegment,
} from '../json/shapes.ts';
import type { Finding } from '../rule.ts';
import type { HOUSE_JSONFEED_RULES } from '../rules/house-json.ts';

type JsonFeedRule = (typeof HOUSE_JSONFEED_RULES)[number]['id'];


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
  /** Feed description (optional in JSON Feed 1.1 §"Top-level"; written when site.json has feed.description). */
  description: TextSchema.optional(),
  /** BCP 47 language of the publication. */
  language: LanguageSchema,
  /** The publisher. */
  authors: z.array(AuthorSchema).min(1),
  /** The articles, possibly none. */
  items: z.array(ItemSchema),
});


/** Checks `feed.json` (or a language's, at `publicPath`) against what syndicate promises; `site` gives the URL it is served at. */
export function checkJsonFeedHouse(value: unknown, site: SiteConfig | undefined, publicPath = 'feed.json'): Finding<JsonFeedRule>[] {
  const found: Finding<JsonFeedRule>[] = [];
  const report = (rule: JsonFeedRule, message: string, at: readonly PathSegment[]) => found.push({ rule, message, at: { path: [...at] } });
  /** Paths a specific rule has reported; the schema stays quiet about them. */
  const claimed = new Set<string>();

  walk(value, (key, node, at) => {
    // A singular `author` without `authors` (deprecated in 1.1) is the standard layer's finding; the schema
    // does not repeat it. Beside `authors` the standard allows it (for older readers), but syndicate never
    // writes it, so the schema refuses it as it refuses any field it does not promise.
    if (key === 'author' && at.length > 0) {
      const owner = lookUp(value, at.slice(0, -1));
      if (!(owner.found && isRecord(owner.value) && Object.hasOwn(owner.value, 'authors'))) claimed.add(pathKey(at));
      return 'skip';
    }
    if (key === 'content_html' && typeof node === 'string') {
      for (const problem of findContentProblems(node, formatPath(at))) report(problem.rule === 'relative-url' ? 'content-url' : problem.rule, problem.message, at);
    }
  });

  // JSON Feed 1.1 "language": the feed's (and, absent on an item, the item's). Checked like RSS <language>:
  // the publication's, or the folder's for a language's feed, case-insensitively (RFC 5646 §2.1.1).
  const feedLanguage = isRecord(value) ? value['language'] : undefined;
  const expectedLanguage = toFeedLanguageOfPath(publicPath) ?? site?.language;
  if (typeof feedLanguage === 'string' && expectedLanguage !== undefined && feedLanguage.toLowerCase() !== expectedLanguage.toLowerCase()) {
    const source = toFeedLanguageOfPath(publicPath) === undefined ? `site.json "language" gives "${expectedLanguage}"` : `its folder says "${expectedLanguage}"`;
    report('feed-language', `language "${feedLanguage}" is not the language of this feed: ${source}`, ['language']);
  }

  if (isRecord(value) && site !== undefined) {
    const feedUrl = value['feed_url'];
    const language = toFeedLanguageOfPath(publicPath);
    const expected = toJsonFeedUrl(site, language);
    if (typeof feedUrl === 'string' && isAbsoluteHttpUrl(feedUrl) && feedUrl !== expected) {
      report('feed-url', `feed_url "${feedUrl}" is not where this file is served; set it to "${expected}" (site.json "feed.baseUrl" + "${toJsonFeedPath(language)}") so readers can follow a moved feed`, ['feed_url']);
    }
  }

  for (const { issue, at } of schemaIssues(JsonFeedSchema, value, claimed)) {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.filter((k) => !claimed.has(pathKey([...at, k])));
      if (keys.length > 0) report('schema', `${formatPath(at)}: ${describeUnknownKeys(keys, WORDING)}`, at);
      continue;
    }
    report('schema', `${formatPath(at)}: ${describeIssue(issue, lookUp(value, at), WORDING)}`, at);
  }
  return found;
}

/** JSON Feed's own wording of zod findings. */
const WORDING: IssueWording = {
  promised: 'JSON Feed 1.1 fields',
  schema: 'JsonFeedSchema',
  specific: (issue) => (issue.code === 'too_small' && issue.origin === 'string' ? 'must not be empty; write the text or leave the field out' : undefined),
};
