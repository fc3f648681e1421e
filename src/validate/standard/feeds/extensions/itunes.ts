/**
 * Apple Podcasts' iTunes namespace (https://podcasters.apple.com/support/823-podcast-requirements;
 * W3C `itunes.py`): the channel and episode elements, their values, Apple's categories, and the channel
 * elements a podcast needs once any iTunes element is used.
 */
import type { XmlElement } from '../../../xml/tree.ts';
import { container, leaf } from '../checks/common.ts';
import { checkPlainText } from '../checks/html.ts';
import { ANYTHING, FULL_URI_ONCE, oneOf, RFC822_ONCE, TEXT_ONCE } from '../checks/kinds.ts';
import { checkAddrSpec, checkPositiveInteger } from '../checks/values.ts';
import type { ChildKind, Kind, Visit } from '../kind.ts';
import { named, quote, report, reportAt, tag } from '../report.ts';
import { isHttpUrl } from '../values/uri.ts';
import { CURRENT_CATEGORIES, RETIRED_CATEGORIES } from './itunes-categories.ts';

function limited(max: number, check?: (visit: Visit) => void): Kind {
  return leaf({
    once: true,
    check(visit) {
      if (visit.value.length > max) report(visit, 'invalid-itunes-value', `${named(visit)} is ${visit.value.length} characters long; Apple allows ${max}`, 'end');
      checkPlainText(visit);
      check?.(visit);
    },
  });
}

/** A flag with its value as written: Apple reads it exactly, white space included (W3C truefalse, yesnoclean). */
function flag(values: readonly string[]): Kind {
  return leaf({
    once: true,
    keepWhitespace: true,
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
    else if (!isHttpUrl(href.value)) report(visit, 'relative-uri', `the href of ${named(visit)} ${quote(href.value)} is not an http(s) URL with a host`, 'end');
  },
});

/** itunes:category text="…", with at most a subcategory of it (Apple Podcasts categories). */
function category(parentText: string | undefined): Kind {
  return {
    attributes: ['text'],
    children: {
      itunes_category: (visit) => {
        const text = visit.element.attributes.find((a) => a.name === 'text' && a.uri === '')?.value;
        return text === undefined ? ANYTHING : category(text);
      },
    },
    start(visit) {
      const text = visit.element.attributes.find((a) => a.name === 'text' && a.uri === '')?.value;
      if (text === undefined) {
        report(visit, 'missing-attribute', `${named(visit)} needs a text attribute naming an Apple Podcasts category`);
        return;
      }
      const current = parentText === undefined ? Object.keys(CURRENT_CATEGORIES) : (CURRENT_CATEGORIES[parentText] ?? []);
      const retired = parentText === undefined ? Object.keys(RETIRED_CATEGORIES) : (RETIRED_CATEGORIES[parentText] ?? []);
      const what = parentText === undefined ? 'category' : `subcategory of ${quote(parentText)}`;
      if (current.includes(text)) return;
      if (retired.includes(text)) report(visit, 'obsolete-itunes-category', `${named(visit)} text=${quote(text)} is a retired Apple Podcasts ${what}; choose a current one`);
      else report(visit, 'invalid-itunes-value', `${named(visit)} text=${quote(text)} is not an Apple Podcasts ${what} (spelled and capitalised as Apple lists it, e.g. "News")`);
    },
  };
}

const OWNER = container(
  {
    // Apple's owner e-mail is a bare address (no RSS "address (Real Name)" form), as checkAddrSpec checks.
    itunes_email: leaf({ once: true, check: (v) => checkAddrSpec(v, v.value.trim()) }),
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
  itunes_explicit: flag(['true', 'false']),
  itunes_keywords: limited(255, (visit) => {
    if (visit.value.includes(' ') && !visit.value.includes(',')) report(visit, 'itunes-keywords', `${named(visit)} separates its keywords with spaces; separate them with commas`, 'end');
  }),
  itunes_subtitle: limited(255),
  itunes_summary: limited(4000),
  itunes_image: IMAGE,
  itunes_title: TEXT_ONCE,
};

/** iTunes elements of a channel (or Atom feed). */
export const ITUNES_CHANNEL: Readonly<Record<string, ChildKind>> = {
  ...COMMON,
  itunes_owner: OWNER,
  itunes_category: category(undefined),
  itunes_pubDate: RFC822_ONCE,
  // Apple's element is itunes:new-feed-url; "new_feed_url" is another (undefined) name.
  itunes_new_feed_url: (_visit: Visit, child: XmlElement) => (child.name === 'new-feed-url' ? FULL_URI_ONCE : undefined),
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

const PLAYABLE = new Set(['m4a', 'mp3', 'mov', 'mp4', 'm4v', 'pdf', 'epub']);

/** An episode's enclosures are in formats Apple Podcasts plays. */
export function checkEpisodeMedia(visit: Visit, enclosures: readonly XmlElement[]): void {
  for (const enclosure of enclosures) {
    const url = enclosure.attributes.find((a) => a.name === 'url' && a.uri === '')?.value;
    if (url === undefined) continue;
    const extension = url.split('.').pop() as string;
    if (!PLAYABLE.has(extension)) reportAt(visit.context, 'unsupported-itunes-format', enclosure, `${tag(enclosure)} ${quote(url)} is not a format Apple Podcasts plays (${[...PLAYABLE].join(', ')})`);
  }
}

/** A podcast channel names its language, category, explicitness and owner, in UTF-8 (Apple's requirements). */
export function checkPodcastChannel(visit: Visit): void {
  const missing: string[] = [];
  if (!visit.counts.has('language') && visit.lang === undefined) missing.push('<language>');
  if (!visit.counts.has('itunes_category')) missing.push('<itunes:category>');
  if (!visit.counts.has('itunes_explicit')) missing.push('<itunes:explicit>');
  if (!visit.counts.has('itunes_owner')) missing.push('<itunes:owner> with <itunes:email>');
  if (missing.length > 0) report(visit, 'missing-itunes-element', `${named(visit)} uses iTunes podcast elements but lacks ${missing.join(', ')}, which Apple Podcasts requires`, 'end');
  const encoding = visit.context.encoding;
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) report(visit, 'itunes-not-utf8', `the feed is declared ${quote(encoding)}; Apple Podcasts requires UTF-8`, 'end');
}
