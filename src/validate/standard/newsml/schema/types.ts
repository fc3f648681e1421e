/**
 * The named complex types and model groups of NewsML-G2 2.35, in the order they build on each other,
 * each written after the schema's definition of the same name.
 */
import { any, attributes, choice, complex, extend, fixed, local, many, opt, OTHER_LAX, ref, required, seq, simple, type ComplexType, type GroupParticle } from '../model.ts';
import {
  arbitraryValue,
  commonPower,
  deprecatedLink,
  deprecatedLinkReplacements,
  flex,
  i18n,
  newsCharacteristics,
  newsContent,
  quantify,
  qualifying,
  role,
  roles,
  targetResource,
  timeValidity,
} from './attributes.ts';

const otherElements = () => many(any('other'));

// ---- model groups ----

/** ItemManagementGroup: the management metadata of itemMeta, in its fixed order. */
export const ItemManagementGroup: GroupParticle = seq(
  ref('itemClass'),
  ref('provider'),
  ref('versionCreated'),
  opt(ref('firstCreated')),
  opt(ref('embargoed')),
  opt(ref('pubStatus')),
  opt(ref('role')),
  opt(ref('fileName')),
  many(ref('generator')),
  opt(ref('profile')),
  many(ref('service')),
  many(ref('title')),
  many(ref('edNote')),
  many(ref('memberOf')),
  many(ref('instanceOf')),
  many(ref('signal')),
  many(ref('altRep')),
  many(ref('deliverableOf')),
  many(ref('hash')),
  many(ref('expires')),
  many(ref('origRep')),
  many(ref('incomingFeedId')),
  opt(ref('metadataCreator')),
);

/** AdministrativeMetadataGroup: who, when and where, before the descriptive metadata. */
export const AdministrativeMetadataGroup: GroupParticle = seq(
  opt(ref('urgency')),
  opt(ref('contentCreated')),
  opt(ref('contentModified')),
  opt(ref('digitalSourceType')),
  many(choice(ref('located'), ref('infoSource'), ref('creator'), ref('contributor'), ref('audience'), ref('exclAudience'), ref('altId'), ref('rating'), ref('userInteraction'))),
);

/** DescriptiveMetadataGroup: what the content is about, in any order. */
export const DescriptiveMetadataGroup: GroupParticle = seq(
  many(choice(ref('language'), ref('genre'), ref('keyword'), ref('subject'), ref('slugline'), ref('headline'), ref('dateline'), ref('by'), ref('creditline'), ref('description'))),
);

/** DescriptiveMetadataCoreGroup: the descriptive metadata of concept, knowledge and planning items. */
export const DescriptiveMetadataCoreGroup: GroupParticle = seq(
  many(choice(ref('language'), ref('keyword'), ref('subject'), ref('slugline'), ref('headline'), ref('description'))),
);

/** ConceptDefinitionGroup. */
export const ConceptDefinitionGroup: GroupParticle = seq(
  many(choice(ref('name'), ref('definition'), ref('note'), ref('facet'), ref('remoteInfo'), ref('hierarchyInfo'))),
);

/** ConceptRelationshipsGroup. */
export const ConceptRelationshipsGroup: GroupParticle = seq(many(choice(ref('sameAs'), ref('broader'), ref('narrower'), ref('related'))));

/** EntityDetailsGroup. */
export const EntityDetailsGroup: GroupParticle = seq(
  many(ref('hasInstrument')),
  opt(choice(ref('personDetails'), ref('organisationDetails'), ref('geoAreaDetails'), ref('POIDetails'), ref('objectDetails'), ref('eventDetails'))),
);

// ---- simple-content types ----

