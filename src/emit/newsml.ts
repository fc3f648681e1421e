import { create } from 'xmlbuilder2';
import { XMLWriter } from 'xmlbuilder2/lib/writers/XMLWriter.js';
import type { SiteConfig } from '../config.ts';
import { lastModified, type Article, type Image } from '../model/article.ts';
import type { Emitter } from '../model/output.ts';
import { toByline, toLine } from './byline.ts';
import { toOutputValue, toXmlbuilderText } from './xmltext.ts';

/** IPTC News Architecture namespace shared by every NewsML-G2 element. */
const NEWSML_NS = 'http://iptc.org/std/nar/2006-10-01/';
/** Namespace of the inline XHTML body. */
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
/** IPTC's catalog of its own scheme aliases (ninat, stat, medtop, …), version 40. */
const IPTC_CATALOG_URL = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_40.xml';
/** Content type of a reference to another NewsML-G2 item (itemRef, link). */
const NEWSITEM_CONTENT_TYPE = 'application/vnd.iptc.g2.newsitem+xml';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

type Builder = ReturnType<typeof create>;

/** One item of the message as the package describes it in its itemRef (NewsML-G2 spec, Package Item). */
interface ItemRef {
  guid: string;
  itemClass: 'ninat:text' | 'ninat:picture';
  title: string;
  /** The referenced item's slugline and headline (text item only). */
  slugline?: string;
  headline?: string;
  /** The referenced item's description, with the same role as in the item. */
  description: { role: 'drol:summary' | 'drol:caption'; text: string };
}

/** A photo with a URL, which becomes its own picture item. */
interface Picture {
  image: Image & { url: string };
  guid: string;
}

/** One `articles/<id>/newsml.xml` per article: a newsMessage with the package, text and picture items. */
export const emitNewsml: Emitter = (articles, site) =>
  articles.map((article) => ({
    path: `articles/${article.id}/newsml.xml`,
    text: toNewsMessage(article, site),
    format: 'newsml',
    sources: [article.source],
  }));

/** The article as a NewsML-G2 2.35 newsMessage (power conformance), serialised, ending in "\n". */
export function toNewsMessage(raw: Article, site: SiteConfig): string {
  // The text every format carries (toOutputText): xmlbuilder2 would drop only what XML forbids and keep
  // C1 controls and noncharacters, which the feeds drop, so the formats would disagree.
  const article = toOutputValue(raw);
  site = toOutputValue(site);
  // XML 1.0 forbids C0 controls, U+FFFE/U+FFFF and lone surrogates: every string that is not a literal
  // here goes through toXmlbuilderText, which drops them (xmlbuilder2's invalidCharReplacement would check
  // every string again, character by character, names and namespaces included).
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const message = doc.ele(NEWSML_NS, 'newsMessage');
  // header/sent is "when the message was sent". Reading the clock would make every rebuild differ, so the
  // message is stamped with the time its content last changed: the same input always gives the same bytes.
  message.ele(NEWSML_NS, 'header').ele(NEWSML_NS, 'sent').txt(toXmlbuilderText(lastModified(article)));
  const itemSet = message.ele(NEWSML_NS, 'itemSet');

  const pictures = toPictures(article);
  const parts = toPublicationParts(site);
  // A withdrawn story is a notice that cancels every item without repeating its content (addNoticeItems).
  if (toPubStatus(article) === 'stat:canceled') addNoticeItems(itemSet, article, parts, pictures);
  else addStoryItems(itemSet, article, site, parts, pictures);
  return `${new XhtmlAwareWriter(doc.options, { prettyPrint: true }).serialize(doc.node)}\n`;
}

/** The usable story: the package (with an itemRef per item), the text item and one picture item per photo with a URL. */
function addStoryItems(itemSet: Builder, article: Article, site: SiteConfig, parts: PublicationParts, pictures: readonly Picture[]): void {
  const refs: ItemRef[] = [
    {
      guid: article.guid,
      itemClass: 'ninat:text',
      title: article.headline,
      slugline: article.id,
      headline: article.headline,
      description: { role: 'drol:summary', text: article.description },
    },
    ...pictures.map(
      (p): ItemRef => ({ guid: p.guid, itemClass: 'ninat:picture', title: p.image.caption, description: { role: 'drol:caption', text: p.image.caption } }),
    ),
  ];
  addPackageItem(itemSet, article, parts, refs);
  addTextItem(itemSet, article, site, parts, pictures);
  for (const picture of pictures) addPictureItem(itemSet, article, parts, picture);
}

