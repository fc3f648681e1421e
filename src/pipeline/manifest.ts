/** Reading the previous `dist/manifest.json` and writing the next one. Pure. */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { MANIFEST_FORMAT, ManifestSchema, type Manifest, type ManifestRecord } from '../model/manifest.ts';
import type { OutputFile } from '../model/output.ts';
import type { Revision } from './revision.ts';

/** Path of the manifest under the output folder. */
export const MANIFEST_PATH = 'manifest.json';

/** What the build knows about the previous manifest before reading it. */
export interface PreviousManifest {
  /** Its text; undefined when the file does not exist. */
  text?: string | undefined;
  /** Whether the output folder already holds article files (then a missing manifest is an error). */
  outputsExist: boolean;
  /** `--reset-versions`: start a new version history on purpose. */
  reset?: boolean | undefined;
}

/**
 * The previous manifest's records by id (`trusted`: it is the text a previous build wrote and validated, so the schema check is skipped). A missing manifest next to published articles, or a corrupt
 * one, is an error (building on would send version 1 again for stories partners already hold at a
 * higher version, and they would discard it), unless `reset` says to start over.
 */
export function readManifest(previous: PreviousManifest, outDir = 'dist', trusted = false): { records: Map<string, ManifestRecord>; diagnostics: Diagnostic[] } {
  const file = `${outDir}/${MANIFEST_PATH}`;
  const records = new Map<string, ManifestRecord>();
  const diagnostics: Diagnostic[] = [];
  const severity = previous.reset ? 'warning' : 'error';
  const consequence = previous.reset
    ? 'versions start again at 1 (--reset-versions)'
    : 'restore it (e.g. `git checkout -- ' + file + '`), or run with --reset-versions to start a new version history on purpose';
  if (previous.text === undefined) {
    if (previous.outputsExist) {
      diagnostics.push(diagnostic(severity, file, 'manifest', 'manifest-missing', `the output folder holds articles but no manifest, so their versions are unknown: ${consequence}`));
    }
    return { records, diagnostics };
  }
  if (previous.reset) {
    diagnostics.push(diagnostic('warning', file, 'manifest', 'versions-reset', 'the previous manifest is ignored: every article starts again at version 1 (--reset-versions)'));
    return { records, diagnostics };
  }
  let json: unknown;
  try {
    json = JSON.parse(previous.text);
  } catch (error) {
    diagnostics.push(diagnostic('error', file, 'manifest', 'manifest-corrupt', `is not valid JSON (${(error as Error).message}): ${consequence}`, toPosition(previous.text, error as Error)));
    return { records, diagnostics };
  }
  // `trusted`: the caller knows this is the very text a previous build wrote after validating it.
  const parsed = trusted ? { success: true as const, data: json as Manifest } : ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    diagnostics.push(diagnostic('error', file, 'manifest', 'manifest-invalid', `is not a ${MANIFEST_FORMAT} manifest (${where}: ${issue?.message}): ${consequence}`));
    return { records, diagnostics };
  }
  for (const record of parsed.data.articles) records.set(record.id, record);
  return { records, diagnostics };
}

/** The line and column of a JSON syntax error, when the engine's message gives the offset. */
function toPosition(text: string, error: Error): { line?: number; column?: number } {
  const offset = /position (\d+)/.exec(error.message)?.[1];
  if (offset === undefined) return {};
  const before = text.slice(0, Number(offset)).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** An article that is in the output this build: its version record and the files it has there. */
export interface PublishedArticle {
  revision: Revision;
  files: readonly string[];
}

/**
 * The next manifest: a record for every article built, and the kept record of every article whose
 * source has gone (with a warning naming it: a vanished file is not a withdrawal, and its version
 * must not be reused if it comes back).
 */
export function toManifestFile(
  published: readonly PublishedArticle[],
  previous: ReadonlyMap<string, ManifestRecord>,
  outDir = 'dist',
  /** Sources left out of this build for their errors (`--keep-going`): their records are kept as they were. */
  rejected: ReadonlySet<string> = new Set(),
): { file: OutputFile; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const records: ManifestRecord[] = published.map(({ revision, files }) => toRecord(revision, files));
  const present = new Set(records.map((r) => r.id));
  for (const record of previous.values()) {
    if (present.has(record.id)) continue;
    if (rejected.has(record.source)) {
      // Its files leave the output folder with it; its version stays for when it is fixed.
      records.push({ ...toRecord(record, []), ...(record.sourceMissing ? { sourceMissing: true as const } : {}) });
      continue;
    }
    if (!record.sourceMissing) {
      diagnostics.push(
        diagnostic(
          'warning',
          record.source,
          'manifest',
          'source-missing',
          `the source of "${record.id}" (version ${record.version}) is gone: its files leave ${outDir}/ but subscribers are not told. To withdraw a story, keep the file and set \`status: withdrawn\` with a \`reason\``,
        ),
      );
    }
    records.push({ ...toRecord(record, []), sourceMissing: true });
  }
  records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const manifest: Manifest = { format: MANIFEST_FORMAT, articles: records };
  return {
    file: { path: MANIFEST_PATH, format: 'manifest', text: `${JSON.stringify(manifest, null, 2)}\n`, sources: [] },
    diagnostics,
  };
}

/** A record with its keys in the schema's order, however the revision was put together (same input, same bytes). */
function toRecord(revision: Revision, files: readonly string[]): ManifestRecord {
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
    files: [...files],
  };
}
