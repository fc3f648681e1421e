/** The site configuration every command reads: `<input>/site.json`, read and checked, or why not. */
import type { SiteConfig } from '../config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import type { OutputChoice } from '../model/output.ts';
import type { Reporter } from '../report/index.ts';
import { EXIT, type CliIo } from './io.ts';
import { count, reportAll, type LogLevel } from './report.ts';

/**
 * Reads and validates `<input>/site.json`; on failure reports why and gives the exit code (2). The
 * same for `build`, `build --check` and `validate --input`.
 */
export async function loadSiteConfig(
  inputDir: string,
  io: Pick<CliIo, 'cwd' | 'stderr'>,
  reporter: Reporter,
  log: LogLevel,
  consequence = 'built',
  outputs?: OutputChoice[],
  configFile?: string,
): Promise<{ config: SiteConfig; configPath: string; warnings: Diagnostic[] } | { exit: number }> {
  const [{ readConfigText }, { readSiteConfig }] = await Promise.all([import('../io.ts'), import('../config.ts')]);
  const { configPath, configText } = await readConfigText(inputDir, io.cwd, configFile);
  if (configText === undefined) {
    const missing: Diagnostic = { file: configPath, severity: 'error', source: 'config', ruleId: 'missing-config', message: `no site configuration; create ${configPath} ("syndicate init" writes one; every key: docs/configuration.md)` };
    reporter.report([missing]);
    reporter.finish({ configured: false });
    return { exit: EXIT.usage };
  }
  const { config, diagnostics } = readSiteConfig(configText, configPath);
  if (!config) {
    reportAll(diagnostics, reporter, log);
    if (log !== 'quiet') io.stderr(`syndicate: configuration invalid, nothing ${consequence} (${count(diagnostics.length, 'error')})`);
    reporter.finish({ configured: false });
    return { exit: EXIT.usage };
  }
  // A valid configuration can still have findings (e.g. the language it assumed): reported with the build's.
  // site.json "rules" apply to them as to the build's own (e.g. "default-language": "off").
  const { applyRuleSettings } = await import('../report/severity.ts');
  return { config: outputs === undefined ? config : { ...config, outputs }, configPath, warnings: applyRuleSettings(diagnostics, config.rules) };
}
