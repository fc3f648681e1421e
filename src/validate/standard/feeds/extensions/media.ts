/**
 * Media RSS (https://www.rssboard.org/media-rss, version 1.5.1): the optional elements allowed on items,
 * channels, media:group and media:content, media:content's attributes, and the value rules W3C
 * `media.py` applies. Elements added in Media RSS 1.5 (community, embed, license, …) are accepted.
 */
import { leaf } from '../checks/common.ts';
import { checkHtml, checkPlainText } from '../checks/html.ts';
import { ANYTHING, TEXT } from '../checks/kinds.ts';
import { reportUri } from '../checks/uri.ts';
import type { ChildKind, Kind, Visit } from '../kind.ts';
import { named, quote, report } from '../report.ts';
import { isLanguageCode } from '../values/language.ts';
import { isMediaType } from '../values/mime.ts';
import { parseInteger } from '../values/numbers.ts';

function attribute(visit: Visit, name: string): string | undefined {
  return visit.element.attributes.find((a) => a.name === name && a.uri === '')?.value;
}

function invalid(visit: Visit, message: string): void {
  report(visit, 'invalid-media-value', `${named(visit)}: ${message}`, 'end');
}

/** Normal Play Time (RFC 2326 §3.6): seconds, h:mm:ss, or "now". */
const NPT = /^(?:now|\d+(?:\.\d+)?|\d+:\d\d:\d\d(?:\.\d+)?)$/;

function checkFullUri(visit: Visit, name: string, value: string | undefined, required: boolean): void {
  if (value === undefined || value === '') {
    if (required) report(visit, 'missing-attribute', `${named(visit)} needs a ${name} attribute`, 'end');
    return;
  }
  reportUri(visit.context, visit.element, value, { absolute: true, iri: false }, 'relative-uri', `the ${name} of ${named(visit)}`, 'end');
}

function checkPositiveAttribute(visit: Visit, name: string): void {
  const value = attribute(visit, name);
  if (value === undefined || value === '') return;
  const n = parseInteger(value);
  if (n === undefined || n <= 0) report(visit, 'invalid-integer', `${named(visit)} has ${name}=${quote(value)}, which is not a positive integer`, 'end');
}

function textType(once: boolean): Kind {
  return leaf({
    once,
    attributes: ['type'],
    check(visit) {
      const type = attribute(visit, 'type');
      if (type !== undefined && type !== 'plain' && type !== 'html') invalid(visit, `type=${quote(type)} is neither "plain" nor "html"`);
      if (type === 'html') checkHtml(visit);
      else checkPlainText(visit);
    },
  });
}

const TITLE = textType(true);

const CATEGORY = leaf({
  attributes: ['label', 'scheme'],
  check(visit) {
    const label = attribute(visit, 'label');
    if (label) checkPlainText(visit, 'contains-html', label);
    checkFullUri(visit, 'scheme', attribute(visit, 'scheme'), false);
  },
});

const COPYRIGHT = leaf({ once: true, attributes: ['url'], check: (visit) => checkFullUri(visit, 'url', attribute(visit, 'url'), false) });

