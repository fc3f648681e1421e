import { PartnerIndexSchema } from '../model/partners.ts';
import type { Validator } from '../model/output.ts';
import { validateRecords } from './records.ts';

/** Checks the partner folder's `index.json` against its schema, and that ids and files are listed once. */
export const validatePartnerIndex: Validator = (file) =>
  validateRecords(file, 'validate:partners', PartnerIndexSchema, (index) => index.items.flatMap((item) => [['id', item.id] as const, ...item.files.map((f) => ['file', f] as const)]), 'story');