/** StringType. */
export const StringType = simple('StringType', 'string', { attributes: attributes(commonPower), anyAttribute: OTHER_LAX });
/** DateTimePropType. */
export const DateTimePropType = simple('DateTimePropType', 'dateTime', { attributes: attributes(commonPower), anyAttribute: OTHER_LAX });
/** DateOptTimePropType. */
export const DateOptTimePropType = simple('DateOptTimePropType', 'dateOptTime', { attributes: attributes(commonPower), anyAttribute: OTHER_LAX });
/** DateTimeOrNullPropType (embargoed). */
export const DateTimeOrNullPropType = simple('DateTimeOrNullPropType', 'dateTimeOrEmpty', { attributes: attributes(commonPower), anyAttribute: OTHER_LAX });
/** TruncatedDateTimePropType. */
export const TruncatedDateTimePropType = simple('TruncatedDateTimePropType', 'truncatedDateTime', { attributes: attributes(commonPower), anyAttribute: OTHER_LAX });
/** ApproximateDateTimePropType. */
export const ApproximateDateTimePropType = simple('ApproximateDateTimePropType', 'approximateDateTime', {
  attributes: attributes(commonPower, { approxstart: 'truncatedDateTime', approxend: 'truncatedDateTime' }),
  anyAttribute: OTHER_LAX,
});
/** IntlStringType: a single line of text in a language. */
export const IntlStringType = simple('IntlStringType', 'line', { attributes: attributes(commonPower, i18n), anyAttribute: OTHER_LAX });
/** IntlStringType2: text in a language, line breaks allowed. */
export const IntlStringType2 = simple('IntlStringType2', 'string', { attributes: attributes(commonPower, i18n), anyAttribute: OTHER_LAX });
/** VersionedStringType. */
export const VersionedStringType = extend(IntlStringType, 'VersionedStringType', { attributes: attributes({ versioninfo: 'string' }) });
/** ConceptNameType. */
export const ConceptNameType = extend(IntlStringType, 'ConceptNameType', { attributes: attributes(roles, { part: 'qcode', parturi: 'iri' }, timeValidity) });
/** ElectronicAddressType. */
export const ElectronicAddressType = simple('ElectronicAddressType', 'string', { attributes: attributes(commonPower, roles), anyAttribute: OTHER_LAX });
/** ElectronicAddressTechType. */
export const ElectronicAddressTechType = extend(ElectronicAddressType, 'ElectronicAddressTechType', { attributes: attributes({ tech: 'qcode', techuri: 'iri' }) });

// ---- label and block types ----

/** Label1Type: a short label with inline markup. */
export const Label1Type = complex('Label1Type', {
  mixed: true,
  model: many(choice(ref('a'), ref('span'), ref('ruby'), ref('inline'), any('other'))),
  attributes: attributes(commonPower, i18n, roles, { media: 'NMTOKENS' }),
  anyAttribute: OTHER_LAX,
});

/** BlockType: a block of text with inline markup and line breaks. */
export const BlockType = complex('BlockType', {
  mixed: true,
  model: many(choice(ref('a'), ref('span'), ref('ruby'), ref('br'), ref('inline'), any('other'))),
  attributes: attributes(commonPower, i18n, { media: 'NMTOKENS', role: 'qcodes', roleuri: 'iri' }),
  anyAttribute: OTHER_LAX,
});

/** RightsBlockType (copyrightNotice, usageTerms). */
export const RightsBlockType = extend(BlockType, 'RightsBlockType', { attributes: attributes({ href: 'iri' }) });

// ---- property types ----

/** QCodePropType: a property whose value is a concept, given by qcode or uri. */
export const QCodePropType = complex('QCodePropType', {
  attributes: attributes(commonPower, { qcode: 'qcode', uri: 'iri' }),
  anyAttribute: OTHER_LAX,
  spec: [{ kind: 'qcode-or-uri' }],
});

/** QualPropType. */
export const QualPropType = extend(QCodePropType, 'QualPropType', { model: many(choice(ref('name'), ref('hierarchyInfo'))), attributes: attributes(i18n) });

/** QualRelPropType (itemClass). */
export const QualRelPropType = extend(QCodePropType, 'QualRelPropType', {
  model: many(choice(ref('name'), ref('hierarchyInfo'), ref('related'))),
  attributes: attributes(i18n),
});

/** FlexPropType. */
export const FlexPropType = complex('FlexPropType', {
  model: many(choice(ref('name'), ref('hierarchyInfo'))),
  attributes: attributes(commonPower, flex, i18n),
  anyAttribute: OTHER_LAX,
});

/** Flex1PropType: a property with its concept's definition and relationships inline. */
export const Flex1PropType = complex('Flex1PropType', {
  model: seq(opt(ConceptDefinitionGroup), opt(ConceptRelationshipsGroup), otherElements()),
  attributes: attributes(commonPower, flex, i18n),
  anyAttribute: OTHER_LAX,
});

/** Flex1RolePropType (locality, area). */
export const Flex1RolePropType = complex('Flex1RolePropType', {
  model: seq(opt(ConceptDefinitionGroup), opt(ConceptRelationshipsGroup), otherElements()),
  attributes: attributes(commonPower, flex, i18n, role),
  anyAttribute: OTHER_LAX,
});

