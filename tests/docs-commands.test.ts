// The documentation is run, not just shown: every command in a `sh` or `console` block of README.md,
// CONTRIBUTING.md and docs/*.md runs on a fresh copy of this repository's sample, as a reader would type
// it, and a `console` block's output lines are what the command prints. A command that cannot run there
// is listed below with the reason; one that another helper of issue 15 is adding is listed as pending.
// (The README's CI recipe is run step by step in tests/readme-recipe.test.ts.)
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { officialSchemasDir } from './helpers/official.ts';
import { projectRoot } from './helpers/project.ts';

/** The documents whose commands are run: the README, the contributors' guide and every page in docs/. */
const DOCUMENTS = ['README.md', 'CONTRIBUTING.md', ...readdirSync(path.join(projectRoot, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];

/** Commands shown in the docs that this test does not run, and why. Each must still occur in the docs. */
const NOT_RUN: { pattern: RegExp; reason: string }[] = [
  { pattern: /^npm install --save-dev git\+https:\/\//, reason: 'installs from a git host over the network (a placeholder address); tests/ for packaging check what `npm pack` ships' },
  { pattern: /^npm install --save-dev \.\/syndicate-[\d.]+\.tgz$/, reason: 'needs the tarball `npm pack` makes; installing it copies node_modules (network)' },
  { pattern: /^npm ci && npm run build$/, reason: 'contributor command: `npm ci` reinstalls node_modules (network); tests/build.test.ts checks what `npm run build` writes, byte for byte' },
  { pattern: /^npm ci && npm test$/, reason: 'contributor command: `npm test` runs this very suite; CI (.ci/run) runs it' },
  { pattern: /\bsyndicate serve\b/, reason: 'runs until stopped (an HTTP server); its end-to-end test starts and stops it' },
  { pattern: /\bsyndicate build --watch\b/, reason: 'runs until stopped (a watcher); its end-to-end test edits an article under it' },
];

/** Commands the docs show that the tool does not have yet (none now; an entry keeps its block from running). */
const PENDING: { pattern: RegExp; by: string }[] = [];

/** Relative links to files that do not exist yet (none now). */
const PENDING_LINKS: Record<string, string> = {};

interface Block {
  where: string;
  language: 'sh' | 'console';
  commands: string[];
  /** A console block's output lines. */
  expected: string[];
}

/** The shell blocks of one Markdown document (fences may be indented inside list items). */
function shellBlocks(document: string): Block[] {
  const lines = readFileSync(path.join(projectRoot, document), 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    let end = i + 1;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) end++;
    const body = lines.slice(i + 1, end).map((line) => line.slice(indent));
    const language = open[2]!;
    if (language === 'sh' || language === 'shell' || language === 'bash') {
      const commands = body.join('\n').replace(/\\\n/g, ' ').split('\n').map((line) => line.trim()).filter((line) => line !== '' && !line.startsWith('#'));
      blocks.push({ where: `${document}:${i + 1}`, language: 'sh', commands, expected: [] });
    } else if (language === 'console') {
      blocks.push({
        where: `${document}:${i + 1}`,
        language: 'console',
        commands: body.filter((line) => line.startsWith('$ ')).map((line) => line.slice(2)),
        expected: body.filter((line) => !line.startsWith('$ ') && line.trim() !== ''),
      });
    }
    i = end;
  }
  return blocks;
}

/** True when an output line shown in the docs is one the command printed; `…` in it stands for omitted text. */
function printed(expected: string, actual: readonly string[]): boolean {
  if (actual.includes(expected)) return true;
  if (!expected.includes('…')) return false;
  const parts = expected.split('…');
  return actual.some((line) => {
    let at = 0;
    for (const part of parts) {
      const found = line.indexOf(part, at);
      if (found < 0) return false;
      at = found + part.length;
    }
    return line.startsWith(parts[0]!) && line.endsWith(parts.at(-1)!);
  });
}

const work = mkdtempSync(path.join(tmpdir(), 'syndicate-docs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// `syndicate` (and `npx syndicate`) stands for the compiled tool: in this repository syndicate is not its own dependency.
const bin = path.join(work, 'bin');
mkdirSync(bin);
writeFileSync(path.join(bin, 'syndicate'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(projectRoot, 'lib', 'bin.js')}" "$@"\n`);
chmodSync(path.join(bin, 'syndicate'), 0o755);
const schemasPresent = existsSync(officialSchemasDir);

/**
 * Runs one block's commands in a fresh copy of the sample (`site/`, with the official schemas as
 * `../schemas`), or in an empty folder when the block starts a publication with `init`.
 */
function run(block: Block, index: number): { status: number | null; output: string[] } {
  const base = path.join(work, `block-${index}`);
  const site = path.join(base, 'site');
  mkdirSync(site, { recursive: true });
  if (!/\bsyndicate init\b/.test(block.commands[0] ?? '')) {
    cpSync(path.join(projectRoot, 'input'), path.join(site, 'input'), { recursive: true });
    cpSync(path.join(projectRoot, 'dist'), path.join(site, 'dist'), { recursive: true });
  }
  if (schemasPresent) symlinkSync(officialSchemasDir, path.join(base, 'schemas'));
  const script = [...(block.language === 'sh' ? ['set -e'] : []), ...block.commands.map((command) => command.replace(/\bnpx syndicate\b/g, 'syndicate'))].join('\n');
  const result = spawnSync('/bin/sh', ['-c', script], {
    cwd: site,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}`, GITHUB_ACTIONS: '', SOURCE_DATE_EPOCH: '', NO_COLOR: '1' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.split('\n') };
}

const blocks = DOCUMENTS.flatMap(shellBlocks);
const allCommands = blocks.flatMap((block) => block.commands);

describe('the commands shown in the docs', () => {
  it('are found (the extraction works: the README, the CLI reference and the contributors guide have some)', () => {
    for (const document of ['README.md', 'CONTRIBUTING.md', 'docs/cli.md']) {
      expect(blocks.filter((block) => block.where.startsWith(`${document}:`)).length, document).toBeGreaterThan(0);
    }
    expect(allCommands).toContain('npx syndicate validate dist');
    expect(allCommands).toContain('syndicate build --check');
  });

  it('are each listed as not run only for a reason that still applies: every entry matches a command in the docs', () => {
    for (const { pattern } of [...NOT_RUN, ...PENDING]) {
      expect(allCommands.some((command) => pattern.test(command)), `${pattern} matches no documented command: remove it`).toBe(true);
    }
  });

  blocks.forEach((block, index) => {
    const pending = PENDING.filter(({ pattern }) => block.commands.some((command) => pattern.test(command)));
    const runnable = block.commands.filter((command) => !NOT_RUN.some(({ pattern }) => pattern.test(command)));
    const title = `${block.where}: ${block.commands.join(' ; ')}`;
    if (pending.length > 0) {
      it.todo(`${title} (pending: ${pending.map((p) => p.by).join(', ')})`);
    } else if (runnable.length === 0) {
      it(`${title} is not run: ${block.commands.map((c) => NOT_RUN.find(({ pattern }) => pattern.test(c))!.reason).join('; ')}`, () => {
        expect(runnable).toEqual([]);
      });
    } else {
      const needsSchemas = block.commands.some((command) => command.includes('--schemas'));
      const skipped = block.commands.filter((command) => !runnable.includes(command));
      const note = skipped.length > 0 ? ` (not run: ${skipped.join(' ; ')})` : '';
      it.skipIf(needsSchemas && !schemasPresent)(`${title}${note}`, () => {
        const { status, output } = run({ ...block, commands: runnable }, index);
        if (block.language === 'sh') expect(status, output.join('\n')).toBe(0);
        for (const line of block.expected) expect(printed(line, output), `${block.where}: not printed:\n${line}\n--- printed:\n${output.join('\n')}`).toBe(true);
      });
    }
  });
});

describe('the README and docs/', () => {
  it('keep the README to a page: at most 15,000 bytes', () => {
    expect(statSync(path.join(projectRoot, 'README.md')).size).toBeLessThanOrEqual(15_000);
  });

  it('link only to files that exist', () => {
    const broken: string[] = [];
    for (const document of DOCUMENTS) {
      const text = readFileSync(path.join(projectRoot, document), 'utf8');
      for (const match of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        const target = match[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        const resolved = path.relative(projectRoot, path.resolve(projectRoot, path.dirname(document), target));
        if (!existsSync(path.join(projectRoot, resolved)) && PENDING_LINKS[resolved] === undefined) broken.push(`${document}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('document in docs/cli.md every option `syndicate --help` lists, and no option it does not', () => {
    // The program's help lists the commands; each command's help (`syndicate help <command>`) its options.
    const helpOf = (...args: string[]) => {
      const run = spawnSync(process.execPath, [path.join(projectRoot, 'lib', 'bin.js'), ...args], { encoding: 'utf8' });
      return `${run.stdout}${run.stderr}`;
    };
    const commands = [...helpOf('--help').matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
    expect(commands).toContain('build');
    const options = (text: string) => new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]*[a-z]/g)].map((m) => m[0]));
    const helped = options([helpOf('--help'), ...commands.map((name) => helpOf('help', name))].join('\n'));
    const documented = options(readFileSync(path.join(projectRoot, 'docs', 'cli.md'), 'utf8'));
    expect(helped.size).toBeGreaterThan(10);
    expect([...helped].filter((option) => !documented.has(option)), 'options --help lists that docs/cli.md lacks').toEqual([]);
    const pending = (option: string) => PENDING.some(({ pattern }) => pattern.test(option));
    // The one misspelt option the docs show on purpose: the example of a "did you mean" suggestion.
    const typos = new Set(['--outptus']);
    expect([...documented].filter((option) => !helped.has(option) && !pending(option) && !typos.has(option)), 'options docs/cli.md shows that --help does not list').toEqual([]);
  });
});
