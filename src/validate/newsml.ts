import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { OutputFile, Validator } from '../model/output.ts';
import { NEWSML_SCHEMA, NEWSML_SCHEMA_FILE, XML_NAMESPACE_SCHEMA, XML_NAMESPACE_SCHEMA_FILE } from './schemas/newsml.ts';
import { compileXsd, lazySchema, registerSchemaFiles, validateXml } from './xml.ts';
import { descendantsNamed, descendantsOf, type XElement, type XTree } from './xmltree.ts';

const SOURCE = 'validate:newsml';
/** The namespaces: `n` for the IPTC News Architecture, `h` for XHTML. */
const NS = { n: 'http://iptc.org/std/nar/2006-10-01/', h: 'http://www.w3.org/1999/xhtml' };
const IPTC_CATALOG_URL = 'http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_40.xml';
/** Any version of IPTC's catalog: each version only adds aliases, and IPTC's own examples still cite version 32. */
const IPTC_CATALOG_HREF = /^https?:\/\/(?:www\.)?iptc\.org\/std\/catalog\/catalog\.IPTC-G2-Standards_\d+\.xml$/;

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
const QCODE_ATTRIBUTES = ['qcode', 'type', 'role', 'rel', 'rendition', 'mode', 'format', 'jobtitle', 'severity'];

/** Elements whose content is an xs:dateTime (always with a time) or a truncated date-time (time optional). */
const DATETIME_ELEMENTS = ['sent', 'versionCreated', 'firstCreated', 'embargoed'];
const TRUNCATED_DATETIME_ELEMENTS = ['contentCreated', 'contentModified'];
/** Attributes holding a date with optional time (IPTC `DateOptTimeType`). */
const DATETIME_ATTRIBUTES = ['modified', 'validfrom', 'validto', 'generated'];

const OFFSET_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

// Compiled on first use; our schema imports the `xml:` namespace schema by file name, served from memory.
const schema = lazySchema(() => {
  registerSchemaFiles({ [XML_NAMESPACE_SCHEMA_FILE]: XML_NAMESPACE_SCHEMA });
  return compileXsd(NEWSML_SCHEMA_FILE, NEWSML_SCHEMA);
});

/** Checks a NewsML-G2 file: well-formed, valid against our own XSD, and the IPTC rules no schema enforces. */
export const validateNewsml: Validator = (file, site) =>
  validateXml(file, schema(), SOURCE, (tree) => inspectNewsml(tree, file));

/** Records one finding of a rule at the element concerned, or the element owning the attribute concerned (its line, when libxml2 knows it). */
type Report = (element: XElement | null, ruleId: string, message: string) => void;

/** An attribute with the element that carries it. */
interface OwnedAttribute {
  owner: XElement;
  name: string;
  value: string;
}

function inspectNewsml(tree: XTree, file: OutputFile): Diagnostic[] {
  const found: Diagnostic[] = [];
  const origin = file.sources.join(', ') || undefined;
  const report: Report = (element, ruleId, message) => {
    const line = element?.line;
    found.push(diagnostic('error', file.path, SOURCE, ruleId, message, line === undefined || line <= 0 ? {} : { line }, origin));
  };
  checkItemContent(tree, report);
  checkGroupRoles(tree, report);
  checkGroupSetRoots(tree, report);
  checkItemRefs(tree, report);
  checkXhtmlBodies(tree, report);
  checkAliases(tree, report);
  checkDateTimes(tree, report);
  checkGuidsAndVersions(tree, report);
  checkSignals(tree, report);
  checkReferencedVersions(tree, report);
  return found;
}

/** Whether `element` is the NewsML-G2 element `name` (XPath `n:name`). */
function isN(element: XElement | null, name: string): element is XElement {
  return element !== null && element.name === name && element.namespaceUri === NS.n;
}

