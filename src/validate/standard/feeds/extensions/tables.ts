/**
 * Which extension elements each feed element takes (W3C `extension.py`): everywhere (Dublin Core, RDF,
 * geo), on channels and items (Media RSS), on items only (slash, wfw, threading, events…), on channels
 * only (syndication, admin, OpenSearch, feed history…), and the iTunes podcast elements.
 */
import { leaf } from '../checks/common.ts';
import { checkPlainText } from '../checks/html.ts';
import { ANYTHING, EMPTY, FULL_URI, FULL_URI_ONCE, NON_NEGATIVE_ONCE, oneOf, PLAIN_ONCE, POSITIVE_ONCE, rdfResource, RFC822_ONCE, sameAs, TEXT, TEXT_ONCE, W3CDTF_ONCE } from '../checks/kinds.ts';
import { reportUri } from '../checks/uri.ts';
import { checkHtml } from '../checks/html.ts';
import { checkInteger, checkIsoDateValue, checkMediaTypeValue, checkRssEmail } from '../checks/values.ts';
import type { ChildKind, Kind } from '../kind.ts';
import { NS } from '../namespaces.ts';
import { named, quote, report, reportAt, tag } from '../report.ts';
import { isMediaType } from '../values/mime.ts';
import { DUBLIN_CORE } from './dublin-core.ts';
import { ITUNES_CHANNEL, ITUNES_ITEM } from './itunes.ts';
import { checkMediaContent, checkMediaGroup, MEDIA_CONTENT_ATTRIBUTES, MEDIA_ELEMENTS } from './media.ts';

import { GEO } from './geo.ts';
/** Elements allowed in every element that takes extensions (W3C extension_everywhere). */
export const EVERYWHERE: Readonly<Record<string, ChildKind>> = {
  ...DUBLIN_CORE,
  ...GEO,
  rdf_RDF: ANYTHING,
  rdf_type: ANYTHING,
  rdf_Description: ANYTHING,
  rdfs_seeAlso: rdfResource(),
  opml_dateCreated: RFC822_ONCE,
  opml_dateModified: RFC822_ONCE,
  opml_ownerName: leaf({ once: true, check: (v) => checkHtml(v) }),
  opml_ownerEmail: leaf({ once: true, check: checkRssEmail }),
  opml_ownerId: FULL_URI_ONCE,
};

/** media:content: one media object (Media RSS §media:content). */
const MEDIA_CONTENT: Kind = { attributes: MEDIA_CONTENT_ATTRIBUTES, children: { ...MEDIA_ELEMENTS, ...EVERYWHERE }, end: checkMediaContent };
/** media:group: alternative media:content elements. */
const MEDIA_GROUP: Kind = { children: { ...MEDIA_ELEMENTS, media_content: MEDIA_CONTENT }, end: checkMediaGroup };

/** The RSS 1.0 link module's l:link (http://purl.org/rss/1.0/modules/link/). */
const LINK_MODULE: Kind = rdfResource();

/** Elements allowed on channels and items alike (W3C extension_channel_item). */
const CHANNEL_ITEM: Readonly<Record<string, ChildKind>> = {
  ...EVERYWHERE,
  ...MEDIA_ELEMENTS,
  taxo_topics: ANYTHING,
  l_link: LINK_MODULE,
};

/** thr:in-reply-to (RFC 4685 §3): ref required, href and source IRIs, type a media type. */
const IN_REPLY_TO: Kind = leaf({
  attributes: ['href', 'ref', 'source', 'type'],
  check(visit) {
    const value = (name: string) => visit.element.attributes.find((a) => a.name === name && a.uri === '')?.value;
    for (const name of ['href', 'source']) {
      const v = value(name);
      if (v !== undefined) reportUri(visit.context, visit.element, v, { absolute: false, iri: true }, 'invalid-uri', `the ${name} of ${named(visit)}`, 'end');
    }
    const ref = value('ref');
    if (ref === undefined) report(visit, 'missing-attribute', `${named(visit)} needs ref, the id of the entry replied to (RFC 4685 §3)`, 'end');
    else reportUri(visit.context, visit.element, ref, { absolute: true, iri: true }, 'relative-uri', `the ref of ${named(visit)}`, 'end');
    const type = value('type');
    if (type !== undefined && !isMediaType(type)) report(visit, 'invalid-mime-type', `${named(visit)} has type=${quote(type)}, which is not a media type`, 'end');
  },
});

