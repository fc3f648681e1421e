import {
  RelaxNGValidator,
  XmlBufferInputProvider,
  XmlDocument,
  XmlParseError,
  XmlValidateError,
  XsdValidator,
  xmlRegisterInputProvider,
} from 'libxml2-wasm';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { OutputFile } from '../model/output.ts';
import { toTree, type XTree } from './xmltree.ts';

/** A compiled XML schema (XSD or RELAX NG) of the project's own, ready to validate documents. */
export interface XmlSchema {
  validate(doc: XmlDocument): void;
}

// Schemas may import helper schemas (e.g. the xml: namespace); libxml2 resolves imports by file
// name through input providers, so all of ours are served from one in-memory provider.
const provider = new XmlBufferInputProvider({});
let providerRegistered = false;
const encoder = new TextEncoder();

/** Registers in-memory schema documents that other schemas import by these exact file names. */
export function registerSchemaFiles(files: Record<string, string>): void {
  if (!providerRegistered) {
    xmlRegisterInputProvider(provider);
    providerRegistered = true;
  }
  for (const [name, text] of Object.entries(files)) provider.addBuffer(name, encoder.encode(text));
}

/** Compiles an XSD given as text; `name` is the file name its relative imports are resolved from. */
export function compileXsd(name: string, text: string): XmlSchema {
  const doc = XmlDocument.fromString(text, { url: name });
  try {
    return XsdValidator.fromDoc(doc);
  } finally {
    doc.dispose();
  }
}

/** Compiles a RELAX NG schema (XML syntax) given as text. */
export function compileRelaxNg(name: string, text: string): XmlSchema {
  const doc = XmlDocument.fromString(text, { url: name });
  try {
    return RelaxNGValidator.fromDoc(doc);
  } finally {
    doc.dispose();
  }
}

/** Returns `get()` that compiles the schema on first use, so commands that never validate XML pay nothing. */
export function lazySchema(compile: () => XmlSchema): () => XmlSchema {
  let schema: XmlSchema | undefined;
  return () => (schema ??= compile());
}

// libxml2-wasm copies a string into the WebAssembly heap with a JavaScript loop (emscripten's
// stringToUTF8), several times slower than the parse itself; a native UTF-8 encoding of the same text
// gives libxml2 the same bytes. Text that is empty or holds a lone surrogate (which the two encoders
// write differently) keeps the string path, so what libxml2 reports stays exactly what it was.
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/** Parses XML text with libxml2; throws `XmlParseError` (with details) when it is not well-formed. */
export function parseXml(text: string): XmlDocument {
  if (text === '' || !isWellFormed(text)) return XmlDocument.fromString(text);
  return XmlDocument.fromBuffer(encoder.encode(text));
}

/**
 * Parses an output file and validates it against a schema. Well-formedness errors and schema
 * violations become error diagnostics with the document's line and column. When the document
 * parses, `inspect` is called with it, read into a {@link XTree}, for the rule checks the schema
 * cannot express (and the facts the consistency check compares): the file is parsed once for all.
 * `onMalformed` is called when it does not parse.
 */
export function validateXml(
  file: OutputFile,
  schema: XmlSchema,
  source: string,
  inspect?: (tree: XTree) => Diagnostic[],
  onMalformed?: () => void,
): Diagnostic[] {
  const path = file.path;
  const origin = file.sources.join(', ') || undefined;
  let doc: XmlDocument;
  try {
    doc = parseXml(file.text);
  } catch (error) {
    onMalformed?.();
    const details = error instanceof XmlParseError ? error.details : [];
    if (details.length === 0) return [diagnostic('error', path, source, 'not-well-formed', `not well-formed XML: ${(error as Error).message.trim()}`, {}, origin)];
    return details.map((d) =>
      diagnostic('error', path, source, 'not-well-formed', `not well-formed XML: ${d.message.trim()}`, { line: d.line, column: d.col + 1 }, origin),
    );
  }
  try {
    const found: Diagnostic[] = [];
    try {
      schema.validate(doc);
    } catch (error) {
      if (!(error instanceof XmlValidateError)) throw error;
      for (const d of error.details) {
        found.push(diagnostic('error', path, source, 'schema', d.message.trim(), { line: d.line, column: d.col + 1 }, origin));
      }
    }
    if (inspect) found.push(...inspect(toTree(doc, file.text)));
    return found;
  } finally {
    doc.dispose();
  }
}