/** The elements with an itemMeta child (XPath `[n:itemMeta]`), in document order. */
function withItemMeta(tree: XTree): XElement[] {
  const parents = new Set(descendantsNamed(tree, NS.n, ['itemMeta']).flatMap((meta) => meta.parent ?? []));
  return [...parents].sort((a, b) => a.index - b.index);
}

/** The NewsML-G2 elements of the document with an itemMeta child, in document order (XPath `//n:*[n:itemMeta]`): the items. */
function items(tree: XTree): XElement[] {
  return withItemMeta(tree).filter((e) => e.namespaceUri === NS.n);
}

/** The attributes without namespace named one of `names` on `elements`, in document order (XPath `…/@a | …/@b`). */
function attributesNamed(elements: readonly XElement[], names: readonly string[]): OwnedAttribute[] {
  const found: OwnedAttribute[] = [];
  for (const owner of elements) {
    for (const a of owner.attrs) if (a.namespaceUri === '' && names.includes(a.name)) found.push({ owner, name: a.name, value: a.value });
  }
  return found;
}

/**
 * The parts an item needs besides itemMeta, by kind: what our XSD required of every item before withdrawal
 * notices (a usable item still needs all of them), and the content parts a notice must not carry.
 */
const ITEM_PARTS: Record<'packageItem' | 'newsItem', { usable: readonly string[]; content: readonly string[] }> = {
  packageItem: { usable: ['catalog', 'contentMeta', 'groupSet'], content: ['contentMeta', 'groupSet'] },
  newsItem: { usable: ['rightsInfo', 'contentMeta', 'contentSet'], content: ['contentMeta', 'contentSet'] },
};

/**
 * What an item holds depends on its pubStatus, which XSD 1.0 cannot express (schemas/newsml.ts). This is the
 * part of our schema written as code: a usable item missing a part is a `schema` finding. A usable item (stat:usable, also
 * when pubStatus is absent: 'its value is "usable" by default', XSD annotation of pubStatus) carries its
 * content and rights, as our XSD required of every item before. A canceled item is a withdrawal notice
 * (IPTC's XSD makes contentMeta, contentSet and groupSet minOccurs="0"), and our promise is that it carries no
 * text of the withdrawn story: a notice with content would leak what was taken down (`notice-content`).
 */
function checkItemContent(tree: XTree, report: Report): void {
  for (const item of items(tree)) {
    if (item.name !== 'packageItem' && item.name !== 'newsItem') continue;
    const parts = ITEM_PARTS[item.name];
    const status = item.child(NS.n, 'itemMeta')?.child(NS.n, 'pubStatus')?.attr('qcode')?.trim();
    const label = `${item.name} ${item.attr('guid') ?? ''}`;
    if (status === 'stat:canceled') {
      const carried = parts.content.flatMap((name) => item.childrenNamed(NS.n, name));
      if (carried.length === 0) continue;
      const names = [...new Set(carried.map((e) => `<${e.name}>`))].join(', ');
      report(carried[0]!, 'notice-content', `${label} has pubStatus stat:canceled but carries ${names}; a withdrawal notice carries no text of the withdrawn story (identity, version, status and the reason in edNote only): remove ${names}`);
      continue;
    }
    const missing = parts.usable.filter((name) => !item.has(NS.n, name)).map((name) => `<${name}>`);
    if (missing.length > 0) {
      report(item, 'schema', `${label} is usable (pubStatus ${status ?? 'absent, so stat:usable'}) but has no ${missing.join(', ')}; add ${missing.join(', ')} (a usable ${item.name} always has ${parts.usable.map((name) => `<${name}>`).join(', ')}; only a withdrawal notice, pubStatus stat:canceled, leaves its content out)`);
    }
  }
}

/** NewsML-G2 spec, Packages: a group's @role says what part it plays; IPTC's XSD leaves it optional. */
function checkGroupRoles(tree: XTree, report: Report): void {
  for (const group of descendantsNamed(tree, NS.n, ['group']).filter((e) => isN(e.parent, 'groupSet'))) {
    if (!group.attr('role')?.trim()) {
      report(group, 'group-role', `group${idLabel(group)} has no @role; add a role QCode such as role="group:main"`);
    }
  }
}

