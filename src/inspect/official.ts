/**
 * Official schemas a user has downloaded (`syndicate validate --schemas DIR`): IPTC's NewsML-G2 XSD,
 * the Atom RELAX NG grammar of RFC 4287 Appendix B, IPTC's ninjs JSON Schema. syndicate cannot ship
 * them (they are the standards bodies' files); when a folder holds them, matching files are also
 * validated against them, in addition to the build's own rules.
 */
import { XmlDocument, XmlValidateError } from 'libxml2-wasm';
import { diagnostic, type Diagnostic, type Position } from '../diagnostics.ts';
import { toJsonLocator } from '../validate/json/positions.ts';
import { toVocabulary, type Vocabulary } from '../validate/standard/jsonld/index.ts';
import { compileRelaxNg, compileXsd, parseXml, registerSchemaFiles, type XmlSchema } from '../validate/xml.ts';
import type { DetectedFormat } from './detect.ts';
import { NAMESPACES } from './detect.ts';
import type { SchemaFile } from './files.ts';

/** The stage official-schema findings are reported under. */
const SOURCE = 'validate:official';
/**
 * Prefix of the names the schema files are registered under in libxml2's in-memory input provider.
 * libxml2 resolves an `xs:import`/`xs:include` relative to the importing document's URL, so the
 * NewsML-G2 XSD's `schemaLocation="xml.xsd"` finds the `xml.xsd` beside it in the user's folder.
 */
const PREFIX = 'syndicate-official-schemas/';

/** Which official schema a file is. */
export type OfficialKind = 'newsml-xsd' | 'atom-relaxng' | 'ninjs-json-schema' | 'schemaorg-vocabulary';

/** One official schema found in the folder, and what became of it. */
export interface OfficialSchema {
  /** Which schema it is. */
  kind: OfficialKind;
  /** Its path inside the schemas folder. */
  path: string;
  /** How many files it validated. */
  used: number;
  /** Why it cannot be used (a schema that does not compile, a missing library), when it cannot. */
  unusable?: string;
}

/** The official schemas of a folder, compiled on first use. */
export interface OfficialSchemas {
  /** Every official schema found, in the order of {@link OfficialKind}. */
  found: OfficialSchema[];
  /** Validates a file of `format` against the matching official schema; findings name `file`. */
  check(format: DetectedFormat | 'html', text: string, file: string): Diagnostic[];
  /** schema.org's own vocabulary, when the folder holds its release file: JSON-LD is checked against it instead of the one built in. */
  vocabulary?: Vocabulary | undefined;
}

/** What each schema is called in messages. */
export const OFFICIAL_LABELS: Record<OfficialKind, string> = {
  'newsml-xsd': 'IPTC NewsML-G2 XSD',
  'atom-relaxng': 'Atom RELAX NG (RFC 4287)',
  'ninjs-json-schema': 'IPTC ninjs JSON Schema',
  'schemaorg-vocabulary': 'schema.org vocabulary',
};

type JsonCheck = (value: unknown) => { path: string; message: string }[];

/**
 * Finds the official schemas among a folder's files, by content: an XSD whose `targetNamespace` is
 * the IPTC NAR namespace, a RELAX NG grammar defining `atomFeed` for the Atom namespace, a JSON
 * Schema whose `$id` or `title` names ninjs (other JSON Schemas in the folder, such as the GeoJSON one
 * ninjs refers to, are registered for its `$ref`s). The first of each kind, by path, is used.
 * JSON Schema validation needs Ajv, which is not one of syndicate's dependencies: it is used when the
 * `ajv` package is installed alongside, and the ninjs schema is reported unusable otherwise.
 */
export async function loadOfficialSchemas(files: readonly SchemaFile[]): Promise<OfficialSchemas> {
  const xsds = files.filter((f) => f.path.toLowerCase().endsWith('.xsd'));
  const newsml = xsds.find((f) => new RegExp(`targetNamespace\\s*=\\s*["']${escapeRegExp(NAMESPACES.nar)}["']`).test(f.text.slice(0, 5000)));
  const atom = files.find((f) => f.path.toLowerCase().endsWith('.rng') && f.text.includes(NAMESPACES.atom) && /<define\s+name="atomFeed"/.test(f.text));
  const jsonSchemas = files.filter((f) => f.path.toLowerCase().endsWith('.json')).flatMap((f) => {
    const value = parseJsonObject(f.text);
    return value !== undefined && typeof value['$schema'] === 'string' && /json-schema\.org/.test(value['$schema']) ? [{ file: f, value }] : [];
  });
  const ninjs = jsonSchemas.find(({ value }) => [value['$id'], value['title']].some((v) => typeof v === 'string' && /ninjs/i.test(v)));
  // schema.org's release file (schemaorg-current-https.jsonld): a @graph of classes and properties.
  const schemaorg = files.find((f) => /\.(?:jsonld|json)$/i.test(f.path) && f.text.includes('"rdfs:Class"') && f.text.includes('schema.org'));

  const found: OfficialSchema[] = [];
  let checkNewsml: (() => XmlSchema | undefined) | undefined;
  let checkAtom: (() => XmlSchema | undefined) | undefined;
  let checkNinjs: JsonCheck | undefined;
  if (newsml) {
    const entry: OfficialSchema = { kind: 'newsml-xsd', path: newsml.path, used: 0 };
    found.push(entry);
    // Everything it may import or include, served by the path it has in the folder.
    registerSchemaFiles(Object.fromEntries(xsds.map((f) => [PREFIX + f.path, f.text])));
    checkNewsml = compileOnce(entry, () => compileXsd(PREFIX + newsml.path, newsml.text));
  }
  if (atom) {
    const entry: OfficialSchema = { kind: 'atom-relaxng', path: atom.path, used: 0 };
    found.push(entry);
    checkAtom = compileOnce(entry, () => compileRelaxNg(PREFIX + atom.path, atom.text));
  }
  if (ninjs) {
    const entry: OfficialSchema = { kind: 'ninjs-json-schema', path: ninjs.file.path, used: 0 };
    found.push(entry);
    try {
      checkNinjs = await compileJsonSchema(ninjs.value, jsonSchemas.filter((s) => s !== ninjs).map((s) => s.value));
    } catch (error) {
      entry.unusable = (error as Error).message;
    }
  }
  let vocabulary: Vocabulary | undefined;
  if (schemaorg) {
    const entry: OfficialSchema = { kind: 'schemaorg-vocabulary', path: schemaorg.path, used: 0 };
    found.push(entry);
    try {
      vocabulary = toVocabulary(JSON.parse(schemaorg.text));
    } catch (error) {
      entry.unusable = (error as Error).message;
    }
  }
  const entryOf = (kind: OfficialKind) => found.find((f) => f.kind === kind) as OfficialSchema;

  return {
    found,
    vocabulary,
    check(format, text, file) {
      if ((format === 'jsonld' || format === 'html') && vocabulary !== undefined) entryOf('schemaorg-vocabulary').used++;
      try {
        if (format === 'newsml' && checkNewsml) return validateWith(checkNewsml(), entryOf('newsml-xsd'), text, file, 'official-xsd');
        if (format === 'atom' && checkAtom) return validateWith(checkAtom(), entryOf('atom-relaxng'), text, file, 'official-relaxng');
        if (format === 'ninjs' && checkNinjs) return validateJson(checkNinjs, entryOf('ninjs-json-schema'), text, file);
      } catch (error) {
        return [diagnostic('error', file, SOURCE, 'official-schema-failed', `could not be checked against the official schema: ${(error as Error).message}`)];
      }
      return [];
    },
  };
}

