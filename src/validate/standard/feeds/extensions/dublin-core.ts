/**
 * Dublin Core (https://www.dublincore.org/specifications/dublin-core/dces/) and DCMI Terms as feed
 * extension elements (RSS 1.0 Dublin Core module; W3C `extension.py` extension_everywhere).
 */
import { leaf } from '../checks/common.ts';
import { ANYTHING, PLAIN_ONCE, POSITIVE_ONCE, rdfResource, sameAs, TEXT, TEXT_ONCE, W3CDTF_ONCE } from '../checks/kinds.ts';
import { checkLanguageValue } from '../checks/values.ts';
import type { ChildKind } from '../kind.ts';

const RESOURCE = rdfResource();

// DCMI Terms relations, each naming another resource.
const RELATIONS = ['isVersionOf', 'hasVersion', 'isReplacedBy', 'replaces', 'isRequiredBy', 'requires', 'isPartOf', 'hasPart', 'isReferencedBy', 'references', 'isFormatOf', 'hasFormat', 'conformsTo'];
// DCMI Terms properties with no agreed XML form in feeds: anything goes.
const UNMAPPED = ['valid', 'available', 'spatial', 'temporal', 'accessRights', 'accrualMethod', 'accrualPeriodicity', 'accrualPolicy', 'bibliographicCitation', 'educationLevel', 'instructionalMethod', 'license', 'provenance', 'rightsHolder'];

/** The Dublin Core and DCMI Terms elements allowed on every feed element that takes extensions. */
export const DUBLIN_CORE: Readonly<Record<string, ChildKind>> = {
  dc_title: TEXT_ONCE,
  dc_description: TEXT_ONCE,
  dc_publisher: sameAs('webMaster', TEXT),
  dc_contributor: TEXT,
  dc_type: TEXT_ONCE,
  dc_format: TEXT_ONCE,
  dc_identifier: TEXT,
  dc_source: sameAs('source', TEXT_ONCE),
  dc_language: sameAs('language', leaf({ once: true, check: (v) => checkLanguageValue(v) })),
  dc_relation: TEXT,
  dc_coverage: TEXT,
  dc_rights: sameAs('copyright', PLAIN_ONCE),
  dcterms_alternative: TEXT,
  dcterms_abstract: TEXT_ONCE,
  dcterms_tableOfContents: rdfResource({ once: true }),
  dcterms_created: W3CDTF_ONCE,
  dcterms_issued: W3CDTF_ONCE,
  dcterms_modified: sameAs('lastBuildDate', W3CDTF_ONCE),
  dcterms_dateAccepted: TEXT_ONCE,
  dcterms_dateCopyrighted: TEXT_ONCE,
  dcterms_dateSubmitted: TEXT_ONCE,
  dcterms_extent: POSITIVE_ONCE,
  dcterms_audience: TEXT,
  dcterms_mediator: TEXT_ONCE,
  ...Object.fromEntries(RELATIONS.map((name) => [`dcterms_${name}`, RESOURCE])),
  ...Object.fromEntries(UNMAPPED.map((name) => [`dcterms_${name}`, ANYTHING])),
};
