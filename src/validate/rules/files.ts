/**
 * What `syndicate validate` reports of a file before, or beside, its format's checks: a file it cannot
 * read, decode or recognise, and the verdicts of official schemas passed with `--schemas`.
 */
import { defineRules } from '../rule.ts';

/** The rules of the files themselves and of the official schemas. */
export const FILE_RULES = defineRules([
  { id: 'unreadable-file', layer: 'standard', severity: 'error', formats: [], summary: 'The file can be read' },
  { id: 'encoding', layer: 'standard', severity: 'error', formats: [], summary: 'The file is text in the encoding its byte order mark or XML declaration names, else UTF-8', reference: 'XML 1.0 §4.3.3 and Appendix F; RFC 8259 §8.1' },
  { id: 'unknown-format', layer: 'standard', severity: 'error', formats: [], summary: 'The file is in a format syndicate recognises by its content (never a silent pass)' },
  { id: 'nothing-checked', layer: 'standard', severity: 'warning', formats: ['html'], summary: 'An HTML page carries schema.org JSON-LD, the only part of a page the standard layer checks (syndicate\'s own pages are checked whole under --profile syndicate)' },
  { id: 'validator-failed', layer: 'standard', severity: 'error', formats: [], summary: 'The check itself failed on this file: a bug in syndicate, to be reported with the file' },
  { id: 'official-xsd', layer: 'standard', severity: 'error', formats: ['newsml'], summary: 'With --schemas: valid against the official NewsML-G2 XSD (libxml2)', reference: 'https://iptc.org/std/NewsML-G2/' },
  { id: 'official-relaxng', layer: 'standard', severity: 'error', formats: ['atom'], summary: 'With --schemas: valid against the RELAX NG grammar of RFC 4287 Appendix B (libxml2)', reference: 'RFC 4287 Appendix B' },
  { id: 'official-json-schema', layer: 'standard', severity: 'error', formats: ['ninjs'], summary: 'With --schemas: valid against the official ninjs JSON Schema (Ajv, when installed)', reference: 'https://iptc.org/standards/ninjs/' },
  { id: 'official-schema-failed', layer: 'standard', severity: 'error', formats: [], summary: 'With --schemas: the official schema could be applied to the file' },
] as const);