/** Photos with a URL; photos known only by their caption cannot be delivered as picture items. */
function toPictures(article: Article): Picture[] {
  // Numbered by position among all photos, so a photo's guid does not change when an earlier photo gains a URL.
  return article.images.flatMap((image, index) =>
    image.url === undefined ? [] : [{ image: { ...image, url: image.url }, guid: `${article.guid}:photo-${index + 1}` }],
  );
}

/** The attributes every item root carries (XSD type "AnyItemType"). */
function addItem(parent: Builder, name: 'packageItem' | 'newsItem', guid: string, article: Article): Builder {
  return (
    parent
      .ele(NEWSML_NS, name)
      .att('standard', 'NewsML-G2')
      .att('standardversion', '2.35')
      .att('conformance', 'power')
      .att('guid', toXmlbuilderText(guid))
      // The build keeps the (guid, version) pairs it has published (dist/manifest.json) and sets
      // `article.version` when an item changes; every item of the message is re-issued at that version.
      .att('version', toItemVersion(article))
      .att(XML_NS, 'xml:lang', toXmlbuilderText(article.language))
  );
}

/** The publication's rights statement (site.json `copyright`), which covers the package and the text item. */
function buildRightsInfo(parent: Builder, site: SiteConfig): void {
  const rights = parent.ele(NEWSML_NS, 'rightsInfo');
  rights.ele(NEWSML_NS, 'copyrightHolder').ele(NEWSML_NS, 'name').txt(toXmlbuilderText(toLine(site.copyright.holder)));
  rights.ele(NEWSML_NS, 'copyrightNotice').txt(toXmlbuilderText(site.copyright.notice));
}

/**
 * A photo's own rights: its copyright notice when front matter gives one. Nobody told us who holds it
 * (the notice is free text, the creator need not be the holder), so no copyrightHolder is claimed; the
 * element is optional in RightsInfoType. A photo without a notice travels under the publication's statement.
 */
function addPictureRightsInfo(item: Builder, image: Image, parts: PublicationParts): void {
  if (image.copyright === undefined) {
    item.import(parts.rightsInfo);
    return;
  }
  item.ele(NEWSML_NS, 'rightsInfo').ele(NEWSML_NS, 'copyrightNotice').txt(toXmlbuilderText(image.copyright));
}

/** provider: the party that supplies the items (site.json `newsml.provider`). */
function buildProvider(parent: Builder, site: SiteConfig): void {
  // toChosenFormats leaves NewsML-G2 out when site.json has no provider, so this is never reached without one.
  const provider = site.newsml?.provider ?? { uri: '', name: '' };
  parent.ele(NEWSML_NS, 'provider').att('uri', toXmlbuilderText(provider.uri)).ele(NEWSML_NS, 'name').txt(toXmlbuilderText(toLine(provider.name)));
}

/**
 * What every message of a publication repeats word for word: the catalog reference, the provider, the
 * rights statement and the package's `group:` scheme (from site.json). Built once per publication and
 * imported where they go (xmlbuilder2 clones them into the document), which spares building and checking
 * the same elements in every item (0.52 → 0.43 ms per message on the benchmark archive). They are built
 * in a document of their own: imported from a `fragment()`, they made every message twice as slow
 * (measured; the DOM's node constructor turned slow, the cause was not pinned down).
 */
interface PublicationParts {
  catalogRef: Builder;
  provider: Builder;
  rightsInfo: Builder;
  groupCatalog: Builder;
}

/** Parts by the texts they are built from, so a publication never gets another's (or an edited site.json's old) parts. */
const partsByText = new Map<string, PublicationParts>();

