/**
 * The standard-layer rules for JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/): what the
 * specification says a feed "must" have or be are errors, what it says a feed "should" have, what it
 * deprecates and what it does not define are warnings. JSON Feed has no reference validator; the
 * specification's text is the reference.
 */
import { defineRules } from '../rule.ts';

const SPEC = 'https://www.jsonfeed.org/version/1.1/';

/** JSON Feed rules, by id. */
export const JSON_FEED_RULES = defineRules([
  {
    id: 'not-object',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonfeed'],
    summary: 'A JSON Feed is one JSON object.',
    reference: `${SPEC}#top-level`,
  },
  {
    id: 'missing-required',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonfeed'],
    summary: 'A required member is missing: version, title, items; an item’s id; an attachment’s url or mime_type; a hub’s type or url.',
    reference: `${SPEC}#top-level`,
  },
  {
    id: 'unknown-version',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonfeed'],
    summary: 'version is not the URL of a JSON Feed version (https://jsonfeed.org/version/1 or /1.1); the feed is checked as 1.1.',
    reference: `${SPEC}#top-level`,
  },
  {
    id: 'version-url-form',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonfeed'],
    summary: 'version names a JSON Feed version in another spelling of its URL (http:, a trailing slash) than readers compare against.',
    reference: `${SPEC}#top-level`,
  },
  {
    id: 'property-type',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonfeed'],
    summary: 'A member has the wrong JSON type (a string, number, boolean, array or object where the specification says another).',
    reference: SPEC,
  },
  {
    id: 'blank-id',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonfeed'],
    summary: 'An item’s id is empty or blank (readers must discard such an item).',
    reference: `${SPEC}#suggestions-for-feed-readers`,
  },
  {
    id: 'id-not-string',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonfeed'],
    summary: 'An item’s id is a number; the specification says string (readers coerce numbers).',
    reference: `${SPEC}#items`,
  },
  {
    id: 'duplicate-id',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonfeed'],
    summary: 'Two items have the same id (an id is unique for that item for that feed over time).',
    reference: `${SPEC}#items`,
  },
  {
    id: 'missing-content',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonfeed'],
    summary: 'An item has neither content_html nor content_text (one or both must be present).',
    reference: `${SPEC}#items`,
  },
  {
    id: 'invalid-url',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonfeed'],
    summary: 'A URL member (home_page_url, feed_url, next_url, icon, favicon, url, external_url, image, banner_image, avatar, an attachment’s or hub’s url) is not a URL.',
    reference: 'https://url.spec.whatwg.org/#url-parsing',
  },
  {
    id: 'relative-url',
    layer: 'standard',
    severity: 'warning',
    // syndicate promises absolute URLs and RFC 3339 dates in its own feed.json.
    houseSeverity: 'error',
    formats: ['jsonfeed'],
    summary: 'A URL member is relative; JSON Feed gives readers no base to resolve it against.',
    reference: `${SPEC}#top-level`,
  },
  {
    id: 'invalid-date',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonfeed'],
    summary: 'date_published or date_modified is not an RFC 3339 date-time (1.1) or an ISO 8601 W3C-DTF date (1.0).',
    reference: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  },
  {
    id: 'date-form',
    layer: 'standard',
    severity: 'warning',
    // syndicate promises absolute URLs and RFC 3339 dates in its own feed.json.
    houseSeverity: 'error',
    formats: ['jsonfeed'],
    summary: 'A date readers may parse but RFC 3339 does not write that way (a space for "T", "+0800" for "+08:00").',
    reference: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  },
  {
    id: 'missing-recommended',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonfeed'],
    summary: 'A member the specification strongly recommends is missing: home_page_url and feed_url of a public feed, an item’s url.',
    reference: `${SPEC}#top-level`,
  },
  {
    id: 'next-url-loop',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonfeed'],
    summary: 'next_url is the feed’s own feed_url (it must not be, to avoid infinite loops).',
    reference: `${SPEC}#top-level`,
  },
  {
    id: 'empty-author',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonfeed'],
    summary: 'An author object has none of name, url and avatar (at least one is required).',
    reference: `${SPEC}#top-level`,
  },
  {
    id: 'deprecated-author',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonfeed'],
    summary: 'A JSON Feed 1.1 feed or item gives its author in the deprecated "author" without "authors".',
    reference: `${SPEC}#deprecations`,
  },
  {
    id: 'mime-type-form',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonfeed'],
    summary: 'An attachment’s mime_type is not a type/subtype media type such as "audio/mpeg".',
    reference: `${SPEC}#attachments`,
  },
  {
    id: 'negative-number',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonfeed'],
    summary: 'An attachment’s size_in_bytes or duration_in_seconds is negative.',
    reference: `${SPEC}#attachments`,
  },
  {
    id: 'language-tag',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonfeed'],
    summary: 'language is not a well-formed RFC 5646 language tag such as "en" or "en-US".',
    reference: 'https://www.rfc-editor.org/rfc/rfc5646#section-2.1',
  },
  {
    id: 'unknown-key',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonfeed'],
    summary: 'A member the feed’s JSON Feed version does not define, not named as an extension ("_" and a letter); readers ignore it.',
    reference: `${SPEC}#extensions`,
  },
  {
    id: 'extension-name',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonfeed'],
    summary: 'An extension name does not start with "_" followed by a letter, or contains ".".',
    reference: `${SPEC}#extensions`,
  },
  {
    id: 'extension-member-key',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonfeed'],
    summary: 'A member key of an extension object contains "." or starts with "_" (only the extension name may).',
    reference: `${SPEC}#extensions`,
  },
] as const);

/** The id of a JSON Feed rule. */
export type JsonFeedRuleId = (typeof JSON_FEED_RULES)[number]['id'];
