import type { SiteConfig } from '../config.ts';
import { lastModified, type Article, type Image } from '../model/article.ts';
import type { Emitter } from '../model/output.ts';
import { toByline } from './byline.ts';
import { toBodyHtml } from './html.ts';
import { toEdNotes, toItemVersion, toPubStatus } from './newsml.ts';
import { toOutputValue } from './xmltext.ts';

/** IPTC ninjs 3.1 as we write it (https://iptc.org/std/ninjs/ninjs-schema_3.1.json, property names in camelCase since 3.0). */
export const NINJS_STANDARD = {
  name: 'ninjs',
  version: '3.1',
  schema: 'https://www.iptc.org/std/ninjs/ninjs-schema_3.1.json',
} as const;

/** Base of IPTC Media Topic URIs: `medtop:14000000` is http://cv.iptc.org/newscodes/mediatopic/14000000. */
export const MEDIA_TOPIC_URI = 'http://cv.iptc.org/newscodes/mediatopic/';

/**
 * Role of the `altIds` entry that carries the canonical web page. ninjs 3.1 has no `links` property (and its
 * `unevaluatedProperties: false` forbids adding one), so the URL travels as an alternative identifier of
 * the item: RFC 6596 makes the canonical URL the identity of the story's web page.
 */
export const CANONICAL_URL_ROLE = 'canonical-url';

/** A headline, description or body: ninjs 3.1 `headlines`/`descriptions`/`bodies` item. */
export interface NinjsText {
  role: string;
  contentType?: string;
  value: string;
}

/** A `subjects` entry: a Media Topic (name and uri) or a front-matter keyword (name only, uncontrolled). */
export interface NinjsSubject {
  name: string;
  uri?: string;
}

/** One file of a picture (`renditionType`). */
export interface NinjsRendition {
  name: string;
  href: string;
  contentType?: string;
  width?: number;
  height?: number;
  sizeInBytes?: number;
}

/** A photo of the story as an associated ninjs object (the same guid as its NewsML-G2 picture item). */
export interface NinjsPicture {
  name: string;
  uri: string;
  type: 'picture';
  copyrightNotice?: string;
  language: string;
  descriptions: NinjsText[];
  by?: string;
  renditions: NinjsRendition[];
}

/** The subset of a ninjs 3.1 news object that `toNinjs` writes for a published story, in the schema's property order. */
export interface NinjsItem {
  uri: string;
  type: 'text';
  representationType: 'full';
  version: string;
  firstCreated: string;
  versionCreated: string;
  contentCreated: string;
  /** The embargo, when the story has one (NewsML-G2 `embargoed`). */
  embargoedUntil?: string;
  /** A published story; a withdrawn one is a {@link NinjsNotice}. */
  pubStatus: 'usable';
  copyrightHolder: string;
  copyrightNotice: string;
  /** What a correction corrected (NewsML-G2 `edNote`). */
  edNote?: string;
  language: string;
  descriptions: NinjsText[];
  bodies: NinjsText[];
  headlines: NinjsText[];
  subjects?: NinjsSubject[];
  by?: string;
  slugline: string;
  located?: string;
  associations?: NinjsPicture[];
  altIds: { role: string; value: string }[];
  standard: typeof NINJS_STANDARD;
}

/** A photo of a withdrawn story as a notice: its identity and the canceled status, nothing about the photo. */
export interface NinjsPictureNotice {
  name: string;
  uri: string;
  type: 'picture';
  pubStatus: 'canceled';
}

/**
 * What `toNinjs` writes for a withdrawn story, in the schema's property order: the withdrawal notice, with the
 * story's identity, version, canceled status and the reason, and none of its text.
 */
export interface NinjsNotice {
  uri: string;
  type: 'text';
  version: string;
  firstCreated: string;
  versionCreated: string;
  pubStatus: 'canceled';
  copyrightHolder: string;
  copyrightNotice: string;
  /** Why the story was withdrawn (the NewsML-G2 notice's `edNote`). */
  edNote: string;
  language: string;
  slugline: string;
  associations?: NinjsPictureNotice[];
  altIds: { role: string; value: string }[];
  standard: typeof NINJS_STANDARD;
}