function toPublicationParts(site: SiteConfig): PublicationParts {
  const key = JSON.stringify([site.newsml?.provider.uri, site.newsml?.provider.name, site.copyright.holder, site.copyright.notice, toGroupRoleSchemeUri(site)]);
  let parts = partsByText.get(key);
  if (parts === undefined) {
    const part = (build: (parent: Builder) => void): Builder => {
      const holder = create().ele(NEWSML_NS, 'parts');
      build(holder);
      return holder.first();
    };
    parts = {
      catalogRef: part((parent) => parent.ele(NEWSML_NS, 'catalogRef').att('href', IPTC_CATALOG_URL)),
      provider: part((parent) => buildProvider(parent, site)),
      rightsInfo: part((parent) => buildRightsInfo(parent, site)),
      groupCatalog: part((parent) => parent.ele(NEWSML_NS, 'catalog').ele(NEWSML_NS, 'scheme').att('alias', 'group').att('uri', toXmlbuilderText(toGroupRoleSchemeUri(site)))),
    };
    // A build has one publication; the bound only keeps a long-lived process from collecting them.
    if (partsByText.size >= 16) partsByText.clear();
    partsByText.set(key, parts);
  }
  return parts;
}

/** The version of every item of the article's message: `article.version`, absent for the first publication (1). */
export function toItemVersion(article: Article): string {
  return String(article.version ?? 1);
}

/**
 * pubStatus (IPTC Publishing Status NewsCodes, http://cv.iptc.org/newscodes/pubstatusg2/): a withdrawn
 * story is a new version with `stat:canceled` (standards.md NewsML-G2 rule 5: "a kill/withdrawal is a new
 * version with pubStatus stat:canceled"), which tells receivers to stop using every version of the guid;
 * anything else is `stat:usable`. A canceled item is a notice without content (see {@link addNoticeItems}).
 */
export function toPubStatus(article: Article): 'stat:usable' | 'stat:canceled' {
  return article.status === 'withdrawn' ? 'stat:canceled' : 'stat:usable';
}

/**
 * The signal of the article's current version (IPTC Signal NewsCodes, http://cv.iptc.org/newscodes/signal/,
 * which standards.md NewsML-G2 rule 5 follows): `sig:correction` for a correction, `sig:update` for any other
 * new version; none for the first version. The vocabulary has no withdrawal or kill concept (it has correction,
 * update and handling signals such as cwarn): the spec says a withdrawal with `pubStatus stat:canceled`, and
 * as the canceled item is still a new version replacing the previous one, it carries `sig:update`, the way
 * AFP's editor sends a kill (canceled + update). Never `sig:correction` with `stat:canceled`: a receiver could
 * republish a "corrected" story that must come down. A version above 1 without a signal is an update.
 */
export function toSignal(article: Article): 'sig:update' | 'sig:correction' | undefined {
  if ((article.version ?? 1) <= 1) return undefined;
  return article.signal === 'correction' && article.status !== 'withdrawn' ? 'sig:correction' : 'sig:update';
}

/**
 * Notes to the receiving editors (NewsML-G2 2.35 XSD, edNote: "a note addressed to the editorial people receiving
 * the Item"): what a correction corrected, or why a story was withdrawn. A withdrawal gets only its own note: the
 * correction quotes the withdrawn text, and the notice carries none. No @role: IPTC's Editorial Note Role
 * NewsCodes would need a code we could not confirm, and plain notes are what receivers show.
 */
export function toEdNotes(article: Article): string[] {
  if (article.status === 'withdrawn') return [article.withdrawalReason === undefined ? 'Withdrawn.' : `Withdrawn: ${article.withdrawalReason}`];
  return article.correction === undefined ? [] : [`Correction: ${article.correction}`];
}

/** What the item's itemMeta says about its version: the text and package items carry the notes; photos only the status. */
interface ItemManagement {
  signal?: 'sig:update' | 'sig:correction';
  edNotes: readonly string[];
}

/** The management of the text item and the package: signal and editorial notes of the article's version. */
function toStoryManagement(article: Article): ItemManagement {
  const signal = toSignal(article);
  return { ...(signal !== undefined ? { signal } : {}), edNotes: toEdNotes(article) };
}

/**
 * A picture item is re-issued with the story's version (its itemRef and link carry that version) but its own
 * content did not change, so it is an update without notes; a withdrawal cancels it with the story.
 */
function toPictureManagement(article: Article): ItemManagement {
  return (article.version ?? 1) > 1 ? { signal: 'sig:update', edNotes: [] } : { edNotes: [] };
}

/**
 * itemMeta in the order ItemManagementGroup requires (NewsML-G2 2.35 XSD): itemClass, provider, versionCreated,
 * firstCreated, embargoed, pubStatus, edNote*, signal*; the links follow the group.
 */
