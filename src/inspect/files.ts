/**
 * The filesystem reads of `syndicate validate` and `syndicate build --check`: the files and folders
 * named on the command line, a folder of official schemas, and an output folder's files. Reads only;
 * nothing here writes. (src/io.ts is the build's filesystem module; these are the inspection
 * commands' own, kept apart so that io.ts stays the build's.)
 */
import type { Dirent } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { toDisplayPath } from '../io.ts';

/** A file to validate: where it is, how diagnostics name it, and its path as served. */
export interface ListedTarget {
  /** Absolute path. */
  absolute: string;
  /** The path diagnostics show: relative to the working directory when inside it, with `/` separators. */
  shown: string;
  /**
   * The file's path inside the folder it is served from, which feed self links are checked against:
   * its path inside the folder named on the command line, or, for a file named directly, its path
   * relative to the working directory; either without a leading `dist/` (the default output folder,
   * so that `validate .` and `validate dist/rss.xml` from the project root mean `rss.xml`).
   */
  publicPath: string;
}

/** A path named on the command line that cannot be read. */
export interface UnreadablePath {
  /** The argument as given. */
  argument: string;
  /** Why, e.g. "no such file or folder". */
  reason: string;
}

/**
 * Every file named, or found by recursing into the folders named (dot files and dot folders inside
 * them skipped, as the build skips them; symbolic links to files followed), each once, sorted by
 * shown path. Arguments that do not exist or cannot be read are returned apart, for a usage error.
 */
export async function listTargets(args: readonly string[], cwd: string): Promise<{ targets: ListedTarget[]; unreadable: UnreadablePath[] }> {
  const targets = new Map<string, ListedTarget>();
  const unreadable: UnreadablePath[] = [];
  for (const argument of args) {
    const absolute = path.resolve(cwd, argument);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      unreadable.push({ argument, reason: reasonOf(error) });
      continue;
    }
    if (info.isFile()) {
      const shown = toDisplayPath(absolute, cwd);
      const publicPath = shown.startsWith('/') || shown.startsWith('../') ? outsidePublicPath(absolute) : toPublicPath(shown);
      if (!targets.has(absolute)) targets.set(absolute, { absolute, shown, publicPath });
      continue;
    }
    if (!info.isDirectory()) {
      unreadable.push({ argument, reason: 'not a regular file or folder' });
      continue;
    }
    let entries: Dirent[];
    try {
      entries = await readdir(absolute, { recursive: true, withFileTypes: true });
    } catch (error) {
      unreadable.push({ argument, reason: reasonOf(error) });
      continue;
    }
    for (const entry of entries) {
      const file = path.join(entry.parentPath, entry.name);
      const inside = path.relative(absolute, file);
      if (inside.split(path.sep).some((part) => part.startsWith('.'))) continue;
      if (!entry.isFile() && !(entry.isSymbolicLink() && (await isFile(file)))) continue;
      if (!targets.has(file)) targets.set(file, { absolute: file, shown: toDisplayPath(file, cwd), publicPath: toPublicPath(inside.split(path.sep).join('/')) });
    }
  }
  const sorted = [...targets.values()].sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
  return { targets: sorted, unreadable };
}

function toPublicPath(relative: string): string {
  return relative.replace(/^dist\//, '');
}

/** A file outside the working directory: its path after the last `dist` folder on the way, else its name. */
function outsidePublicPath(absolute: string): string {
  const parts = absolute.split(path.sep);
  const dist = parts.lastIndexOf('dist');
  return dist >= 0 && dist < parts.length - 1 ? parts.slice(dist + 1).join('/') : path.basename(absolute);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** Reads a file's bytes; an error (permissions, a file removed meanwhile) is returned as its reason. */
export async function readTarget(absolute: string): Promise<{ bytes: Uint8Array } | { reason: string }> {
  try {
    return { bytes: new Uint8Array(await readFile(absolute)) };
  } catch (error) {
    return { reason: reasonOf(error) };
  }
}

/** A schema file found in the `--schemas` folder: its path inside the folder (with `/`) and text. */
export interface SchemaFile {
  /** Path relative to the schemas folder, `/` separators. */
  path: string;
  /** The file's text. */
  text: string;
}

/** Files of a folder that may hold official schemas (`*.xsd`, `*.rng`, `*.json`), recursively; undefined when it is not a readable folder. */
export async function readSchemaFolder(dir: string, cwd: string): Promise<SchemaFile[] | undefined> {
  const root = path.resolve(cwd, dir);
  let entries: Dirent[];
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch {
    return undefined;
  }
  const files: SchemaFile[] = [];
  for (const entry of entries) {
    if (!/\.(?:xsd|rng|json|jsonld)$/i.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() && !(entry.isSymbolicLink() && (await isFile(file)))) continue;
    files.push({ path: path.relative(root, file).split(path.sep).join('/'), text: await readFile(file, 'utf8') });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Every file under an output folder by its path inside it (`/` separators), with its bytes; empty when the folder does not exist. */
export async function readOutputFolder(dir: string, cwd: string): Promise<Map<string, Uint8Array>> {
  const root = path.resolve(cwd, dir);
  const files = new Map<string, Uint8Array>();
  let entries: Dirent[];
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return files;
    throw error;
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(root, file).split(path.sep).join('/'), new Uint8Array(await readFile(file)));
  }
  return files;
}

/** Whether a file exists (for the default `input/site.json`). */
export async function fileExists(file: string): Promise<boolean> {
  return isFile(file);
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (error as Error).message ?? String(error);
}
