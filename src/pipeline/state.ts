/** Reading the previous versions state (or migrating an old `dist/manifest.json`) and writing the next one. Pure. */
import path from 'node:path';
import { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { toRecentArticles } from '../emit/scopes.ts';
import { isBuildTime } from '../model/time.ts';
import { LEGACY_MANIFEST_FORMAT, STATE_FORMAT, StateRecordSchema, StateSchema, type State, type StateRecord } from '../model/state.ts';
import { isListed, type Revision } from './revision.ts';

/** What the build knows about the previous state before reading it. */
export interface PreviousState {
  /** Its text; undefined when there is none. */
  text?: string | undefined;
  /** True when `text` is an earlier version's `dist/manifest.json`, to be migrated into the state file. */
  legacy?: boolean | undefined;
  /** Whether the output folder already holds article files (then a missing state is an error). */
  outputsExist: boolean;
  /** `--reset-versions`: start a new version history on purpose. */
  reset?: boolean | undefined;
}

/** How the build names the state and the input folder in diagnostics and in the state itself. */
export interface StatePlaces {
  /** The state file as shown (`input/versions.json`). */
  statePath: string;
  /** The input folder as shown (`input`): the state's source paths are relative to it. */
  inputPath: string;
  /** The old manifest as shown (`dist/manifest.json`), named by the migration notice. */
  legacyPath?: string | undefined;
}

/** The previous state: records by id, the build time it stands for, and what reading it found. */
export interface ReadState {
  records: Map<string, StateRecord>;
  /** Undefined for a first build, a migrated manifest, or a reset. */
  builtAt?: string | undefined;
  diagnostics: Diagnostic[];
}

/** The record fields of the old manifest: today's record without `public`, with the article's files in the output folder. */
const LegacyManifestSchema = z.object({
  format: z.literal(LEGACY_MANIFEST_FORMAT),
  articles: z.array(StateRecordSchema.omit({ public: true }).extend({ files: z.array(z.string()) })),
});

/**
 * The previous state's records (`trusted`: it is the text a previous build wrote and validated, so the
 * schema check is skipped). A missing state next to published articles, or a corrupt one, is an error
 * (building on would send version 1 again for stories partners already hold at a higher version),
 * unless `reset` says to start over.
 */
export function readState(previous: PreviousState, places: StatePlaces, trusted = false): ReadState {
  const file = previous.legacy ? (places.legacyPath ?? places.statePath) : places.statePath;
  const records = new Map<string, StateRecord>();
  const diagnostics: Diagnostic[] = [];
  const severity = previous.reset ? 'warning' : 'error';
  const consequence = previous.reset
    ? 'versions start again at 1 (--reset-versions)'
    : `restore it (e.g. \`git checkout -- ${file}\`), or run with --reset-versions to start a new version history on purpose`;
  if (previous.text === undefined) {
    if (previous.outputsExist) {
      diagnostics.push(diagnostic(severity, places.statePath, 'state', 'state-missing', `is missing, but the output folder holds articles, so their versions are unknown: ${consequence}`));
    }
    return { records, diagnostics };
  }
  if (previous.reset) {
    diagnostics.push(diagnostic('warning', file, 'state', 'versions-reset', 'is ignored: every article starts again at version 1 (--reset-versions)'));
    return { records, diagnostics };
  }
  let json: unknown;
  try {
    json = JSON.parse(previous.text);
  } catch (error) {
    diagnostics.push(diagnostic('error', file, 'state', 'state-corrupt', `is not valid JSON (${(error as Error).message}): ${consequence}`, toPosition(previous.text, error as Error)));
    return { records, diagnostics };
  }
  if (previous.legacy) return migrateManifest(json, file, places, consequence);
  // `trusted`: the caller knows this is the very text a previous build wrote after validating it.
  const parsed = trusted ? { success: true as const, data: json as State } : StateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    diagnostics.push(diagnostic('error', file, 'state', 'state-invalid', `is not a ${STATE_FORMAT} file (${where}: ${issue?.message}): ${consequence}`));
    return { records, diagnostics };
  }
  for (const record of parsed.data.articles) records.set(record.id, record);
  return { records, builtAt: parsed.data.builtAt, diagnostics };
}

/**
 * The build time a state records, for `build --check` to rebuild that moment; undefined when there is no
 * state (a first build), it is an old manifest, or it cannot be read (the build then reports why).
 */