/** Elements allowed on items (RSS and RSS 1.0) and Atom entries (W3C extension_item). */
const ITEM: Readonly<Record<string, ChildKind>> = {
  ...CHANNEL_ITEM,
  annotate_reference: rdfResource({ once: true }),
  company_name: TEXT_ONCE,
  company_market: TEXT_ONCE,
  company_symbol: TEXT_ONCE,
  ag_source: TEXT_ONCE,
  ag_sourceURL: FULL_URI_ONCE,
  ag_timestamp: leaf({ once: true, check: (v) => checkIsoDateValue(v, 'iso8601') }),
  ev_startdate: leaf({ once: true, check: (v) => checkIsoDateValue(v, 'iso8601', false) }),
  ev_enddate: leaf({ once: true, check: (v) => checkIsoDateValue(v, 'iso8601', false) }),
  ev_location: ANYTHING,
  ev_organizer: ANYTHING,
  ev_type: TEXT_ONCE,
  feedburner_awareness: FULL_URI_ONCE,
  feedburner_origEnclosureLink: FULL_URI_ONCE,
  feedburner_origLink: FULL_URI_ONCE,
  foaf_maker: ANYTHING,
  foaf_primaryTopic: ANYTHING,
  slash_comments: NON_NEGATIVE_ONCE,
  slash_section: TEXT,
  slash_department: TEXT,
  slash_hit_parade: leaf({
    once: true,
    check(visit) {
      if (!/^\d+(?:,\s*\d+)*$/.test(visit.value)) report(visit, 'invalid-value', `${named(visit)} ${quote(visit.value)} is not a comma-separated list of numbers`, 'end');
    },
  }),
  thr_children: (visit, child) => {
    if (visit.context.feedType !== 'rss1') reportAt(visit.context, 'undefined-element', child, `${tag(child)} belongs to RSS 1.0's threading module; in this format use <thr:in-reply-to> or links`);
    return ANYTHING;
  },
  thr_total: NON_NEGATIVE_ONCE,
  thr_in_reply_to: IN_REPLY_TO,
  wfw_comment: FULL_URI_ONCE,
  wfw_commentRss: FULL_URI_ONCE,
  wfw_commentRSS: (visit, child) => {
    reportAt(visit.context, 'comment-rss-case', child, `${tag(child)} is misspelled; the Comment API element is wfw:commentRss`);
    return FULL_URI_ONCE;
  },
  wiki_diff: TEXT,
  wiki_history: TEXT,
  wiki_importance: TEXT,
  wiki_status: TEXT,
  wiki_version: TEXT,
  media_group: MEDIA_GROUP,
  media_content: MEDIA_CONTENT,
  sx_sync: ANYTHING,
  conversationsNetwork_introMilliseconds: NON_NEGATIVE_ONCE,
  conversationsNetwork_image: FULL_URI_ONCE,
  // W3C extension.py: ratingAverage is a Float(), digits with an optional fraction (re.match('\d+\.?\d*$')),
  // else InvalidFloat (an Error).
  conversationsNetwork_ratingAverage: leaf({
    once: true,
    check(visit) {
      if (!/^\d+\.?\d*$/.test(visit.value)) report(visit, 'invalid-value', `${named(visit)} ${quote(visit.value)} is not a number; write the average rating as digits, e.g. "4.5"`, 'end');
    },
  }),
  conversationsNetwork_ratingCount: NON_NEGATIVE_ONCE,
  conversationsNetwork_ratingIndividual: POSITIVE_ONCE,
  conversationsNetwork_ratingTimestamp: leaf({ once: true, check: (v) => checkIsoDateValue(v, 'iso8601') }),
  ...googleBase(),
};

/** Google Base item attributes (http://base.google.com/ns/1.0), as text. */
function googleBase(): Record<string, ChildKind> {
  const names = (
    'actor age agent area apparel_type artist author bathrooms bedrooms brand calories cholesterol color cooking_time condition course ' +
    'course_date_range course_number course_times cuisine currency delivery_notes delivery_radius education employer ethnicity ' +
    'event_date_range expiration_date expiration_date_time fiber from_location gender hoa_dues format id immigration_status interested_in ' +
    'isbn job_function job_industry job_type listing_type location main_ingredient make manufacturer manufacturer_id marital_status meal_type ' +
    'megapixels memory mileage model model_number name_of_item_being_reviewed news_source occupation payment_notes pages pickup ' +
    'preparation_time price price_type processor_speed product_type property_type protein publication_name publication_volume publish_date ' +
    'quantity rating review_type reviewer_type salary salary_type saturated_fat school_district service_type servings sexual_orientation ' +
    'size shipping sodium subject subject_area tax_percent tax_region to_location total_carbs total_fat travel_date_range university upc ' +
    'url_of_item_being_reviewed vehicle_type vin weight year'
  ).split(' ');
  const table: Record<string, ChildKind> = Object.fromEntries(names.map((n) => [`g_${n}`, PLAIN_ONCE]));
  table.g_image_link = FULL_URI;
  table.g_label = TEXT;
  table.g_payment_accepted = TEXT;
  table.g_shipping = ANYTHING;
  return table;
}

