/** The partner folder's index and the next embargo: what the build tells partners and the newsroom about held stories. Pure. */
import { PARTNERS_FORMAT, PARTNERS_INDEX, type PartnerIndex, type PartnerItem } from '../model/partners.ts';
import type { OutputFile } from '../model/output.ts';
import { isEmbargoed, type Placement, type Revision } from './revision.ts';

/** A story whose files are in the partner folder. */
export interface HeldStory {
  revision: Revision;
  placement: Exclude<Placement, 'public'>;
  /** Its files in the partner folder. */
  files: readonly string[];
}

/** The partner folder's `index.json`, listing every held story with its embargo; undefined when nothing is held (no partner folder). */
export function toPartnerIndex(all: readonly HeldStory[]): OutputFile | undefined {
  // A story held from the web but with no partner file (outputs without newsml and ninjs) gives partners nothing to list.
  const held = all.filter((story) => story.files.length > 0);
  if (held.length === 0) return undefined;
  const items: PartnerItem[] = held
    .map(({ revision, placement, files }) => ({
      id: revision.id,
      guid: revision.guid,
      version: revision.version,
      status: placement,
      ...(placement === 'embargoed' && revision.embargo !== undefined ? { embargo: revision.embargo } : {}),
      files: [...files],
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index: PartnerIndex = { format: PARTNERS_FORMAT, items };
  return { path: PARTNERS_INDEX, format: 'partners', text: `${JSON.stringify(index, null, 2)}\n`, sources: [] };
}

/** The earliest embargo still in force at `now` among stories not withdrawn, for "next embargo lifts at …". */
export function toNextEmbargo(stories: readonly { status?: string | undefined; embargo?: string | undefined }[], now: string): string | undefined {
  let next: string | undefined;
  for (const story of stories) {
    if (story.status === 'withdrawn' || story.embargo === undefined || !isEmbargoed(story, now)) continue;
    if (next === undefined || Date.parse(story.embargo) < Date.parse(next)) next = story.embargo;
  }
  return next;
}
