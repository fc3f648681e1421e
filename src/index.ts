// Public API: named exports only; tests/api.test.ts pins this list.
export { build, type BuildOptions, type BuildResult, type BuildStage } from './build.ts';
export { readSiteConfig, SiteConfigSchema, type SiteConfig } from './config.ts';
export { formatDiagnostic, hasErrors, type Diagnostic, type Severity } from './diagnostics.ts';
export { loadInput, writeOutputs, type LoadedInput } from './io.ts';
export { buildProject, type ProjectBuildOptions, type ProjectBuildResult } from './project/build.ts';
export { emitters } from './emit/index.ts';
export { ArticleSchema, type Article, type Image, type Person } from './model/article.ts';
export type { Emitter, OutputFile, OutputFormat, SourceFile } from './model/output.ts';
export { readSource, type ReadResult } from './read/index.ts';
export { detectFormat, type Detection, type DetectedFormat } from './inspect/detect.ts';
export { checkFile, type CheckContext, type CheckKind, type FileCheck } from './validate/check.ts';
export { validateOutput, type OutputCheck } from './validate/index.ts';
export { RULE_FAMILIES, type RuleFamily } from './validate/registry.ts';
export type { Profile, Rule } from './validate/rule.ts';
