/**
 * The smaller RSS 2.0 elements (https://www.rssboard.org/rss-specification): image, textInput, cloud,
 * skipHours, skipDays, enclosure, guid, source and category, with the W3C validator's checks
 * (`image.py`, `textInput.py`, `skipHours.py`, `skipDays.py`, `item.py`, `channel.py`).
 */
import { checkOnce, container, leaf } from '../checks/common.ts';
import { checkPlainText } from '../checks/html.ts';
import { ANYTHING, FULL_URI_ONCE, PLAIN_ONCE, TEXT, TEXT_ONCE, W3CDTF_ONCE } from '../checks/kinds.ts';
import { reportUri } from '../checks/uri.ts';
import { checkUriValue } from '../checks/values.ts';
import { EVERYWHERE_EXTENSIONS } from '../extensions/tables.ts';
import type { FeedRuleId } from '../../../rules/feeds.ts';
import type { Kind, Visit } from '../kind.ts';
import { NS } from '../namespaces.ts';
import { named, quote, report } from '../report.ts';
import { isMediaType } from '../values/mime.ts';
import { parseInteger } from '../values/numbers.ts';
import { isHttpUrl } from '../values/uri.ts';

function attribute(visit: Visit, name: string, uri = ''): string | undefined {
  return visit.element.attributes.find((a) => a.name === name && a.uri === uri)?.value;
}

/** The channel a channel-level element belongs to (its parent). */
function channelOf(visit: Visit): Visit | undefined {
  return visit.parent?.parent;
}

const IMAGE_TITLE = leaf({
  once: true,
  check(visit) {
    if (visit.value === '') report(visit, 'blank-value', `${named(visit)} is empty; give the image the channel's title`, 'end');
    else checkPlainText(visit);
    const channelTitle = channelOf(visit)?.state.title;
    if (typeof channelTitle === 'string' && channelTitle !== '' && channelTitle !== visit.value) {
      report(visit, 'image-title-mismatch', `${named(visit)} ${quote(visit.value)} differs from the channel title ${quote(channelTitle)}; the RSS Profile asks for the same text`, 'end');
    }
  },
});

const IMAGE_LINK = leaf({
  once: true,
  check(visit) {
    checkUriValue(visit, { absolute: true, iri: false });
    const channelLink = channelOf(visit)?.state.link;
    if (typeof channelLink === 'string' && channelLink !== '' && channelLink !== visit.value) {
      report(visit, 'image-link-mismatch', `${named(visit)} ${quote(visit.value)} differs from the channel link ${quote(channelLink)}; the image should link to the channel's site`, 'end');
    }
  },
});

const IMAGE_URL = leaf({
  once: true,
  check(visit) {
    checkUriValue(visit, { absolute: true, iri: false });
    const extension = (visit.value.split('.').pop() as string).toLowerCase();
    if (/^\w+$/.test(extension) && !['jpg', 'jpeg', 'gif', 'png'].includes(extension)) {
      report(visit, 'image-url-format', `${named(visit)} ${quote(visit.value)} does not look like a GIF, JPEG or PNG, the formats RSS images take`, 'end');
    }
  },
});

function dimension(max: number): Kind {
  return leaf({
    once: true,
    check(visit) {
      const n = parseInteger(visit.value);
      if (n === undefined || n <= 0 || n > max) {
        report(visit, 'invalid-image-size', `${named(visit)} ${quote(visit.value)} is not a number of pixels from 1 to ${max}, the RSS 2.0 maximum`, 'end');
      }
    },
  });
}

/** <image> in an RSS 2.0 channel; with rdf:resource it is an RSS 1.0 reference. */
export const IMAGE: Kind = container(
  {
    ...EVERYWHERE_EXTENSIONS,
    title: IMAGE_TITLE,
    link: IMAGE_LINK,
    url: IMAGE_URL,
    width: dimension(144),
    height: dimension(400),
    description: PLAIN_ONCE,
    dc_creator: TEXT,
    dc_subject: TEXT,
    dc_date: W3CDTF_ONCE,
    cc_license: ANYTHING,
  },
  {
    once: true,
    attributes: [`{${NS.rdf}}resource`, `{${NS.rdf}}about`, `{${NS.rdf}}parseType`],
    end(visit) {
      if (attribute(visit, 'resource', NS.rdf) !== undefined) return;
      const missing = ['title', 'url', ...(attribute(visit, 'parseType', NS.rdf) !== undefined ? [] : ['link'])].filter((name) => !visit.counts.has(name));
      for (const name of missing) report(visit, 'missing-element', `${named(visit)} needs <${name}>`, 'end');
    },
  },
);

