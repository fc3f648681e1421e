/** `syndicate build --check`: builds in memory and compares with what is committed, writing nothing. */
import { sortDiagnostics } from '../diagnostics.ts';
import type { BuildRequest } from './build.ts';
import { EXIT, type CliIo } from './io.ts';
import { count, reportAll } from './report.ts';
import { loadSiteConfig } from './site.ts';

/**
 * `build --check`: the same build as `build` (the same input and versions state) made in memory with
 * {@link build} at the build time the state records (so a check minutes or days later, or on another
 * machine, rebuilds the same moment), and compared byte for byte with the public folder, the partner
 * folder and the state file, none of which is written. Every file that differs, is missing or is not
 * the build's own is an error.
 */
export async function runCheck(request: BuildRequest, io: CliIo): Promise<number> {
  const { reporter, log } = request;
  const site = await loadSiteConfig(request.inputDir, io, reporter, log, 'built', request.outputs, request.configFile);
  if ('exit' in site) return site.exit;
  const [{ loadInput, readPreviousState, toArticlesDir, toDisplayPath }, { build }, { readOutputFolder }, { compareOutputs, toDifferenceDiagnostic }, { toRecordedBuildTime }, path] =
    await Promise.all([import('../io.ts'), import('../build.ts'), import('../inspect/files.ts'), import('../inspect/compare.ts'), import('../pipeline/state.ts'), import('node:path')]);
  const shown = (p: string) => toDisplayPath(path.resolve(io.cwd, p), io.cwd);
  const names = { input: shown(request.inputDir), out: shown(request.outDir), partner: shown(request.partnerDir), state: shown(request.stateFile) };
  const articlesDir = toArticlesDir(io.cwd, request.inputDir, { articlesDir: request.articlesDir, configured: site.config.articles, configPath: site.configPath });
  const loaded = await loadInput(request.inputDir, io.cwd, { articlesDir, skip: [site.configPath, request.stateFile] });
  const state = { ...readPreviousState(request.stateFile, request.outDir, io.cwd), reset: request.resetVersions };
  const now = toRecordedBuildTime(state) ?? request.now;
  const result = build(loaded.sources, site.config, { articlesPath: loaded.articlesPath, now, state, names, configPath: site.configPath });
  const found = sortDiagnostics([...site.warnings, ...(loaded.diagnostics ?? []), ...result.diagnostics]);
  const errors = found.filter((d) => d.severity === 'error').length;
  const summary = { command: 'build --check', articles: result.articles.length, outDir: names.out, partnerDir: names.partner, stateFile: names.state, builtAt: now };
  if (errors > 0) {
    reportAll(found, reporter, log);
    reporter.finish({ ...summary, checked: false, errors, warnings: found.length - errors });
    io.stderr(`syndicate: ${count(result.articles.length, 'article')} read, ${count(errors, 'error')}: the build fails, so ${names.out} was not compared`);
    return EXIT.content;
  }
  // The state file is compared as the one file of its folder.
  const stateFolder = path.posix.dirname(names.state);
  const stateName = path.posix.basename(names.state);
  const stateBytes = state.text === undefined || state.legacy ? undefined : new TextEncoder().encode(state.text);
  const places = [
    { folder: names.out, expected: result.outputs, actual: await readOutputFolder(request.outDir, io.cwd) },
    { folder: names.partner, expected: result.partnerOutputs, actual: await readOutputFolder(request.partnerDir, io.cwd) },
    {
      folder: stateFolder,
      expected: result.state === undefined ? [] : [{ path: stateName, text: result.state, format: 'state' as const, sources: [] }],
      actual: new Map(stateBytes === undefined ? [] : [[stateName, stateBytes]]),
    },
  ];
  const differences = places.flatMap(({ folder, expected, actual }) => compareOutputs(expected, actual).map((d) => ({ folder, difference: d })));
  const all = [...found, ...differences.map(({ folder, difference }) => toDifferenceDiagnostic(difference, folder))];
  reportAll(all, reporter, log);
  const warnings = found.length;
  const compared = result.outputs.length + result.partnerOutputs.length + (result.state === undefined ? 0 : 1);
  reporter.finish({
    ...summary,
    files: compared,
    checked: true,
    differences: differences.map(({ folder, difference: d }) => ({ path: `${folder}/${d.path}`, difference: d.difference, ...(d.line === undefined ? {} : { line: d.line }) })),
    errors: differences.length,
    warnings,
  });
  if (differences.length === 0) {
    io.stderr(`syndicate: ${names.out} is what the build writes at its recorded time ${now} (${count(compared, 'file')} compared), ${count(warnings, 'warning')}`);
    return EXIT.ok;
  }
  {
    const kinds = (['changed', 'missing', 'extra'] as const).map((k) => [k, differences.filter((d) => d.difference.difference === k).length] as const).filter(([, n]) => n > 0);
    io.stderr(
      `syndicate: the committed output is not what the build writes at ${now}: ${count(differences.length, 'file')} ${differences.length === 1 ? 'differs' : 'differ'} (${kinds.map(([k, n]) => `${n} ${k}`).join(', ')}); run 'syndicate build --no-cache' and commit the result`,
    );
  }
  return EXIT.content;
}
