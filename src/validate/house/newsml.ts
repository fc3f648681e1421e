/**
 * The house rules of syndicate's NewsML-G2 messages (rules/house-newsml.ts), over the tree the standard
 * layer has read. What IPTC's All-Power schema and the specification require of anyone's file is the
 * standard layer's (standard/newsml: element order, required parts, QCodes, date-times, IDs, group
 * references), whose guideline warnings are errors for our own messages (NEWSML_RULES_HOUSE). What is left
 * here is what syndicate promises on top (standards.md "NewsML-G2 2.35"): the message's shape, the version
 * and conformance it declares, IPTC's catalog, what an item carries by pubStatus, and how versions, signals
 * and references agree.
 */
import type { Finding } from '../rule.ts';
import type { HouseNewsmlRuleId } from '../rules/house-newsml.ts';
import { NAR } from '../standard/newsml/model.ts';
import { attributeOf, childElements, childNamed, childrenNamed, descendants, textOf, type XmlDocument, type XmlElement } from '../xml/tree.ts';

const XHTML = 'http://www.w3.org/1999/xhtml';
/** standards.md NewsML-G2 rule 3: the one catalog syndicate's items reference. */
const IPTC_CATALOG_URL = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_40.xml';

/** The item roots (NewsML-G2 2.35 XSD, the global elements derived from AnyItemType). */
const ITEMS: ReadonlySet<string> = new Set(['newsItem', 'packageItem', 'conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem']);

/**
 * Every scheme alias that IPTC's catalog 40 (catalog.IPTC-G2-Standards_40.xml, 2024-09-26) declares,
 * IPTC NewsCodes and the external vocabularies it lists. Aliases outside this list (e.g. `group:`,
 * which IPTC's own examples take from a customer catalog) must be declared in an inline catalog.
 */
const IPTC_CATALOG_40_ALIASES: ReadonlySet<string> = new Set([
  // IPTC NewsCodes
  'acdc', 'altidrole', 'aoprop', 'app', 'aspfacet', 'aspfacetvalue', 'authoritystatus', 'catinat', 'chprop',
  'cinat', 'ciprol', 'colin', 'colsp', 'conf', 'cpnat', 'cpprole', 'cptdefrole', 'cptnoterole', 'crel', 'ctech',
  'ctrol', 'cwarn', 'digsrctype', 'dimensionunit', 'drol', 'dummy', 'ecirol', 'edconf', 'ednoterole', 'encd',
  'entityprop', 'eocstat', 'eorol', 'eprol', 'eregrol', 'erol', 'fisymtype', 'frmt', 'gen', 'genre', 'hashscope',
  'hashtype', 'hatarget', 'hopaction', 'howextr', 'howpr', 'ikos', 'imgregrole', 'imgregtype', 'impt', 'irel',
  'irep', 'isrol', 'ivqu', 'lbtyp', 'loctyp', 'loutorient', 'lrol', 'medtop', 'medtype', 'mtyp', 'ncostat',
  'ninat', 'nityp', 'nmsig', 'not', 'nprod', 'nprov', 'nprt', 'nrol', 'oito', 'pgrmod', 'plinat', 'prio',
  'prodgenre', 'prop', 'prov', 'pst1', 'rcalctype', 'rel', 'riaspect', 'rightsprop', 'riscope', 'rnd', 'role1',
  'rscaleunit', 'rtype', 'scn', 'sev', 'sig', 'sov', 'squ', 'stat', 'subj', 'timeunit', 'tone', 'tpctyp',
  'trustindicator', 'urgy', 'useracttype', 'valfmt', 'vcdc', 'videodef', 'why', 'wldreg',
  // external vocabularies listed by IPTC
  'a1312cat', 'a1312prio', 'a1312svc', 'a1312vers', 'bcp47', 'cusip', 'dbpedia', 'figi', 'freebase', 'geonames',
  'geonameshttps', 'gics', 'isin', 'iso3166-1a2', 'iso3166-1a3', 'iso3166-2', 'iso4217a', 'iso4217n', 'mb-artist',
  'mb-label', 'mb-recording', 'mb-release', 'mb-releasegroup', 'mb-work', 'mic', 'parasport', 'secst', 'sedol',
  'skos', 'ticker', 'tidm', 'wikidata',
]);

