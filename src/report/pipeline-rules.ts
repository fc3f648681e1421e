/**
 * The rules of the stages before validation (the configuration, reading articles, the input folder,
 * the build's own checks, the versions state), as data: which ids `site.json` "rules" may name besides the
 * validation registry's (src/validate/registry.ts), and how severe each is by default.
 */
import type { Severity } from '../diagnostics.ts';

/** One rule reported outside validation: its id, the stages that report it, its default severity. */
export interface PipelineRule {
  readonly id: string;
  readonly sources: readonly string[];
  readonly severity: Severity;
}

const READ = ['read:wire', 'read:markdown'] as const;

/** Every rule of the configuration, reading, input, build and state stages (the tables of docs/diagnostics.md; tests/report/severity.test.ts keeps them the same). */
export const PIPELINE_RULES: readonly PipelineRule[] = [
  { id: 'default-language', sources: ['config'], severity: 'warning' },
  { id: 'skipped-newsml', sources: ['config'], severity: 'warning' },
  { id: 'skipped-logo', sources: ['config'], severity: 'warning' },
  { id: 'skipped-media-topics', sources: ['config'], severity: 'warning' },
  { id: 'missing-time-zone', sources: READ, severity: 'error' },
  { id: 'broken-symlink', sources: ['input'], severity: 'error' },
  { id: 'symlink-outside-input', sources: ['input'], severity: 'error' },
  { id: 'symlinked-folder', sources: ['input'], severity: 'warning' },
  { id: 'unsupported-file', sources: ['build'], severity: 'warning' },
  { id: 'file-too-large', sources: READ, severity: 'error' },
  { id: 'empty-file', sources: READ, severity: 'error' },
  { id: 'binary-file', sources: READ, severity: 'error' },
  { id: 'control-character', sources: READ, severity: 'warning' },
  { id: 'not-utf8', sources: READ, severity: 'error' },
  { id: 'invalid-utf8', sources: READ, severity: 'error' },
  { id: 'missing-front-matter', sources: ['read:markdown'], severity: 'error' },
  { id: 'unclosed-front-matter', sources: READ, severity: 'error' },
  { id: 'malformed-front-matter', sources: READ, severity: 'error' },
  { id: 'invalid-front-matter', sources: READ, severity: 'error' },
  { id: 'invalid-id', sources: READ, severity: 'error' },
  { id: 'invalid-language', sources: READ, severity: 'error' },
  { id: 'missing-headline', sources: READ, severity: 'error' },
  { id: 'missing-date', sources: READ, severity: 'error' },
  { id: 'unrecognised-date', sources: READ, severity: 'error' },
  { id: 'impossible-date', sources: READ, severity: 'error' },
  { id: 'nonexistent-local-time', sources: READ, severity: 'warning' },
  { id: 'ambiguous-local-time', sources: READ, severity: 'warning' },
  { id: 'updated-before-published', sources: READ, severity: 'error' },
  { id: 'duplicate-header', sources: ['read:wire'], severity: 'error' },
  { id: 'duplicate-author', sources: READ, severity: 'warning' },
  { id: 'missing-body', sources: READ, severity: 'error' },
  { id: 'photo-without-caption', sources: ['read:wire'], severity: 'warning' },
  { id: 'photo-without-url', sources: READ, severity: 'warning' },
  { id: 'image-without-caption', sources: READ, severity: 'error' },
  { id: 'withdrawal-without-reason', sources: READ, severity: 'error' },
  { id: 'reason-without-withdrawal', sources: READ, severity: 'warning' },
  { id: 'raw-html', sources: ['read:markdown'], severity: 'warning' },
  { id: 'unsafe-url', sources: ['read:markdown'], severity: 'warning' },
  { id: 'unsupported-url', sources: ['read:markdown'], severity: 'warning' },
  { id: 'invalid-article', sources: READ, severity: 'error' },
  { id: 'duplicate-id', sources: ['build'], severity: 'error' },
  { id: 'no-articles', sources: ['build'], severity: 'error' },
  { id: 'future-date', sources: ['build'], severity: 'warning' },
  { id: 'far-future-date', sources: ['build'], severity: 'error' },
  { id: 'rejected-article', sources: ['build'], severity: 'error' },
  { id: 'output-locked', sources: ['build'], severity: 'error' },
  { id: 'output-overlap', sources: ['build'], severity: 'error' },
  // An error, and a warning under --reset-versions: only that warning can be set (see applyRuleSettings).
  { id: 'state-missing', sources: ['state'], severity: 'warning' },
  { id: 'state-corrupt', sources: ['state'], severity: 'error' },
  { id: 'state-invalid', sources: ['state'], severity: 'error' },
  { id: 'state-migrated', sources: ['state'], severity: 'warning' },
  { id: 'versions-reset', sources: ['state'], severity: 'warning' },
  { id: 'source-missing', sources: ['state'], severity: 'warning' },
];
