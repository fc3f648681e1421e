import {
  RelaxNGValidator,
  XmlBufferInputProvider,
  XmlDocument,
  XsdValidator,
  xmlRegisterInputProvider,
} from 'libxml2-wasm';

/** A compiled XML schema (XSD or RELAX NG, from --schemas), ready to validate documents. */
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
