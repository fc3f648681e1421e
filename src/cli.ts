/** The command-line shell over the library: arguments in, diagnostics and an exit code out. */
import { parseArgs } from 'node:util';
import { formatDiagnostic, type Diagnostic } from './diagnostics.ts';

/** Exit codes: success, content or validation errors, usage or configuration errors. */
export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

/** The outside world as the CLI sees it; tests pass their own. */
export interface CliIo {
  cwd: string;
  /** Environment variables (only SOURCE_DATE_EPOCH is read). */
  env: Record<string, string | undefined>;
  /** The clock, read once per build and only when neither --now nor SOURCE_DATE_EPOCH is given. */
  clock: () => Date;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

const HELP = `Usage: syndicate build [--input DIR] [--out DIR] [--now TIME]

Reads the articles in DIR/articles (default input/articles) with the publication
settings in DIR/site.json, and writes validated JSON-LD, RSS 2.0, Atom 1.0 and
NewsML-G2 to the output folder (default dist/). Nothing is written when any
output fails validation.

Commands:
  build            build every output for the input folder

Options:
  -i, --input DIR  input folder holding site.json and articles/ (default: input)
  -o, --out DIR    output folder, replaced as a whole (default: dist)
      --now TIME   build time for the news sitemap (RFC 3339 with offset, e.g.
                   2024-09-05T12:00:00+08:00); default: $SOURCE_DATE_EPOCH
                   (seconds since 1970) when set, else the clock. Nothing
                   else depends on it.
  -h, --help       show this help
  -v, --version    show the version

Exit codes: 0 success (warnings allowed), 1 content or validation errors,
2 usage or configuration errors.`;

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        input: { type: 'string', short: 'i', default: 'input' },
        out: { type: 'string', short: 'o', default: 'dist' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr(`syndicate: ${(error as Error).message}`);
    io.stderr("Run 'syndicate --help' for usage.");
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (values.version) {
    const { readToolVersion } = await import('./io.ts');
    io.stdout(await readToolVersion());
    return EXIT.ok;
  }
  const [command, ...rest] = positionals;
  if (command !== 'build' || rest.length > 0) {
    io.stderr(command === undefined ? 'syndicate: missing command' : `syndicate: unknown command or argument "${[command, ...rest].join(' ')}"`);
    io.stderr("Run 'syndicate --help' for usage.");
    return EXIT.usage;
  }
  const now = toBuildTime(values.now, io.env.SOURCE_DATE_EPOCH, io.clock);
  if (!now.ok) {
    io.stderr(`syndicate: ${now.message}`);
    return EXIT.usage;
  }
  return runBuild(values.input, values.out, now.value, io);
}

/**
 * The build time: `--now` (RFC 3339 with an explicit offset), else `SOURCE_DATE_EPOCH`
 * (reproducible-builds.org: integer seconds since the epoch), else the clock.
 */
export function toBuildTime(
  flag: string | undefined,
  sourceDateEpoch: string | undefined,
  clock: () => Date,
): { ok: true; value: string } | { ok: false; message: string } {
  if (flag !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(flag) || Number.isNaN(Date.parse(flag))) {
      return { ok: false, message: `--now "${flag}" is not an RFC 3339 time with offset; write e.g. --now 2024-09-05T12:00:00+08:00` };
    }
    return { ok: true, value: flag };
  }
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '') {
    if (!/^\d{1,12}$/.test(sourceDateEpoch)) {
      return { ok: false, message: `SOURCE_DATE_EPOCH "${sourceDateEpoch}" is not a whole number of seconds since 1970; fix or unset it` };
    }
    return { ok: true, value: new Date(Number(sourceDateEpoch) * 1000).toISOString().replace('.000Z', 'Z') };
  }
  return { ok: true, value: clock().toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

async function runBuild(inputDir: string, outDir: string, now: string, io: CliIo): Promise<number> {
  const [{ loadInput, writeOutputs }, { readSiteConfig }, { build }] = await Promise.all([
    import('./io.ts'),
    import('./config.ts'),
    import('./build.ts'),
  ]);
  const input = await loadInput(inputDir, io.cwd);
  if (input.configText === undefined) {
    io.stderr(formatDiagnostic({ file: input.configPath, severity: 'error', source: 'config', ruleId: 'missing-config', message: `no site configuration; create ${input.configPath} (see README "Configuration")` }));
    return EXIT.usage;
  }
  const { config, diagnostics: configDiagnostics } = readSiteConfig(input.configText, input.configPath);
  if (!config) {
    report(configDiagnostics, io);
    io.stderr(`syndicate: configuration invalid, nothing built (${count(configDiagnostics.length, 'error')})`);
    return EXIT.usage;
  }
  const result = build(input.sources, config, { articlesPath: input.articlesPath, now });
  report(result.diagnostics, io);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const read = `${count(result.articles.length, 'article')} read`;
  if (errors > 0) {
    io.stderr(`syndicate: ${read}, 0 files written (${outDir} left unchanged), ${count(errors, 'error')}, ${count(warnings, 'warning')}`);
    return EXIT.content;
  }
  await writeOutputs(outDir, io.cwd, result.outputs);
  io.stderr(`syndicate: ${read}, ${count(result.outputs.length, 'file')} written to ${outDir}, 0 errors, ${count(warnings, 'warning')}`);
  return EXIT.ok;
}

function report(diagnostics: readonly Diagnostic[], io: CliIo): void {
  for (const d of diagnostics) io.stderr(formatDiagnostic(d));
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
