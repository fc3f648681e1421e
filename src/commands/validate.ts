/** `syndicate validate <files or folders…>`: checks anyone's output files, the command around `inspectFile` (src/inspect/validate.ts). */
import type { Command } from 'commander';
import path from 'node:path';
import type { SiteConfig } from '../config.ts';
import { diagnostic, sortDiagnostics, type Diagnostic } from '../diagnostics.ts';
import type { OfficialKind, OfficialSchemas } from '../inspect/official.ts';
import type { Reporter } from '../report/index.ts';
import type { Profile } from '../validate/rule.ts';
import { EXIT, type CliIo } from './io.ts';
import { addReportOptions, applyMaxWarnings, toReporting, type ReportOptions } from './options.ts';
import { count, reportAll, type LogLevel } from './report.ts';
import { toOncePerCause } from '../report/cause.ts';
import { loadSiteConfig } from './site.ts';

/** What `validate` was asked to do. */
export interface ValidateRequest {
  /** The files and folders named on the command line. */
  targets: readonly string[];
  /** `--input DIR`, whose site.json the files are checked against; default `input` when `input/site.json` exists. */
  inputDir: string | undefined;
  /** `--schemas DIR`: a folder that may hold official schemas. */
  schemasDir: string | undefined;
  /** `--profile`: the standard layer only, or syndicate's house rules on top. */
  profile: Profile;
  /** How much to print besides the report. */
  log: LogLevel;
  /** Where the findings go. */
  reporter: Reporter;
}

/**
 * Validates every file named or found under the folders named, and returns the exit code: 0 without
 * errors, 1 with errors, 2 when a path cannot be read, the site.json is missing or invalid, or the
 * schemas folder does not exist.
 */
export async function runValidate(request: ValidateRequest, io: CliIo): Promise<number> {
  const { reporter, log } = request;
  // The validators are loaded only when validate runs: `build` and `--help` start without them.
  const [{ fileExists, listTargets, readSchemaFolder, readTarget }, { loadOfficialSchemas, OFFICIAL_LABELS }, { inspectFile }] = await Promise.all([
    import('../inspect/files.ts'),
    import('../inspect/official.ts'),
    import('../inspect/validate.ts'),
  ]);
  const { targets, unreadable } = await listTargets(request.targets, io.cwd);
  if (unreadable.length > 0) {
    for (const { argument, reason } of unreadable) io.stderr(`syndicate: cannot read "${argument}": ${reason}`);
    return EXIT.usage;
  }
  if (targets.length === 0) {
    io.stderr(`syndicate: no files to validate in ${request.targets.map((t) => `"${t}"`).join(', ')}`);
    return EXIT.usage;
  }

  let site: SiteConfig | undefined;
  const inputDir = request.inputDir ?? ((await fileExists(path.resolve(io.cwd, 'input', 'site.json'))) ? 'input' : undefined);
  if (inputDir !== undefined) {
    const loaded = await loadSiteConfig(inputDir, io, reporter, log, 'validated');
    if ('exit' in loaded) return loaded.exit;
    site = loaded.config;
    if (log === 'verbose') io.stderr(`syndicate: checking against ${loaded.configPath}`);
  }

  let official: OfficialSchemas | undefined;
  if (request.schemasDir !== undefined) {
    const files = await readSchemaFolder(request.schemasDir, io.cwd);
    if (files === undefined) {
      io.stderr(`syndicate: --schemas "${request.schemasDir}" is not a folder that can be read`);
      return EXIT.usage;
    }
    official = await loadOfficialSchemas(files);
  }

  const found: Diagnostic[] = [];
  const kinds = new Map<string, number>();
  for (const target of targets) {
    const read = await readTarget(target.absolute);
    if ('reason' in read) {
      found.push(diagnostic('error', target.shown, 'validate', 'unreadable-file', `cannot be read: ${read.reason}`));
      continue;
    }
    const result = inspectFile({ shown: target.shown, publicPath: target.publicPath, bytes: read.bytes }, { profile: request.profile, site, official });
    kinds.set(result.kind, (kinds.get(result.kind) ?? 0) + 1);
    found.push(...result.diagnostics);
  }
  // The same JSON-LD in a file, its head snippet and its page is one cause, reported once.
  const diagnostics = toOncePerCause(sortDiagnostics(found));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const formats = Object.fromEntries([...kinds].sort(([a], [b]) => (a < b ? -1 : 1)));

  if (log !== 'quiet' && official !== undefined) {
    // After validating: a schema is compiled on first use, so only now is it known whether it compiled.
    for (const line of describeOfficial(official, request.schemasDir as string, OFFICIAL_LABELS)) io.stderr(`syndicate: ${line}`);
  }
  reportAll(diagnostics, reporter, log);
  reporter.finish({
    command: 'validate',
    files: targets.length,
    formats,
    site: site === undefined ? null : inputDir,
    profile: request.profile,
    officialSchemas: official?.found.map((s) => ({ kind: s.kind, path: s.path, used: s.used, ...(s.unusable === undefined ? {} : { unusable: s.unusable }) })) ?? [],
    errors,
    warnings,
  });
  // --quiet keeps the summary line.
  {
    const described = Object.entries(formats).map(([kind, n]) => `${n} ${kind}`).join(', ');
    io.stderr(`syndicate: ${count(targets.length, 'file')} validated (${described}), ${count(errors, 'error')}, ${count(warnings, 'warning')}${site === undefined && request.profile === 'syndicate' ? '; no site.json, so the house rules that compare files with the publication were skipped (see --input)' : ''}`);
  }
  return errors > 0 ? EXIT.content : EXIT.ok;
}

