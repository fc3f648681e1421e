/**
 * The standard-layer rules for IPTC ninjs 1.x, 2.x and 3.x: what the official JSON Schema of the document's
 * version requires of any producer's file (the reference is that schema, run by a JSON Schema validator
 * such as Ajv with ajv-formats), plus the "should" of its property descriptions as warnings.
 */
import { defineRules } from '../rule.ts';

const USER_GUIDE = 'https://www.iptc.org/std/ninjs/userguide/';
const SCHEMAS = 'https://www.iptc.org/std/ninjs/';

/** ninjs rules, by id. */
export const NINJS_RULES = defineRules([
  {
    id: 'not-object',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'A ninjs document is one JSON object.',
    reference: `${SCHEMAS} (every schema: "type": "object")`,
  },
  {
    id: 'required-property',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'A property the version requires is missing: uri, an association’s name, a rendition’s name, the value of a headline, body or description…',
    reference: `${USER_GUIDE} (schema "required")`,
  },
  {
    id: 'property-type',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'A property has the wrong JSON type (a string where an integer is due, an object where an array is…).',
    reference: `${SCHEMAS} (schema "type")`,
  },
  {
    id: 'enum-value',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'A value outside its enumeration: type, pubStatus/pubstatus, representationType/representationtype, scanType, frequency.',
    reference: `${SCHEMAS} (schema "enum")`,
  },
  {
    id: 'out-of-range',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'A number outside the range its schema sets (urgency 1–9, relevance and confidence 0–100).',
    reference: `${SCHEMAS} (schema "minimum"/"maximum")`,
  },
  {
    id: 'documented-range',
    layer: 'standard',
    severity: 'warning',
    formats: ['ninjs'],
    summary: 'A number outside the range the property’s description gives where the schema does not enforce it (urgency before ninjs 1.6 and 2.1).',
    reference: `${USER_GUIDE} (urgency: "from 1 to 9")`,
  },
  {
    id: 'invalid-uri',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'A property the schema declares a URI (format "uri": uri, href, scheme, schema, linkedRights…) is not a complete RFC 3986 URI.',
    reference: 'https://www.rfc-editor.org/rfc/rfc3986#section-3',
  },
  {
    id: 'invalid-date-time',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'A date-time property (versionCreated, firstCreated, embargoedUntil, expires, startDate…) is not an RFC 3339 date-time with an offset.',
    reference: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  },
  {
    id: 'date-time-form',
    layer: 'standard',
    severity: 'warning',
    formats: ['ninjs'],
    summary: 'A date-time that JSON Schema validators accept but RFC 3339 does not write that way (a space for "T", "+0800" or "+08" for "+08:00").',
    reference: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  },
  {
    id: 'invalid-truncated-date',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'An expected start or end date (ninjs 3.x truncatedDateTimeType) is not YYYY, YYYY-MM, YYYY-MM-DD or a full date-time.',
    reference: `${SCHEMAS}ninjs-schema_3.1.json ($defs/truncatedDateTimeType)`,
  },
  {
    id: 'unknown-property',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'A property the version’s schema does not define where it forbids others (additionalProperties/unevaluatedProperties false).',
    reference: `${SCHEMAS} (schema "additionalProperties"/"unevaluatedProperties")`,
  },
  {
    id: 'rights-info-choice',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'rightsInfo/rightsinfo has exactly one of linkedRights and encodedRights.',
    reference: `${USER_GUIDE} (rightsInfo: "oneOf")`,
  },
  {
    id: 'contact-info-choice',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'Each contactInfo/contactinfo entry has exactly one of value and address.',
    reference: `${USER_GUIDE} (contactInfoType: "oneOf")`,
  },
  {
    id: 'event-dates',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'Event and coverage dates have exactly one of startDate/expectedStartDate, or exactly one of endDate/expectedEndDate.',
    reference: `${SCHEMAS}ninjs-schema_3.1.json ($defs/datesObjectType: "anyOf" of "oneOf")`,
  },
  {
    id: 'invalid-geojson',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'A place’s geoJSON/geojson is not a GeoJSON object (RFC 7946: a geometry, a Feature or a FeatureCollection).',
    reference: 'https://www.rfc-editor.org/rfc/rfc7946#section-3',
  },
  {
    id: 'schema-conflict',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'A property the official schema makes impossible to satisfy (ninjs 3.x recurrenceDates is declared both an array and a date string).',
    reference: `${SCHEMAS}ninjs-schema_3.1.json ($defs/datesObjectType/properties/recurrence)`,
  },
  {
    id: 'language-tag',
    layer: 'standard',
    severity: 'warning',
    formats: ['ninjs'],
    summary: 'A language property is not a well-formed BCP 47 tag (the schemas: "The value should follow IETF BCP47").',
    reference: 'https://www.rfc-editor.org/rfc/rfc5646#section-2.1',
  },
  {
    id: 'version-mismatch',
    layer: 'standard',
    severity: 'warning',
    formats: ['ninjs'],
    summary: 'standard.version (or $standard.version, or the schema URL) names one ninjs major version, the properties another; the document is checked as the properties read.',
    reference: `${USER_GUIDE} (standard)`,
  },
  {
    id: 'unknown-version',
    layer: 'standard',
    severity: 'warning',
    formats: ['ninjs'],
    summary: 'The declared ninjs version is not one IPTC has published; the document is checked against the closest known version.',
    reference: SCHEMAS,
  },
  {
    id: 'nesting-too-deep',
    layer: 'standard',
    severity: 'error',
    formats: ['ninjs'],
    summary: 'Associations nested deeper than any consumer will follow (64 levels); the rest is not checked.',
    reference: `${USER_GUIDE} (associations)`,
  },
] as const);

/** The id of a ninjs rule. */
export type NinjsRuleId = (typeof NINJS_RULES)[number]['id'];
