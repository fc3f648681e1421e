/** `syndicate serve`, and the preview `build --watch --serve` starts: the server around an output folder and its index. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { readSiteConfig, type SiteConfig } from '../config.ts';
import { readConfigText, toDisplayPath } from '../io.ts';
import { createFolderValidator, type FileStatus, type FolderValidator } from './status.ts';
import { OUTPUTS_PATH, serveFolder, type PreviewServer } from './server.ts';

/** What `serve` was asked to do. */
export interface ServeRequest {
  /** The input folder whose site.json the outputs are checked against (when it has a valid one). */
  inputDir: string;
  /** `--config FILE`: the settings to check against instead of `<input>/site.json`. */
  configFile?: string | undefined;
  /** The output folder to preview. */
  outDir: string;
  /** `--port` (default 4000) and `--host` (default 127.0.0.1). */
  port?: number | undefined;
  host?: string | undefined;
  /** `--quiet`: print errors only. */
  quiet: boolean;
}

/** The outside world as `serve` and `build --watch` see it: the CLI's own {@link import('../cli.ts').CliIo} fits. */
export interface LongRunningIo {
  cwd: string;
  stderr: (line: string) => void;
  /** A signal aborted on Ctrl-C; without one the command runs until the process ends. */
  interrupt?: (() => AbortSignal) | undefined;
}

/** Serves the output folder until interrupted; exit code 0, or 2 when the folder or port cannot be used. */
export async function runServe(request: ServeRequest, io: LongRunningIo): Promise<number> {
  const started = await startPreview(request, io);
  if (!started.ok) return 2;
  const signal = io.interrupt?.() ?? new AbortController().signal;
  await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  await started.server.close();
  if (!request.quiet) io.stderr('syndicate: preview stopped');
  return 0;
}

/**
 * Starts the preview of `outDir` (created when missing, so that `build --watch --serve` can serve
 * before its first build) and says where it is; a port in use or not allowed is reported, not thrown.
 */
export async function startPreview(request: ServeRequest, io: LongRunningIo): Promise<{ ok: true; server: PreviewServer } | { ok: false }> {
  const root = path.resolve(io.cwd, request.outDir);
  const shown = toDisplayPath(root, io.cwd);
  try {
    mkdirSync(root, { recursive: true });
    const checks = toStatus(request.inputDir, request.configFile, root, io.cwd);
    const server = await serveFolder({ root, name: shown, port: request.port, host: request.host, status: checks.status, checkedAgainst: checks.against });
    if (!request.quiet) io.stderr(`syndicate: previewing ${shown} at ${server.url}/ (every output and its validation status: ${server.url}${OUTPUTS_PATH}); Ctrl-C to stop`);
    return { ok: true, server };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const where = `${request.host ?? '127.0.0.1'}:${request.port ?? 4000}`;
    const why =
      code === 'EADDRINUSE' ? `${where} is in use (another preview?); choose another with --port` : code === 'EACCES' ? `${where} is not allowed for this user; choose a port above 1023 with --port` : (error as Error).message;
    io.stderr(`syndicate: cannot preview ${shown}: ${why}`);
    return { ok: false };
  }
}

/**
 * The index's status source: checks against the input's site.json (or `--config FILE`) when it is
 * there and valid (read again when it changes, as a watched build reads it again), else without the
 * house rules that need it; `against` says which it was.
 */
function toStatus(inputDir: string, configFile: string | undefined, root: string, cwd: string): { status: () => Promise<FileStatus[]>; against: () => string } {
  let lastText: string | undefined | null = null;
  let validator: FolderValidator = createFolderValidator(root, undefined);
  let against = '';
  return {
    status: async () => {
      const { configPath, configText } = await readConfigText(inputDir, cwd, configFile);
      if (configText !== lastText) {
        lastText = configText;
        const site: SiteConfig | undefined = configText === undefined ? undefined : readSiteConfig(configText, configPath).config;
        validator = createFolderValidator(root, site);
        // Without valid settings, the house rules that compare a file with the publication cannot run.
        against = configText === undefined ? `without site settings (no ${configPath})` : site === undefined ? `without site settings (${configPath} is not valid)` : `against ${configPath}`;
      }
      return validator.validate();
    },
    against: () => against,
  };
}
