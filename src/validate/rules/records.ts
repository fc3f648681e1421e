/** The rules of syndicate's own record files: the versions state and the partners' index (their format is ours). */
import { defineRules } from '../rule.ts';

const formats = ['state', 'partners'] as const;

/** What a versions state or partners' index must be. */
export const RECORD_RULES = defineRules([
  { id: 'schema', layer: 'standard', severity: 'error', formats, summary: 'The file has the shape of its format (syndicate-state/1, syndicate-partners/1)' },
  { id: 'duplicate-id', layer: 'standard', severity: 'error', formats, summary: 'Every article id is listed once' },
  { id: 'duplicate-guid', layer: 'standard', severity: 'error', formats: ['state'], summary: 'Every guid is listed once' },
  { id: 'duplicate-file', layer: 'standard', severity: 'error', formats: ['partners'], summary: 'Every file is listed once' },
] as const);

/** A rule of the record files. */
export type RecordRule = (typeof RECORD_RULES)[number]['id'];
