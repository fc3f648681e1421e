/**
 * The decisions a build takes once every source has been read, built and validated: which articles it
 * keeps (accept), which of them are dated after the build time (dates), what the feeds list (feeds),
 * and its records (the partners' index, the next versions state, the next embargo). Pure steps
 * shared by the in-memory build and the project build, whatever holds the articles (memory or the
 * cache); the feeds' selection is `selectFeedArticles`, on the articles or their summaries.
 */
import { hasErrors, type Diagnostic } from '../diagnostics.ts';
import type { OutputFile } from '../model/output.ts';
import type { StateRecord } from '../model/state.ts';
import { acceptArticles } from './accept.ts';
import type { ArticleSummary, FolderNames } from './article.ts';
import { toPlaced } from './folders.ts';
import { toNextEmbargo, toPartnerIndex } from './partners.ts';
import type { Placement, Revision } from './revision.ts';
import { checkPublicationDates } from './schedule.ts';
import { toBuiltAt, toStateFile, type StatePlaces } from './state.ts';

/** One source as the assembly sees it: what reading, building and validating it gave. */
export interface AssemblyPart {
  source: string;
  readDiagnostics: readonly Diagnostic[];
  outputDiagnostics: readonly Diagnostic[];
  /** Present when the article was read. */
  story?: Story | undefined;
}

/** A read article as the assembly needs it: small, the same in memory and in the cache. */
export interface Story {
  summary: ArticleSummary;
  revision: Revision;
  placement: Placement;
  /** Its files in the partner folder. */
  partnerFiles: readonly string[];
}

/** A kept part: read, accepted, and so with its story. */
export type KeptPart<P extends AssemblyPart> = P & { story: Story };

/**
 * Accept → dates: the parts whose article is kept (read without errors, its id its own), in source
 * order, and the findings in report order: acceptance, the previous state's, each source's reading,
 * the kept articles' outputs, then publication dates against the build time (`dated`, also returned
 * apart for `--keep-going`).
 */
export function acceptParts<P extends AssemblyPart>(
  parts: readonly P[],
  options: { articlesPath: string; now: string; previousDiagnostics: readonly Diagnostic[] },
): { kept: KeptPart<P>[]; diagnostics: Diagnostic[]; dated: Diagnostic[] } {
  const { accepted, diagnostics } = acceptArticles(
    parts.map((part) => ({ source: part.source, id: part.story?.summary.id, failed: hasErrors(part.readDiagnostics) })),
    options.articlesPath,
  );
  diagnostics.push(...options.previousDiagnostics);
  for (const part of parts) diagnostics.push(...part.readDiagnostics);
  const kept = parts.filter((part): part is KeptPart<P> => part.story !== undefined && accepted.has(part.source));
  for (const part of kept) diagnostics.push(...part.outputDiagnostics);
  const dated = checkPublicationDates(
    kept.map((part) => ({ source: part.source, datePublished: part.story.summary.datePublished, listed: part.story.placement === 'public' })),
    options.now,
  );
  diagnostics.push(...dated);
  return { kept, diagnostics, dated };
}

/** The build's records and what validating them found. */
export interface BuildRecords {
  /** The partner folder's index; undefined when nothing is held. */
  partnerIndex?: OutputFile;
  /** The build time the next state records. */
  builtAt: string;
  /** The next versions state's text; undefined when the caller knows it is unchanged (`sameState`). */
  state?: string;
  /** The earliest embargo still in force. */
  nextEmbargo?: string;
  diagnostics: Diagnostic[];
}

/**
 * The records of a build of the kept stories: the partners' index, the next versions state (with the
 * records of sources `rejected` by `--keep-going` kept as they were) and the next embargo, each checked
 * by `validate` (the output validator, injected so that a caller loads it only when it builds records).
 * `sameState(builtAt)` lets a caller that knows the state would be the same bytes skip making it.
 */
export function toBuildRecords(
  stories: readonly Story[],
  options: {
    now: string;
    previous: { builtAt?: string | undefined; records: ReadonlyMap<string, StateRecord> };
    places: StatePlaces;
    folders: FolderNames;
    rejected?: ReadonlySet<string>;
    sameState?: (builtAt: string) => boolean;
    validate: (file: OutputFile) => Diagnostic[];
  },
): BuildRecords {
  const diagnostics: Diagnostic[] = [];
  const partnerIndex = toPartnerIndex(
    stories.flatMap((story) => (story.placement === 'public' ? [] : [{ revision: story.revision, placement: story.placement, files: story.partnerFiles }])),
  );
  if (partnerIndex) diagnostics.push(...toPlaced(options.validate(partnerIndex), options.folders.partner));
  const builtAt = toBuiltAt(
    options.previous.builtAt,
    options.now,
    stories.map((story) => ({ ...story.summary, ...story.revision })),
  );
  let state: string | undefined;
  if (stories.length > 0 && !(options.sameState?.(builtAt) ?? false)) {
    const made = toStateFile(
      stories.map((story) => story.revision),
      options.previous.records,
      builtAt,
      options.places,
      options.rejected,
    );
    diagnostics.push(...made.diagnostics, ...options.validate({ path: options.places.statePath, format: 'state', text: made.text, sources: [] }));
    state = made.text;
  }
  const nextEmbargo = toNextEmbargo(
    stories.map((story) => story.revision),
    options.now,
  );
  return { ...(partnerIndex ? { partnerIndex } : {}), builtAt, ...(state !== undefined ? { state } : {}), ...(nextEmbargo !== undefined ? { nextEmbargo } : {}), diagnostics };
}
