/**
 * The global element declarations of NewsML-G2 2.35 (element name → type), with the anonymous types
 * and local elements declared inside them, written after the schema's definitions of the same names.
 */
import { any, attributes, choice, complex, extend, fixed, local, many, opt, OTHER_LAX, OTHER_STRICT, ref, required, seq, simple, some, type ComplexType } from '../model.ts';
import type { ValueType } from '../values.ts';
import {
  authority,
  commonPower,
  confirmationStatus,
  editing,
  i18n,
  mediaCharacteristics,
  newsCharacteristics,
  newsContent,
  newsContentType,
  quantify,
  qualifying,
  ranking,
  recurrenceRule,
  role,
  roles,
  targetResource,
  timeValidity,
} from './attributes.ts';
import {
  AdministrativeMetadataGroup,
  AnyItemType,
  ApproximateDateTimePropType,
  AudienceType,
  BlockType,
  AssertType,
  ConceptIdType,
  ConceptRelationshipsGroup,
  ContactInfoType,
  ContentMetadataAcDType,
  ContentMetadataAfDType,
  ContentMetadataCatType,
  DateOptTimePropType,
  DateTimeOrNullPropType,
  DateTimePropType,
  DescriptiveMetadataGroup,
  EntityDetailsGroup,
  Flex1ConceptPropType,
  Flex1PartyPropType,
  Flex1PropType,
  Flex2ExtPropType,
  FlexAuthorPropType,
  FlexLocationPropType,
  FlexPartyPropType,
  FlexPersonPropType,
  FlexPropType,
  FlexRelatedConceptType,
  GeoCoordinatesType,
  IntlStringType,
  IntlStringType2,
  ItemMetadataType,
  Label1Type,
  Link1Type,
  OrganisationAffiliationType,
  PersonAffiliationType,
  QCodePropType,
  QualPropType,
  QualRelPropType,
  RelatedConceptType,
  RightsBlockType,
  RightsInfoType,
  SameAsType,
  StringType,
  TruncatedDateTimePropType,
  VersionedStringType,
  itemBody,
  ConceptNameType,
  AddressType,
  PartMetaPropType,
  RemoteContentPropType,
} from './types.ts';

/** An element declaration's type: a complex type, or a simple type for an element without attributes. */
export type ElementType = ComplexType | ValueType;

const otherElements = () => many(any('other'));

// ---- newsMessage ----

/** A header string with the qualifying attributes (sender, origin, destination). */
const QualifiedString = extend(StringType, 'qualified string', { attributes: attributes(qualifying) });

const catalogRef = complex('catalogRef', { model: many(ref('title')), attributes: attributes({ href: required('iri') }, commonPower), anyAttribute: OTHER_LAX });

const header = complex('header', {
  model: seq(
    local('sent', DateTimePropType),
    many(choice(local('catalogRef', catalogRef), ref('catalog'))),
    opt(local('sender', QualifiedString)),
    opt(local('transmitId', StringType)),
    opt(local('priority', simple('priority', 'int1to9', { attributes: attributes(commonPower), anyAttribute: OTHER_LAX }))),
    opt(local('origin', QualifiedString)),
    many(
      choice(
        local('timestamp', extend(DateTimePropType, 'timestamp', { attributes: attributes({ role: 'string' }) })),
        local('destination', QualifiedString),
        local('channel', extend(QualifiedString, 'channel', { attributes: attributes({ g2flag: fixed('NMSG') }) })),
        ref('signal'),
        local('headerExtProperty', Flex2ExtPropType),
      ),
    ),
    otherElements(),
  ),
  attributes: attributes(commonPower),
  anyAttribute: OTHER_LAX,
});

const newsMessage = complex('newsMessage', {
  model: seq(
    local('header', header),
    local('itemSet', complex('itemSet', { model: some(any('nar')), attributes: attributes(commonPower), anyAttribute: OTHER_LAX })),
  ),
  anyAttribute: OTHER_LAX,
});

// ---- items ----