/** groupSet/@root must name the id of one of its groups: it is where a receiver starts reading the package. */
function checkGroupSetRoots(tree: XTree, report: Report): void {
  for (const groupSet of descendantsNamed(tree, NS.n, ['groupSet'])) {
    const root = groupSet.attr('root') ?? '';
    const ids = groupSet.childrenNamed(NS.n, 'group').flatMap((g) => g.attrInTree('id') ?? []);
    if (!ids.includes(root)) {
      const known = ids.length > 0 ? ids.map((id) => `"${id}"`).join(', ') : 'none';
      report(groupSet, 'groupset-root', `groupSet/@root "${root}" is not the id of any of its groups (ids: ${known}); set it to the id of the top group`);
    }
  }
}

/** Receivers decide what to fetch from an itemRef alone, so it must say what, which version, and how usable. */
function checkItemRefs(tree: XTree, report: Report): void {
  for (const ref of descendantsNamed(tree, NS.n, ['itemRef'])) {
    const missing = [
      ...['residref', 'version', 'contenttype'].filter((name) => !ref.attr(name)?.trim()).map((name) => `@${name}`),
      ...['itemClass', 'pubStatus', 'title'].filter((name) => !ref.has(NS.n, name)),
    ];
    if (missing.length > 0) {
      const target = ref.attr('residref') ?? '(no residref)';
      report(ref, 'itemref-complete', `itemRef to ${target} lacks ${missing.join(', ')}; every itemRef needs @residref, @version, @contenttype and itemClass, pubStatus and title`);
    }
  }
}

/** standards.md NewsML-G2 rule 7: the body is one XHTML document; IPTC's XSD accepts anything there (lax). */
function checkXhtmlBodies(tree: XTree, report: Report): void {
  for (const inline of descendantsNamed(tree, NS.n, ['inlineXML'])) {
    const contentType = inline.attr('contenttype');
    if (contentType !== 'application/xhtml+xml') {
      report(inline, 'xhtml-body', `inlineXML has contenttype "${contentType ?? ''}"; the body must be XHTML with contenttype="application/xhtml+xml"`);
      continue;
    }
    const children = inline.children;
    const html = children[0];
    if (children.length !== 1 || html === undefined || html.namespaceUri !== NS.h || html.name !== 'html') {
      report(inline, 'xhtml-body', `inlineXML must hold exactly one <html xmlns="${NS.h}"> element (found ${children.length} element(s)${html ? `, first <${html.name}> in "${html.namespaceUri}"` : ''})`);
      continue;
    }
    if (!html.childrenNamed(NS.h, 'head').some((head) => head.has(NS.h, 'title')) || !html.has(NS.h, 'body')) {
      report(html, 'xhtml-body', 'the XHTML body needs <head><title>…</title></head> and <body>; add the missing element');
    }
  }
}

/**
 * NewsML-G2 spec, QCodes: an alias resolves only through a catalog of the item that uses it (or of the
 * message header). IPTC aliases count when the item references IPTC's catalog; others need an inline
 * <catalog><scheme alias uri/></catalog>.
 */