/** One `articles/<id>/ninjs.json` per article: the story as an IPTC ninjs 3.1 text object. */
export const emitNinjs: Emitter = (articles, site) =>
  articles.map((article) => ({
    path: `articles/${article.id}/ninjs.json`,
    text: `${JSON.stringify(toNinjs(article, site), null, 2)}\n`,
    format: 'ninjs',
    sources: [article.source],
  }));

/**
 * The article as a ninjs 3.1 news object, or for a withdrawn story its withdrawal notice. Keys are written
 * in the order the schema lists them, optional ones only when the article has the fact; JSON.stringify
 * escapes control characters and lone surrogates, so any text gives valid JSON.
 */
export function toNinjs(raw: Article, site: SiteConfig): NinjsItem | NinjsNotice {
  // The text every format carries (toOutputText): what the XML formats cannot hold is not stated here either.
  const article = toOutputValue(raw);
  site = toOutputValue(site);
  if (toPubStatus(article) === 'stat:canceled') return toNotice(article, site);
  const subjects = toSubjects(article, site);
  const by = toByline(article);
  const associations = toAssociations(article);
  const edNotes = toEdNotes(article);
  return {
    // The same guid as the RSS guid, Atom id and NewsML-G2 text item: one identity in every format.
    uri: article.guid,
    type: 'text',
    // Everything the model knows about the story is here; "partial" would tell receivers to fetch more.
    representationType: 'full',
    // The NewsML-G2 text item's version (the build's record of published versions), as a string (ninjs 3.1 `version`).
    version: toItemVersion(article),
    // Times keep the publisher's offset exactly as the model holds them.
    firstCreated: article.datePublished,
    versionCreated: lastModified(article),
    contentCreated: article.datePublished,
    // ninjs 3.1 `embargoedUntil`: "the date and time before which all versions of the news object are embargoed".
    ...(article.embargo !== undefined ? { embargoedUntil: article.embargo } : {}),
    // ninjs 3.1 `pubStatus` enum usable | withheld | canceled; a withdrawal is a notice (toNotice).
    pubStatus: 'usable',
    copyrightHolder: site.copyright.holder,
    copyrightNotice: site.copyright.notice,
    // ninjs 3.1 has no signals and one `edNote` string ("intended to be read by internal staff at the receiving
    // organisation, but not intended to be published"): the NewsML-G2 edNotes, one a line.
    ...(edNotes.length > 0 ? { edNote: edNotes.join('\n') } : {}),
    language: article.language,
    descriptions: [{ role: 'summary', contentType: 'text/plain', value: article.description }],
    // The same paragraphs as the feeds' HTML; photos travel as associations, not inside the body.
    bodies: [{ role: 'main', contentType: 'text/html', value: toBodyHtml(article) }],
    headlines: [{ role: 'main', value: article.headline }],
    ...(subjects.length > 0 ? { subjects } : {}),
    ...(by !== undefined ? { by } : {}),
    slugline: article.id,
    // ninjs `located` = NewsML-G2 `located`: where the content originates, i.e. the dateline's place.
    ...(article.dateline !== undefined ? { located: article.dateline } : {}),
    ...(associations.length > 0 ? { associations } : {}),
    altIds: [{ role: CANONICAL_URL_ROLE, value: article.url }],
    standard: NINJS_STANDARD,
  };
}

/**
 * A withdrawn story as a ninjs withdrawal notice, the counterpart of the NewsML-G2 one: the same uri and
 * version with `pubStatus: "canceled"` (ninjs 3.1 enum; like `stat:canceled` in NewsML-G2, it tells receivers
 * to stop using every version of the uri) and the reason in `edNote`, and none of the withdrawn text: no
 * headlines, descriptions, bodies, subjects, by, located or contentCreated (all optional: ninjs 3.1 requires
 * only `uri`), and no embargoedUntil (nothing is left to release). No `representationType` either: its enum
 * is "full" | "partial" ("how complete this representation of a news item is"); "full" would be untrue, and
 * "partial" would send receivers to fetch the rest, which is gone. What stays is identity (`slugline` is the
 * id, `altIds` the canonical URL, one canceled association per photo), the publication's rights statement
 * and the language.
 */