const newsItem = extend(AnyItemType, 'newsItem', { model: seq(itemBody(ContentMetadataAfDType, true), opt(ref('contentSet'))) });
const packageItem = extend(AnyItemType, 'packageItem', { model: seq(itemBody(ContentMetadataAfDType, true), opt(ref('groupSet'))) });
const conceptItem = extend(AnyItemType, 'conceptItem', { model: seq(itemBody(ContentMetadataAcDType, false), opt(ref('concept'))) });
const knowledgeItem = extend(AnyItemType, 'knowledgeItem', { model: seq(itemBody(ContentMetadataAcDType, true), opt(ref('conceptSet')), opt(ref('schemeMeta'))) });
const planningItem = extend(AnyItemType, 'planningItem', { model: seq(itemBody(ContentMetadataAcDType, false), opt(ref('newsCoverageSet'))) });
const catalogItem = extend(AnyItemType, 'catalogItem', { model: seq(opt(local('contentMeta', ContentMetadataCatType)), ref('catalogContainer')) });

const contentSet = complex('contentSet', {
  model: many(
    choice(
      local(
        'inlineXML',
        complex('inlineXML', {
          model: opt(any('any')),
          attributes: attributes(newsContent, newsContentType, newsCharacteristics, i18n),
          anyAttribute: OTHER_LAX,
          spec: [{ kind: 'content-type' }],
        }),
      ),
      local(
        'inlineData',
        simple('inlineData', 'string', {
          attributes: attributes(newsContent, newsContentType, { encoding: 'qcode', encodinguri: 'iri' }, newsCharacteristics, i18n),
          anyAttribute: OTHER_LAX,
          spec: [{ kind: 'content-type' }],
        }),
      ),
      local('remoteContent', RemoteContentPropType),
    ),
  ),
  attributes: attributes(commonPower, { original: 'IDREF' }),
  anyAttribute: OTHER_LAX,
});

const group = complex('group', {
  model: many(
    choice(
      local('groupRef', complex('groupRef', { attributes: attributes({ idref: required('IDREF') }, commonPower), anyAttribute: OTHER_LAX })),
      local('itemRef', Link1Type),
      local('conceptRef', extend(FlexPropType, 'conceptRef')),
      ref('title'),
      ref('signal'),
      ref('edNote'),
      local('groupExtProperty', Flex2ExtPropType),
      any('other'),
    ),
  ),
  attributes: attributes(commonPower, role, { mode: 'qcode', modeuri: 'iri' }, i18n),
  anyAttribute: OTHER_LAX,
  spec: [{ kind: 'one-of', attributes: ['role', 'roleuri'] }],
});

const groupSet = complex('groupSet', {
  model: some(local('group', group)),
  attributes: attributes(commonPower, { root: required('IDREF') }),
  anyAttribute: OTHER_LAX,
  spec: [{ kind: 'group-set' }],
});

const scheme = complex('scheme', {
  model: many(
    choice(
      ref('sameAsScheme'),
      ref('name'),
      ref('definition'),
      ref('note'),
      local('sameAs', simple('sameAs', 'iri', { attributes: attributes(commonPower, { g2flag: fixed('DEPR-SCH') }) })),
    ),
  ),
  attributes: attributes(
    commonPower,
    { alias: required('NCName'), uri: required('iri') },
    authority,
    { schemecreated: 'dateOptTime', schememodified: 'dateOptTime', schemeretired: 'dateOptTime' },
  ),
  anyAttribute: OTHER_LAX,
});

const catalog = complex('catalog', {
  model: seq(many(ref('title')), some(local('scheme', scheme))),
  attributes: attributes({ additionalInfo: 'iri', url: 'iri' }, authority, { guid: 'iri', version: 'nonNegativeInteger' }, commonPower),
  anyAttribute: OTHER_LAX,
});

const schemeMeta = complex('schemeMeta', {
  model: seq(
    many(choice(ref('sameAsScheme'), ref('name'), ref('definition'), ref('note'), ref('related'), local('schemeMetaExtProperty', Flex2ExtPropType))),
    otherElements(),
  ),
  attributes: attributes(
    commonPower,
    { uri: required('iri'), preferredalias: 'string' },
    authority,
    { concepttype: 'qcodes', schemecreated: 'dateOptTime', schememodified: 'dateOptTime', schemeretired: 'dateOptTime' },
  ),
  anyAttribute: OTHER_LAX,
});

// ---- planning ----

const g2contentType = simple('g2contentType', 'string', { attributes: attributes(commonPower) });

