/**
 * The standard-layer rules for schema.org JSON-LD, alone or embedded in HTML: what the Schema Markup
 * Validator (validator.schema.org) reports of any producer's markup (unknown types and properties are
 * errors there, values of an unexpected kind warnings), and what Google's Article documentation asks of
 * the Article family (nothing is required: missing recommended properties are warnings, invalid values
 * errors, as the Rich Results Test reports them).
 */
import { defineRules } from '../rule.ts';

const JSON_LD = 'https://www.w3.org/TR/json-ld11/';
const SCHEMA_DATA_MODEL = 'https://schema.org/docs/datamodel.html';
const GOOGLE_ARTICLE = 'https://developers.google.com/search/docs/appearance/structured-data/article';

/** The JSON-LD rules, in the order checks report them. */
export const JSONLD_RULES = defineRules([
  {
    id: 'not-json-ld',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonld', 'html'],
    summary: 'The value is a JSON-LD node, an array of nodes, or a @graph document',
    reference: `${JSON_LD}#json-ld-grammar`,
  },
  {
    id: 'json-ld-syntax',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonld', 'html'],
    summary: 'JSON-LD keywords have values of the kind JSON-LD allows (@type strings, @id a string, value objects well formed)',
    reference: `${JSON_LD}#json-ld-grammar`,
  },
  {
    id: 'missing-context',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonld', 'html'],
    summary: 'A top-level node has a @context that makes its terms schema.org terms',
    reference: `${SCHEMA_DATA_MODEL}#jsonldcontext`,
  },
  {
    id: 'unknown-context',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonld', 'html'],
    summary: 'The @context is schema.org’s (a URL, or @vocab), so the terms below it can be checked',
    reference: `${SCHEMA_DATA_MODEL}#jsonldcontext`,
  },
  {
    id: 'unknown-type',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonld', 'html'],
    summary: 'Every @type is a schema.org type, spelled with its exact case',
    reference: 'https://schema.org/docs/full.html',
  },
  {
    id: 'unknown-property',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonld', 'html'],
    summary: 'Every property is a schema.org property, spelled with its exact case',
    reference: 'https://schema.org/docs/full.html',
  },
  {
    id: 'property-not-for-type',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonld', 'html'],
    summary: 'Every property applies to its node’s type (domainIncludes, with inheritance)',
    reference: SCHEMA_DATA_MODEL,
  },
  {
    id: 'value-type',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonld', 'html'],
    summary: 'Every value is of a kind the property expects (rangeIncludes: Text, URL, Date, DateTime, Number, Boolean or a node of a range type)',
    reference: SCHEMA_DATA_MODEL,
  },
  {
    id: 'article-author',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonld', 'html'],
    summary: 'An Article has an author, given as a Person or Organization node (one per author), not as text',
    reference: `${GOOGLE_ARTICLE}#author-bp`,
  },
  {
    id: 'article-author-type',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonld', 'html'],
    summary: 'An Article’s author is a Person or an Organization (or a subtype)',
    reference: `${GOOGLE_ARTICLE}#structured-data-type-definitions`,
  },
  {
    id: 'article-author-name',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonld', 'html'],
    summary: 'An Article’s author has a name that is only the name of one person or organization',
    reference: `${GOOGLE_ARTICLE}#author-bp`,
  },
  {
    id: 'article-author-url',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonld', 'html'],
    summary: 'An Article’s author has a url or sameAs that identifies them',
    reference: `${GOOGLE_ARTICLE}#author-bp`,
  },
  {
    id: 'article-date',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonld', 'html'],
    summary: 'An Article has datePublished and dateModified, each with a time and a UTC offset',
    reference: `${GOOGLE_ARTICLE}#structured-data-type-definitions`,
  },
  {
    id: 'article-date-invalid',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonld', 'html'],
    summary: 'An Article’s datePublished and dateModified are ISO 8601 dates',
    reference: `${GOOGLE_ARTICLE}#structured-data-type-definitions`,
  },
  {
    id: 'article-headline',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonld', 'html'],
    summary: 'An Article has a headline of at most 110 characters',
    reference: `${GOOGLE_ARTICLE}#structured-data-type-definitions`,
  },
  {
    id: 'article-image',
    layer: 'standard',
    severity: 'warning',
    formats: ['jsonld', 'html'],
    summary: 'An Article has an image, given by absolute URL or as an ImageObject',
    reference: `${GOOGLE_ARTICLE}#structured-data-type-definitions`,
  },
  {
    id: 'article-image-url',
    layer: 'standard',
    severity: 'error',
    formats: ['jsonld', 'html'],
    summary: 'An Article’s images are crawlable http(s) URLs (an ImageObject gives one as url or contentUrl)',
    reference: `${GOOGLE_ARTICLE}#structured-data-type-definitions`,
  },
] as const);

/** The id of a JSON-LD rule. */
export type JsonLdRuleId = (typeof JSONLD_RULES)[number]['id'];