/** Compiles a schema on first use; a schema that does not compile is marked unusable, once. */
function compileOnce<T>(entry: OfficialSchema, compile: () => T): () => T | undefined {
  let compiled: T | undefined;
  let tried = false;
  return () => {
    if (!tried) {
      tried = true;
      try {
        compiled = compile();
      } catch (error) {
        entry.unusable = `it does not compile: ${(error as Error).message.trim().split('\n')[0] ?? ''}`;
      }
    }
    return compiled;
  };
}

function validateWith(schema: XmlSchema | undefined, entry: OfficialSchema, text: string, file: string, ruleId: string): Diagnostic[] {
  if (schema === undefined) return [];
  let doc: XmlDocument;
  try {
    doc = parseXml(text);
  } catch {
    return []; // not well-formed: the format's own validator has said where
  }
  entry.used++;
  try {
    schema.validate(doc);
    return [];
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error;
    return error.details.map((d) =>
      diagnostic('error', file, SOURCE, ruleId, `${OFFICIAL_LABELS[entry.kind]} (${entry.path}): ${d.message.trim()}`, d.line > 0 ? { line: d.line, ...(d.col > 0 ? { column: d.col } : {}) } : {}),
    );
  } finally {
    doc.dispose();
  }
}

function validateJson(check: JsonCheck, entry: OfficialSchema, text: string, file: string): Diagnostic[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return []; // not JSON: the format's own validator has said where
  }
  entry.used++;
  const locator = toJsonLocator(text);
  return check(value).map(({ path, message }) => {
    const position: Position = locator.locate(toPathSegments(path, value));
    return diagnostic('error', file, SOURCE, 'official-json-schema', `${OFFICIAL_LABELS[entry.kind]} (${entry.path}): ${path || '/'}: ${message}`, position);
  });
}

/** A JSON Pointer (RFC 6901, Ajv's `instancePath`) as path segments: indexes into arrays as numbers. */
function toPathSegments(pointer: string, value: unknown): (string | number)[] {
  const segments: (string | number)[] = [];
  let current = value;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment: string | number = Array.isArray(current) && /^\d+$/.test(key) ? Number(key) : key;
    segments.push(segment);
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[String(segment)] : undefined;
  }
  return segments;
}

/**
 * Compiles a JSON Schema (2020-12, as ninjs 3 is) with Ajv, loaded only now and only if installed:
 * syndicate does not depend on it. `ajv-formats`, if installed too, checks `format` keywords.
 */
async function compileJsonSchema(schema: Record<string, unknown>, others: readonly Record<string, unknown>[]): Promise<JsonCheck> {
  let Ajv2020;
  try {
    ({ Ajv2020 } = await import('ajv/dist/2020.js'));
  } catch {
    throw new Error('validating with a JSON Schema needs the "ajv" package, which syndicate does not install; run `npm install ajv ajv-formats` beside it to use this schema');
  }
  let addFormats;
  try {
    // ajv-formats is CommonJS; under NodeNext its default import is the module object.
    addFormats = (await import('ajv-formats')).default.default;
  } catch {
    // Without ajv-formats, `format` stays an annotation, as JSON Schema 2020-12 §7.2.1 allows.
  }
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: addFormats !== undefined });
  addFormats?.(ajv);
  for (const other of others) {
    try {
      ajv.addSchema(other);
    } catch {
      // A file in the folder that Ajv cannot take (a different draft): only ninjs's own references matter.
    }
  }
  const validate = ajv.compile(schema);
  return (value) =>
    validate(value)
      ? []
      : (validate.errors ?? []).map((e) => {
          const extra = typeof e.params['additionalProperty'] === 'string' ? ` ("${e.params['additionalProperty']}")` : '';
          return { path: e.instancePath, message: `${e.message ?? e.keyword}${extra}` };
        });
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