function checkAliases(tree: XTree, report: Report): void {
  const root = tree.root;
  const headers = isN(root, 'newsMessage') ? root.childrenNamed(NS.n, 'header') : [];
  // XPath `//n:*[n:itemMeta] | /n:newsMessage/n:header`, in document order.
  const owners = withItemMeta(tree);
  const scopes = owners.filter((e) => e.namespaceUri === NS.n);
  for (const header of headers) if (!scopes.includes(header)) scopes.push(header);
  scopes.sort((a, b) => a.index - b.index);
  const owning = new Set(owners);
  for (const scope of scopes) {
    const declared = new Set(scope.grandchildrenNamed(NS.n, 'catalog', 'scheme').flatMap((s) => s.attrInTree('alias') ?? []));
    const iptc = scope.childrenNamed(NS.n, 'catalogRef').some((c) => {
      const href = c.attrInTree('href');
      return href !== undefined && IPTC_CATALOG_HREF.test(href.trim());
    });
    const isHeader = scope.name === 'header';
    // In an item, every NewsML-G2 descendant; in the header, only the header's own descendants.
    const below = descendantsOf(scope).filter((e) => e.namespaceUri === NS.n);
    for (const attribute of attributesNamed(below, QCODE_ATTRIBUTES)) {
      const owner = attribute.owner;
      if (!isHeader && owningScope(owner, owning) !== scope) continue;
      for (const qcode of attribute.value.trim().split(/\s+/)) {
        const colon = qcode.indexOf(':');
        if (colon <= 0) continue; // not a QCode; the schema reports malformed values
        const alias = qcode.slice(0, colon);
        if (declared.has(alias) || (iptc && IPTC_CATALOG_40_ALIASES.has(alias))) continue;
        const fix = IPTC_CATALOG_40_ALIASES.has(alias)
          ? `add <catalogRef href="${IPTC_CATALOG_URL}"/> to the item`
          : `declare it in the item with <catalog><scheme alias="${alias}" uri="…"/></catalog>, or use @uri instead of a QCode`;
        report(owner, 'undeclared-alias', `${owner.name}/@${attribute.name}="${qcode}" uses the scheme alias "${alias}", which is neither an alias of IPTC's referenced catalog nor declared in an inline catalog of this item (remote non-IPTC catalogs are not read); ${fix}`);
      }
    }
  }
}

/** The nearest enclosing item (an element with itemMeta, among `owners`), so nested scopes are checked once. */
function owningScope(element: XElement, owners: ReadonlySet<XElement>): XElement | null {
  for (let current: XElement | null = element; current !== null; current = current.parent) {
    if (owners.has(current)) return current;
  }
  return null;
}

/** standards.md NewsML-G2 rule 4: every time carries an explicit UTC offset, or receivers guess the zone. */
function checkDateTimes(tree: XTree, report: Report): void {
  const must = descendantsNamed(tree, NS.n, DATETIME_ELEMENTS);
  const truncated = new Set(descendantsNamed(tree, NS.n, TRUNCATED_DATETIME_ELEMENTS));
  for (const element of [...must, ...truncated]) {
    const value = element.content.trim();
    // embargoed may be empty ("no embargo"); contentCreated/contentModified may be a date without time.
    if (value === '' && element.name === 'embargoed') continue;
    if (!value.includes('T') && truncated.has(element)) continue;
    if (!OFFSET_DATETIME.test(value)) {
      report(element, 'datetime-offset', `${element.name} "${value}" is not a date-time with an explicit UTC offset; write it like 2024-09-04T21:03:00+08:00`);
    }
  }
  for (const attribute of attributesNamed(tree.all.filter((e) => e.namespaceUri === NS.n), DATETIME_ATTRIBUTES)) {
    if (attribute.value.includes('T') && !OFFSET_DATETIME.test(attribute.value.trim())) {
      report(attribute.owner, 'datetime-offset', `@${attribute.name} "${attribute.value}" has a time but no UTC offset; write it like 2024-09-04T21:03:00+08:00`);
    }
  }
}

/** standards.md NewsML-G2 rule 4: (guid, version) identifies one version of one item. */
function checkGuidsAndVersions(tree: XTree, report: Report): void {
  for (const item of items(tree)) {
    const guid = item.attr('guid');
    const version = item.attr('version');
    if (!guid?.trim()) report(item, 'guid-version', `${item.name} has no guid; give it a stable, globally unique guid (a tag: or urn: URI)`);
    if (version === undefined || !/^[1-9]\d*$/.test(version.trim())) {
      report(item, 'guid-version', `${item.name} ${guid ?? ''} has version "${version ?? ''}"; set @version to a positive integer (1 for the first publication)`);
    }
  }
}