// The European Broadcasting Union's role codes, Media RSS's default scheme for media:credit (urn:ebu).
const EBU_ROLES = new Set(
  (
    'actor|adaptor|anchor person|animal trainer|animator|announcer|armourer|art director|artist/performer|assistant camera|' +
    'assistant chief lighting technician|assistant director|assistant producer|assistant visual editor|author|broadcast assistant|' +
    'broadcast journalist|camera operator|carpenter|casting|causeur|chief lighting technician|choir|choreographer|clapper loader|' +
    'commentary or commentator|commissioning broadcaster|composer|computer programmer|conductor|consultant|continuity checker|' +
    'correspondent|costume designer|dancer|dialogue coach|director|director of photography|distribution company|draughtsman|dresser|' +
    'dubber|editor/producer|editor|ensemble|executive producer|expert|fight director|floor manager|focus puller|foley artist|foley editor|' +
    'foley mixer|graphic assistant|graphic designer|greensman|grip|hairdresser|illustrator|interviewed guest|interviewer|key character|' +
    'key grip|key talents|leadman|librettist|lighting director|lighting technician|location manager|lyricist|make up artist|manufacturer|' +
    'matte artist|music arranger|music group|musician|news reader|orchestra|participant|photographer|post|producer|production assistant|' +
    'production company|production department|production manager|production secretary|programme production researcher|property manager|' +
    'publishing company|puppeteer|pyrotechnician|reporter|rigger|runner|scenario|scenic operative|script supervisor|second assistant camera|' +
    'second assistant director|second unit director|set designer|set dresser|sign language|singer|sound designer|sound mixer|sound recordist|' +
    'special effects|stunts|subtitles|technical director|term|translation|transportation manager|treatment/programme proposal|vision mixer|' +
    'visual editor|visual effects|wardrobe|witness|artist|performer|treatment|treatment proposal|programme proposal'
  ).split('|'),
);

const CREDIT = leaf({
  attributes: ['role', 'scheme'],
  check(visit) {
    const role = attribute(visit, 'role');
    const scheme = attribute(visit, 'scheme') || 'urn:ebu';
    if (role && scheme === 'urn:ebu' && !EBU_ROLES.has(role)) invalid(visit, `role=${quote(role)} is not one of the EBU role codes (urn:ebu), such as "actor" or "producer"`);
    else if (role && role !== role.toLowerCase()) invalid(visit, `role=${quote(role)} must be in lower case`);
    if (scheme !== 'urn:ebu') checkFullUri(visit, 'scheme', scheme, false);
  },
});

const HASH = leaf({
  attributes: ['algo'],
  check(visit) {
    const algo = attribute(visit, 'algo');
    if (algo && algo !== 'md5' && algo !== 'sha-1') invalid(visit, `algo=${quote(algo)} is neither "md5" nor "sha-1"`);
    const length = algo === 'sha-1' ? 40 : 32;
    if (!/^[0-9A-Za-z]+$/.test(visit.value) || visit.value.length !== length) invalid(visit, `${quote(visit.value)} is not a ${algo ?? 'md5'} hash (${length} hexadecimal digits)`);
  },
});

const RATINGS: Readonly<Record<string, readonly string[]>> = {
  'urn:simple': ['adult', 'nonadult'],
  'urn:mpaa': ['g', 'm', 'nc-17', 'pg', 'pg-13', 'r', 'x'],
  'urn:v-chip': ['14+', '18+', 'c', 'c8', 'g', 'pg', 'tv-14', 'tv-g', 'tv-ma', 'tv-pg', 'tv-y', 'tv-y7', 'tv-y7-fv'],
};

// ICRA labels: "r (" then codes such as "nz 1" or "la 1" (category letter, level letter, 0 or 1), then ")".
const ICRA_CODE = /^(?:[nsvlocx]z [01]|(?:n[a-c]|s[a-f]|v[a-j]|l[a-c]|o[a-h]|c[a-b]|x[a-e]) 1)$/;

function isIcraLabel(value: string): boolean {
  if (!value.startsWith('r (') || !value.endsWith(')')) return false;
  const words = value.slice(3, -1).split(' ');
  if (words.length % 2 !== 0 || words.length === 0) return false;
  for (let i = 0; i < words.length; i += 2) if (!ICRA_CODE.test(`${words[i]} ${words[i + 1]}`)) return false;
  return true;
}

const RATING = leaf({
  attributes: ['scheme'],
  check(visit) {
    const scheme = attribute(visit, 'scheme') || 'urn:simple';
    const allowed = RATINGS[scheme];
    if (allowed !== undefined) {
      if (!allowed.includes(visit.value)) invalid(visit, `${quote(visit.value)} is not a ${scheme} rating (${allowed.join(', ')})`);
    } else if (scheme === 'urn:icra') {
      if (!isIcraLabel(visit.value)) invalid(visit, `${quote(visit.value)} is not an ICRA label such as "r (cz 1 lz 1 nz 1 oz 1 vz 1)"`);
    } else {
      checkFullUri(visit, 'scheme', scheme, false);
    }
  },
});