function addItemMeta(item: Builder, itemClass: string, article: Article, parts: PublicationParts, management: ItemManagement): Builder {
  const meta = item.ele(NEWSML_NS, 'itemMeta');
  meta.ele(NEWSML_NS, 'itemClass').att('qcode', toXmlbuilderText(itemClass));
  meta.import(parts.provider);
  // Times keep the publisher's offset exactly as the model holds them (standards.md NewsML-G2 rule 4).
  // With a version above 1, the build has set dateModified to that version's time.
  meta.ele(NEWSML_NS, 'versionCreated').txt(toXmlbuilderText(lastModified(article)));
  meta.ele(NEWSML_NS, 'firstCreated').txt(toXmlbuilderText(article.datePublished));
  // embargoed: "the date and time before which all versions of the Item are embargoed" (XSD annotation).
  // A canceled item has no version left to release, and the time would tell when the withdrawn story was due.
  const pubStatus = toPubStatus(article);
  if (article.embargo !== undefined && pubStatus !== 'stat:canceled') meta.ele(NEWSML_NS, 'embargoed').txt(toXmlbuilderText(article.embargo));
  meta.ele(NEWSML_NS, 'pubStatus').att('qcode', pubStatus);
  for (const note of management.edNotes) meta.ele(NEWSML_NS, 'edNote').txt(toXmlbuilderText(note));
  if (management.signal !== undefined) meta.ele(NEWSML_NS, 'signal').att('qcode', management.signal);
  return meta;
}

function addPackageItem(itemSet: Builder, article: Article, parts: PublicationParts, refs: readonly ItemRef[]): void {
  const item = addItem(itemSet, 'packageItem', `${article.guid}:package`, article);
  item.import(parts.catalogRef);
  // IPTC's catalog 40 has no vocabulary of group roles (its own LISTING_6 takes `group:` from a customer
  // catalog), so the package declares the alias itself, pointing at a scheme URI under the publication's site.
  item.import(parts.groupCatalog);
  item.import(parts.rightsInfo);
  addItemMeta(item, 'ninat:composite', article, parts, toStoryManagement(article));
  // The package's own slugline and headline, so that a receiver can show the package without opening its items.
  const content = item.ele(NEWSML_NS, 'contentMeta');
  content.ele(NEWSML_NS, 'slugline').txt(toXmlbuilderText(toLine(article.id)));
  content.ele(NEWSML_NS, 'headline').txt(toXmlbuilderText(article.headline));
  const group = item.ele(NEWSML_NS, 'groupSet').att('root', 'root').ele(NEWSML_NS, 'group').att('id', 'root').att('role', 'group:main');
  for (const ref of refs) {
    const itemRef = group
      .ele(NEWSML_NS, 'itemRef')
      .att('residref', toXmlbuilderText(ref.guid))
      .att('version', toItemVersion(article))
      .att('contenttype', NEWSITEM_CONTENT_TYPE);
    // itemRef is Link1Type, whose content is open (xs:any, lax): IPTC's LISTING_6 repeats the target's
    // itemClass, provider, pubStatus, title and description so that a receiver can decide what to fetch
    // without opening the item. We add versionCreated and, for the text, its slugline and headline; all are
    // global NewsML-G2 elements, so IPTC's schema still validates them. Order: item metadata, then the
    // descriptive properties in DescriptiveMetadataGroup order.
    itemRef.ele(NEWSML_NS, 'itemClass').att('qcode', toXmlbuilderText(ref.itemClass));
    itemRef.import(parts.provider);
    itemRef.ele(NEWSML_NS, 'versionCreated').txt(toXmlbuilderText(lastModified(article)));
    itemRef.ele(NEWSML_NS, 'pubStatus').att('qcode', toPubStatus(article));
    itemRef.ele(NEWSML_NS, 'title').txt(toXmlbuilderText(ref.title));
    if (ref.slugline !== undefined) itemRef.ele(NEWSML_NS, 'slugline').txt(toXmlbuilderText(toLine(ref.slugline)));
    if (ref.headline !== undefined) itemRef.ele(NEWSML_NS, 'headline').txt(toXmlbuilderText(ref.headline));
    itemRef.ele(NEWSML_NS, 'description').att('role', ref.description.role).txt(toXmlbuilderText(ref.description.text));
  }
}

