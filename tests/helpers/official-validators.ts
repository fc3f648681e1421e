import { readFileSync } from 'node:fs';
import {
  RelaxNGValidator,
  XmlBufferInputProvider,
  XmlDocument,
  XmlValidateError,
  XsdValidator,
  xmlRegisterInputProvider,
} from 'libxml2-wasm';
import { officialSchema } from './official.ts';

const NEWSML_XSD = 'NewsML-G2_2.35-spec-All-Power.xsd';
let xmlXsdRegistered = false;

/** Compiles IPTC's official NewsML-G2 2.35 All-Power XSD (its `xml.xsd` import served from memory by bare name). */
export function loadOfficialNewsmlXsd(): XsdValidator {
  if (!xmlXsdRegistered) {
    xmlRegisterInputProvider(new XmlBufferInputProvider({ 'xml.xsd': readFileSync(officialSchema('newsml-g2', 'xml.xsd')) }));
    xmlXsdRegistered = true;
  }
  const doc = XmlDocument.fromString(readFileSync(officialSchema('newsml-g2', NEWSML_XSD), 'utf8'), { url: NEWSML_XSD });
  try {
    return XsdValidator.fromDoc(doc);
  } finally {
    doc.dispose();
  }
}

/** Compiles the official RFC 4287 Appendix B RELAX NG schema (Trang's XML form). */
export function loadOfficialAtomRng(): RelaxNGValidator {
  const file = officialSchema('atom', 'atom.rng');
  const doc = XmlDocument.fromString(readFileSync(file, 'utf8'), { url: file });
  try {
    return RelaxNGValidator.fromDoc(doc);
  } finally {
    doc.dispose();
  }
}

/** Errors from validating `text` with an official schema, as "line: message" strings (empty when valid). */
export function officialErrors(validator: XsdValidator | RelaxNGValidator, text: string): string[] {
  const doc = XmlDocument.fromString(text);
  try {
    validator.validate(doc);
    return [];
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error;
    return error.details.map((d) => `${d.line}: ${d.message.trim()}`);
  } finally {
    doc.dispose();
  }
}

/** Compiles IPTC's official ninjs 3.1 JSON Schema with Ajv 2020-12 (GeoJSON registered for its one external $ref). */
export async function loadOfficialNinjsSchema(): Promise<(value: unknown) => string[]> {
  const { Ajv2020 } = await import('ajv/dist/2020.js');
  // ajv-formats is CommonJS; under NodeNext its default import is the module object.
  const addFormats = (await import('ajv-formats')).default.default;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(officialSchema('ninjs', 'GeoJSON-schema.json'), 'utf8')) as object);
  const validate = ajv.compile(JSON.parse(readFileSync(officialSchema('ninjs', 'ninjs-schema_3.1.json'), 'utf8')) as object);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? ''}`));
}