/** <textInput> in a channel. */
export const TEXT_INPUT: Kind = container(
  {
    ...EVERYWHERE_EXTENSIONS,
    title: PLAIN_ONCE,
    description: TEXT_ONCE,
    name: leaf({
      once: true,
      check(visit) {
        if (!/^[A-Za-z]/.test(visit.value)) report(visit, 'invalid-form-name', `${named(visit)} ${quote(visit.value)} is not a form field name; start it with a letter`, 'end');
      },
    }),
    link: FULL_URI_ONCE,
    dc_creator: TEXT,
    dc_subject: TEXT,
    dc_date: W3CDTF_ONCE,
  },
  {
    once: true,
    attributes: [`{${NS.rdf}}about`],
    end(visit) {
      for (const name of ['title', 'link', 'description', 'name']) {
        if (!visit.counts.has(name)) report(visit, 'missing-element', `${named(visit)} needs <${name}>`, 'end');
      }
    },
  },
);

/** <cloud>: all five attributes, port a positive number (RSS 2.0 §cloud). */
export const CLOUD: Kind = {
  attributes: ['domain', 'path', 'registerProcedure', 'protocol', 'port'],
  children: {},
  start(visit) {
    checkOnce(visit);
    if (attribute(visit, 'domain') === undefined) report(visit, 'missing-attribute', `${named(visit)} needs domain, the host of the cloud service`);
    const port = attribute(visit, 'port');
    if (port === undefined) report(visit, 'missing-attribute', `${named(visit)} needs port, the TCP port of the cloud service`);
    else if ((parseInteger(port) ?? 0) <= 0) report(visit, 'invalid-integer', `${named(visit)} port=${quote(port)} is not a positive port number`);
    for (const name of ['path', 'registerProcedure', 'protocol']) {
      if (attribute(visit, name) === undefined) report(visit, 'missing-attribute', `${named(visit)} needs ${name}`);
    }
  },
};

const HOUR = leaf({
  check(visit) {
    const hours = ((visit.parent as Visit).state.hours ??= []) as number[];
    const h = parseInteger(visit.value);
    if (h !== undefined && (hours.includes(h) || ((h === 0 || h === 24) && hours.includes(24 - h)))) {
      report(visit, 'duplicate-value', `${named(visit)} ${quote(visit.value)} is listed twice in <skipHours>`, 'end');
    }
    if (h === undefined || h < 0 || h > 23) {
      if (visit.value === '24') report(visit, 'zero-for-midnight', `${named(visit)} is 24; the RSS Profile writes midnight as 0`, 'end');
      else report(visit, 'invalid-skip-hour', `${named(visit)} ${quote(visit.value)} is not an hour from 0 to 23 (GMT)`, 'end');
    } else {
      hours.push(h);
    }
  },
});

/** <skipHours>: hours 0–23, each once, at most 24. */
export const SKIP_HOURS: Kind = container(
  { hour: HOUR },
  {
    end(visit) {
      if (!visit.counts.has('hour')) report(visit, 'missing-element', `${named(visit)} needs at least one <hour>`, 'end');
      if (visit.seen.length > 24) report(visit, 'too-many-skip-values', `${named(visit)} lists ${visit.seen.length} hours, but a day has 24`, 'end');
    },
  },
);

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const DAY = leaf({
  check(visit) {
    const days = ((visit.parent as Visit).state.days ??= []) as string[];
    if (!DAYS.includes(visit.value)) report(visit, 'invalid-skip-day', `${named(visit)} ${quote(visit.value)} is not a day name (Monday … Sunday, capitalised)`, 'end');
    else if (days.includes(visit.value)) report(visit, 'duplicate-value', `${named(visit)} ${quote(visit.value)} is listed twice in <skipDays>`, 'end');
    else days.push(visit.value);
  },
});

/** <skipDays>: day names, each once, at most 7. */
export const SKIP_DAYS: Kind = container(
  { day: DAY },
  {
    end(visit) {
      if (!visit.counts.has('day')) report(visit, 'missing-element', `${named(visit)} needs at least one <day>`, 'end');
      if (visit.seen.length > 7) report(visit, 'too-many-skip-values', `${named(visit)} lists ${visit.seen.length} days, but a week has 7`, 'end');
    },
  },
);

