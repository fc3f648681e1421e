/**
 * The partners' index (`index.json` in the partner folder): what the partner folder holds and why, so a
 * partner's system can poll one file. It carries the embargo times, which is why it is never public.
 */
import { z } from 'zod';
import { ArticleIdSchema, OffsetDateTimeSchema } from './article.ts';

/** The partners' index format this tool writes. */
export const PARTNERS_FORMAT = 'syndicate-partners/1';

/** Path of the index inside the partner folder. */
export const PARTNERS_INDEX = 'index.json';

/** One story held for partners. */
export const PartnerItemSchema = z.strictObject({
  /** The article id (`articles/<id>/` in the partner folder). */
  id: ArticleIdSchema,
  /** Its guid in every format. */
  guid: z.string().min(1),
  /** The NewsML-G2 / ninjs version of the files. */
  version: z.number().int().positive(),
  /** `embargoed`: the full story, not to be published before `embargo`; `withdrawn`: a withdrawal notice. */
  status: z.enum(['embargoed', 'withdrawn']),
  /** The embargo time, for an embargoed story. */
  embargo: OffsetDateTimeSchema.optional(),
  /** Its files in the partner folder. */
  files: z.array(z.string().min(1)).min(1),
});

/** The whole index: items sorted by id. */
export const PartnerIndexSchema = z.strictObject({
  format: z.literal(PARTNERS_FORMAT),
  items: z.array(PartnerItemSchema),
});

/** One story held for partners. */
export type PartnerItem = z.infer<typeof PartnerItemSchema>;
/** The partners' index. */
export type PartnerIndex = z.infer<typeof PartnerIndexSchema>;