/** Attributes of NewsML-G2 elements whose values are QCodes (or space-separated QCode lists such as description/@role). */
const QCODE_ATTRIBUTES: ReadonlySet<string> = new Set(['qcode', 'type', 'role', 'rel', 'rendition', 'mode', 'format', 'jobtitle', 'severity']);

/** What an item of our message is, by its place in the itemSet (standards.md NewsML-G2 rules 8 and 9). */
const MEMBERS = {
  package: { name: 'packageItem', itemClass: 'ninat:composite', what: 'the package' },
  text: { name: 'newsItem', itemClass: 'ninat:text', what: 'the text item' },
  picture: { name: 'newsItem', itemClass: 'ninat:picture', what: 'a picture item' },
} as const;

/**
 * The parts a usable item carries besides itemMeta, by kind, and the content parts a withdrawal notice
 * leaves out (IPTC's XSD makes contentMeta, contentSet and groupSet minOccurs="0", and rightsInfo too).
 */
const ITEM_PARTS: Readonly<Record<string, { usable: readonly string[]; content: readonly string[] }>> = {
  packageItem: { usable: ['contentMeta', 'groupSet'], content: ['contentMeta', 'groupSet'] },
  newsItem: { usable: ['rightsInfo', 'contentMeta', 'contentSet'], content: ['contentMeta', 'contentSet'] },
};

type Report = (rule: HouseNewsmlRuleId, message: string, at: XmlElement) => void;

/** Checks a NewsML-G2 document against syndicate's promises; a root outside NewsML-G2 is the standard layer's to report. */
export function checkNewsmlHouse(document: XmlDocument): Finding<HouseNewsmlRuleId>[] {
  const found: Finding<HouseNewsmlRuleId>[] = [];
  const report: Report = (rule, message, at) => found.push({ rule, message, at });
  const root = document.root;
  if (root.uri !== NAR || (root.name !== 'newsMessage' && !ITEMS.has(root.name))) return found;
  const elements = [root, ...descendants(root)].filter((e) => e.uri === NAR);
  const items = elements.filter((e) => ITEMS.has(e.name));
  checkMessage(root, report);
  for (const item of items) {
    checkDeclaration(item, report);
    checkCatalog(item, report);
    checkManagement(item, report);
    checkParts(item, report);
    checkRights(item, report);
  }
  checkAliases(root, items, elements, report);
  for (const ref of elements.filter((e) => e.name === 'itemRef')) checkItemRef(ref, report);
  for (const inline of elements.filter((e) => e.name === 'inlineXML')) checkXhtmlBody(inline, report);
  checkReferences(items, elements, report);
  return found;
}

/** `packageItem tag:…`: an item as messages name it. */
function label(item: XmlElement): string {
  return `${item.name} ${attributeOf(item, 'guid') ?? ''}`.trimEnd();
}

/** An item's itemMeta child `name` (itemClass, pubStatus). */
function metaProperty(item: XmlElement, name: string): XmlElement | undefined {
  const meta = childNamed(item, NAR, 'itemMeta');
  return meta === undefined ? undefined : childNamed(meta, NAR, name);
}

/** The trimmed qcode of `property`. */
function qcodeOf(property: XmlElement | undefined): string | undefined {
  return property === undefined ? undefined : attributeOf(property, 'qcode')?.trim();
}

/**
 * One newsMessage per article, whose itemSet is the package, the text item, then the picture items (what our
 * old XSD fixed). IPTC's itemSet takes any NewsML-G2 element in any order (xs:any), so only we can say it.
 */