/** <enclosure>: url (http), length (bytes) and type (media type) all required (RSS 2.0 §enclosure). */
export const ENCLOSURE: Kind = {
  attributes: ['url', 'length', 'type'],
  children: {},
  start(visit) {
    checkOnce(visit, 'duplicate-enclosure');
    const length = attribute(visit, 'length');
    if (length === undefined) report(visit, 'missing-attribute', `${named(visit)} needs length, the size in bytes (0 when unknown)`);
    else {
      const n = parseInteger(length);
      if (n === undefined) report(visit, 'invalid-integer', `${named(visit)} length=${quote(length)} is not a number of bytes`);
      else if (n === -1) report(visit, 'invalid-integer', `${named(visit)} length="-1": write 0 when the size is unknown (RSS Profile)`);
      else if (n < 0) report(visit, 'invalid-integer', `${named(visit)} length=${quote(length)} is negative; give the size in bytes`);
    }
    const type = attribute(visit, 'type');
    if (type === undefined) report(visit, 'missing-attribute', `${named(visit)} needs type, the media type such as "audio/mpeg"`);
    else if (!isMediaType(type)) report(visit, 'invalid-mime-type', `${named(visit)} type=${quote(type)} is not a media type such as "audio/mpeg"`);
    const url = attribute(visit, 'url');
    if (url === undefined) report(visit, 'missing-attribute', `${named(visit)} needs url, the http address of the file`);
    else if (!isHttpUrl(url)) report(visit, 'relative-uri', `${named(visit)} url=${quote(url)} is not an http(s) URL with a host; enclosures are fetched over HTTP`);
  },
};

/** <guid>: a permalink URL unless isPermaLink="false" (RSS 2.0 §guid). */
export const GUID: Kind = leaf({
  once: true,
  attributes: ['isPermaLink'],
  check(visit) {
    let permalink = true;
    const flag = attribute(visit, 'isPermaLink');
    if (flag !== undefined) {
      if (flag !== 'true' && flag !== 'false') report(visit, 'invalid-boolean', `${named(visit)} isPermaLink=${quote(flag)} is neither "true" nor "false"`, 'end');
      permalink = flag === 'true';
    }
    const value = visit.value;
    if (permalink) {
      if (reportUri(visit.context, visit.element, value, { absolute: true, iri: false }, 'invalid-guid', named(visit), 'end')) {
        const lower = value.toLowerCase();
        if (lower.startsWith('tag:') || lower.startsWith('urn:uuid:')) {
          report(visit, 'invalid-permalink', `${named(visit)} ${quote(value)} is not a web address, so it cannot be a permalink; add isPermaLink="false"`, 'end');
        }
      }
    } else if (value.length < 9 && /^\d+$/.test(value)) {
      report(visit, 'guid-not-unique-enough', `${named(visit)} ${quote(value)} is a short number, unlikely to be unique across feeds; use a URL or a tag: URI`, 'end');
    }
    const channel = visit.parent?.parent;
    if (channel !== undefined) unique(visit, channel, 'guids', `${named(visit)} ${quote(value)} repeats the guid of an earlier item; each item needs its own`);
  },
});

/** W3C unique: a blank value is a warning, a value repeated in `scope` is reported under `rule`. */
export function unique(visit: Visit, scope: Visit, key: string, message: string, rule: FeedRuleId = 'duplicate-value'): 'blank' | 'duplicate' | 'new' {
  if (visit.value === '') {
    report(visit, 'blank-value', `${named(visit)} is empty; give it a value or leave it out`, 'end');
    return 'blank';
  }
  const values = (scope.state[key] ??= new Set<string>()) as Set<string>;
  if (values.has(visit.value)) {
    report(visit, rule, message, 'end');
    return 'duplicate';
  }
  values.add(visit.value);
  return 'new';
}

/** <source url="…">: the feed the item came from (RSS 2.0 §source). */
export const SOURCE: Kind = leaf({
  once: true,
  attributes: ['url'],
  start(visit) {
    const url = attribute(visit, 'url');
    if (url === undefined) report(visit, 'missing-attribute', `${named(visit)} needs url, the address of the feed the item came from`);
    else reportUri(visit.context, visit.element, url, { absolute: true, iri: false }, 'relative-uri', `the url of ${named(visit)}`, 'start');
  },
  check: (visit) => checkPlainText(visit),
});

/** <category domain="…"> (RSS 2.0 §category). */
export const CATEGORY: Kind = leaf({ attributes: ['domain'], check: (visit) => checkPlainText(visit) });

/** An item's <category>, which should not be empty. */
export const ITEM_CATEGORY: Kind = leaf({
  attributes: ['domain'],
  nonBlank: true,
  check: (visit) => checkPlainText(visit),
});