/** Flex1ExtPropType. */
export const Flex1ExtPropType = extend(Flex1PropType, 'Flex1ExtPropType', { attributes: attributes(arbitraryValue) });

/** Flex2ExtPropType: the extension properties, whose rel or reluri says what they mean. */
export const Flex2ExtPropType = extend(Flex1ExtPropType, 'Flex2ExtPropType', {
  attributes: attributes({ rel: 'qcode', reluri: 'iri' }, timeValidity),
  spec: [{ kind: 'one-of', attributes: ['rel', 'reluri'] }],
});

/** Flex1ConceptPropType (subject, genre). */
export const Flex1ConceptPropType = extend(Flex1PropType, 'Flex1ConceptPropType', {
  model: seq(opt(ref('bag')), opt(ref('mainConcept')), many(ref('facetConcept'))),
  attributes: attributes(quantify),
});

/** AudienceType. */
export const AudienceType = extend(Flex1PropType, 'AudienceType', { attributes: attributes(quantify, { significance: 'int1to9' }) });

/** SameAsType. */
export const SameAsType = extend(FlexPropType, 'SameAsType', { attributes: attributes(timeValidity) });

const relatedAttributes = attributes({ rel: 'qcode', reluri: 'iri', rank: 'nonNegativeInteger' }, timeValidity);

/** The innermost related of related/related/related (NewsML-G2 2.34). */
const RelatedLevel3 = extend(FlexPropType, 'related (third level)', { attributes: attributes(relatedAttributes, arbitraryValue) });
/** The related inside a related concept. */
const RelatedLevel2 = extend(FlexPropType, 'related (second level)', {
  model: many(choice(local('related', RelatedLevel3))),
  attributes: attributes(relatedAttributes, arbitraryValue),
});

/** RelatedConceptType (broader, narrower, mainConcept, facetConcept). */
export const RelatedConceptType = extend(FlexPropType, 'RelatedConceptType', {
  model: many(choice(ref('facet'), local('related', RelatedLevel2), ref('sameAs'))),
  attributes: relatedAttributes,
});

/** FlexRelatedConceptType (related). */
export const FlexRelatedConceptType = extend(RelatedConceptType, 'FlexRelatedConceptType', { model: seq(opt(ref('bag'))), attributes: attributes(arbitraryValue) });

const flexEntity = (name: string, details: ReturnType<typeof opt>, attrs = attributes(commonPower, flex, i18n)): ComplexType =>
  complex(name, { model: seq(opt(ConceptDefinitionGroup), opt(ConceptRelationshipsGroup), details, otherElements()), attributes: attrs, anyAttribute: OTHER_LAX });

/** FlexPersonPropType. */
export const FlexPersonPropType = flexEntity('FlexPersonPropType', opt(ref('personDetails')));
/** FlexOrganisationPropType (its attributes are the qualifying ones since 2.29). */
export const FlexOrganisationPropType = flexEntity('FlexOrganisationPropType', opt(ref('organisationDetails')), attributes(commonPower, qualifying, i18n));
/** FlexGeoAreaPropType. */
export const FlexGeoAreaPropType = flexEntity('FlexGeoAreaPropType', opt(ref('geoAreaDetails')));
/** FlexPOIPropType. */
export const FlexPOIPropType = flexEntity('FlexPOIPropType', opt(ref('POIDetails')));
/** FlexPartyPropType: a person or an organisation. */
export const FlexPartyPropType = flexEntity('FlexPartyPropType', opt(choice(ref('personDetails'), ref('organisationDetails'))));
/** FlexLocationPropType: a geographic area or a point of interest. */
export const FlexLocationPropType = flexEntity('FlexLocationPropType', opt(choice(ref('geoAreaDetails'), ref('POIDetails'))));

/** Flex1PartyPropType. */
export const Flex1PartyPropType = extend(FlexPartyPropType, 'Flex1PartyPropType', { attributes: attributes(roles) });
/** FlexAuthorPropType (creator, contributor). */
export const FlexAuthorPropType = extend(FlexPartyPropType, 'FlexAuthorPropType', { attributes: attributes(roles, { jobtitle: 'qcode', jobtitleuri: 'iri' }) });

