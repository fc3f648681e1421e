/** The only module that touches the filesystem: loading sources and writing the output folder atomically. */
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, rmdirSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import type { OutputFile, SourceFile } from './model/output.ts';
import { isWithin } from './paths.ts';

/** The raw inputs of a build: the site configuration text and the article files. */
export interface LoadedInput {
  /** Path of `site.json` as shown in diagnostics. */
  configPath: string;
  /** Text of `site.json`, or undefined when it does not exist. */
  configText?: string;
  /** Path of the articles folder as shown in diagnostics. */
  articlesPath: string;
  /** Article files, sorted by path so builds do not depend on directory order. */
  sources: SourceFile[];
  /** Files under the articles folder that were not read, and why (symlinks leading outside the input folder…). */
  diagnostics?: Diagnostic[];
}

/** Shows a path relative to the working directory when it lies inside it, with `/` separators. */
export function toDisplayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}

/** The articles folder's name inside the input folder when nothing else is set. */
export const DEFAULT_ARTICLES_DIR = 'articles';

/** Where a build finds its articles, and the files under it that are the build's own rather than articles. */
export interface ArticlesPlace {
  /** The articles folder, relative to `cwd` or absolute (default `<inputDir>/articles`). */
  articlesDir?: string | undefined;
  /** Files that may lie under the articles folder but are never articles (site.json, the versions state), relative to `cwd` or absolute. */
  skip?: readonly string[] | undefined;
}

/** The site settings file, absolute: `configFile` (`--config FILE`, relative to the working directory), else `<input>/site.json`. */
export function toConfigFile(cwd: string, inputDir: string, configFile?: string): string {
  return configFile === undefined ? path.join(path.resolve(cwd, inputDir), 'site.json') : path.resolve(cwd, configFile);
}

/**
 * The articles folder, absolute: `given` (`--articles DIR`, relative to the working directory), else
 * site.json's `"articles"` (relative to the folder of the site.json that says it, as editors' configs
 * are), else `<input>/articles`.
 */
export function toArticlesDir(cwd: string, inputDir: string, given?: { articlesDir?: string | undefined; configured?: string | undefined; configPath?: string | undefined }): string {
  if (given?.articlesDir !== undefined) return path.resolve(cwd, given.articlesDir);
  if (given?.configured === undefined) return path.join(path.resolve(cwd, inputDir), DEFAULT_ARTICLES_DIR);
  return path.resolve(path.dirname(toConfigFile(cwd, inputDir, given.configPath)), given.configured);
}