const planning = complex('planning', {
  model: seq(
    opt(local('g2contentType', g2contentType)),
    opt(ref('itemClass')),
    opt(local('itemCount', complex('itemCount', { attributes: attributes(commonPower, { rangefrom: required('nonNegativeInteger'), rangeto: required('positiveInteger') }) }))),
    many(local('assignedTo', extend(Flex1PartyPropType, 'assignedTo', { attributes: attributes({ coversfrom: 'dateOptTime', coversto: 'dateOptTime' }) }))),
    opt(local('scheduled', ApproximateDateTimePropType)),
    many(local('service', QualPropType)),
    opt(DescriptiveMetadataGroup),
    many(local('edNote', BlockType)),
    opt(local('newsContentCharacteristics', complex('newsContentCharacteristics', { attributes: attributes(commonPower, newsContentType, newsCharacteristics) }))),
    opt(ref('urgency')),
    many(ref('audience')),
    many(ref('exclAudience')),
    many(local('planningExtProperty', Flex2ExtPropType)),
    otherElements(),
  ),
  attributes: attributes(commonPower, { coversfrom: 'dateOptTime', coversto: 'dateOptTime' }),
});

const newsCoverage = complex('newsCoverage', {
  model: seq(some(local('planning', planning)), opt(ref('delivery')), many(local('newsCoverageExtProperty', Flex2ExtPropType)), otherElements()),
  attributes: attributes(editing),
  anyAttribute: OTHER_STRICT,
});

// ---- events ----

const eventDate = (name: string) => extend(ApproximateDateTimePropType, name, { attributes: attributes(confirmationStatus) });
const recurrence = (name: string) => complex(name, { attributes: attributes(commonPower, { freq: required('frequency') }, recurrenceRule), anyAttribute: OTHER_LAX });

const dates = complex('dates', {
  model: seq(
    local('start', eventDate('start')),
    opt(choice(local('end', eventDate('end')), local('duration', simple('duration', 'duration', { attributes: attributes(commonPower, confirmationStatus) })))),
    opt(seq(many(choice(local('rDate', DateOptTimePropType), local('rRule', recurrence('rRule')))), many(choice(local('exDate', DateOptTimePropType), local('exRule', recurrence('exRule')))))),
    opt(local('confirmation', QCodePropType)),
  ),
  attributes: attributes(commonPower),
});

const eventCoverage = complex('newsCoverage (event)', {
  model: seq(
    opt(local('g2contentType', g2contentType)),
    opt(ref('itemClass')),
    many(local('assignedTo', Flex1PartyPropType)),
    opt(local('scheduled', ApproximateDateTimePropType)),
    many(local('service', QualPropType)),
    many(local('edNote', BlockType)),
    opt(DescriptiveMetadataGroup),
    otherElements(),
  ),
  attributes: attributes(role),
  anyAttribute: OTHER_STRICT,
});

const eventDetails = complex('eventDetails', {
  model: seq(
    local('dates', dates),
    opt(local('eventStatus', QualPropType)),
    opt(local('occurStatus', QualPropType)),
    opt(local('newsCoverageStatus', QualPropType)),
    many(
      choice(
        local('registration', BlockType),
        ref('keyword'),
        local('accessStatus', QualPropType),
        local('participationRequirement', extend(Flex1PropType, 'participationRequirement', { attributes: attributes(role) })),
        local('subject', Flex1ConceptPropType),
        local('location', extend(FlexLocationPropType, 'location', { attributes: attributes(role) })),
        local('participant', Flex1PartyPropType),
        local('organiser', Flex1PartyPropType),
        local('contactInfo', ContactInfoType),
        ref('language'),
        local('newsCoverage', eventCoverage),
      ),
    ),
    otherElements(),
  ),
  attributes: attributes(commonPower),
  anyAttribute: { namespace: 'local', process: 'lax' },
});

// ---- concepts and entities ----

const geoLine = complex('line', { model: some(ref('position')), attributes: attributes(commonPower) });
const circle = complex('circle', {
  model: ref('position'),
  attributes: attributes(commonPower, { radius: required('double'), radunit: 'qcode', radunituri: 'iri' }),
  spec: [{ kind: 'one-of', attributes: ['radunit', 'radunituri'] }],
});

const ruby = complex('ruby', {
  model: seq(ref('rb'), choice(ref('rt'), seq(ref('rp'), ref('rt'), ref('rp')))),
  attributes: attributes(commonPower, i18n),
  anyAttribute: OTHER_LAX,
});