/** PersonAffiliationType. */
export const PersonAffiliationType = extend(FlexOrganisationPropType, 'PersonAffiliationType', { attributes: attributes(timeValidity) });
/** OrganisationAffiliationType. */
export const OrganisationAffiliationType = extend(FlexOrganisationPropType, 'OrganisationAffiliationType', { attributes: attributes(timeValidity) });

// ---- links ----

/** Link1Type: a link to another resource, with any elements inside to describe it. */
export const Link1Type = complex('Link1Type', {
  model: many(any('any')),
  attributes: attributes({ rel: 'qcode', reluri: 'iri', rank: 'nonNegativeInteger' }, targetResource, timeValidity, i18n, commonPower, deprecatedLink),
  anyAttribute: OTHER_LAX,
  spec: [{ kind: 'link-target' }, { kind: 'deprecated-attributes', replacements: deprecatedLinkReplacements }],
});

// ---- entity details ----

/** GeoCoordinatesType. */
export const GeoCoordinatesType = complex('GeoCoordinatesType', {
  model: otherElements(),
  attributes: attributes(commonPower, { latitude: required('decimal'), longitude: required('decimal'), altitude: 'integer', gpsdatum: 'string' }),
  anyAttribute: OTHER_LAX,
});

/** AddressType. */
export const AddressType = complex('AddressType', {
  model: seq(
    many(local('line', extend(IntlStringType, 'address line', { attributes: attributes(role) }))),
    many(local('locality', Flex1RolePropType)),
    many(local('area', Flex1RolePropType)),
    opt(local('country', Flex1PropType)),
    opt(local('postalCode', IntlStringType)),
    opt(local('worldRegion', Flex1PropType)),
  ),
  attributes: attributes(commonPower, roles),
  anyAttribute: OTHER_LAX,
});

/** ContactInfoType. */
export const ContactInfoType = complex('ContactInfoType', {
  model: seq(
    many(
      choice(
        local('email', ElectronicAddressType),
        local('im', ElectronicAddressTechType),
        local('phone', ElectronicAddressTechType),
        local('fax', ElectronicAddressType),
        local('web', simple('web', 'iri', { attributes: attributes(commonPower, roles), anyAttribute: OTHER_LAX })),
        local('address', AddressType),
        ref('note'),
      ),
    ),
    otherElements(),
  ),
  attributes: attributes(commonPower, roles),
  anyAttribute: OTHER_LAX,
});

// ---- item structure ----

/** AnyItemType: what every item root starts with, and the root attributes. */
export const AnyItemType = complex('AnyItemType', {
  model: seq(opt(any('xmldsig')), many(choice(ref('catalogRef'), ref('catalog'))), opt(ref('hopHistory')), opt(ref('pubHistory')), many(ref('rightsInfo')), ref('itemMeta')),
  attributes: attributes(
    {
      standard: required('string'),
      standardversion: required('standardVersion'),
      conformance: 'string',
      guid: required('string'),
      version: 'positiveInteger',
    },
    i18n,
  ),
  anyAttribute: OTHER_LAX,
  spec: [{ kind: 'item' }],
});

/** RightsInfoType. */
export const RightsInfoType = complex('RightsInfoType', {
  model: seq(
    opt(ref('accountable')),
    opt(ref('copyrightHolder')),
    many(choice(ref('copyrightNotice'), ref('usageTerms'), ref('link'), ref('rightsInfoExtProperty'), ref('rightsExpressionXML'), ref('rightsExpressionData'))),
    opt(ref('dataMining')),
    otherElements(),
  ),
  attributes: attributes({ idrefs: 'IDREFS', scope: 'qcodes', scopeuri: 'iris', aspect: 'qcodes', aspecturi: 'iris' }, commonPower, i18n, timeValidity),
  anyAttribute: OTHER_LAX,
});

/** ItemMetadataType (itemMeta). */
export const ItemMetadataType = complex('ItemMetadataType', {
  model: seq(ItemManagementGroup, many(ref('link')), many(ref('itemMetaExtProperty')), otherElements()),
  attributes: attributes(commonPower, i18n),
  anyAttribute: OTHER_LAX,
});

const contentMeta = (name: string, descriptive: GroupParticle): ComplexType =>
  complex(name, {
    model: seq(many(ref('icon')), AdministrativeMetadataGroup, opt(descriptive), many(ref('contentMetaExtProperty')), otherElements()),
    attributes: attributes(commonPower, i18n),
    anyAttribute: OTHER_LAX,
  });