/** Reads `<inputDir>/site.json` and every file under the articles folder (`<inputDir>/articles/` unless `place` says otherwise), recursively. */
export async function loadInput(inputDir: string, cwd: string, place: ArticlesPlace = {}): Promise<LoadedInput> {
  const root = path.resolve(cwd, inputDir);
  const configFile = toConfigFile(cwd, inputDir);
  const articlesDir = path.resolve(cwd, place.articlesDir ?? path.join(root, DEFAULT_ARTICLES_DIR));
  const loaded: LoadedInput = {
    configPath: toDisplayPath(configFile, cwd),
    articlesPath: toDisplayPath(articlesDir, cwd),
    sources: [],
  };
  try {
    loaded.configText = await readFile(configFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const found = await findArticleFiles(root, articlesDir, cwd, toSkipped([configFile, ...(place.skip ?? [])], cwd));
  const entries = found.files;
  loaded.diagnostics = found.diagnostics;
  entries.sort();
  loaded.sources = await Promise.all(
    entries.map(async (file) => ({ path: toDisplayPath(file, cwd), bytes: new Uint8Array(await readFile(file)) })),
  );
  return loaded;
}

/** A source file found under the articles folder, with what `stat` says about it (the cache's quick check). */
export interface ListedSource {
  /** Path as shown in diagnostics (relative to the working directory, `/` separators). */
  path: string;
  /** Absolute path. */
  absolute: string;
  /** `size:mtimeMs:ctimeMs:ino`: when equal to the cached stamp and not racy, the content is not re-hashed. */
  stamp: string;
  /** Last modification, epoch ms (for the racy-file check). */
  mtimeMs: number;
  /** Size in bytes. */
  size: number;
}

/** Lists every article file under the articles folder (recursively, dot files skipped), sorted by path, with stat stamps. */
export async function listSources(inputDir: string, cwd: string, place: ArticlesPlace = {}): Promise<{ articlesPath: string; sources: ListedSource[]; diagnostics: Diagnostic[] }> {
  const root = path.resolve(cwd, inputDir);
  const articlesDir = path.resolve(cwd, place.articlesDir ?? path.join(root, DEFAULT_ARTICLES_DIR));
  const found = await findArticleFiles(root, articlesDir, cwd, toSkipped(place.skip ?? [], cwd));
  // Display paths by folder: one path.relative per folder rather than per file.
  const shownDirs = new Map<string, string>();
  const sources = found.files.map((absolute) => {
    const s = statSync(absolute);
    const dir = path.dirname(absolute);
    let shownDir = shownDirs.get(dir);
    if (shownDir === undefined) {
      shownDir = toDisplayPath(dir, cwd);
      shownDirs.set(dir, shownDir);
    }
    const shown = shownDir === '.' ? path.basename(absolute) : `${shownDir}/${path.basename(absolute)}`;
    return { path: shown, absolute, stamp: `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`, mtimeMs: s.mtimeMs, size: s.size };
  });
  sources.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { articlesPath: toDisplayPath(articlesDir, cwd), sources, diagnostics: found.diagnostics };
}

function toSkipped(files: readonly string[], cwd: string): Set<string> {
  return new Set(files.map((file) => path.resolve(cwd, file)));
}

/**
 * The article files under `articlesDir`, recursively, dot files and `skip` (site.json, the versions
 * state, when the articles folder holds them) left out, sorted. The build reads nothing outside the
 * input folder and the articles folder: a symbolic link is followed only when it resolves to a file
 * inside one of them; one leading outside is an error naming both ends (a link in a shared checkout
 * must not make a public feed out of a private file), a broken one an error, a linked folder is not entered.
 */
async function findArticleFiles(root: string, articlesDir: string, cwd: string, skip: ReadonlySet<string>): Promise<{ files: string[]; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  let entries: Dirent[] = [];
  try {
    entries = await readdir(articlesDir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const files: string[] = [];
  let realRoots: string[] | undefined;
  // Whether a folder lies inside a dot folder (.git, .obsidian…): asked once per folder, not per file.
  const hidden = new Map<string, boolean>();
  const inDotFolder = (dir: string): boolean => {
    let known = hidden.get(dir);
    if (known === undefined) {
      known = path.relative(articlesDir, dir).split(path.sep).some((part) => part.startsWith('.'));
      hidden.set(dir, known);
    }
    return known;
  };
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    // Inside a dot folder: not an article either.
    if (inDotFolder(entry.parentPath)) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (skip.has(file)) continue;
    if (entry.isFile()) {
      files.push(file);
      continue;
    }
    if (!entry.isSymbolicLink()) continue;
    const shown = toDisplayPath(file, cwd);
    let target: string;
    try {
      target = realpathSync(file);
    } catch {
      diagnostics.push(diagnostic('error', shown, 'input', 'broken-symlink', `is a symbolic link to "${readlinkSync(file)}", which does not exist; fix or remove the link`));
      continue;
    }
    realRoots ??= [realpathSync(root), realpathSync(articlesDir)];
    if (!realRoots.some((real) => isWithin(target, real))) {
      const inInput = isWithin(articlesDir, root);
      const outside = inInput ? 'the input folder' : 'the input folder and the articles folder';
      diagnostics.push(
        diagnostic('error', shown, 'input', 'symlink-outside-input', `is a symbolic link to ${target}, outside ${outside}; the build reads nothing outside ${inInput ? 'it' : 'them'}: copy the file in, or remove the link`),
      );
    } else if (statSync(target).isFile()) {
      files.push(file);
    } else {
      diagnostics.push(diagnostic('warning', shown, 'input', 'symlinked-folder', 'is a symbolic link to a folder, which is not followed; move the articles into the articles folder'));
    }
  }
  files.sort();
  return { files, diagnostics };
}

/** Reads the site configuration text; undefined when the file does not exist. */
export async function readConfigText(inputDir: string, cwd: string, configFile_?: string): Promise<{ configPath: string; configText?: string }> {
  // `--config FILE` names it; by default it is `<input>/site.json`.
  const configFile = toConfigFile(cwd, inputDir, configFile_);
  const configPath = toDisplayPath(configFile, cwd);
  try {
    return { configPath, configText: await readFile(configFile, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { configPath };
  }
}

/**
 * The previous versions state: the state file, else (once, to migrate it) the `manifest.json` earlier
 * versions kept in the output folder; and whether the output folder holds articles at all.
 */
export function readPreviousState(statePath: string, outDir: string, cwd: string): { text?: string; legacy?: true; outputsExist: boolean } {
  const target = path.resolve(cwd, outDir);
  const outputsExist = existsSync(path.join(target, 'articles'));
  const text = readOptional(path.resolve(cwd, statePath));
  if (text !== undefined) return { text, outputsExist };
  const legacy = readOptional(path.join(target, 'manifest.json'));
  return legacy === undefined ? { outputsExist } : { text: legacy, legacy: true, outputsExist };
}

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return undefined;
  }
}

/** Replaces the state file atomically (a temporary file beside it, then a rename), creating its folder if needed. */
export function writeStateFile(statePath: string, cwd: string, text: string): void {
  const target = path.resolve(cwd, statePath);
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.syndicate-tmp`);
  writeFileSync(temporary, text, 'utf8');
  renameSync(temporary, target);
}

/**
 * Removes an output folder that a build leaves with no files (the partner folder once nothing is held):
 * moved aside first, so a build killed half-way leaves it whole, to be removed by the next build.
 */
export async function removeOutputFolder(outDir: string, cwd: string): Promise<void> {
  const target = path.resolve(cwd, outDir);
  const previous = toPreviousDir(target);
  try {
    await rename(target, previous);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

/** Reads one source file's bytes. */
export async function readSourceBytes(absolute: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(absolute));
}

/*
 * Writing the output folder. A build never writes into it directly: files go to a staging folder beside
 * it (same filesystem, so renames are atomic), then either
 * - the staging folder replaces the output folder as a whole (a clean build), or
 * - a journal listing the changed and removed files is written into the staging folder (the commit
 *   point), and the changed files are renamed into place (an incremental build).
 * A build killed before the commit point leaves the output folder as it was; one killed after it is
 * finished by the next build's {@link recoverOutputs}, before it reads anything.
 */

const JOURNAL = '.syndicate-journal.json';

/** The staging folder of a build writing `outDir`: a sibling, on the same filesystem. */
export function toStagingDir(outDir: string, cwd: string): string {
  const target = path.resolve(cwd, outDir);
  return path.join(path.dirname(target), `.${path.basename(target)}.syndicate-tmp`);
}

/** Writes files under a staging folder (synchronously: workers call it between CPU-bound steps). */
export function writeStagedFiles(staging: string, files: readonly { path: string; text: string }[]): void {
  const made = new Set<string>();
  for (const file of files) {
    const destination = path.join(staging, ...file.path.split('/'));
    const dir = path.dirname(destination);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(destination, file.text, 'utf8');
  }
}

/** Removes a staging folder that will not be used (the build failed). */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}

/** Replaces the output folder with the staging folder as a whole. */
export async function swapInStaging(outDir: string, cwd: string, staging: string): Promise<void> {
  const target = path.resolve(cwd, outDir);
  const previous = toPreviousDir(target);
  await mkdir(staging, { recursive: true });
  let hadPrevious = true;
  try {
    await rename(target, previous);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    hadPrevious = false;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadPrevious) await rename(previous, target);
    throw error;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

/**
 * Moves the staged versions of `changed` into the output folder and deletes `removed`, through a
 * journal so that an interrupted commit is completed by the next build.
 */
export async function commitStagedChanges(outDir: string, cwd: string, staging: string, changed: readonly string[], removed: readonly string[]): Promise<void> {
  await mkdir(staging, { recursive: true });
  const journal = path.join(staging, JOURNAL);
  writeFileSync(`${journal}.tmp`, JSON.stringify({ changed, removed }));
  renameSync(`${journal}.tmp`, journal);
  applyJournal(path.resolve(cwd, outDir), staging);
}

/**
 * Finishes or undoes what an interrupted build left beside the output folder: a committed journal is
 * applied, an uncommitted staging folder removed, a half-done swap completed or rolled back. Returns
 * what it did, for the log (empty when there was nothing to do).
 */
export async function recoverOutputs(outDir: string, cwd: string): Promise<string[]> {
  // Fixed names rather than a listing of the parent folder: the build reads nothing it does not own.
  const target = path.resolve(cwd, outDir);
  const old = toPreviousDir(target);
  const staging = toStagingDir(outDir, cwd);
  const done: string[] = [];
  if (existsSync(old)) {
    if (!existsSync(target)) {
      await rename(old, target);
      done.push(`restored ${outDir} from an interrupted build (${path.basename(old)})`);
    } else {
      await rm(old, { recursive: true, force: true });
    }
  }
  if (existsSync(staging)) {
    if (existsSync(path.join(staging, JOURNAL)) && existsSync(target)) {
      applyJournal(target, staging);
      done.push(`completed the output changes of an interrupted build (${path.basename(staging)})`);
    } else {
      await rm(staging, { recursive: true, force: true });
    }
  }
  return done;
}

/**
 * Takes the output folder's lock (`.dist.syndicate-lock` beside it, holding the process id), so that two
 * builds never stage into or recover the same folder at once. A lock whose process is gone (a killed
 * build) is taken over. Returns the holder's pid when another live build has it.
 */
export function acquireOutputLock(outDir: string, cwd: string): { ok: true; release: () => void } | { ok: false; holder: number } {
  const target = path.resolve(cwd, outDir);
  const lock = path.join(path.dirname(target), `.${path.basename(target)}.syndicate-lock`);
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return { ok: true, release: () => rmSync(lock, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(lock, 'utf8'));
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) return { ok: false, holder };
    rmSync(lock, { force: true });
  }
  throw new Error(`could not take the lock ${lock}`);
}

function isAlive(pid: number): boolean {
  try {
    // Signal 0 checks that the process exists without touching it.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Where a clean build moves the previous output folder while it swaps the new one in. */
function toPreviousDir(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.syndicate-old`);
}

function applyJournal(target: string, staging: string): void {
  const journal = path.join(staging, JOURNAL);
  const { changed, removed } = JSON.parse(readFileSync(journal, 'utf8')) as { changed: string[]; removed: string[] };
  const made = new Set<string>();
  for (const file of changed) {
    const from = path.join(staging, ...file.split('/'));
    const to = path.join(target, ...file.split('/'));
    // Already moved when a previous attempt was interrupted after this rename.
    if (!existsSync(from)) continue;
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    renameSync(from, to);
  }
  for (const file of removed) {
    rmSync(path.join(target, ...file.split('/')), { force: true });
    removeEmptyParents(target, path.dirname(path.join(target, ...file.split('/'))));
  }
  // The journal goes last: until it is gone, the commit can be replayed.
  rmSync(staging, { recursive: true, force: true });
}

function removeEmptyParents(root: string, dir: string): void {
  while (dir.startsWith(root + path.sep)) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
    dir = path.dirname(dir);
  }
}

/**
 * Replaces the output folder with exactly these files. Everything is written into a temporary
 * sibling folder first and swapped in with renames, so a failure never leaves a half-written folder.
 */
export async function writeOutputs(outDir: string, cwd: string, files: readonly OutputFile[]): Promise<void> {
  const staging = toStagingDir(outDir, cwd);
  await rm(staging, { recursive: true, force: true });
  try {
    writeStagedFiles(staging, files);
    await swapInStaging(outDir, cwd, staging);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * A hash of the tool's own code (every module beside this one): part of the cache key, so a changed
 * build of the tool never reuses what an older one cached, even under the same version number.
 */
export async function readCodeFingerprint(): Promise<string> {
  const root = fileURLToPath(new URL('.', import.meta.url));
  // The compiled tool carries it, written by `npm run compile` (src/fingerprint.mjs) with hashCode.
  try {
    return readFileSync(path.join(root, 'code-fingerprint.txt'), 'utf8').trim();
  } catch {
    // Running from the sources (tests): hashed here.
    return hashCode(root);
  }
}

/** The hash of every module (`.js`, `.ts`, not `.d.ts`) under `root`: names and contents, in name order. */
export function hashCode(root: string): string {
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(?:js|ts)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file));
  return hash.digest('base64url');
}

/** The tool's version, from its own package.json. */
export async function readToolVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