/** Elements allowed on RSS 2.0 items. */
export const RSS20_ITEM_EXTENSIONS: Readonly<Record<string, ChildKind>> = {
  ...ITEM,
  ...ITUNES_ITEM,
  trackback_ping: FULL_URI_ONCE,
  trackback_about: FULL_URI,
};

/** Elements allowed on RSS 1.0 items. */
export const RSS10_ITEM_EXTENSIONS: Readonly<Record<string, ChildKind>> = {
  ...ITEM,
  trackback_ping: rdfResource({ once: true }),
  trackback_about: rdfResource(),
  l_permalink: leaf({
    attributes: [`{${NS.rdf}}resource`, '{http://purl.org/dc/elements/1.1/}title', '{http://purl.org/rss/1.0/modules/link/}type'],
    check(visit) {
      const type = visit.element.attributes.find((a) => a.name === 'type' && a.uri === 'http://purl.org/rss/1.0/modules/link/');
      if (type !== undefined) checkMediaTypeValue(visit, type.value);
    },
  }),
};

/** Elements allowed on Atom entries (besides Atom's own). */
export const ENTRY_EXTENSIONS: Readonly<Record<string, ChildKind>> = {
  ...ITEM,
  ...ITUNES_ITEM,
  dc_creator: TEXT,
  dc_subject: TEXT,
  dc_date: W3CDTF_ONCE,
  creativeCommons_license: FULL_URI,
  trackback_ping: FULL_URI_ONCE,
  trackback_about: FULL_URI,
};

const SY_PERIOD = oneOf(['hourly', 'daily', 'weekly', 'monthly', 'yearly'], 'invalid-update-period');

/** xhtml:meta name="robots" (W3C's support for robots directives in feeds). */
const XHTML_META: Kind = leaf({
  attributes: ['name', 'content'],
  check(visit) {
    const name = visit.element.attributes.find((a) => a.name === 'name' && a.uri === '')?.value;
    const content = visit.element.attributes.find((a) => a.name === 'content' && a.uri === '')?.value;
    if (name === undefined || content === undefined) report(visit, 'missing-attribute', `${named(visit)} needs name="robots" and content`, 'end');
    else if (name.toLowerCase() !== 'robots') report(visit, 'invalid-value', `${named(visit)} name=${quote(name)} is not "robots"`, 'end');
    else if (!/^(?:all|none|(?:no)?index(?:,(?:no)?follow)?|(?:no)?follow(?:,(?:no)?index)?)$/i.test(content)) report(visit, 'invalid-value', `${named(visit)} content=${quote(content)} is not a robots directive such as "noindex,follow"`, 'end');
  },
});

// W3C validators.py rfc2396_full: a scheme, then URI characters (RFC 2396 §3).
const FULL_URI_SYNTAX = /^[a-zA-Z][0-9a-zA-Z+.-]*:(?:\/\/)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$/;

/**
 * feedburner:feedFlare: href and src, both required (W3C extension.py feedFlare), each a heisen_uri: in Atom
 * an IRI reference (rfc3987: bad characters or syntax are errors), in RSS a reference that is not an
 * absolute URI only draws the ContainsRelRef warning.
 */
const FEED_FLARE = leaf({
  attributes: ['href', 'src'],
  check(visit) {
    for (const name of ['href', 'src']) {
      const value = visit.element.attributes.find((a) => a.name === name && a.uri === '')?.value;
      if (value === undefined) report(visit, 'missing-attribute', `${named(visit)} needs ${name}`, 'end');
      else if (visit.context.feedType === 'atom') reportUri(visit.context, visit.element, value, { absolute: false, iri: true }, 'invalid-uri', `the ${name} of ${named(visit)}`, 'end');
      else if (!FULL_URI_SYNTAX.test(value)) report(visit, 'relative-reference', `the ${name} of ${named(visit)} ${quote(value)} is not an absolute URI; readers resolve it against their own address. Write the full address, e.g. "https://example.com/flare"`, 'end');
    }
    checkPlainText(visit);
  },
});

