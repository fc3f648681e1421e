/**
 * The house rules of syndicate's ninjs (`articles/<id>/ninjs.json`): the ninjs 3.1 subset it writes (a
 * story, or a withdrawal notice), with stable uris, offsets and absolute URLs. What ninjs itself requires
 * of any producer is the standard layer's (standard/ninjs).
 */
import { Parser } from 'htmlparser2';
import { z } from 'zod';
import { CANONICAL_URL_ROLE, MEDIA_TOPIC_URI, NINJS_STANDARD } from '../../emit/ninjs.ts';
import { AbsoluteUrlSchema, ArticleIdSchema, OffsetDateTimeSchema } from '../../model/article.ts';
import {
  GUID,
  LOCAL_DATE,
  LanguageSchema,
  TextSchema,
  describeIssue,
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
import type { HOUSE_NINJS_RULES } from '../rules/house-json.ts';

type NinjsRule = (typeof HOUSE_NINJS_RULES)[number]['id'];


const GuidSchema = z.string().regex(GUID, 'a tag:, urn: or http(s) URI without spaces');

/** A Media Topic: its English name and its http://cv.iptc.org/newscodes/mediatopic/<8 digits> URI. */
const MediaTopicSubjectSchema = z.strictObject({
  name: TextSchema,
  uri: z.string().regex(new RegExp(`^${MEDIA_TOPIC_URI.replace(/[.]/g, '\\.')}\\d{8}$`), `a Media Topic URI such as "${MEDIA_TOPIC_URI}14000000"`),
});

/** A keyword from front matter: an uncontrolled subject, name only. */
const KeywordSubjectSchema = z.strictObject({ name: TextSchema });

/** The one file of a photo, named like its NewsML-G2 rendition. */
const RenditionSchema = z.strictObject({
  name: z.literal('highRes'),
  href: AbsoluteUrlSchema,
  contentType: z.string().regex(/^image\/[a-z0-9.+-]+$/, 'an image MIME type such as "image/jpeg"').optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  sizeInBytes: z.number().int().positive().optional(),
});

/** A photo with a URL as an associated picture object. */
const PictureSchema = z.strictObject({
  name: z.string().regex(/^photo-[1-9]\d*$/, 'the photo\'s position, e.g. "photo-1"'),
  uri: GuidSchema,
  type: z.literal('picture'),
  copyrightNotice: TextSchema.optional(),
  language: LanguageSchema,
  descriptions: z.tuple([z.strictObject({ role: z.literal('caption'), contentType: z.literal('text/plain'), value: TextSchema })]),
  by: TextSchema.optional(),
  renditions: z.tuple([RenditionSchema]),
});

/** A photo of a withdrawn story: its identity and status only (no caption, credit or rendition). */
const PictureNoticeSchema = z.strictObject({
  name: PictureSchema.shape.name,
  uri: GuidSchema,
  type: z.literal('picture'),
  pubStatus: z.literal('canceled'),
});

/** A positive integer as a string (ninjs 3.1 `version` is a string). */
const VersionSchema = z.string().regex(/^[1-9]\d*$/, 'a positive integer as a string, e.g. "1"');

/** The canonical URL of the story's web page, the one alternative id. */
const AltIdsSchema = z.tuple([z.strictObject({ role: z.literal(CANONICAL_URL_ROLE), value: AbsoluteUrlSchema })]);

/** ninjs 3.1 and its schema URI. */
const StandardSchema = z.strictObject({ name: z.literal(NINJS_STANDARD.name), version: z.literal(NINJS_STANDARD.version), schema: z.literal(NINJS_STANDARD.schema) });

/**
 * The ninjs 3.1 properties syndicate promises in `articles/<id>/ninjs.json` for a published story, and
 * nothing else: a strict subset of IPTC's schema (whose property names it shares), pinned to what `toNinjs`
 * writes. A withdrawn story is a {@link NinjsNoticeSchema} instead.
 */
export const NinjsSchema = z.strictObject({
  /** The article's guid. */
  uri: GuidSchema,
  /** A text story. */
  type: z.literal('text'),
  /** Everything the model knows. */
  representationType: z.literal('full'),
  /** A positive integer as a string. */
  version: VersionSchema,
  /** RFC 3339 with the publisher's offset. */
  firstCreated: OffsetDateTimeSchema,
  /** RFC 3339 with offset: the last modification, else the publication. */
  versionCreated: OffsetDateTimeSchema,
  /** RFC 3339 with offset: the publication. */
  contentCreated: OffsetDateTimeSchema,
  /** RFC 3339 with offset: the embargo, when the story has one. */
  embargoedUntil: OffsetDateTimeSchema.optional(),
  /** `usable` (a withdrawn story, `canceled`, is a notice; ninjs 3.1 also has `withheld`, which we never send). */
  pubStatus: z.literal('usable'),
  /** site.json copyright holder. */
  copyrightHolder: TextSchema,
  /** site.json copyright notice. */
  copyrightNotice: TextSchema,
  /** Notes to the receiving editors: the correction. */
  edNote: TextSchema.optional(),
  /** BCP 47 language tag. */
  language: LanguageSchema,
  /** The plain-text summary. */
  descriptions: z.tuple([z.strictObject({ role: z.literal('summary'), contentType: z.literal('text/plain'), value: TextSchema })]),
  /** The body as HTML paragraphs. */
  bodies: z.tuple([z.strictObject({ role: z.literal('main'), contentType: z.literal('text/html'), value: TextSchema })]),
  /** The headline, plain text. */
  headlines: z.tuple([z.strictObject({ role: z.literal('main'), value: TextSchema })]),
  /** Media Topics then keywords; absent when there are none. */
  subjects: z.array(z.union([MediaTopicSubjectSchema, KeywordSubjectSchema])).min(1).optional(),
  /** The byline; absent when the story has none. */
  by: TextSchema.optional(),
  /** The article id. */
  slugline: ArticleIdSchema,
  /** The dateline's place, when known. */
  located: TextSchema.optional(),
  /** Photos with a URL; absent when none has. */
  associations: z.array(PictureSchema).min(1).optional(),
  /** The canonical URL of the story's web page. */
  altIds: AltIdsSchema,
  /** ninjs 3.1 and its schema URI. */
  standard: StandardSchema,
});

/**
 * A withdrawn story's `ninjs.json` (pubStatus `canceled`): the withdrawal notice, which carries the story's
 * identity, version, status and the reason and no text of it. Every property of a published story that holds
 * its text (headlines, descriptions, bodies, subjects, by, located) is absent, and so are contentCreated,
 * embargoedUntil and representationType; the strict object makes any of them an error.
 */
export const NinjsNoticeSchema = z.strictObject({
  /** The article's guid. */
  uri: GuidSchema,
  /** A text story. */
  type: z.literal('text'),
  /** The notice's version: a positive integer as a string. */
  version: VersionSchema,
  /** RFC 3339 with the publisher's offset. */
  firstCreated: OffsetDateTimeSchema,
  /** RFC 3339 with offset: the withdrawal's time. */
  versionCreated: OffsetDateTimeSchema,
  /** Always `canceled`: receivers stop using every version. */
  pubStatus: z.literal('canceled'),
  /** site.json copyright holder. */
  copyrightHolder: TextSchema,
  /** site.json copyright notice. */
  copyrightNotice: TextSchema,
  /** Why the story was withdrawn ("Withdrawn: <reason>" or "Withdrawn."). */
  edNote: TextSchema,
  /** BCP 47 language tag. */
  language: LanguageSchema,
  /** The article id. */
  slugline: ArticleIdSchema,
  /** One canceled picture per photo with a URL; absent when none has. */
  associations: z.array(PictureNoticeSchema).min(1).optional(),
  /** The canonical URL of the story's web page. */
  altIds: AltIdsSchema,
  /** ninjs 3.1 and its schema URI. */
  standard: StandardSchema,
});

/** Keys whose values are ninjs date-times (`format: date-time`). */
const DATE_KEYS = new Set(['firstCreated', 'versionCreated', 'contentCreated', 'embargoedUntil', 'expires']);
type Report = (rule: NinjsRule, message: string, at: readonly PathSegment[]) => Finding<NinjsRule>;
/** Records a finding of a specific rule at a path, so that the generic schema finding there is not repeated. */
type Claim = (at: readonly PathSegment[], finding: Finding<NinjsRule>) => void;

/** Checks one `ninjs.json` against what syndicate promises: the promised shape, absolute URLs, offsets and stable uris. */
export function checkNinjsHouse(value: unknown): Finding<NinjsRule>[] {
  const report: Report = (rule, message, at) => ({ rule, message, at: { path: [...at] } });
  return checkParsed(value, report);
}

function checkParsed(value: unknown, report: Report): Finding<NinjsRule>[] {
  const found: Finding<NinjsRule>[] = [];
  /** Paths a specific rule has reported; the generic schema finding for them would only repeat it. */
  const claimed = new Set<string>();
  const claim: Claim = (at, d) => {
    claimed.add(pathKey(at));
    found.push(d);
  };

  walk(value, (key, node, at) => {
    if (typeof node !== 'string') return;
    // ninjs's `date-time` format needs an offset, and receivers would otherwise guess the zone.
    if (DATE_KEYS.has(key) && LOCAL_DATE.test(node)) {
      claim(at, report('date-offset', `${formatPath(at)} "${node}" has no UTC offset; write RFC 3339 with the publisher's offset, e.g. "2024-09-04T21:03:00+08:00"`, at));
    }
    if (key === 'href' && !AbsoluteUrlSchema.safeParse(node).success) {
      claim(at, report('relative-url', `${formatPath(at)} "${node}" is not an absolute http(s) URL in normalised form; receivers resolve nothing in ninjs, so write the full URL (check the image URL in front matter)`, at));
    }
  });

  if (isRecord(value)) {
    checkUris(value, report, claim);
    checkCanonicalUrl(value, report, claim);
    found.push(...checkBodyUrls(value, report));
  }

  // The shape follows the status: a canceled object is a withdrawal notice, anything else a published story.
  const notice = isRecord(value) && value['pubStatus'] === 'canceled';
  for (const { issue, at } of schemaIssues(notice ? NinjsNoticeSchema : NinjsSchema, value, claimed)) {
    found.push(report('schema', `${formatPath(at)}: ${describeIssue(issue, lookUp(value, at), notice ? NOTICE_WORDING : WORDING)}`, at));
  }
  return found;
}

/**
 * `uri` is the article's stable guid, the same in every format, and each associated photo's uri is that guid
 * followed by ":" and the association's name (its NewsML-G2 picture item guid), so identities never depend
 * on a headline or on the order of files.
 */
function checkUris(item: Record<string, unknown>, report: Report, claim: Claim): void {
  const uri = item['uri'];
  if (typeof uri === 'string' && !GUID.test(uri)) {
    claim(['uri'], report('uri-stable', `uri "${uri}" is not a stable guid; use the article's guid (a tag:, urn: or http(s) URI without spaces, built from site.json "guidPrefix" and the article id)`, ['uri']));
  }
  const associations = item['associations'];
  if (!Array.isArray(associations)) return;
  const seen = new Set<string>();
  associations.forEach((association, index) => {
    if (!isRecord(association)) return;
    const at = ['associations', index, 'uri'];
    const own = association['uri'];
    const name = association['name'];
    if (typeof own !== 'string') return;
    // Compared with the item's uri only when that one is sound: a broken item uri is reported once, above.
    const expected = typeof uri === 'string' && GUID.test(uri) && typeof name === 'string' ? `${uri}:${name}` : undefined;
    if (!GUID.test(own) || (expected !== undefined && own !== expected)) {
      claim(at, report('uri-stable', `${formatPath(at)} "${own}" is not the photo's stable guid${expected === undefined ? '' : ` "${expected}"`}; a photo is identified by the article's guid and its position ("<uri>:photo-<n>"), as in NewsML-G2`, at));
    } else if (seen.has(own)) {
      claim(at, report('uri-stable', `${formatPath(at)} "${own}" is used by another association; every photo needs its own uri`, at));
    }
    seen.add(own);
  });
}

/** The canonical URL (altIds role "canonical-url") must be absolute: it is what receivers link to. */
function checkCanonicalUrl(item: Record<string, unknown>, report: Report, claim: Claim): void {
  const altIds = item['altIds'];
  if (!Array.isArray(altIds)) return;
  altIds.forEach((altId, index) => {
    if (!isRecord(altId) || altId['role'] !== CANONICAL_URL_ROLE || typeof altId['value'] !== 'string') return;
    const at = ['altIds', index, 'value'];
    if (!AbsoluteUrlSchema.safeParse(altId['value']).success) {
      claim(at, report('relative-url', `${formatPath(at)} "${altId['value']}" is not an absolute http(s) URL in normalised form; the canonical URL must be the story's full public address (check site.json "url" and "permalink")`, at));
    }
  });
}

/** standards.md §10 applied to ninjs bodies: links and images inside the HTML are absolute, or receivers break them. */
function checkBodyUrls(item: Record<string, unknown>, report: Report): Finding<NinjsRule>[] {
  const bodies = item['bodies'];
  if (!Array.isArray(bodies)) return [];
  return bodies.flatMap((body, index) => {
    if (!isRecord(body) || typeof body['value'] !== 'string') return [];
    const at = ['bodies', index, 'value'];
    const found: Finding<NinjsRule>[] = [];
    let tag = '';
    new Parser(
      {
        onopentagname(name) {
          tag = name;
        },
        onattribute(name, url) {
          if ((name === 'href' || name === 'src') && !(/^https?:\/\//i.test(url) && URL.canParse(url))) {
            found.push(report('relative-url', `${formatPath(at)} has <${tag} ${name}="${url}">, which is not an absolute http(s) URL; write the full URL in the article's HTML`, at));
          }
        },
      },
      { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
    ).end(body['value']);
    return found;
  });
}

/** ninjs's own wording of zod findings: its one-item arrays, its subject shapes and its two statuses. */
const WORDING: IssueWording = {
  promised: 'ninjs properties',
  schema: 'NinjsSchema',
  specific: (issue) => {
    if (issue.code === 'too_big' && issue.origin === 'array') return `must hold exactly ${issue.maximum} item(s); remove the others`;
    if (issue.code === 'invalid_union') return 'expected a Media Topic {"name", "uri": "http://cv.iptc.org/newscodes/mediatopic/<code>"} or a keyword {"name"}; correct the value';
    if (issue.code === 'invalid_value' && issue.path.length === 1 && issue.path[0] === 'pubStatus') {
      return 'must be "usable" for a published story, or "canceled" for a withdrawal notice (which then carries only the notice\'s properties); ninjs\'s "withheld" is never sent';
    }
    return undefined;
  },
};

/** The notice's wording: a property it does not promise is text of the withdrawn story, which must go. */
const NOTICE_WORDING: IssueWording = {
  promised: 'properties of a withdrawal notice',
  schema: 'NinjsNoticeSchema',
  specific: (issue, actual) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return `${keys} in a withdrawal notice (pubStatus "canceled"): a notice carries the story's identity, version, status and reason, never its text; remove ${issue.keys.length === 1 ? 'it' : 'them'}`;
    }
    return WORDING.specific?.(issue, actual);
  },
};