/** Which official schemas were found in the folder and what each did, one line each. */
function describeOfficial(official: OfficialSchemas, dir: string, labels: Record<OfficialKind, string>): string[] {
  const lines = official.found.map((s) => {
    const name = `${labels[s.kind]} ${path.posix.join(dir.split(path.sep).join('/'), s.path)}`;
    if (s.unusable !== undefined) return `official schema ${name} found but not used: ${s.unusable}`;
    return `official schema ${name} used for ${count(s.used, 'file')}`;
  });
  const missing = (['newsml-xsd', 'atom-relaxng', 'ninjs-json-schema', 'schemaorg-vocabulary'] as const).filter((k) => !official.found.some((s) => s.kind === k));
  if (missing.length > 0) lines.push(`no ${missing.map((k) => labels[k]).join(', ')} found in ${dir}`);
  return lines;
}

/** What `validate`'s options hold once parsed. */
interface ValidateOptions extends ReportOptions {
  input?: string;
  schemas?: string;
  profile: string;
}

/** Adds `syndicate validate` to the program; `settle` receives the exit code. */
export function defineValidateCommand(program: Command, io: CliIo, settle: (code: number) => void): Command {
  const command = program
    .command('validate')
    .summary("check feeds, JSON-LD, NewsML-G2, ninjs and sitemap files, whoever wrote them")
    .description(
      'Checks RSS (0.9x, 1.0, 2.0), Atom, JSON Feed, JSON-LD (alone or in HTML pages), NewsML-G2, ninjs and sitemap files, whoever wrote them; formats are told by content, folders are searched recursively; a file in no known format is an error. Every rule: docs/rules.md.',
    )
    .argument('<paths...>', 'files or folders to check')
    .option(
      '-i, --input <DIR>',
      'with --profile syndicate, check against DIR/site.json (default: input/site.json when it exists). Without one, the house rules that compare a file with the publication are skipped: feed self links and JSON Feed feed_url against feed.baseUrl, the site feeds\' language, the feed item limit. The consistency check across formats is never run: it compares the files of one build',
    )
    .option(
      '--schemas <DIR>',
      'also validate against official schemas found in DIR: the IPTC NewsML-G2 XSD, the Atom RELAX NG (atom.rng), the IPTC ninjs JSON Schema (needs the ajv package installed), the schema.org vocabulary (schemaorg-current-https.jsonld)',
    )
    .option(
      '--profile <P>',
      'standard: what each specification requires of anyone\'s file, at the severity its reference tool gives it; syndicate: also what syndicate promises of its own output (the checks build runs)',
      'standard',
    );
  addReportOptions(command);
  command.action(async (targets: string[], options: ValidateOptions) => {
    settle(await runValidateCommand(targets, options, io));
  });
  return command;
}

/** Checks `validate`'s option values, then validates. */
async function runValidateCommand(targets: string[], options: ValidateOptions, io: CliIo): Promise<number> {
  const reporting = toReporting(options, io);
  if ('exit' in reporting) return reporting.exit;
  const profile = options.profile;
  if (profile !== 'standard' && profile !== 'syndicate') {
    io.stderr(`syndicate: --profile "${profile}" is not one of standard, syndicate`);
    return EXIT.usage;
  }
  const { maxWarnings, reporter, log } = reporting;
  return applyMaxWarnings(await runValidate({ targets, inputDir: options.input, schemasDir: options.schemas, profile, reporter, log }, io), reporter, maxWarnings, io);
}
