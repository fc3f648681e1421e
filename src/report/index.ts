/** How the CLI reports diagnostics: as text, as one JSON document, or as GitHub Actions annotations. */
import type { Diagnostic } from '../diagnostics.ts';
import { formatGithubAnnotation } from './github.ts';
import { formatJsonReport } from './json.ts';
import { formatTextDiagnostic } from './text.ts';

export { escapeCommandData, escapeCommandProperty, formatGithubAnnotation } from './github.ts';
export { formatJsonReport, type JsonSummary } from './json.ts';
export { formatTextDiagnostic, useColour } from './text.ts';

/** The report formats `--format` accepts. */
export const REPORT_FORMATS = ['text', 'json', 'github'] as const;

/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * The format to report in: `--format` when given; else `github` inside a GitHub Actions job
 * (the runner sets `GITHUB_ACTIONS=true` in every step), else `text`.
 */
export function toReportFormat(
  flag: string | undefined,
  env: Record<string, string | undefined>,
): { ok: true; value: ReportFormat } | { ok: false; message: string } {
  if (flag === undefined) return { ok: true, value: env.GITHUB_ACTIONS === 'true' ? 'github' : 'text' };
  if ((REPORT_FORMATS as readonly string[]).includes(flag)) return { ok: true, value: flag as ReportFormat };
  return { ok: false, message: `--format "${flag}" is not one of ${REPORT_FORMATS.join(', ')}` };
}

/** Where a reporter writes, and whether text may be coloured. */
export interface ReporterIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Colour text output (see {@link useColour}); json and github output is never coloured. */
  colour: boolean;
}

/** Receives a command's diagnostics as they are known, then its summary once. */
export interface Reporter {
  /** The format it writes. */
  format: ReportFormat;
  /** Reports diagnostics (text and github: at once; json: kept for {@link Reporter.finish}). */
  report(diagnostics: readonly Diagnostic[]): void;
  /** Ends the report: json writes its one document with `summary`; text and github write nothing more. */
  finish(summary: Record<string, unknown>): void;
}

/**
 * A reporter for `format`. Text goes to stderr, one line per diagnostic, as it always has; json and
 * github go to stdout, the stream tools and the Actions runner read (`@actions/core` writes its
 * commands there), so that the human summary lines on stderr never mix with them.
 */
export function createReporter(format: ReportFormat, io: ReporterIo): Reporter {
  const kept: Diagnostic[] = [];
  return {
    format,
    report(diagnostics) {
      for (const d of diagnostics) {
        if (format === 'text') io.stderr(formatTextDiagnostic(d, io.colour));
        else if (format === 'github') io.stdout(formatGithubAnnotation(d));
        else kept.push(d);
      }
    },
    finish(summary) {
      if (format === 'json') io.stdout(formatJsonReport(kept, summary));
    },
  };
}