/** Scheme URI behind the `group:` alias of package group roles (declared inline in each package). */
function toGroupRoleSchemeUri(site: SiteConfig): string {
  return `${site.url}newsml/cv/grouprole/`;
}

function addTextItem(itemSet: Builder, article: Article, site: SiteConfig, parts: PublicationParts, pictures: readonly Picture[]): void {
  const item = addItem(itemSet, 'newsItem', article.guid, article);
  item.import(parts.catalogRef);
  item.import(parts.rightsInfo);
  const meta = addItemMeta(item, 'ninat:text', article, parts, toStoryManagement(article));
  for (const picture of pictures) {
    meta
      .ele(NEWSML_NS, 'link')
      .att('rel', 'irel:seeAlso')
      .att('residref', toXmlbuilderText(picture.guid))
      .att('version', toItemVersion(article))
      .att('contenttype', NEWSITEM_CONTENT_TYPE);
  }

  // contentMeta: administrative properties before descriptive ones (ContentMetadataAfDType); the
  // descriptive ones follow the order of the spec's DescriptiveMetadataGroup, which most consumers expect.
  const content = item.ele(NEWSML_NS, 'contentMeta');
  content.ele(NEWSML_NS, 'contentCreated').txt(toXmlbuilderText(article.datePublished));
  if (article.dateModified !== undefined) content.ele(NEWSML_NS, 'contentModified').txt(toXmlbuilderText(article.dateModified));
  // located: "the location from which the content originates" (spec, Located). The dateline's place is the
  // only location we know, as a name: no qcode or type is guessed (a dateline may name a city or a country).
  if (article.dateline !== undefined) content.ele(NEWSML_NS, 'located').ele(NEWSML_NS, 'name').txt(toXmlbuilderText(toLine(article.dateline)));
  for (const author of article.authors) {
    const creator = content.ele(NEWSML_NS, 'creator');
    if (author.url !== undefined) creator.att('uri', toXmlbuilderText(author.url));
    creator.ele(NEWSML_NS, 'name').txt(toXmlbuilderText(toLine(author.name)));
  }
  content.ele(NEWSML_NS, 'language').att('tag', toXmlbuilderText(article.language));
  // Free-text index terms from front matter; no role, since nothing says what kind of term each one is.
  for (const keyword of article.keywords) content.ele(NEWSML_NS, 'keyword').txt(toXmlbuilderText(keyword));
  for (const topic of toMediaTopics(article, site)) {
    content
      .ele(NEWSML_NS, 'subject')
      .att('type', 'cpnat:abstract')
      .att('qcode', toXmlbuilderText(topic.qcode))
      .ele(NEWSML_NS, 'name')
      .att(XML_NS, 'xml:lang', 'en')
      .txt(toXmlbuilderText(toLine(topic.name)));
  }
  content.ele(NEWSML_NS, 'slugline').txt(toXmlbuilderText(article.id));
  content.ele(NEWSML_NS, 'headline').txt(toXmlbuilderText(article.headline));
  if (article.dateline !== undefined) content.ele(NEWSML_NS, 'dateline').txt(toXmlbuilderText(article.dateline));
  const byline = toByline(article);
  if (byline !== undefined) content.ele(NEWSML_NS, 'by').txt(toXmlbuilderText(byline));
  content.ele(NEWSML_NS, 'creditline').txt(toXmlbuilderText(toLine(site.name)));
  content.ele(NEWSML_NS, 'description').att('role', 'drol:summary').txt(toXmlbuilderText(article.description));

  // standards.md NewsML-G2 rule 7: exactly one XHTML document; the XSD does not look inside (lax).
  const html = item
    .ele(NEWSML_NS, 'contentSet')
    .ele(NEWSML_NS, 'inlineXML')
    .att('contenttype', 'application/xhtml+xml')
    .ele(XHTML_NS, 'html');
  html.ele(XHTML_NS, 'head').ele(XHTML_NS, 'title').txt(toXmlbuilderText(article.headline));
  addXhtmlBody(html.ele(XHTML_NS, 'body'), article);
}

