/** `syndicate build --watch [--serve]`: the CLI's build run by {@link watchProject}, with the preview when asked. */
import type { LongRunningIo } from '../serve/command.ts';
import { startPreview } from '../serve/command.ts';
import type { PreviewServer } from '../serve/server.ts';
import path from 'node:path';
import { watchProject } from './watch.ts';
import { isWithin } from '../paths.ts';

/** What `build --watch` was asked to do besides the build itself. */
export interface WatchRequest {
  /** The input folder, watched recursively. */
  inputDir: string;
  /** `--articles DIR`, when given; else site.json's `articles` decides (as read when the watch starts). */
  articlesDir?: string | undefined;
  /** `--config FILE`, when given: watched too when it lies outside the input folder. */
  configFile?: string | undefined;
  /** The output folder (served with `--serve`). */
  outDir: string;
  /** The versions state file and the cache folder: the build writes them, so their changes are ignored. */
  stateFile: string;
  cacheDir: string | undefined;
  /** `--serve` with its `--port` and `--host`. */
  serve?: { port?: number | undefined; host?: string | undefined } | undefined;
  /** `--quiet`: no lines about changes and watching, only the builds' errors. */
  quiet: boolean;
}

/**
 * Builds, then builds again after each change to the input folder, until interrupted: a build's
 * errors are reported as `build` reports them and never end the watch (the output folder keeps the
 * last good build). Exit code 0 when stopped by Ctrl-C, 2 when the folder cannot be watched or served.
 */
export async function runWatch(request: WatchRequest, io: LongRunningIo, build: () => Promise<number>): Promise<number> {
  const signal = io.interrupt?.() ?? new AbortController().signal;
  let server: PreviewServer | undefined;
  if (request.serve) {
    const started = await startPreview({ inputDir: request.inputDir, configFile: request.configFile, outDir: request.outDir, ...request.serve, quiet: request.quiet }, io);
    if (!started.ok) return 2;
    server = started.server;
  }
  const places = await toWatchedPlaces(request, io.cwd);
  const ended = await watchProject(
    {
      cwd: io.cwd,
      paths: places.paths,
      files: places.files,
      ignore: [request.stateFile, ...(request.cacheDir === undefined ? [] : [request.cacheDir])],
      signal,
      onBuildError: (error) => io.stderr(`syndicate: internal error in this build: ${(error as Error).message ?? String(error)}; still watching`),
    },
    async ({ run, changed }) => {
      if (run > 0 && !request.quiet) io.stderr(`syndicate: ${describeChanges(changed)} changed; building again`);
      await build();
      server?.reload();
      if (run === 0 && !request.quiet) io.stderr(`syndicate: watching ${[...places.paths, ...places.files].join(' and ')} for changes; Ctrl-C to stop`);
    },
  );
  await server?.close();
  if (ended.stopped === 'error') {
    io.stderr(`syndicate: ${ended.message}`);
    return 2;
  }
  if (!request.quiet) io.stderr('syndicate: stopped watching');
  return 0;
}

/**
 * What a watch follows: the input folder; the articles folder and a `--config` file too when they lie
 * outside it. The articles folder comes from `--articles`, else from site.json as it reads when the
 * watch starts (a broken site.json: the default); a later change of `"articles"` needs a restart.
 */
export async function toWatchedPlaces(request: Pick<WatchRequest, 'inputDir' | 'articlesDir' | 'configFile'>, cwd: string): Promise<{ paths: string[]; files: string[] }> {
  const [{ readConfigText, toArticlesDir, toConfigFile, toDisplayPath }, { readSiteConfig }] = await Promise.all([import('../io.ts'), import('../config.ts')]);
  const { configPath, configText } = await readConfigText(request.inputDir, cwd, request.configFile);
  const configured = configText === undefined ? undefined : readSiteConfig(configText, configPath).config?.articles;
  const input = path.resolve(cwd, request.inputDir);
  const articles = toArticlesDir(cwd, request.inputDir, { articlesDir: request.articlesDir, configured, configPath });
  const config = toConfigFile(cwd, request.inputDir, request.configFile);
  const shown = (p: string) => toDisplayPath(p, cwd);
  return {
    paths: [shown(input), ...(isWithin(articles, input) ? [] : [shown(articles)])],
    files: isWithin(config, input) ? [] : [shown(config)],
  };
}

/** `input/articles/a.md`, `input/articles/a.md and input/site.json`, `input/articles/a.md and 4 more`. */
export function describeChanges(changed: readonly string[]): string {
  if (changed.length === 0) return 'something';
  if (changed.length <= 2) return changed.join(' and ');
  return `${changed[0]} and ${changed.length - 1} more`;
}
