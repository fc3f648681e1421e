/** The outside world as the commands see it, and the exit codes they return. */

/** Exit codes: success, content or validation errors, usage or configuration errors. */
export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

/** The outside world as the CLI sees it; tests pass their own. */
export interface CliIo {
  cwd: string;
  /** Environment variables (only SOURCE_DATE_EPOCH, GITHUB_ACTIONS and NO_COLOR are read). */
  env: Record<string, string | undefined>;
  /** The clock: the build time when neither --now nor SOURCE_DATE_EPOCH is given, and the progress bar's pace (never an output). */
  clock: () => Date;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /**
   * Rewrites the progress line on stderr (`undefined` clears it). Given only when stderr is a
   * terminal: the progress bar is for people watching, never for logs.
   */
  progress?: ((line: string | undefined) => void) | undefined;
  /** True when stderr is a terminal: text diagnostics are then coloured, unless NO_COLOR is set. */
  isTTY?: boolean | undefined;
  /**
   * For the commands that run until stopped (`build --watch`, `serve`): a signal aborted on Ctrl-C
   * (SIGINT) or SIGTERM. A function, so that other commands leave Ctrl-C's default (exit at once) alone.
   */
  interrupt?: (() => AbortSignal) | undefined;
}
