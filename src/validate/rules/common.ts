/** Rules every format shares: a file that cannot be read as its format at all. */
import { defineRules } from '../rule.ts';

/** What stops any check of a JSON or XML file. */
export const COMMON_RULES = defineRules([
  { id: 'invalid-json', layer: 'standard', severity: 'error', formats: ['jsonfeed', 'jsonld', 'ninjs', 'state', 'partners'], summary: 'The file is JSON', reference: 'RFC 8259' },
] as const);
