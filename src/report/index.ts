/** How the CLI reports diagnostics: as text, as one JSON document, or as GitHub Actions annotations. */
import type { Diagnostic } from '../diagnostics.ts';
import { formatAnnotationNotice, formatGithubAnnotation, selectAnnotations } from './github.ts';
import { formatJsonReport } from './json.ts';
import { formatStepSummary } from './step-summary.ts';
import { formatRuleTable, selectShown, withShortOrigin } from './summary.ts';
import { formatTextDiagnostic } from './text.ts';

export { ANNOTATIONS_PER_KIND, escapeCommandData, escapeCommandProperty, formatAnnotationNotice, formatGithubAnnotation, selectAnnotations } from './github.ts';
export { formatJsonReport, type JsonSummary } from './json.ts';
export { applyRuleSettings, checkRuleSetting, RULE_LEVELS, toRuleName, toSeverityPolicy, type RuleLevel, type RuleSettings } from './severity.ts';
export { formatStepSummary } from './step-summary.ts';
export { checkMaxWarnings, countByRule, formatRuleTable, selectShown, shortenOrigin, SHOWN_PER_RULE, toMaxWarnings, type RuleCount } from './summary.ts';
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
  /**
   * Appends Markdown to the job summary: given by the CLI under `--format github` when
   * `$GITHUB_STEP_SUMMARY` names a file (the runner sets it in every step).
   */
  stepSummary?: ((markdown: string) => void) | undefined;
}

/**
 * How much a reporter shows people: `verbose` every finding as it comes, with whole source lists;
 * `normal` the first {@link SHOWN_PER_RULE} of each rule, then a table by rule when some were left out;
 * `quiet` errors only, shown the same way. JSON output always holds every finding.
 */
export type ReportLevel = 'quiet' | 'normal' | 'verbose';

/** Receives a command's diagnostics as they are known, then its summary once. */
export interface Reporter {
  /** The format it writes. */
  format: ReportFormat;
  /** Reports diagnostics (text verbose: at once; otherwise kept for {@link Reporter.finish}). */
  report(diagnostics: readonly Diagnostic[]): void;
  /**
   * Ends the report: text prints the findings it kept and the table by rule; github its annotations,
   * a notice of those left out and the step summary; json its one document with `summary` (plus
   * `rules`, the count of each).
   */
  finish(summary: Record<string, unknown>): void;
  /** Every diagnostic reported so far (for `--max-warnings`, see {@link checkMaxWarnings}). */
  reported(): readonly Diagnostic[];
}

/**
 * A reporter for `format`. Text goes to stderr, one line per diagnostic, as it always has; json and
 * github go to stdout, the stream tools and the Actions runner read (`@actions/core` writes its
 * commands there), so that the human summary lines on stderr never mix with them.
 */
export function createReporter(format: ReportFormat, io: ReporterIo, level: ReportLevel = 'normal'): Reporter {
  const kept: Diagnostic[] = [];
  return {
    format,
    report(diagnostics) {
      if (format === 'text' && level === 'verbose') for (const d of diagnostics) io.stderr(formatTextDiagnostic(d, io.colour));
      kept.push(...diagnostics);
    },
    reported: () => kept,
    finish(summary) {
      if (format === 'json') {
        io.stdout(formatJsonReport(kept, summary));
        return;
      }
      const shownLevel = level === 'quiet' ? kept.filter((d) => d.severity === 'error') : kept;
      if (format === 'text') {
        if (level === 'verbose') return;
        const { shown, hidden } = selectShown(shownLevel);
        for (const d of shown) io.stderr(formatTextDiagnostic(withShortOrigin(d), io.colour));
        if (hidden > 0) for (const line of formatRuleTable(shownLevel)) io.stderr(line);
        return;
      }
      const annotated = level === 'verbose' ? shownLevel : selectAnnotations(shownLevel);
      for (const d of annotated) io.stdout(formatGithubAnnotation(level === 'verbose' ? d : withShortOrigin(d)));
      const notice = formatAnnotationNotice(shownLevel.length - annotated.length, io.stepSummary !== undefined);
      if (notice !== undefined) io.stdout(notice);
      // The job summary is for everyone reading the run: every finding counted, whatever --quiet says.
      if (io.stepSummary && kept.length > 0) io.stepSummary(formatStepSummary(kept, `syndicate ${typeof summary.command === 'string' ? summary.command : ''}`.trim()));
    },
  };
}