function toNotice(article: Article, site: SiteConfig): NinjsNotice {
  const associations = toPictures(article).map(({ name, uri }): NinjsPictureNotice => ({ name, uri, type: 'picture', pubStatus: 'canceled' }));
  return {
    uri: article.guid,
    type: 'text',
    version: toItemVersion(article),
    firstCreated: article.datePublished,
    versionCreated: lastModified(article),
    pubStatus: 'canceled',
    copyrightHolder: site.copyright.holder,
    copyrightNotice: site.copyright.notice,
    // For a withdrawal, toEdNotes gives only the withdrawal note ("Withdrawn: <reason>" or "Withdrawn.").
    edNote: toEdNotes(article).join('\n'),
    language: article.language,
    slugline: article.id,
    ...(associations.length > 0 ? { associations } : {}),
    altIds: [{ role: CANONICAL_URL_ROLE, value: article.url }],
    standard: NINJS_STANDARD,
  };
}

/**
 * Media Topics of the sections (as in NewsML-G2, each topic once, first occurrence wins), then the
 * keywords. ninjs 3.x has no `keywords` property; a subject with a name and no uri is an uncontrolled
 * term, as NewsML-G2 writes a subject with only a name. A keyword equal to a topic name is not repeated.
 */
function toSubjects(article: Article, site: SiteConfig): NinjsSubject[] {
  const subjects: NinjsSubject[] = [];
  const seen = new Set<string>();
  for (const section of article.sections) {
    const topic = site.mediaTopics?.[section];
    if (topic === undefined || seen.has(topic.qcode)) continue;
    seen.add(topic.qcode);
    subjects.push({ name: topic.name, uri: `${MEDIA_TOPIC_URI}${topic.qcode.slice('medtop:'.length)}` });
  }
  const names = new Set(subjects.map((s) => s.name));
  for (const keyword of article.keywords) {
    if (names.has(keyword)) continue;
    names.add(keyword);
    subjects.push({ name: keyword });
  }
  return subjects;
}

/**
 * Photos with a URL, as associated picture objects. Their uri is the NewsML-G2 picture item's guid (numbered
 * by position among all photos, so it does not change when an earlier photo gains a URL).
 */
function toAssociations(article: Article): NinjsPicture[] {
  return toPictures(article).map(({ image, uri, name }) => toPicture(image, uri, name, article.language));
}

/** Photos with a URL, with their association name (`photo-<position among all photos>`) and uri (`<guid>:<name>`). */
function toPictures(article: Article): { image: Image & { url: string }; uri: string; name: string }[] {
  return article.images.flatMap((image, index) => {
    if (image.url === undefined) return [];
    const name = `photo-${index + 1}`;
    return [{ image: { ...image, url: image.url }, uri: `${article.guid}:${name}`, name }];
  });
}

function toPicture(image: Image & { url: string }, uri: string, name: string, language: string): NinjsPicture {
  // ninjs has no credit line: `by` ("a natural-language statement about the creator") takes the credit as
  // agencies write it ("Li Hao/GT"), else the creator's name.
  const by = image.credit ?? image.creator;
  return {
    // The association's required name (ninjs 3.1 `associations` items require `name` and `uri`).
    name,
    uri,
    type: 'picture',
    // The photo's own notice, when known; the item's copyrightHolder/copyrightNotice state the publication's rights.
    ...(image.copyright !== undefined ? { copyrightNotice: image.copyright } : {}),
    language,
    descriptions: [{ role: 'caption', contentType: 'text/plain', value: image.caption }],
    ...(by !== undefined ? { by } : {}),
    renditions: [toRendition(image)],
  };
}

/** The one file we know, named like the NewsML-G2 rendition (`rnd:highRes`). */
function toRendition(image: Image & { url: string }): NinjsRendition {
  return {
    name: 'highRes',
    href: image.url,
    ...(image.contentType !== undefined ? { contentType: image.contentType } : {}),
    ...(image.width !== undefined ? { width: image.width } : {}),
    ...(image.height !== undefined ? { height: image.height } : {}),
    ...(image.byteLength !== undefined ? { sizeInBytes: image.byteLength } : {}),
  };
}
