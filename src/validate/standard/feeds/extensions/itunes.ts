/**
 * Apple Podcasts' iTunes namespace (https://podcasters.apple.com/support/823-podcast-requirements;
 * W3C `itunes.py`): the channel and episode elements, their values, and the channel elements a podcast
 * needs once any iTunes element is used.
 */
import { container, leaf } from '../checks/common.ts';
import { checkPlainText } from '../checks/html.ts';
import { ANYTHING, FULL_URI_ONCE, oneOf, RFC822_ONCE, TEXT_ONCE } from '../checks/kinds.ts';
import { reportUri } from '../checks/uri.ts';
import { checkPositiveInteger, checkRssEmail } from '../checks/values.ts';
import type { ChildKind, Kind, Visit } from '../kind.ts';
import { named, quote, report } from '../report.ts';

function limited(max: number): Kind {
  return leaf({
    once: true,
    check(visit) {
      if (visit.value.length > max) report(visit, 'invalid-itunes-value', `${named(visit)} is ${visit.value.length} characters long; Apple allows ${max}`, 'end');
      checkPlainText(visit);
    },
  });
}

function flag(values: readonly string[]): Kind {
  return leaf({
    once: true,
    check(visit) {
      if (!values.includes(visit.value.toLowerCase())) report(visit, 'invalid-boolean', `${named(visit)} ${quote(visit.value)} is not one of ${values.map((v) => `"${v}"`).join(', ')}`, 'end');
    },
  });
}

const IMAGE = leaf({
  once: true,
  attributes: ['href'],
  check(visit) {
    const href = visit.element.attributes.find((a) => a.name === 'href' && a.uri === '');
    if (href === undefined) report(visit, 'missing-attribute', `${named(visit)} needs href with the artwork's URL`, 'end');
    else if (!/^https?:\/\/[^/\s]/i.test(href.value)) report(visit, 'relative-uri', `the href of ${named(visit)} ${quote(href.value)} is not an http(s) URL`, 'end');
    else reportUri(visit.context, visit.element, href.value, { absolute: true, iri: false }, 'relative-uri', `the href of ${named(visit)}`, 'end');
  },
});

const CATEGORY: Kind = {
  attributes: ['text'],
  children: { itunes_category: () => CATEGORY },
  start(visit) {
    if (!visit.element.attributes.some((a) => a.name === 'text' && a.uri === '')) report(visit, 'missing-attribute', `${named(visit)} needs a text attribute naming an Apple Podcasts category`);
  },
};

const OWNER = container(
  {
    itunes_email: leaf({ once: true, check: checkRssEmail }),
    itunes_name: limited(255),
  },
  {
    once: true,
    end(visit) {
      if (!visit.counts.has('itunes_email')) report(visit, 'missing-element', `${named(visit)} needs <itunes:email>, where Apple contacts the owner`, 'end');
    },
  },
);

const COMMON: Readonly<Record<string, ChildKind>> = {
  itunes_author: limited(255),
  itunes_block: flag(['yes', 'no', 'clean']),
  // Apple's values are "true" and "false"; the older "yes", "no" and "clean" are still accepted.
  itunes_explicit: flag(['true', 'false', 'yes', 'no', 'clean']),
  itunes_keywords: limited(255),
  itunes_subtitle: limited(255),
  itunes_summary: limited(4000),
  itunes_image: IMAGE,
  itunes_title: TEXT_ONCE,
};

/** iTunes elements of a channel (or Atom feed). */
export const ITUNES_CHANNEL: Readonly<Record<string, ChildKind>> = {
  ...COMMON,
  itunes_owner: OWNER,
  itunes_category: CATEGORY,
  itunes_pubDate: RFC822_ONCE,
  itunes_new_feed_url: FULL_URI_ONCE,
  itunes_type: oneOf(['episodic', 'serial'], 'invalid-itunes-value'),
  itunes_complete: flag(['yes', 'no']),
  itunes_applepodcastsverify: ANYTHING,
};

/** iTunes elements of an item (or Atom entry). */
export const ITUNES_ITEM: Readonly<Record<string, ChildKind>> = {
  ...COMMON,
  itunes_duration: leaf({
    once: true,
    check(visit) {
      if (!/^\d+(?::[0-5]\d(?::[0-5]\d)?)?$/.test(visit.value)) report(visit, 'invalid-itunes-value', `${named(visit)} ${quote(visit.value)} is not a duration; write seconds, or H:MM:SS, e.g. "1:02:30"`, 'end');
    },
  }),
  itunes_episode: leaf({ once: true, check: (v) => checkPositiveInteger(v) }),
  itunes_season: leaf({ once: true, check: (v) => checkPositiveInteger(v) }),
  itunes_episodeType: oneOf(['full', 'trailer', 'bonus'], 'invalid-itunes-value'),
};

/** True when `visit` has iTunes children. */
export function hasItunes(visit: Visit): boolean {
  for (const key of visit.counts.keys()) if (key.startsWith('itunes_')) return true;
  return false;
}

/** A podcast channel names its language, category, explicitness and owner (Apple's requirements). */
export function checkPodcastChannel(visit: Visit): void {
  const missing: string[] = [];
  if (!visit.counts.has('language') && visit.lang === undefined) missing.push('<language>');
  if (!visit.counts.has('itunes_category')) missing.push('<itunes:category>');
  if (!visit.counts.has('itunes_explicit')) missing.push('<itunes:explicit>');
  if (!visit.counts.has('itunes_owner')) missing.push('<itunes:owner> with <itunes:email>');
  if (missing.length > 0) report(visit, 'missing-itunes-element', `${named(visit)} uses iTunes podcast elements but lacks ${missing.join(', ')}, which Apple Podcasts requires`, 'end');
}