function idLabel(element: XElement): string {
  const id = element.attr('id');
  return id === undefined ? '' : ` "${id}"`;
}

/**
 * standards.md NewsML-G2 rule 5, which IPTC's schema cannot express: a version above 1 says why it was issued
 * (`sig:update` or `sig:correction`), a first version has nothing to update or correct, and a canceled
 * (withdrawn) item is never a correction, which a receiver could republish as the corrected story.
 */
function checkSignals(tree: XTree, report: Report): void {
  for (const item of items(tree)) {
    const meta = item.child(NS.n, 'itemMeta');
    if (meta === null) continue;
    const version = item.attr('version')?.trim() ?? '';
    const signals = meta.childrenNamed(NS.n, 'signal').flatMap((signal) => (signal.attr('qcode') ?? '').trim().split(/\s+/).filter((q) => q !== ''));
    const versionSignals = signals.filter((q) => q === 'sig:update' || q === 'sig:correction');
    const label = `${item.name} ${item.attr('guid') ?? ''}`;
    if (/^[1-9]\d*$/.test(version) && version !== '1' && versionSignals.length === 0) {
      report(meta, 'version-signal', `${label} is version ${version} but its itemMeta has no <signal qcode="sig:update"/> or <signal qcode="sig:correction"/>; say why the new version was issued`);
    }
    if (version === '1' && versionSignals.length > 0) {
      report(meta, 'version-signal', `${label} is version 1 but signals ${versionSignals.join(', ')}; a first version updates nothing, so remove the signal (or raise the version)`);
    }
    const canceled = meta.childrenNamed(NS.n, 'pubStatus').some((status) => status.attr('qcode')?.trim() === 'stat:canceled');
    if (canceled && signals.includes('sig:correction')) {
      report(meta, 'canceled-correction', `${label} has pubStatus stat:canceled and signal sig:correction; a withdrawal is not a correction: use sig:update with stat:canceled`);
    }
  }
}

/**
 * standards.md NewsML-G2 rules 8 and 9: an itemRef or link that points at an item of the same message names
 * that item's version (receivers fetch by guid and version), and an itemRef repeats its pubStatus, so a package
 * never announces a withdrawn item as usable, nor an outdated version.
 */
function checkReferencedVersions(tree: XTree, report: Report): void {
  const byGuid = new Map<string, XElement>();
  for (const item of items(tree)) {
    const guid = item.attr('guid')?.trim();
    if (guid !== undefined && guid !== '' && !byGuid.has(guid)) byGuid.set(guid, item);
  }
  for (const ref of descendantsNamed(tree, NS.n, ['itemRef', 'link'])) {
    const residref = ref.attr('residref')?.trim();
    const version = ref.attr('version')?.trim();
    const target = residref === undefined ? undefined : byGuid.get(residref);
    if (target === undefined || version === undefined) continue;
    const targetVersion = target.attr('version')?.trim() ?? '';
    if (version !== targetVersion) {
      report(ref, 'ref-version', `${ref.name} to ${residref} has version "${version}", but the ${target.name} it points to in this message is version "${targetVersion}"; write the item's own version`);
    }
    if (ref.name !== 'itemRef') continue;
    const refStatus = ref.child(NS.n, 'pubStatus')?.attr('qcode')?.trim();
    const targetStatus = target.child(NS.n, 'itemMeta')?.child(NS.n, 'pubStatus')?.attr('qcode')?.trim();
    if (refStatus !== undefined && targetStatus !== undefined && refStatus !== targetStatus) {
      report(ref, 'ref-pubstatus', `itemRef to ${residref} has pubStatus ${refStatus}, but the item itself is ${targetStatus}; repeat the item's pubStatus`);
    }
  }
}