let regions: Intl.DisplayNames | undefined;

/** True for an ISO 3166-1 alpha-2 country code (as ICU knows them). */
function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ') return false;
  try {
    regions ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    return regions.of(code) !== undefined;
  } catch {
    return false;
  }
}

const RESTRICTION = leaf({
  attributes: ['relationship', 'type'],
  check(visit) {
    const relationship = attribute(visit, 'relationship');
    if (!relationship) report(visit, 'missing-attribute', `${named(visit)} needs relationship="allow" or "deny"`, 'end');
    else if (relationship !== 'allow' && relationship !== 'deny') invalid(visit, `relationship=${quote(relationship)} is neither "allow" nor "deny"`);
    const type = attribute(visit, 'type');
    if (!type) {
      if (visit.value && visit.value !== 'all' && visit.value !== 'none') invalid(visit, `without a type the restriction is "all" or "none", not ${quote(visit.value)}`);
    } else if (type === 'country') {
      for (const code of visit.value.toUpperCase().split(' ')) if (code !== '' && !isCountryCode(code)) invalid(visit, `${quote(code)} is not an ISO 3166 country code`);
    } else if (type === 'uri') {
      for (const uri of visit.value.split(/\s+/)) if (uri !== '') checkFullUri(visit, 'restricted URI', uri, false);
    } else if (type !== 'sharing') {
      invalid(visit, `type=${quote(type)} is not "country", "uri" or "sharing"`);
    }
  },
});

const PLAYER = leaf({
  attributes: ['height', 'url', 'width'],
  check(visit) {
    checkFullUri(visit, 'url', attribute(visit, 'url'), true);
    checkPositiveAttribute(visit, 'height');
    checkPositiveAttribute(visit, 'width');
  },
});

const THUMBNAIL = leaf({
  attributes: ['height', 'time', 'url', 'width'],
  check(visit) {
    const time = attribute(visit, 'time');
    if (time && !NPT.test(time)) invalid(visit, `time=${quote(time)} is not a Normal Play Time such as "12:05:01.123"`);
    checkFullUri(visit, 'url', attribute(visit, 'url'), true);
    checkPositiveAttribute(visit, 'height');
    checkPositiveAttribute(visit, 'width');
  },
});

const TEXT_TRACK = leaf({
  attributes: ['end', 'lang', 'start', 'type'],
  check(visit) {
    const type = attribute(visit, 'type');
    if (type && type !== 'plain' && type !== 'html') invalid(visit, `type=${quote(type)} is neither "plain" nor "html"`);
    for (const name of ['start', 'end']) {
      const time = attribute(visit, name);
      if (time && !NPT.test(time)) invalid(visit, `${name}=${quote(time)} is not a Normal Play Time such as "00:00:03.000"`);
    }
    const lang = attribute(visit, 'lang');
    if (lang && !isLanguageCode(lang)) report(visit, 'invalid-language', `${named(visit)} has lang=${quote(lang)}, which is not a language code`, 'end');
    if (type === 'html') checkHtml(visit);
    else checkPlainText(visit);
  },
});

const ADULT = leaf({
  once: true,
  start: (visit) => report(visit, 'deprecated-media-adult', `${named(visit)} is deprecated; use <media:rating scheme="urn:simple">adult</media:rating>`),
  check(visit) {
    if (!['true', 'false'].includes(visit.value.toLowerCase())) report(visit, 'invalid-boolean', `${named(visit)} ${quote(visit.value)} is neither "true" nor "false"`, 'end');
  },
});

