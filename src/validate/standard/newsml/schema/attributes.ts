/**
 * The attribute groups of NewsML-G2 2.35, as tables of attribute name → type (optional unless marked
 * required), read from the schema's xs:attributeGroup definitions of the same names.
 */
import type { ValueType } from '../values.ts';

/** A table of optional attributes. */
type Group = Readonly<Record<string, ValueType>>;

/** commonPowerAttributes: identity and editing metadata of any property. */
export const commonPower: Group = {
  id: 'ID',
  creator: 'qcode',
  creatoruri: 'iri',
  modified: 'dateOptTime',
  custom: 'boolean',
  how: 'qcode',
  howuri: 'iri',
  why: 'qcode',
  whyuri: 'iri',
  pubconstraint: 'qcodes',
  pubconstrainturi: 'iris',
};

/** persistentEditAttributes, and the head of newsContentAttributes and partMeta's attributes. */
export const editing: Group = {
  id: 'ID',
  creator: 'qcode',
  creatoruri: 'iri',
  modified: 'dateOptTime',
  custom: 'boolean',
  how: 'qcode',
  howuri: 'iri',
  why: 'qcode',
  whyuri: 'iri',
};

/** i18nAttributes: xml:lang and the writing direction. */
export const i18n: Group = { 'xml:lang': 'xmlLang', dir: 'direction' };

/** authorityAttributes (catalog, scheme). */
export const authority: Group = { authority: 'iri', authoritystatus: 'qcode', authoritystatusuri: 'iri' };

/** quantifyAttributes. */
export const quantify: Group = { confidence: 'int100', relevance: 'int100', derivedfrom: 'qcodes' };

/** timeValidityAttributes. */
export const timeValidity: Group = { validfrom: 'dateOptTime', validto: 'dateOptTime' };

/** flexAttributes: the value of a flexible property. */
export const flex: Group = { qcode: 'qcode', uri: 'iri', literal: 'line', type: 'qcode', typeuri: 'iri' };

/** rankingAttributes. */
export const ranking: Group = { rank: 'nonNegativeInteger' };

/** arbitraryValueAttributes. */
export const arbitraryValue: Group = { value: 'string', valuedatatype: 'QName', valueunit: 'qcode', valueunituri: 'iri' };

/** qualifyingAttributes. */
export const qualifying: Group = { ...flex, role: 'qcode', roleuri: 'iri' };

/** newsContentAttributes (inlineXML, inlineData, remoteContent). */
export const newsContent: Group = {
  ...editing,
  rendition: 'qcode',
  renditionuri: 'iri',
  generator: 'string',
  generated: 'dateOptTime',
  hascontent: 'boolean',
};

/** newsContentTypeAttributes. */
export const newsContentType: Group = {
  contenttype: 'string',
  contenttypestandardversion: 'string',
  contenttypevariant: 'string',
  contenttypevariantstandardversion: 'string',
  format: 'qcode',
  formaturi: 'iri',
  formatstandardversion: 'string',
};

/** targetResourceAttributes: what a link points to. */
export const targetResource: Group = {
  href: 'iri',
  residref: 'string',
  residrefformat: 'qcode',
  residrefformaturi: 'iri',
  version: 'positiveInteger',
  persistidref: 'string',
  ...newsContentType,
  size: 'nonNegativeInteger',
  title: 'string',
};

/** deprecatedLinkAttributes. */
export const deprecatedLink: Group = { guidref: 'string', hreftype: 'string' };

/**
 * What replaces each of deprecatedLinkAttributes, as the 2.35 XSD documents them: guidref "The use of this
 * attribute is DEPRECATED, use @residref instead", hreftype "DEPRECATED, use @contenttype instead" (NAR 1.2).
 */
export const deprecatedLinkReplacements: Readonly<Record<string, string>> = { guidref: 'residref', hreftype: 'contenttype' };

/** mediaContentCharacteristics1 (icon). */
export const mediaCharacteristics: Group = {
  width: 'nonNegativeInteger',
  widthunit: 'qcode',
  widthunituri: 'iri',
  height: 'nonNegativeInteger',
  heightunit: 'qcode',
  heightunituri: 'iri',
  orientation: 'nonNegativeInteger',
  layoutorientation: 'qcode',
  layoutorientationuri: 'iri',
  colourspace: 'qcode',
  colourspaceuri: 'iri',
  colourindicator: 'qcode',
  colourindicatoruri: 'iri',
  videocodec: 'qcode',
  videocodecuri: 'iri',
  colourdepth: 'nonNegativeInteger',
};

/** newsContentCharacteristics: the technical description of a rendition. */
export const newsCharacteristics: Group = {
  charcount: 'nonNegativeInteger',
  wordcount: 'nonNegativeInteger',
  linecount: 'nonNegativeInteger',
  pagecount: 'nonNegativeInteger',
  ...mediaCharacteristics,
  resolution: 'positiveInteger',
  duration: 'string',
  durationunit: 'qcode',
  durationunituri: 'iri',
  audiocodec: 'qcode',
  audiocodecuri: 'iri',
  audiobitrate: 'positiveInteger',
  audiovbr: 'boolean',
  audiosamplesize: 'positiveInteger',
  audiosamplerate: 'positiveInteger',
  audiochannels: 'qcode',
  audiochannelsuri: 'iri',
  videoavgbitrate: 'positiveInteger',
  videovbr: 'boolean',
  videoframerate: 'decimal',
  videoscan: 'videoScan',
  videoaspectratio: 'line',
  videosampling: 'line',
  videoscaling: 'qcode',
  videoscalinguri: 'iri',
  videodefinition: 'qcode',
  videodefinitionuri: 'iri',
};

/** confirmationStatusAttributes. */
export const confirmationStatus: Group = { confirmationstatus: 'qcode', confirmationstatusuri: 'iri' };

/** recurrenceRuleAttributes (rRule, exRule), `freq` aside: it is required. */
export const recurrenceRule: Group = {
  interval: 'positiveInteger',
  until: 'dateOptTime',
  count: 'positiveInteger',
  bysecond: 'bySecond',
  byminute: 'byMinute',
  byhour: 'byHour',
  byday: 'byDay',
  bymonthday: 'byMonthDay',
  bymonth: 'byMonth',
  byyearday: 'byYearDay',
  byweekno: 'byWeekNo',
  bysetpos: 'bySetPos',
  wkst: 'weekday',
};

/** A role expressed by a QCode or a URI (the pair many elements declare on their own). */
export const role: Group = { role: 'qcode', roleuri: 'iri' };

/** Roles as lists. */
export const roles: Group = { role: 'qcodes', roleuri: 'iris' };