/**
 * Bloglines access:restriction (http://www.bloglines.com/about/specs/fac-1.0), on <rss> and on an Atom
 * <feed> (W3C rss.py, extension.py access_restriction): relationship is required (MissingAttribute) and is
 * "allow" or "deny" (InvalidAccessRestrictionRel), both errors.
 */
export const ACCESS_RESTRICTION: Kind = accessRestriction(false);

/** access:restriction, once per parent when `once` (on <rss>, whose W3C element takes it once). */
export function accessRestriction(once: boolean): Kind {
  return leaf({
    once,
    attributes: ['relationship'],
    check(visit) {
      const relationship = visit.element.attributes.find((a) => a.name === 'relationship' && a.uri === '')?.value;
      if (relationship === undefined) report(visit, 'missing-attribute', `${named(visit)} needs relationship="allow" or "deny"`, 'end');
      else if (relationship !== 'allow' && relationship !== 'deny') report(visit, 'invalid-value', `${named(visit)} relationship=${quote(relationship)} is neither "allow" nor "deny"`, 'end');
    },
  });
}

/** Elements allowed on channels (RSS, RSS 1.0) and Atom feeds (W3C extension_channel). */
const CHANNEL: Readonly<Record<string, ChildKind>> = {
  ...CHANNEL_ITEM,
  // mod_admin (http://webns.net/mvcb/): rdf:resource names the generator's, and the error contact's, URI;
  // the W3C's test cases hold it to a full URI (InvalidLink, an Error).
  admin_generatorAgent: sameAs('generator', rdfResource({ once: true, absolute: true })),
  admin_errorReportsTo: rdfResource({ once: true, absolute: true }),
  blogChannel_blogRoll: FULL_URI_ONCE,
  blogChannel_mySubscriptions: FULL_URI_ONCE,
  blogChannel_blink: FULL_URI_ONCE,
  blogChannel_changes: FULL_URI_ONCE,
  sy_updatePeriod: SY_PERIOD,
  sy_updateFrequency: POSITIVE_ONCE,
  sy_updateBase: W3CDTF_ONCE,
  foaf_maker: ANYTHING,
  cp_server: rdfResource(),
  wiki_interwiki: TEXT,
  thr_in_reply_to: IN_REPLY_TO,
  cf_listinfo: ANYTHING,
  cf_treatAs: TEXT,
  feedburner_awareness: FULL_URI_ONCE,
  feedburner_browserFriendly: PLAIN_ONCE,
  // The W3C's FeedBurner test cases: emailServiceId's text is an integer (InvalidInteger, an Error).
  feedburner_emailServiceId: leaf({ once: true, check: (v) => checkInteger(v) }),
  feedburner_feedFlare: FEED_FLARE,
  feedburner_info: leaf({ attributes: ['uri'] }),
  feedburner_feedburnerHostname: FULL_URI_ONCE,
  opensearch_totalResults: NON_NEGATIVE_ONCE,
  opensearch_startIndex: leaf({ once: true, check: (v) => checkInteger(v) }),
  opensearch_itemsPerPage: NON_NEGATIVE_ONCE,
  opensearch10_totalResults: NON_NEGATIVE_ONCE,
  opensearch10_startIndex: leaf({ once: true, check: (v) => checkInteger(v) }),
  opensearch10_itemsPerPage: NON_NEGATIVE_ONCE,
  opensearch_Query: leaf({ attributes: 'any' }),
  xhtml_div: ANYTHING,
  xhtml_meta: XHTML_META,
  sx_sharing: ANYTHING,
  fh_archive: EMPTY,
  fh_complete: EMPTY,
};

/** Elements allowed on RSS 2.0 and RSS 1.0 channels (besides the format's own). */
export const CHANNEL_EXTENSIONS: Readonly<Record<string, ChildKind>> = { ...CHANNEL, ...ITUNES_CHANNEL };

/** Elements allowed on Atom feeds (besides Atom's own). */
export const FEED_EXTENSIONS: Readonly<Record<string, ChildKind>> = {
  ...CHANNEL,
  ...ITUNES_CHANNEL,
  dc_creator: TEXT,
  dc_subject: TEXT,
  dc_date: W3CDTF_ONCE,
  creativeCommons_license: FULL_URI,
  access_restriction: ACCESS_RESTRICTION,
};

/** Elements allowed on every element that takes extensions but channels and items (images, text inputs). */
export const EVERYWHERE_EXTENSIONS = EVERYWHERE;