function checkMessage(root: XmlElement, report: Report): void {
  if (root.name !== 'newsMessage') {
    report('message-shape', `the root is <${root.name}>; syndicate writes each article as one <newsMessage>: header/sent, then an itemSet with the packageItem, the text newsItem and one newsItem per picture`, root);
    return;
  }
  const itemSet = childNamed(root, NAR, 'itemSet');
  // No itemSet, or an empty one, is the standard layer's missing-element.
  if (itemSet === undefined) return;
  const members = childElements(itemSet);
  for (const [index, member] of members.entries()) {
    const expected = index === 0 ? MEMBERS.package : index === 1 ? MEMBERS.text : MEMBERS.picture;
    if (member.uri !== NAR || member.name !== expected.name) {
      report('message-shape', `item ${index + 1} of the itemSet is <${member.qname}> where ${expected.what} (a <${expected.name}>) belongs; the itemSet holds the packageItem first, then the text newsItem, then one newsItem per picture`, member);
      return;
    }
    const itemClass = metaProperty(member, 'itemClass');
    const qcode = qcodeOf(itemClass);
    if (itemClass !== undefined && qcode !== expected.itemClass) {
      report('message-shape', `${label(member)} is item ${index + 1} of the itemSet, ${expected.what}, but its itemClass is "${qcode ?? ''}"; write <itemClass qcode="${expected.itemClass}"/>`, itemClass);
    }
  }
  if (members.length === 1) report('message-shape', 'the itemSet holds only the package; the text newsItem follows the packageItem', itemSet);
}

/** standards.md NewsML-G2 rule 1: the standard, version and conformance syndicate writes, and an explicit version. */
function checkDeclaration(item: XmlElement, report: Report): void {
  // A missing standardversion is the standard layer's missing-attribute; a malformed one its invalid-value.
  const standardVersion = attributeOf(item, 'standardversion');
  if (standardVersion !== undefined && standardVersion !== '2.35') {
    report('standard-version', `${label(item)} declares standardversion="${standardVersion}"; syndicate writes NewsML-G2 2.35: set standardversion="2.35"`, item);
  }
  // IPTC's default conformance is "core" (XSD, AnyItemType/@conformance), so leaving it out claims core.
  const conformance = attributeOf(item, 'conformance');
  if (conformance !== 'power') {
    const declared = conformance === undefined ? 'declares no conformance, so it claims "core" (the default)' : `declares conformance="${conformance}"`;
    report('conformance-power', `${label(item)} ${declared}; syndicate's items are written to the power conformance level: set conformance="power"`, item);
  }
  // IPTC defaults version to 1; a receiver de-duplicates on (guid, version), so ours is always written out.
  if (attributeOf(item, 'version') === undefined) {
    report('item-version', `${label(item)} has no @version, so receivers take it as version 1; write the item's version (1 for the first publication, raised with every new version)`, item);
  }
}

/** standards.md NewsML-G2 rule 3: IPTC's catalog 40 resolves every IPTC alias an item uses. */
function checkCatalog(item: XmlElement, report: Report): void {
  const refs = childrenNamed(item, NAR, 'catalogRef');
  if (refs.some((ref) => attributeOf(ref, 'href')?.trim() === IPTC_CATALOG_URL)) return;
  const first = refs[0];
  if (first === undefined) {
    report('iptc-catalog', `${label(item)} references no catalog; add <catalogRef href="${IPTC_CATALOG_URL}"/> before its rightsInfo`, item);
  } else {
    report('iptc-catalog', `${label(item)} references the catalog "${attributeOf(first, 'href') ?? ''}", not IPTC's catalog 40; set href="${IPTC_CATALOG_URL}"`, first);
  }
}

/**
 * itemMeta: the pubStatus (standards.md NewsML-G2 rules 5 and 6), and the signals of standards.md rule 5, which
 * IPTC's schema cannot express: a version above 1 says why it was issued (sig:update or sig:correction), a first
 * version has nothing to update or correct, a correction says what changed in an edNote, and a canceled
 * (withdrawn) item is never a correction, which a receiver could republish as the corrected story.
 */