function addPictureItem(itemSet: Builder, article: Article, parts: PublicationParts, picture: Picture): void {
  const { image } = picture;
  const item = addItem(itemSet, 'newsItem', picture.guid, article);
  item.import(parts.catalogRef);
  addPictureRightsInfo(item, image, parts);
  addItemMeta(item, 'ninat:picture', article, parts, toPictureManagement(article));
  const content = item.ele(NEWSML_NS, 'contentMeta');
  // contentCreated is left out: the time the photo was taken is unknown (the article's dates are not it).
  // creator is administrative metadata, so it precedes language; no role, as it may be a person or an agency.
  if (image.creator !== undefined) content.ele(NEWSML_NS, 'creator').ele(NEWSML_NS, 'name').txt(toXmlbuilderText(toLine(image.creator)));
  // The caption is written in the article's language.
  content.ele(NEWSML_NS, 'language').att('tag', toXmlbuilderText(article.language));
  if (image.credit !== undefined) content.ele(NEWSML_NS, 'creditline').txt(toXmlbuilderText(toLine(image.credit)));
  content.ele(NEWSML_NS, 'description').att('role', 'drol:caption').txt(toXmlbuilderText(image.caption));
  const remote = item.ele(NEWSML_NS, 'contentSet').ele(NEWSML_NS, 'remoteContent').att('href', toXmlbuilderText(image.url));
  if (image.contentType !== undefined) remote.att('contenttype', toXmlbuilderText(image.contentType));
  if (image.width !== undefined) remote.att('width', toXmlbuilderText(String(image.width)));
  if (image.height !== undefined) remote.att('height', toXmlbuilderText(String(image.height)));
  remote.att('rendition', 'rnd:highRes');
}

/**
 * A withdrawn story as a withdrawal notice: for every guid a receiver may hold (the package, the text, each
 * picture), a canceled item at the new version, so every version of each comes down (IPTC Publishing Status
 * NewsCodes, http://cv.iptc.org/newscodes/pubstatusg2/canceled; standards.md NewsML-G2 rule 5). A notice carries
 * identity, version, status and the reason, never the withdrawn text: contentMeta, contentSet and groupSet
 * are all minOccurs="0" in the 2.35 All-Power XSD (newsItem, packageItem), so the items end after itemMeta.
 * No headline, description, caption, byline, keyword, dateline, correction or embargo time survives, and the
 * package lists no itemRefs (their titles and descriptions repeat the text). Items keep their order and guids.
 */
function addNoticeItems(itemSet: Builder, article: Article, parts: PublicationParts, pictures: readonly Picture[]): void {
  const pkg = addItem(itemSet, 'packageItem', `${article.guid}:package`, article);
  pkg.import(parts.catalogRef);
  // rightsInfo sits in AnyItemType beside itemMeta, not in contentMeta: it is the publication's statement
  // (site.json), no text of the story, and tells receivers whose rights govern what they now take down. Kept
  // on the package and the text item, as ninjs keeps copyrightHolder/copyrightNotice. No catalog: the
  // `group:` alias served only the groupSet's roles.
  pkg.import(parts.rightsInfo);
  addItemMeta(pkg, 'ninat:composite', article, parts, toStoryManagement(article));

  const text = addItem(itemSet, 'newsItem', article.guid, article);
  text.import(parts.catalogRef);
  text.import(parts.rightsInfo);
  // No irel:seeAlso links: each picture is canceled in its own right, below.
  addItemMeta(text, 'ninat:text', article, parts, toStoryManagement(article));

  for (const picture of pictures) {
    const item = addItem(itemSet, 'newsItem', picture.guid, article);
    item.import(parts.catalogRef);
    // No rightsInfo (optional in AnyItemType): a photo's own notice is its metadata, and the publication's
    // statement may not hold for an agency photo (see addPictureRightsInfo).
    addItemMeta(item, 'ninat:picture', article, parts, toPictureManagement(article));
  }
}

/** Media Topics of the article's sections that the site maps, first occurrence wins, each topic once. */
function toMediaTopics(article: Article, site: SiteConfig): { qcode: string; name: string }[] {
  const seen = new Set<string>();
  return article.sections.flatMap((section) => {
    const topic = site.mediaTopics?.[section];
    if (topic === undefined || seen.has(topic.qcode)) return [];
    seen.add(topic.qcode);
    return [topic];
  });
}

