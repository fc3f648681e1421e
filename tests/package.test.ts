// What `npm pack` ships, and that the packed tool installs and runs in an empty project. The second
// test is slow (packs, then installs the tarball's dependencies from the npm registry: ~20-60 s).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from './helpers/project.ts';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const temp = mkdtempSync(path.join(tmpdir(), 'syndicate-package-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The package's file list, as `npm pack` would make it from the compiled lib/ (scripts not run again). */
function packedFiles(): string[] {
  const json = execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: projectRoot, encoding: 'utf8' });
  return (JSON.parse(json) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();
}

describe('the npm package', () => {
  it('holds the compiled code, its types, README, LICENSE and package.json, and nothing else', () => {
    const files = packedFiles();
    expect(files.filter((f) => !f.startsWith('lib/'))).toEqual(['LICENSE', 'README.md', 'package.json']);
    // Compiled code and its declarations; the two bundles; the code fingerprint read at run time; the
    // JSON Schema of site.json that editors read through `$schema`.
    expect(files.filter((f) => f.startsWith('lib/') && !/\.(js|d\.ts)$/.test(f))).toEqual(['lib/code-fingerprint.txt', 'lib/site.schema.json']);
    for (const needed of ['lib/site.schema.json', 'lib/bin.js', 'lib/index.js', 'lib/index.d.ts', 'lib/project/worker.bundle.js', 'lib/project/heavy.bundle.js']) expect(files).toContain(needed);
    // Every module has its compiled file (a missing one would fail only when that path runs).
    for (const file of files.filter((f) => f.endsWith('.d.ts'))) expect(files).toContain(file.replace(/\.d\.ts$/, '.js'));
    expect(files.some((f) => /(^|\/)(tests?|src)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toBe(false);
  });

  it('declares what a registry page shows: MIT licence file, keywords, a bin with a shebang that compile makes executable', () => {
    const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { license: string; keywords: string[]; bin: Record<string, string>; scripts: Record<string, string> };
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(path.join(projectRoot, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
    expect(manifest.keywords).toEqual(expect.arrayContaining(['rss', 'atom', 'json-ld', 'newsml-g2']));
    expect(manifest.bin).toEqual({ syndicate: 'lib/bin.js' });
    expect(manifest.scripts['prepare']).toBe('npm run compile');
    const bin = path.join(projectRoot, 'lib/bin.js');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  });

  it('cannot be published before package.json names its public repository, homepage and issue tracker', () => {
    // No public address is known yet: rather than invent one, `npm publish` stops until it is set.
    const manifest = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as Record<string, unknown> & { scripts: Record<string, string> };
    const run = (fields: Record<string, unknown>) => {
      const dir = mkdtempSync(path.join(temp, 'publish-'));
      writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'syndicate', version: '0.0.0', scripts: { prepublishOnly: manifest.scripts['prepublishOnly'] }, ...fields }));
      return spawnSync(npm, ['run', '--silent', 'prepublishOnly'], { cwd: dir, encoding: 'utf8' });
    };
    const refused = run({ homepage: 'https://example.org/syndicate' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('syndicate: set repository, bugs in package.json to the public repository before publishing');
    const repository = { type: 'git', url: 'git+https://example.org/syndicate.git' };
    expect(run({ repository, homepage: 'https://example.org/syndicate', bugs: 'https://example.org/syndicate/issues' }).status).toBe(0);
  });

  it('installs from its tarball into an empty folder, where npx syndicate init && npx syndicate build succeed', { timeout: 180_000 }, () => {
    const tarball = execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', temp], { cwd: projectRoot, encoding: 'utf8' }).trim().split('\n').at(-1)!;
    const site = path.join(temp, 'site');
    execFileSync('mkdir', [site]);
    const env = { ...process.env, GITHUB_ACTIONS: '', SOURCE_DATE_EPOCH: '', npm_config_loglevel: 'error' };
    const install = spawnSync(npm, ['install', '--no-audit', '--no-fund', path.join(temp, tarball)], { cwd: site, encoding: 'utf8', env });
    expect(install.status, install.stderr).toBe(0);
    const npx = (...args: string[]) => spawnSync('npx', ['--no-install', 'syndicate', ...args], { cwd: site, encoding: 'utf8', env });
    const help = npx('--help');
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: syndicate <command> [options]');
    const init = npx('init');
    expect(init.status, init.stderr).toBe(0);
    const build = npx('build');
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).toMatch(/syndicate: 1 article read, \d+ files written to dist, 0 errors/);
    for (const file of ['rss.xml', 'atom.xml', 'feed.json', 'articles/first-story/index.html']) expect(existsSync(path.join(site, 'dist', file)), file).toBe(true);
    // The installed tool also validates what it wrote.
    const validate = npx('validate', 'dist');
    expect(validate.status, validate.stderr).toBe(0);
  });
});