export function toRecordedBuildTime(previous: PreviousState): string | undefined {
  if (previous.text === undefined || previous.legacy || previous.reset) return undefined;
  try {
    const builtAt = (JSON.parse(previous.text) as { builtAt?: unknown }).builtAt;
    return typeof builtAt === 'string' && isBuildTime(builtAt) ? builtAt : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The records of an earlier version's `dist/manifest.json`, as state records: source paths made relative
 * to the input folder, `public` from the files the story had in the output folder (a JSON-LD file was
 * written only for a story on the web; a withdrawn story's past is unknown, so it is taken to have been
 * public and gets a withdrawal notice there, which carries no text). A warning says where the state went.
 */
function migrateManifest(json: unknown, file: string, places: StatePlaces, consequence: string): ReadState {
  const records = new Map<string, StateRecord>();
  const parsed = LegacyManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    return { records, diagnostics: [diagnostic('error', file, 'state', 'state-invalid', `is not a ${LEGACY_MANIFEST_FORMAT} manifest (${where}: ${issue?.message}): ${consequence}`)] };
  }
  for (const { files, ...record } of parsed.data.articles) {
    const wasPublic = record.status === 'withdrawn' || files.some((f) => f.endsWith('/article.jsonld'));
    records.set(record.id, { ...record, source: toInputRelative(record.source, places.inputPath), public: wasPublic });
  }
  const notice = diagnostic(
    'warning',
    file,
    'state',
    'state-migrated',
    `the versions kept here move to ${places.statePath}, outside the public folder; this build writes them there and leaves ${file} out of the output. Commit ${places.statePath}`,
  );
  return { records, diagnostics: [notice] };
}

/**
 * A source path as the state records it: relative to the input folder. Sources under the input
 * folder lose its path; a path from another working folder (a manifest of earlier versions) is cut
 * at its `articles/` folder; an articles folder outside the input folder (`"articles": "../stories"`)
 * is recorded by the way from the input folder to it (`../stories/a.md`).
 */
export function toInputRelative(source: string, inputPath: string): string {
  if (inputPath !== '.' && source.startsWith(`${inputPath}/`)) return source.slice(inputPath.length + 1);
  if (source.startsWith('articles/')) return source;
  const at = source.indexOf('/articles/');
  if (at >= 0) return source.slice(at + 1);
  // Display paths are both relative to the working folder, or both absolute, when they can be compared.
  return path.posix.isAbsolute(source) === path.posix.isAbsolute(inputPath) ? path.posix.relative(inputPath, source) : source;
}

/** A state path (relative to the input folder) as diagnostics show it. */
export function toShownSource(source: string, inputPath: string): string {
  return inputPath === '.' || path.posix.isAbsolute(source) ? source : path.posix.join(inputPath, source);
}

/** The line and column of a JSON syntax error, when the engine's message gives the offset. */
function toPosition(text: string, error: Error): { line?: number; column?: number } {
  const offset = /position (\d+)/.exec(error.message)?.[1];
  if (offset === undefined) return {};
  const before = text.slice(0, Number(offset)).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** What the outputs' dependence on the build time is computed from: one kept article. */
export interface TimedArticle {
  id: string;
  datePublished: string;
  status?: string | undefined;
  embargo?: string | undefined;
}

/**
 * The build time the next state records. The outputs depend on the build time only through which
 * stories are listed (embargoes) and which the news sitemap carries (its 48 hours); when both are the
 * same at the previous state's time as now, the outputs are what a build at that time writes, so that
 * time is kept (a no-op rebuild changes no byte, and `build --check` reproduces the outputs at the
 * recorded time). Otherwise the state moves to `now`.
 */
export function toBuiltAt(previous: string | undefined, now: string, articles: readonly TimedArticle[]): string {
  if (previous === undefined || previous === now) return now;
  return sameView(articles, previous, now) ? previous : now;
}

function sameView(articles: readonly TimedArticle[], a: string, b: string): boolean {
  const listedAt = (t: string) => articles.filter((article) => isListed(article, t));
  const listedA = listedAt(a);
  const listedB = listedAt(b);
  if (listedA.length !== listedB.length || listedA.some((article, i) => article !== listedB[i])) return false;
  const recentA = toRecentArticles(listedA, Date.parse(a));
  const recentB = toRecentArticles(listedB, Date.parse(b));
  return recentA.length === recentB.length && recentA.every((article, i) => article === recentB[i]);
}

/** The next state, as the text of the state file, and what writing it found. */
export function toStateFile(
  published: readonly Revision[],
  previous: ReadonlyMap<string, StateRecord>,
  builtAt: string,
  places: StatePlaces,
  /** Sources (relative to the input folder) left out of this build for their errors (`--keep-going`): their records are kept as they were. */
  rejected: ReadonlySet<string> = new Set(),
): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const records: StateRecord[] = published.map((revision) => toRecord(revision));
  const present = new Set(records.map((r) => r.id));
  for (const record of previous.values()) {
    if (present.has(record.id)) continue;
    if (rejected.has(record.source)) {
      // Its files leave the output folders with it; its version stays for when it is fixed.
      records.push(toRecord(record, record.sourceMissing));
      continue;
    }
    if (!record.sourceMissing) {
      diagnostics.push(
        diagnostic(
          'warning',
          toShownSource(record.source, places.inputPath),
          'state',
          'source-missing',
          `the source of "${record.id}" (version ${record.version}) is gone: its files leave the output folders but subscribers are not told. To withdraw a story, keep the file and set \`status: withdrawn\` with a \`reason\``,
        ),
      );
    }
    records.push(toRecord(record, true));
  }
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const state: State = { format: STATE_FORMAT, builtAt, articles: records };
  return { text: `${JSON.stringify(state, null, 2)}\n`, diagnostics };
}

/** A record with its keys in the schema's order, however the revision was put together (same input, same bytes). */
function toRecord(revision: Revision, sourceMissing?: boolean): StateRecord {
  const { id, guid, source, version, contentHash, firstCreated, versionCreated, status, signal, correction, embargo } = revision;
  return {
    id,
    guid,
    source,
    version,
    contentHash,
    firstCreated,
    versionCreated,
    status,
    ...(signal !== undefined ? { signal } : {}),
    ...(correction !== undefined ? { correction } : {}),
    ...(embargo !== undefined ? { embargo } : {}),
    public: revision.public,
    ...(sourceMissing ? { sourceMissing: true as const } : {}),
  };
}