/** A node of xmlbuilder2's DOM, as far as {@link XhtmlAwareWriter} reads it. */
interface DomNode {
  nodeType: number;
  localName?: string | null;
  namespaceURI?: string | null;
  data?: string;
  childNodes: Iterable<DomNode>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

/**
 * XHTML elements that are blocks (or the document's own `html`, `head`, `title`): whitespace between
 * them is layout, not content. Anything else (em, a, img, code, br…) is phrasing content, where every
 * space counts.
 */
const BLOCK_ELEMENTS = new Set([
  'html', 'head', 'title', 'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

function isWhitespace(node: DomNode): boolean {
  return (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) && /^[ \t\r\n]*$/.test(node.data ?? '');
}

function hasElementChild(node: DomNode): boolean {
  for (const child of node.childNodes) if (child.nodeType === ELEMENT_NODE) return true;
  return false;
}

/** True when an element holds phrasing content: text that is not just whitespace, or an inline element. */
function hasInlineContent(node: DomNode): boolean {
  for (const child of node.childNodes) {
    if ((child.nodeType === TEXT_NODE || child.nodeType === CDATA_NODE) && !isWhitespace(child)) return true;
    if (child.nodeType === ELEMENT_NODE && !BLOCK_ELEMENTS.has(child.localName ?? '')) return true;
  }
  return false;
}

/** A node of the parsed body (see {@link parseXhtmlFragment}): an element with its attributes and children, or a text. */
export type BodyNode = { name: string; attributes: [string, string][]; children: BodyNode[] } | string;

/**
 * The article's `bodyHtml` as the XHTML body (standards.md NewsML-G2 rule 7). The fragment is parsed
 * as XML ({@link parseXhtmlFragment}) and rebuilt node by node in this document in the XHTML
 * namespace, every text and attribute value through {@link toXmlbuilderText}. Whitespace between
 * blocks is dropped (pretty printing lays them out); whitespace in phrasing content is kept. A body
 * that is not the well-formed XHTML readers guarantee (only possible for an `Article` built by hand)
 * falls back to one `<p>` per plain-text paragraph, so the document stays well-formed and complete.
 */
function addXhtmlBody(body: Builder, article: Article): void {
  const nodes = parseXhtmlFragment(article.bodyHtml);
  if (nodes === undefined) {
    for (const paragraph of article.paragraphs) body.ele(XHTML_NS, 'p').txt(toXmlbuilderText(paragraph));
    return;
  }
  importXhtml(body, nodes);
}

function importXhtml(target: Builder, nodes: readonly BodyNode[]): void {
  const keepWhitespace = nodes.some((node) => (typeof node === 'string' ? !/^[ \t\r\n]*$/.test(node) : !BLOCK_ELEMENTS.has(node.name)));
  for (const node of nodes) {
    if (typeof node === 'string') {
      if (keepWhitespace || !/^[ \t\r\n]*$/.test(node)) target.txt(toXmlbuilderText(node));
    } else {
      const element = target.ele(XHTML_NS, node.name);
      for (const [name, value] of node.attributes) element.att(name, toXmlbuilderText(value));
      importXhtml(element, node.children);
    }
  }
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const TEXT = /[^<&]+/y;
const REFERENCE = /&(?:#([0-9]{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/y;
const START_TAG = /<([a-z][a-z0-9]*)((?:\s+[a-z][a-z0-9-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const END_TAG = /<\/([a-z][a-z0-9]*)\s*>/y;
const ATTRIBUTE = /([a-z][a-z0-9-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;

/**
 * Parses the XML subset that `Article.bodyHtml` promises: elements with lowercase names, quoted
 * attributes, text, the five XML entities and numeric character references (XML 1.0 §2.4, §3.1,
 * §4.1). Anything else (a comment, CDATA, a named HTML entity, an unclosed or mismatched tag, a stray
 * `<` or `&`) gives undefined. Hand-written because xmlbuilder2's own parser decodes references twice
 * (`&amp;#38;` reads back as "&"), and the emitter stays free of the wasm XML library.
 */
export function parseXhtmlFragment(html: string): BodyNode[] | undefined {
  const root: BodyNode[] = [];
  const open: { name: string; children: BodyNode[] }[] = [];
  let children = root;
  let text = '';
  const flush = () => {
    if (text !== '') children.push(text);
    text = '';
  };
  let at = 0;
  const match = (pattern: RegExp) => {
    pattern.lastIndex = at;
    const m = pattern.exec(html);
    if (m) at = pattern.lastIndex;
    return m;
  };
  while (at < html.length) {
    let m: RegExpExecArray | null;
    if ((m = match(TEXT))) {
      text += m[0];
    } else if ((m = match(REFERENCE))) {
      const code = m[1] !== undefined ? Number(m[1]) : m[2] !== undefined ? parseInt(m[2], 16) : undefined;
      if (code !== undefined && code > 0x10ffff) return undefined;
      text += code === undefined ? XML_ENTITIES[m[3]!]! : String.fromCodePoint(code);
    } else if ((m = match(START_TAG))) {
      flush();
      const attributes: [string, string][] = [];
      for (const a of (m[2] ?? '').matchAll(ATTRIBUTE)) {
        const value = decodeReferences(a[2] ?? a[3] ?? '');
        if (value === undefined || attributes.some(([name]) => name === a[1])) return undefined;
        attributes.push([a[1]!, value]);
      }
      const element = { name: m[1]!, attributes, children: [] as BodyNode[] };
      children.push(element);
      if (m[3] !== '/') {
        open.push(element);
        children = element.children;
      }
    } else if ((m = match(END_TAG))) {
      flush();
      if (open.pop()?.name !== m[1]) return undefined;
      children = open.at(-1)?.children ?? root;
    } else {
      return undefined;
    }
  }
  flush();
  return open.length === 0 ? root : undefined;
}

/** Decodes the references in an attribute value; undefined when a `&` starts none. */
function decodeReferences(value: string): string | undefined {
  let ok = true;
  const decoded = value.replace(/&(?:#([0-9]{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));|&/g, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (whole === '&') {
      ok = false;
      return whole;
    }
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : undefined;
    if (code !== undefined && code > 0x10ffff) ok = false;
    return code === undefined ? XML_ENTITIES[name!]! : code > 0x10ffff ? '' : String.fromCodePoint(code);
  });
  return ok ? decoded : undefined;
}

/**
 * xmlbuilder2's XML writer with pretty printing that leaves phrasing content alone. The stock writer
 * indents every child of an element that has any element child, so `<p>a <em>b</em>, c</p>` would
 * become "a", "<em>b</em>" and ", c" on their own lines: spaces appear where the author wrote none
 * ("b ,"), and `<pre>` gains indentation. Here an XHTML element that holds phrasing content next to
 * elements (or is a `<pre>`) is written on one line, exactly as built; every other element, and so
 * every NewsML-G2 element and every text-only `<p>` of wire copy, is laid out as before.
 */
class XhtmlAwareWriter extends XMLWriter {
  /** For each open element: whether it is written as is. */
  private readonly verbatim: boolean[] = [];
  /** How many open elements are written as is (their descendants are too). */
  private verbatimDepth = 0;

  override beginElement(name: string): void {
    super.beginElement(name);
    const node = this.currentNode as unknown as DomNode;
    this.verbatim.push(node.namespaceURI === XHTML_NS && (node.localName === 'pre' || (hasElementChild(node) && hasInlineContent(node))));
  }

  override endElement(name: string): void {
    this.verbatim.pop();
    super.endElement(name);
  }

  override openTagBegin(name: string): void {
    this.pretty(this.verbatimDepth === 0, () => super.openTagBegin(name));
  }

  override openTagEnd(name: string, selfClosing: boolean, voidElement: boolean): void {
    const self = this.verbatim.at(-1) === true;
    this.pretty(this.verbatimDepth === 0 && !self, () => super.openTagEnd(name, selfClosing, voidElement));
    if (self && !selfClosing) this.verbatimDepth++;
  }

  override text(data: string): void {
    this.pretty(this.verbatimDepth === 0, () => super.text(data));
  }

  override closeTag(name: string): void {
    const self = this.verbatim.at(-1) === true;
    if (self) this.verbatimDepth--;
    if (this.verbatimDepth > 0) {
      this.pretty(false, () => super.closeTag(name));
    } else if (self) {
      // The end tag follows the content on its line (no indentation), then the line ends as usual.
      const level = this.level;
      this.level = -this._writerOptions.offset;
      super.closeTag(name);
      this.level = level;
    } else {
      super.closeTag(name);
    }
  }

  /** Runs one writer step with pretty printing switched off when `on` is false. */
  private pretty(on: boolean, step: () => void): void {
    const saved = this._writerOptions.prettyPrint;
    this._writerOptions.prettyPrint = saved && on;
    try {
      step();
    } finally {
      this._writerOptions.prettyPrint = saved;
    }
  }
}