function checkManagement(item: XmlElement, report: Report): void {
  const meta = childNamed(item, NAR, 'itemMeta');
  // No itemMeta is the standard layer's missing-element.
  if (meta === undefined) return;
  const pubStatus = childNamed(meta, NAR, 'pubStatus');
  const status = qcodeOf(pubStatus);
  if (pubStatus === undefined) {
    report('pub-status', `${label(item)} has no <pubStatus>; state it after versionCreated (firstCreated, embargoed): <pubStatus qcode="stat:usable"/>, or stat:canceled for a withdrawal`, meta);
  } else if (status !== 'stat:usable' && status !== 'stat:canceled') {
    report('pub-status', `${label(item)} has pubStatus "${status ?? ''}"; syndicate sends stat:usable, or stat:canceled to withdraw a story`, pubStatus);
  }
  const version = attributeOf(item, 'version')?.trim() ?? '';
  const signals = childrenNamed(meta, NAR, 'signal').flatMap((signal) => (attributeOf(signal, 'qcode') ?? '').trim().split(/\s+/).filter((q) => q !== ''));
  const versionSignals = signals.filter((q) => q === 'sig:update' || q === 'sig:correction');
  if (/^[1-9]\d*$/.test(version) && version !== '1' && versionSignals.length === 0) {
    report('version-signal', `${label(item)} is version ${version} but its itemMeta has no <signal qcode="sig:update"/> or <signal qcode="sig:correction"/>; say why the new version was issued`, meta);
  }
  if (version === '1' && versionSignals.length > 0) {
    report('version-signal', `${label(item)} is version 1 but signals ${versionSignals.join(', ')}; a first version updates nothing, so remove the signal (or raise the version)`, meta);
  }
  if (status === 'stat:canceled' && signals.includes('sig:correction')) {
    report('canceled-correction', `${label(item)} has pubStatus stat:canceled and signal sig:correction; a withdrawal is not a correction: use sig:update with stat:canceled`, meta);
  }
  if (signals.includes('sig:correction') && !childrenNamed(meta, NAR, 'edNote').some((note) => textOf(note).trim() !== '')) {
    report('correction-note', `${label(item)} signals sig:correction but has no <edNote> saying what was corrected; add one before the signal, e.g. <edNote>Correction: …</edNote>`, meta);
  }
}

/**
 * What an item holds depends on its pubStatus, which XSD 1.0 cannot express. A usable item (stat:usable,
 * also when pubStatus is absent: 'its value is "usable" by default', XSD annotation of pubStatus) carries its
 * content and rights (standards.md NewsML-G2 rule 6). A canceled item is a withdrawal notice (rule 5), and it
 * carries no text of the withdrawn story: a notice with content would leak what was taken down.
 */
function checkParts(item: XmlElement, report: Report): void {
  const parts = ITEM_PARTS[item.name];
  if (parts === undefined) return;
  const status = qcodeOf(metaProperty(item, 'pubStatus'));
  if (status === 'stat:canceled') {
    const carried = parts.content.flatMap((name) => childrenNamed(item, NAR, name));
    const first = carried[0];
    if (first === undefined) return;
    const names = [...new Set(carried.map((e) => `<${e.name}>`))].join(', ');
    report('notice-content', `${label(item)} has pubStatus stat:canceled but carries ${names}; a withdrawal notice carries no text of the withdrawn story (identity, version, status and the reason in edNote only): remove ${names}`, first);
    return;
  }
  // Any other status (stat:withheld) is not one syndicate sends: pub-status says so.
  if (status !== undefined && status !== 'stat:usable') return;
  const missing = parts.usable.filter((name) => childNamed(item, NAR, name) === undefined).map((name) => `<${name}>`);
  if (missing.length > 0) {
    const all = parts.usable.map((name) => `<${name}>`).join(', ');
    report('item-parts', `${label(item)} is usable (pubStatus ${status ?? 'absent, so stat:usable'}) but has no ${missing.join(', ')}; add ${missing.join(', ')} (a usable ${item.name} always has ${all}; only a withdrawal notice, pubStatus stat:canceled, leaves its content out)`, item);
  }
}