const textWith = (name: string) => extend(IntlStringType, name, { attributes: attributes(ranking) });

/** Every global element of NewsML-G2 2.35, by name. */
export const GLOBAL_ELEMENTS: ReadonlyMap<string, ElementType> = new Map<string, ElementType>([
  ['newsMessage', newsMessage],
  ['newsItem', newsItem],
  ['packageItem', packageItem],
  ['conceptItem', conceptItem],
  ['knowledgeItem', knowledgeItem],
  ['planningItem', planningItem],
  ['catalogItem', catalogItem],
  ['conceptSet', complex('conceptSet', { model: many(ref('concept')), attributes: attributes(commonPower), anyAttribute: OTHER_LAX })],
  ['schemeMeta', schemeMeta],
  ['contentSet', contentSet],
  ['groupSet', groupSet],
  ['newsCoverageSet', complex('newsCoverageSet', { model: some(ref('newsCoverage')), attributes: attributes(commonPower), anyAttribute: OTHER_STRICT })],
  ['catalogContainer', complex('catalogContainer', { model: ref('catalog') })],
  ['catalog', catalog],
  ['sameAsScheme', simple('sameAsScheme', 'iri', { attributes: attributes(commonPower), anyAttribute: OTHER_STRICT })],
  ['catalogRef', catalogRef],
  // rights
  ['rightsInfo', RightsInfoType],
  ['accountable', FlexPersonPropType],
  ['copyrightHolder', FlexPartyPropType],
  ['copyrightNotice', RightsBlockType],
  ['usageTerms', RightsBlockType],
  ['rightsInfoExtProperty', Flex2ExtPropType],
  ['rightsExpressionXML', complex('rightsExpressionXML', { model: any('other', 'strict'), attributes: attributes(commonPower, { langid: required('iri') }) })],
  ['rightsExpressionData', simple('rightsExpressionData', 'string', { attributes: attributes(commonPower, { langid: required('iri'), enctype: required('string') }) })],
  ['dataMining', FlexPropType],
  // item metadata
  ['itemMeta', ItemMetadataType],
  ['itemClass', QualRelPropType],
  ['provider', FlexPartyPropType],
  ['versionCreated', DateTimePropType],
  ['firstCreated', DateTimePropType],
  ['embargoed', DateTimeOrNullPropType],
  ['pubStatus', QualPropType],
  ['role', QualPropType],
  ['fileName', simple('fileName', 'line', { attributes: attributes(commonPower), anyAttribute: OTHER_LAX })],
  ['generator', extend(VersionedStringType, 'generator', { attributes: attributes(role) })],
  ['profile', VersionedStringType],
  ['service', QualPropType],
  ['edNote', BlockType],
  ['memberOf', Flex1PropType],
  ['instanceOf', Flex1PropType],
  ['signal', extend(Flex1PropType, 'signal', { attributes: attributes({ severity: 'qcode', severityuri: 'iri' }) })],
  [
    'altRep',
    simple('altRep', 'iri', {
      attributes: attributes(commonPower, timeValidity, newsContentType, { representation: 'qcode', representationuri: 'iri', size: 'nonNegativeInteger' }),
      anyAttribute: OTHER_LAX,
    }),
  ],
  ['deliverableOf', Link1Type],
  [
    'hash',
    simple('hash', 'string', {
      attributes: attributes({ hashtype: 'qcode', hashtypeuri: 'iri', scope: 'qcode', scopeuri: 'iri' }, commonPower),
      spec: [{ kind: 'one-of', attributes: ['hashtype', 'hashtypeuri'] }],
    }),
  ],
  ['expires', DateOptTimePropType],
  ['origRep', simple('origRep', 'iri', { attributes: attributes(commonPower, { accesstype: 'qcode', accesstypeuri: 'iri', reposrole: 'qcode', reposroleuri: 'iri' }) })],
  ['incomingFeedId', extend(QCodePropType, 'incomingFeedId', { attributes: attributes(role) })],
  ['metadataCreator', FlexAuthorPropType],
  ['link', Link1Type],
  ['itemMetaExtProperty', Flex2ExtPropType],
  // content metadata
  ['urgency', simple('urgency', 'int1to9', { attributes: attributes(commonPower), anyAttribute: OTHER_LAX })],
  ['contentCreated', TruncatedDateTimePropType],
  ['contentModified', TruncatedDateTimePropType],
  [
    'icon',
    complex('icon', {
      attributes: attributes(targetResource, commonPower, { rendition: 'qcode', renditionuri: 'iri' }, mediaCharacteristics),
      anyAttribute: OTHER_LAX,
      spec: [{ kind: 'link-target' }],
    }),
  ],
  ['located', FlexLocationPropType],
  ['infoSource', Flex1PartyPropType],
  ['creator', FlexAuthorPropType],
  ['contributor', FlexAuthorPropType],
  ['audience', AudienceType],
  ['exclAudience', AudienceType],
  [
    'altId',
    extend(IntlStringType2, 'altId', {
      attributes: attributes({ type: 'qcode', typeuri: 'iri', environment: 'qcodes', environmenturi: 'iris', idformat: 'qcode', idformaturi: 'iri' }, role, { version: 'string' }),
    }),
  ],
  [
    'rating',
    complex('rating', {
      attributes: attributes(commonPower, {
        value: required('decimal'),
        valcalctype: 'qcode',
        valcalctypeuri: 'iri',
        scalemin: required('decimal'),
        scalemax: required('decimal'),
        scaleunit: 'qcode',
        scaleunituri: 'iri',
        raters: 'nonNegativeInteger',
        ratertype: 'qcode',
        ratertypeuri: 'iri',
        ratingtype: 'qcode',
        ratingtypeuri: 'iri',
      }),
      anyAttribute: OTHER_LAX,
      spec: [{ kind: 'one-of', attributes: ['scaleunit', 'scaleunituri'] }],
    }),
  ],
  [
    'userInteraction',
    complex('userInteraction', {
      attributes: attributes(commonPower, { interactions: required('nonNegativeInteger'), interactiontype: 'qcode', interactiontypeuri: 'iri' }),
      anyAttribute: OTHER_LAX,
      spec: [{ kind: 'one-of', attributes: ['interactiontype', 'interactiontypeuri'] }],
    }),
  ],
  [
    'language',
    complex('language', {
      model: many(local('name', IntlStringType)),
      attributes: attributes(commonPower, { tag: required('language') }, roles, ranking),
      anyAttribute: OTHER_LAX,
    }),
  ],
  ['genre', extend(Flex1ConceptPropType, 'genre', { attributes: attributes(ranking) })],
  ['digitalSourceType', FlexPropType],
  ['keyword', extend(IntlStringType, 'keyword', { attributes: attributes(roles, ranking, { confidence: 'int100', relevance: 'int100' }) })],
  ['subject', extend(Flex1ConceptPropType, 'subject', { attributes: attributes(ranking) })],
  ['slugline', extend(IntlStringType, 'slugline', { attributes: attributes({ separator: 'string' }, role, ranking, { confidence: 'int100', relevance: 'int100' }) })],
  ['headline', extend(Label1Type, 'headline', { attributes: attributes(ranking, { confidence: 'int100', relevance: 'int100' }) })],
  ['dateline', extend(Label1Type, 'dateline', { attributes: attributes(ranking) })],
  ['by', extend(Label1Type, 'by', { attributes: attributes(ranking) })],
  ['creditline', textWith('creditline')],
  ['description', extend(BlockType, 'description', { attributes: attributes(ranking, { confidence: 'int100', relevance: 'int100' }) })],
  ['contentMetaExtProperty', Flex2ExtPropType],
  ['partMeta', PartMetaPropType],
  ['assert', AssertType],
  ['inlineRef', extend(Flex1PropType, 'inlineRef', { attributes: attributes({ idrefs: required('IDREFS') }, quantify) })],
  ['derivedFrom', extend(Flex1PropType, 'derivedFrom', { attributes: attributes({ idrefs: 'IDREFS' }) })],
  ['derivedFromValue', simple('derivedFromValue', 'string', { attributes: attributes(commonPower, { sourceidref: required('IDREF'), idrefs: required('IDREFS') }) })],
  // shared
  ['title', Label1Type],
  ['created', TruncatedDateTimePropType],
  [
    'bag',
    complex('bag', {
      model: some(local('bit', extend(QCodePropType, 'bit', { attributes: attributes({ type: 'qcode', typeuri: 'iri', significance: 'int100' }, quantify) }))),
      attributes: attributes(commonPower, i18n),
      anyAttribute: OTHER_LAX,
    }),
  ],
  ['mainConcept', RelatedConceptType],
  ['facetConcept', RelatedConceptType],
  ['altLoc', simple('altLoc', 'iri', { attributes: attributes(commonPower, { type: 'qcode', typeuri: 'iri', role: 'qcode', roleruri: 'iri' }), anyAttribute: OTHER_LAX })],
  ['hierarchyInfo', simple('hierarchyInfo', 'NMTOKENS', { attributes: attributes(commonPower), anyAttribute: OTHER_LAX })],
  // concepts
  [
    'concept',
    complex('concept', {
      model: seq(
        ref('conceptId'),
        opt(ref('type')),
        some(ref('name')),
        many(choice(ref('definition'), ref('note'), ref('facet'), ref('remoteInfo'), ref('hierarchyInfo'))),
        ConceptRelationshipsGroup,
        opt(EntityDetailsGroup),
        many(ref('conceptExtProperty')),
        otherElements(),
      ),
      attributes: attributes(commonPower, i18n),
      anyAttribute: OTHER_LAX,
    }),
  ],
  ['conceptId', ConceptIdType],
  ['type', QualPropType],
  ['name', ConceptNameType],
  ['definition', extend(BlockType, 'definition', { attributes: attributes(timeValidity) })],
  ['note', extend(BlockType, 'note', { attributes: attributes(timeValidity) })],
  ['facet', extend(FlexPropType, 'facet', { attributes: attributes({ rel: 'qcode', reluri: 'iri' }, timeValidity, { g2flag: fixed('DEPR') }) })],
  ['remoteInfo', Link1Type],
  ['sameAs', SameAsType],
  ['broader', RelatedConceptType],
  ['narrower', RelatedConceptType],
  ['related', FlexRelatedConceptType],
  ['conceptExtProperty', Flex2ExtPropType],
  // entity details
  [
    'personDetails',
    complex('personDetails', {
      model: seq(
        opt(local('born', TruncatedDateTimePropType)),
        opt(local('died', TruncatedDateTimePropType)),
        many(choice(local('affiliation', PersonAffiliationType), local('contactInfo', ContactInfoType))),
        otherElements(),
      ),
      attributes: attributes(commonPower),
      anyAttribute: OTHER_LAX,
    }),
  ],
  [
    'organisationDetails',
    complex('organisationDetails', {
      model: seq(
        opt(local('founded', TruncatedDateTimePropType)),
        opt(local('dissolved', TruncatedDateTimePropType)),
        many(choice(local('location', FlexLocationPropType), local('affiliation', OrganisationAffiliationType), local('contactInfo', ContactInfoType), ref('hasInstrument'))),
        otherElements(),
      ),
      attributes: attributes(commonPower),
      anyAttribute: OTHER_LAX,
    }),
  ],
  [
    'hasInstrument',
    complex('hasInstrument', {
      attributes: attributes(commonPower, {
        symbol: required('string'),
        symbolsrc: 'qcode',
        symbolsrcuri: 'iri',
        market: 'qcode',
        marketuri: 'iri',
        marketlabel: 'string',
        marketlabelsrc: 'qcode',
        marketlabelsrcuri: 'iri',
        type: 'qcodes',
        typeuri: 'iris',
        rank: 'nonNegativeInteger',
      }),
      anyAttribute: OTHER_STRICT,
    }),
  ],
  [
    'geoAreaDetails',
    complex('geoAreaDetails', {
      model: seq(
        opt(ref('position')),
        opt(local('founded', TruncatedDateTimePropType)),
        opt(local('dissolved', TruncatedDateTimePropType)),
        many(choice(local('line', geoLine), local('circle', circle), local('polygon', complex('polygon', { model: some(ref('position')), attributes: attributes(commonPower) })))),
        otherElements(),
      ),
      attributes: attributes(commonPower),
      anyAttribute: OTHER_LAX,
    }),
  ],
  ['position', GeoCoordinatesType],
  [
    'POIDetails',
    complex('POIDetails', {
      model: seq(
        opt(local('position', GeoCoordinatesType)),
        opt(local('address', AddressType)),
        opt(local('openHours', Label1Type)),
        opt(local('capacity', Label1Type)),
        many(choice(local('contactInfo', ContactInfoType), local('access', BlockType), local('details', BlockType))),
        opt(local('created', TruncatedDateTimePropType)),
        opt(local('ceasedToExist', TruncatedDateTimePropType)),
        otherElements(),
      ),
      attributes: attributes(commonPower),
      anyAttribute: OTHER_LAX,
    }),
  ],
  [
    'objectDetails',
    complex('objectDetails', {
      model: seq(
        opt(local('created', TruncatedDateTimePropType)),
        many(choice(ref('copyrightNotice'), ref('creator'))),
        opt(local('ceasedToExist', TruncatedDateTimePropType)),
        otherElements(),
      ),
      attributes: attributes(commonPower),
      anyAttribute: OTHER_LAX,
    }),
  ],
  ['eventDetails', eventDetails],
  [
    'event',
    complex('event', {
      model: seq(some(ref('name')), many(choice(ref('definition'), ref('note'), ref('facet'))), ConceptRelationshipsGroup, ref('eventDetails')),
      attributes: attributes(commonPower),
      anyAttribute: OTHER_LAX,
    }),
  ],
  ['events', complex('events', { model: some(ref('event')), attributes: attributes(commonPower), anyAttribute: OTHER_LAX })],
  // planning, delivery, history
  ['newsCoverage', newsCoverage],
  ['delivery', complex('delivery', { model: seq(some(local('deliveredItemRef', Link1Type)), otherElements()), attributes: attributes(commonPower), anyAttribute: OTHER_LAX })],
  [
    'hopHistory',
    complex('hopHistory', {
      model: some(
        local(
          'hop',
          complex('hop', {
            model: seq(
              opt(local('party', extend(FlexPartyPropType, 'party'))),
              many(local('action', extend(QualRelPropType, 'action', { attributes: attributes({ target: 'qcode', targeturi: 'iri', timestamp: 'dateOptTime' }) }))),
            ),
            attributes: attributes({ seq: 'nonNegativeInteger', timestamp: 'dateOptTime' }, commonPower),
            anyAttribute: OTHER_LAX,
          }),
        ),
      ),
      attributes: attributes(commonPower),
      anyAttribute: { namespace: 'other', process: 'skip' },
    }),
  ],
  [
    'pubHistory',
    complex('pubHistory', {
      model: some(
        local(
          'published',
          complex('published', {
            model: seq(
              opt(local('timestamp', extend(TruncatedDateTimePropType, 'timestamp (published)'))),
              many(choice(ref('name'), ref('related'), local('publishedExtProperty', Flex2ExtPropType), any('other'))),
            ),
            attributes: attributes(commonPower, { qcode: 'qcode', uri: 'iri', literal: 'line' }),
          }),
        ),
      ),
      attributes: attributes(commonPower),
    }),
  ],
  // inline markup
  ['br', complex('br', { attributes: attributes(commonPower), anyAttribute: OTHER_LAX })],
  [
    'a',
    complex('a', {
      mixed: true,
      model: many(choice(ref('inline'), ref('span'), ref('ruby'), any('other'))),
      attributes: attributes(commonPower, i18n, { class: 'string', href: 'iri', hreflang: 'string', rel: 'string', rev: 'string' }),
      anyAttribute: OTHER_LAX,
    }),
  ],
  ['span', complex('span', { mixed: true, model: many(choice(ref('ruby'), any('other'))), attributes: attributes(commonPower, i18n, { class: 'string' }), anyAttribute: OTHER_LAX })],
  [
    'inline',
    complex('inline', {
      mixed: true,
      model: many(choice(ref('span'), ref('ruby'), any('other'))),
      attributes: attributes(commonPower, { qcode: 'qcode', uri: 'iri', literal: 'line', type: 'qcode', typeuri: 'iri' }, i18n, quantify, { class: 'string' }),
      anyAttribute: OTHER_LAX,
    }),
  ],
  ['ruby', ruby],
  ['rb', 'string'],
  ['rp', 'string'],
  ['rt', 'string'],
]);

/** The roots a NewsML-G2 document may have: the message wrapper and the six items. */
export const ROOTS: ReadonlySet<string> = new Set(['newsMessage', 'newsItem', 'packageItem', 'conceptItem', 'knowledgeItem', 'planningItem', 'catalogItem']);