/** The optional elements of Media RSS, allowed on items, channels, media:group and media:content. */
export const MEDIA_ELEMENTS: Readonly<Record<string, ChildKind>> = {
  media_adult: ADULT,
  media_category: CATEGORY,
  media_copyright: COPYRIGHT,
  media_credit: CREDIT,
  media_description: TITLE,
  media_keywords: TEXT,
  media_hash: HASH,
  media_player: PLAYER,
  media_rating: RATING,
  media_restriction: RESTRICTION,
  media_text: TEXT_TRACK,
  media_title: TITLE,
  media_thumbnail: THUMBNAIL,
  // Media RSS 1.5 additions, which carry their own structures.
  media_community: ANYTHING,
  media_comments: ANYTHING,
  media_embed: ANYTHING,
  media_responses: ANYTHING,
  media_backLinks: ANYTHING,
  media_status: ANYTHING,
  media_price: ANYTHING,
  media_license: ANYTHING,
  media_subTitle: ANYTHING,
  media_peerLink: ANYTHING,
  media_location: ANYTHING,
  media_rights: ANYTHING,
  media_scenes: ANYTHING,
};

const FLOAT = /^\d+\.?\d*/;

/** The attributes of media:content. */
export const MEDIA_CONTENT_ATTRIBUTES = ['bitrate', 'channels', 'duration', 'expression', 'fileSize', 'framerate', 'height', 'isDefault', 'lang', 'medium', 'samplingrate', 'type', 'url', 'width'];

/** media:content's attributes: numbers, enumerations, language, media type and URL. */
export function checkMediaContent(visit: Visit): void {
  for (const name of ['bitrate', 'duration', 'framerate', 'samplingrate']) {
    const value = attribute(visit, name);
    if (value && !FLOAT.test(value)) report(visit, 'invalid-value', `${named(visit)} has ${name}=${quote(value)}, which is not a number`, 'end');
  }
  const channels = attribute(visit, 'channels');
  if (channels) {
    const n = parseInteger(channels);
    if (n === undefined || n < 0) report(visit, 'invalid-integer', `${named(visit)} has channels=${quote(channels)}, which is not a whole number`, 'end');
  }
  const expression = attribute(visit, 'expression');
  if (expression && !['sample', 'full', 'nonstop'].includes(expression)) invalid(visit, `expression=${quote(expression)} is not "sample", "full" or "nonstop"`);
  checkPositiveAttribute(visit, 'fileSize');
  checkPositiveAttribute(visit, 'height');
  checkPositiveAttribute(visit, 'width');
  const isDefault = attribute(visit, 'isDefault');
  if (isDefault && !['true', 'false'].includes(isDefault.toLowerCase())) report(visit, 'invalid-boolean', `${named(visit)} has isDefault=${quote(isDefault)}, neither "true" nor "false"`, 'end');
  const lang = attribute(visit, 'lang');
  if (lang && !isLanguageCode(lang)) report(visit, 'invalid-language', `${named(visit)} has lang=${quote(lang)}, which is not a language code`, 'end');
  const medium = attribute(visit, 'medium');
  if (medium && !['image', 'audio', 'video', 'document', 'executable'].includes(medium)) invalid(visit, `medium=${quote(medium)} is not image, audio, video, document or executable`);
  const type = attribute(visit, 'type');
  if (type && !isMediaType(type)) report(visit, 'invalid-mime-type', `${named(visit)} has type=${quote(type)}, which is not a media type such as "video/mp4"`, 'end');
  const url = attribute(visit, 'url');
  if (url) reportUri(visit.context, visit.element, url, { absolute: true, iri: false }, 'relative-uri', `the url of ${named(visit)}`, 'end');
}

/** media:group holds alternatives: two or more media:content. */
export function checkMediaGroup(visit: Visit): void {
  if ((visit.counts.get('media_content') ?? 0) < 2) invalid(visit, 'a media:group holds alternative media:content elements (two or more); with one, drop the group');
}