/** ContentMetadataAcDType: contentMeta of concept, knowledge and planning items. */
export const ContentMetadataAcDType = contentMeta('ContentMetadataAcDType', DescriptiveMetadataCoreGroup);
/** ContentMetadataAfDType: contentMeta of news and package items. */
export const ContentMetadataAfDType = contentMeta('ContentMetadataAfDType', DescriptiveMetadataGroup);

/** ContentMetadataCatType: contentMeta of catalog items. */
export const ContentMetadataCatType = complex('ContentMetadataCatType', {
  model: seq(opt(ref('contentCreated')), opt(ref('contentModified')), many(choice(ref('creator'), ref('contributor'), ref('altId'))), otherElements()),
  attributes: attributes(commonPower, i18n),
  anyAttribute: OTHER_LAX,
});

/** The content model after AnyItemType of news, package and knowledge items: partMeta, assertions, inline references, derivations. */
export function itemBody(content: ComplexType, parts: boolean): GroupParticle {
  return seq(
    opt(local('contentMeta', content)),
    ...(parts ? [many(ref('partMeta'))] : []),
    many(ref('assert')),
    many(ref('inlineRef')),
    many(choice(ref('derivedFrom'), ref('derivedFromValue'))),
  );
}

/** ConceptIdType: the identifier of a concept, by qcode or uri. */
export const ConceptIdType = complex('ConceptIdType', {
  attributes: attributes({ qcode: 'qcode', uri: 'iri', created: 'dateOptTime', retired: 'dateOptTime' }, commonPower),
  anyAttribute: OTHER_LAX,
  spec: [{ kind: 'qcode-or-uri' }],
});

/** AssertType: assertions about a concept used in the item. */
export const AssertType = complex('AssertType', {
  model: many(any('any')),
  attributes: attributes({ qcode: 'qcode', uri: 'iri', literal: 'line' }, commonPower, i18n),
  anyAttribute: OTHER_LAX,
});

/** partMetaPropType: metadata of a part of the content. */
export const PartMetaPropType = complex('partMetaPropType', {
  model: seq(
    many(ref('icon')),
    many(
      local(
        'timeDelim',
        complex('timeDelim', {
          attributes: attributes(commonPower, { start: required('string'), end: required('string'), timeunit: 'qcode', timeunituri: 'iri', renditionref: 'qcode', renditionrefuri: 'iri' }),
          anyAttribute: OTHER_LAX,
          spec: [{ kind: 'one-of', attributes: ['timeunit', 'timeunituri'] }],
        }),
      ),
    ),
    opt(
      local(
        'regionDelim',
        complex('regionDelim', { attributes: attributes(commonPower, { x: 'integer', y: 'integer', width: 'integer', height: 'nonNegativeInteger' }), anyAttribute: OTHER_LAX }),
      ),
    ),
    opt(local('role', QualPropType)),
    AdministrativeMetadataGroup,
    DescriptiveMetadataGroup,
    many(local('partMetaExtProperty', Flex2ExtPropType)),
    many(ref('signal')),
    many(ref('edNote')),
    many(ref('link')),
    otherElements(),
  ),
  attributes: attributes(
    { partid: 'ID', creator: 'qcode', creatoruri: 'iri', modified: 'dateOptTime', custom: 'boolean', how: 'qcode', howuri: 'iri', why: 'qcode', whyuri: 'iri' },
    { seq: 'nonNegativeInteger', contentrefs: 'IDREFS' },
    i18n,
  ),
  anyAttribute: OTHER_LAX,
});

/** RemoteContentPropType: content held outside the item, by reference. */
export const RemoteContentPropType = complex('RemoteContentPropType', {
  model: seq(
    many(
      local(
        'channel',
        complex('channel', {
          attributes: attributes(commonPower, { chnlid: 'positiveInteger', type: 'qcode', typeuri: 'iri' }, role, { language: 'language' }, newsCharacteristics, { g2flag: fixed('RCONT') }),
        }),
      ),
    ),
    many(ref('altId')),
    many(ref('altLoc')),
    many(ref('hash')),
    many(ref('signal')),
    many(local('remoteContentExtProperty', Flex2ExtPropType)),
    otherElements(),
  ),
  attributes: attributes(newsContent, targetResource, timeValidity, newsCharacteristics, { language: 'language' }),
  anyAttribute: OTHER_LAX,
  spec: [{ kind: 'link-target' }],
});
