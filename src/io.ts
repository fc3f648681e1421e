/** The only module that touches the filesystem: loading sources and writing the output folder atomically. */
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile, SourceFile } from './model/output.ts';

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
}

/** Shows a path relative to the working directory when it lies inside it, with `/` separators. */
export function toDisplayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}

/** Reads `<inputDir>/site.json` and every file under `<inputDir>/articles/` (recursively). */
export async function loadInput(inputDir: string, cwd: string): Promise<LoadedInput> {
  const root = path.resolve(cwd, inputDir);
  const configFile = path.join(root, 'site.json');
  const articlesDir = path.join(root, 'articles');
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
  let entries: string[] = [];
  try {
    entries = (await readdir(articlesDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .filter((file) => !path.basename(file).startsWith('.'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  entries.sort();
  loaded.sources = await Promise.all(
    entries.map(async (file) => ({ path: toDisplayPath(file, cwd), bytes: new Uint8Array(await readFile(file)) })),
  );
  return loaded;
}

/**
 * Replaces the output folder with exactly these files. Everything is written into a temporary
 * sibling folder first and swapped in with renames, so a failure never leaves a half-written folder.
 */
export async function writeOutputs(outDir: string, cwd: string, files: readonly OutputFile[]): Promise<void> {
  const target = path.resolve(cwd, outDir);
  const parent = path.dirname(target);
  const staging = path.join(parent, `.${path.basename(target)}.syndicate-tmp-${process.pid}`);
  const previous = path.join(parent, `.${path.basename(target)}.syndicate-old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const destination = path.join(staging, ...file.path.split('/'));
      await mkdir(path.dirname(destination), { recursive: true });
      await writeFile(destination, file.text, 'utf8');
    }
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
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The tool's version, from its own package.json. */
export async function readToolVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
