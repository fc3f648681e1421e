import { StateSchema } from '../model/state.ts';
import type { Validator } from '../model/output.ts';
import { validateRecords } from './records.ts';

/** Checks a versions state file (`versions.json`) against its schema, and that ids and guids are unique. */
export const validateState: Validator = (file) =>
  validateRecords(file, 'validate:state', StateSchema, (state) => state.articles.flatMap((r) => [['id', r.id] as const, ['guid', r.guid] as const]), 'article');
