/**
 * `build --watch`: run a build, then again whenever something the build reads changes. The build
 * itself is the caller's (the CLI passes its own `build` so that watching reports through the same
 * reporter and prints the same summary); this module decides when to run it.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { isWithin } from '../paths.ts';

/** What {@link watchProject} watches and how patiently. */
export interface WatchOptions {
  /** Working directory that `paths` and `ignore` are resolved against, and changed paths are shown relative to. */
  cwd: string;
  /** Folders to watch, recursively (the input folder; an articles folder elsewhere, when there is one). */
  paths: readonly string[];
  /**
   * Single files to watch (a `--config` file outside the input folder), through their folder: editors
   * save by writing a new file and renaming it over the old one, which a watch on the file itself misses.
   */
  files?: readonly string[] | undefined;
  /**
   * Files and folders whose changes are ignored: what the build itself writes there (the versions
   * state under the input folder, a cache folder inside it); otherwise each build would start the next.
   */
  ignore?: readonly string[] | undefined;
  /** Quiet time after the last change before a build starts, in ms (default 100): an editor's save is several events. */
  debounceMs?: number | undefined;
  /** Aborting it stops watching; {@link watchProject} resolves once a build under way has finished. */
  signal?: AbortSignal | undefined;
  /** Called when a build throws (a bug, not bad input: bad articles are the build's diagnostics); watching goes on. */
  onBuildError?: ((error: unknown) => void) | undefined;
}

/** One run of the build: why it runs. */
export interface WatchRun {
  /** 0 for the first build, then 1, 2, … */
  run: number;
  /** The changed paths since the previous build, relative to `cwd` with `/` separators, sorted; empty for the first build. */
  changed: string[];
}

/** Why watching ended. */
export type WatchEnd = { stopped: 'signal' } | { stopped: 'error'; message: string };

/** Default quiet time: long enough to gather a save-rename burst, short enough to rebuild within a second. */
export const DEFAULT_DEBOUNCE_MS = 100;

/**
 * Builds once, then rebuilds after each burst of changes under `paths`; a change during a build
 * leads to one more build after it, never to two at once. Resolves when `signal` aborts (after the
 * build under way), or when the watcher fails (the folder removed, the system's watch limit reached).
 * Uses Node's `fs.watch` with `recursive`, which Linux supports from Node 20 (new subfolders are
 * followed), as macOS and Windows always have: no dependency for what the platform does.
 */
export function watchProject(options: WatchOptions, build: (run: WatchRun) => Promise<unknown>): Promise<WatchEnd> {
  const { cwd, signal } = options;
  const roots = options.paths.map((p) => path.resolve(cwd, p));
  // A file already under a watched folder needs no watch of its own.
  const files = (options.files ?? []).map((p) => path.resolve(cwd, p)).filter((file) => !roots.some((root) => isWithin(file, root)));
  const ignored = (options.ignore ?? []).map((p) => path.resolve(cwd, p));
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const pending = new Set<string>();
  let ready = true; // the first build runs at once
  let busy = false;
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let runs = 0;
  const watchers: FSWatcher[] = [];

  return new Promise<WatchEnd>((resolve) => {
    let ended = false;
    const end = async (how: WatchEnd) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      for (const w of watchers) w.close();
      signal?.removeEventListener('abort', onAbort);
      await running;
      resolve(how);
    };
    const onAbort = () => void end({ stopped: 'signal' });

    const loop = async () => {
      while (ready && !ended) {
        ready = false;
        const changed = [...pending].sort();
        pending.clear();
        try {
          await build({ run: runs++, changed });
        } catch (error) {
          options.onBuildError?.(error);
        }
      }
      busy = false;
    };
    const start = () => {
      ready = true;
      if (busy) return; // the loop under way takes it after its build
      busy = true;
      running = loop();
    };

    const onChange = (root: string, name: string | Buffer | null) => {
      if (ended) return;
      const absolute = name === null ? root : path.resolve(root, name.toString());
      if (!isWatched(absolute, root, ignored)) return;
      pending.add(toShown(absolute, cwd));
      clearTimeout(timer);
      timer = setTimeout(start, debounceMs);
    };

    if (signal?.aborted) {
      resolve({ stopped: 'signal' });
      return;
    }
    signal?.addEventListener('abort', onAbort);
    const targets = [
      ...roots.map((root) => ({ root, recursive: true, only: undefined as string | undefined })),
      ...files.map((file) => ({ root: path.dirname(file), recursive: false, only: path.basename(file) })),
    ];
    for (const { root, recursive, only } of targets) {
      try {
        const w = watch(root, { recursive }, (_event, name) => {
          if (only === undefined || name?.toString() === only) onChange(root, name);
        });
        w.on('error', (error) => void end({ stopped: 'error', message: `stopped watching ${toShown(root, cwd)}: ${error.message}` }));
        watchers.push(w);
      } catch (error) {
        void end({ stopped: 'error', message: `cannot watch ${toShown(root, cwd)}: ${(error as Error).message}` });
        return;
      }
    }
    start();
  });
}

/**
 * Whether a change at `absolute` can matter to the build: not under an ignored path, and not a file
 * the build skips or an editor's scratch file. Dot files and folders are skipped by the build
 * (vim's `.x.swp`, Emacs' `.#x`, `.git`); `x~` is a backup and `4913` is the name vim creates to
 * test that a folder is writable before saving.
 */
export function isWatched(absolute: string, root: string, ignored: readonly string[]): boolean {
  if (ignored.some((p) => isWithin(absolute, p))) return false;
  const parts = path.relative(root, absolute).split(path.sep);
  if (parts.some((part) => part.startsWith('.'))) return false;
  const name = parts[parts.length - 1] ?? '';
  return !name.endsWith('~') && name !== '4913';
}

function toShown(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}