/** standards.md NewsML-G2 rule 6: a rights statement says the rights (IPTC's rightsInfo may hold none). */
function checkRights(item: XmlElement, report: Report): void {
  for (const rights of childrenNamed(item, NAR, 'rightsInfo')) {
    if (childrenNamed(rights, NAR, 'copyrightNotice').some((notice) => textOf(notice).trim() !== '')) continue;
    report('rights-notice', `the rightsInfo of ${label(item)} has no <copyrightNotice> with text; add the notice (site.json copyright.notice, or the photo's own)`, rights);
  }
}

/**
 * NewsML-G2 spec, QCodes: an alias resolves only through a catalog of the item that uses it (or of the
 * message header). The standard layer judges the aliases of an item without catalogRef (catalog-missing,
 * qcode-alias) and trusts a remote catalog; IPTC's aliases are resolved by IPTC's catalog (iptc-catalog).
 * Left for here: in an item that references a catalog, an alias IPTC's catalog does not declare must be
 * declared inline (remote non-IPTC catalogs are not read); in the header, which the standard layer does not
 * judge, every alias resolves through the header's own catalogs.
 */
function checkAliases(root: XmlElement, items: readonly XmlElement[], elements: readonly XmlElement[], report: Report): void {
  const header = root.name === 'newsMessage' ? childNamed(root, NAR, 'header') : undefined;
  const scopes = new Map<XmlElement, { declared: Set<string>; iptc: boolean; judged: boolean }>();
  for (const scope of header === undefined ? items : [header, ...items]) {
    const declared = new Set(childrenNamed(scope, NAR, 'catalog').flatMap((c) => childrenNamed(c, NAR, 'scheme')).flatMap((s) => attributeOf(s, 'alias')?.trim() ?? []));
    const refs = childrenNamed(scope, NAR, 'catalogRef');
    const iptc = refs.some((ref) => attributeOf(ref, 'href')?.trim() === IPTC_CATALOG_URL);
    scopes.set(scope, { declared, iptc, judged: scope === header || refs.length > 0 });
  }
  for (const element of elements) {
    const owner = nearestScope(element, scopes);
    if (owner === undefined) continue;
    const scope = scopes.get(owner);
    if (scope === undefined || !scope.judged) continue;
    for (const attribute of element.attributes) {
      if (attribute.uri !== '' || !QCODE_ATTRIBUTES.has(attribute.name)) continue;
      for (const qcode of attribute.value.trim().split(/\s+/)) {
        const colon = qcode.indexOf(':');
        // Not a QCode: the standard layer's invalid-qcode.
        if (colon <= 0) continue;
        const alias = qcode.slice(0, colon);
        const isIptc = IPTC_CATALOG_40_ALIASES.has(alias);
        if (scope.declared.has(alias) || (isIptc && (owner !== header || scope.iptc))) continue;
        const used = `${element.name}/@${attribute.name}="${qcode}"`;
        if (isIptc) {
          report('undeclared-alias', `${used} uses IPTC's scheme alias "${alias}", but the message header neither references IPTC's catalog 40 nor declares the alias; add <catalogRef href="${IPTC_CATALOG_URL}"/> to the header, after <sent>`, element);
          continue;
        }
        const where = owner === header ? 'the message header' : 'this item';
        const instead = attribute.name === 'qcode' ? 'uri' : `${attribute.name}uri`;
        report('undeclared-alias', `${used} uses the scheme alias "${alias}", which is neither an alias of IPTC's catalog 40 nor declared in an inline catalog of ${where} (remote non-IPTC catalogs are not read); declare it in ${where} with <catalog><scheme alias="${alias}" uri="…"/></catalog>, or use @${instead} instead of a QCode`, element);
      }
    }
  }
}

/** The nearest item (or the header) around `element`, itself included. */
function nearestScope(element: XmlElement, scopes: ReadonlyMap<XmlElement, unknown>): XmlElement | undefined {
  for (let current: XmlElement | undefined = element; current !== undefined; current = current.parent) if (scopes.has(current)) return current;
  return undefined;
}

