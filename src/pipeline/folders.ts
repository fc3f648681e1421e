/** Where a build's three kinds of files go, and how diagnostics name those places. Pure (paths as strings). */
import type { Diagnostic } from '../diagnostics.ts';
import type { FolderNames } from './article.ts';
import { LEGACY_MANIFEST_FILE, STATE_FILE } from '../model/state.ts';
import type { StatePlaces } from './state.ts';

/** How a caller names the output folders and the state file (as diagnostics show them). */
export interface OutputNames {
  /** The input folder, which the state's source paths are relative to (default: the articles folder's parent). */
  input?: string | undefined;
  /** The public output folder (default `dist`). */
  out?: string | undefined;
  /** The partner folder (default: {@link toDefaultPartnerDir} of the output folder). */
  partner?: string | undefined;
  /** The versions state file (default `<input>/versions.json`). */
  state?: string | undefined;
}

/**
 * The partner folder when none is given: a sibling of the output folder named after it (`dist` →
 * `dist-partners`), so that deploying the output folder never deploys it.
 */
export function toDefaultPartnerDir(outDir: string): string {
  const trimmed = outDir.replace(/[\\/]+$/, '') || outDir;
  return `${trimmed}-partners`;
}

/** The default state file of an input folder: `<input>/versions.json`, committed with the articles. */
export function toDefaultStateFile(inputDir: string): string {
  return inputDir === '.' ? STATE_FILE : `${inputDir.replace(/[\\/]+$/, '')}/${STATE_FILE}`;
}

/** The folder names and state places of a build whose articles folder is shown as `articlesPath`. */
export function toFolderNames(articlesPath: string, names: OutputNames = {}): { folders: FolderNames; places: StatePlaces } {
  const cut = articlesPath.lastIndexOf('/');
  const input = names.input ?? (cut < 0 ? '.' : cut === 0 ? '/' : articlesPath.slice(0, cut));
  const out = names.out ?? 'dist';
  const folders: FolderNames = { input, public: out, partner: names.partner ?? toDefaultPartnerDir(out) };
  const places: StatePlaces = { statePath: names.state ?? toDefaultStateFile(input), inputPath: input, legacyPath: `${out}/${LEGACY_MANIFEST_FILE}` };
  return { folders, places };
}

/**
 * Validators name an output by its path inside its folder; the build names the folder it goes to
 * (`public/articles/a/newsml.xml` with `--out public`).
 */
export function toPlaced(diagnostics: readonly Diagnostic[], folder: string): Diagnostic[] {
  return diagnostics.map((d) => ({ ...d, file: `${folder}/${d.file}` }));
}
