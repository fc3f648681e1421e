/**
 * The validation status of every file in a served folder, for `serve`'s index of outputs: each file
 * checked as `syndicate validate --profile syndicate` checks it, and checked again only when it changed.
 */
import { readFile, stat } from 'node:fs/promises';
import type { SiteConfig } from '../config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { listTargets } from '../inspect/files.ts';
import { inspectFile, type InspectResult } from '../inspect/validate.ts';

/** One file of the folder and what its check found. */
export interface FileStatus {
  /** Its path inside the folder, with `/` separators. */
  path: string;
  /** The detected format, `html`, or `unknown`. */
  kind: InspectResult['kind'];
  /** Its findings (the path they name is the file's path inside the folder). */
  diagnostics: Diagnostic[];
}

/** Checks the files of a folder, remembering each file's result until its size or modification time changes. */
export interface FolderValidator {
  /** Every file under the folder (dot files skipped, as `validate` skips them), sorted by path, with its status. */
  validate(): Promise<FileStatus[]>;
}

/**
 * A validator for the folder at `root` (absolute). With `site`, the house rules that compare a file
 * with the publication (self links, feed language, item limit) run too, as the build runs them.
 */
export function createFolderValidator(root: string, site: SiteConfig | undefined): FolderValidator {
  const known = new Map<string, { stamp: string; status: FileStatus }>();
  return {
    async validate() {
      const { targets } = await listTargets([root], root);
      const statuses: FileStatus[] = [];
      const seen = new Set<string>();
      for (const target of targets) {
        const file = target.publicPath;
        seen.add(file);
        let stamp: string;
        try {
          const s = await stat(target.absolute);
          stamp = `${s.size}:${s.mtimeMs}:${s.ino}`;
        } catch {
          continue; // removed since it was listed: a build is replacing the folder's files
        }
        const cached = known.get(file);
        if (cached?.stamp === stamp) {
          statuses.push(cached.status);
          continue;
        }
        let bytes: Uint8Array;
        try {
          bytes = await readFile(target.absolute);
        } catch {
          continue;
        }
        const result = inspectFile({ shown: file, publicPath: file, bytes }, { profile: 'syndicate', site });
        const status = { path: file, kind: result.kind, diagnostics: result.diagnostics };
        known.set(file, { stamp, status });
        statuses.push(status);
      }
      for (const file of known.keys()) if (!seen.has(file)) known.delete(file);
      return statuses;
    },
  };
}