/**
 * standards.md NewsML-G2 rule 9: receivers decide what to fetch from an itemRef alone, so it says what, which
 * version and how usable. IPTC requires none of it (href and residref are optional; the standard layer's
 * link-target only advises a target).
 */
function checkItemRef(ref: XmlElement, report: Report): void {
  const missing = [
    ...['residref', 'version', 'contenttype'].filter((name) => !attributeOf(ref, name)?.trim()).map((name) => `@${name}`),
    ...['itemClass', 'pubStatus', 'title'].filter((name) => childNamed(ref, NAR, name) === undefined),
  ];
  if (missing.length === 0) return;
  const target = attributeOf(ref, 'residref') ?? '(no residref)';
  report('itemref-complete', `itemRef to ${target} lacks ${missing.join(', ')}; every itemRef needs @residref, @version, @contenttype and itemClass, pubStatus and title`, ref);
}

/**
 * standards.md NewsML-G2 rule 7: the body is one XHTML document. IPTC's inlineXML takes any one element
 * (lax), and the standard layer reports a missing contenttype and a second element; the rest is ours.
 */
function checkXhtmlBody(inline: XmlElement, report: Report): void {
  const contentType = attributeOf(inline, 'contenttype');
  if (contentType === undefined) return;
  if (contentType.trim() !== 'application/xhtml+xml') {
    report('xhtml-body', `inlineXML has contenttype "${contentType}"; the body must be XHTML with contenttype="application/xhtml+xml"`, inline);
    return;
  }
  const children = childElements(inline);
  const html = children[0];
  if (children.length > 1) return;
  if (html === undefined || html.uri !== XHTML || html.name !== 'html') {
    const found = html === undefined ? 'nothing' : `<${html.qname}>${html.uri === '' ? ' without namespace' : ` in "${html.uri}"`}`;
    report('xhtml-body', `inlineXML must hold one <html xmlns="${XHTML}"> element, and holds ${found}; put the body in an XHTML document`, inline);
    return;
  }
  if (!childrenNamed(html, XHTML, 'head').some((head) => childNamed(head, XHTML, 'title') !== undefined) || childNamed(html, XHTML, 'body') === undefined) {
    report('xhtml-body', 'the XHTML body needs <head><title>…</title></head> and <body>; add the missing element', html);
  }
}

/**
 * standards.md NewsML-G2 rules 8 and 9: an itemRef or link that points at an item of the same message names
 * that item's version (receivers fetch by guid and version), and an itemRef repeats its pubStatus, so a package
 * never announces a withdrawn item as usable, nor an outdated version.
 */
function checkReferences(items: readonly XmlElement[], elements: readonly XmlElement[], report: Report): void {
  const byGuid = new Map<string, XmlElement>();
  for (const item of items) {
    const guid = attributeOf(item, 'guid')?.trim();
    if (guid !== undefined && guid !== '' && !byGuid.has(guid)) byGuid.set(guid, item);
  }
  for (const ref of elements.filter((e) => e.name === 'itemRef' || e.name === 'link')) {
    const residref = attributeOf(ref, 'residref')?.trim();
    const version = attributeOf(ref, 'version')?.trim();
    const target = residref === undefined ? undefined : byGuid.get(residref);
    if (target === undefined || version === undefined) continue;
    const targetVersion = attributeOf(target, 'version')?.trim() ?? '';
    if (version !== targetVersion) {
      report('ref-version', `${ref.name} to ${residref} has version "${version}", but the ${target.name} it points to in this message is version "${targetVersion}"; write the item's own version`, ref);
    }
    if (ref.name !== 'itemRef') continue;
    const status = qcodeOf(childNamed(ref, NAR, 'pubStatus'));
    const targetStatus = qcodeOf(metaProperty(target, 'pubStatus'));
    if (status !== undefined && targetStatus !== undefined && status !== targetStatus) {
      report('ref-pubstatus', `itemRef to ${residref} has pubStatus ${status}, but the item itself is ${targetStatus}; repeat the item's pubStatus`, ref);
    }
  }
}
