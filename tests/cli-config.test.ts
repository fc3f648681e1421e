// `build --config FILE`: the site settings read from another file than <input>/site.json, by build and
// build --check alike, and named in the findings.
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli.ts';
import { projectRoot } from './helpers/project.ts';

const work = mkdtempSync(path.join(tmpdir(), 'syndicate-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
cpSync(path.join(projectRoot, 'input'), path.join(work, 'input'), { recursive: true });
mkdirSync(path.join(work, 'settings'));
renameSync(path.join(work, 'input/site.json'), path.join(work, 'settings/news.json'));

async function run(args: string[]) {
  const stderr: string[] = [];
  const code = await main(args, { cwd: work, env: { SOURCE_DATE_EPOCH: '1790000000' }, clock: () => new Date(0), stdout: () => undefined, stderr: (l) => stderr.push(l) });
  return { code, stderr };
}

describe('build --config FILE', () => {
  it('without it, a missing input/site.json is a configuration error that says how to make one', async () => {
    const result = await run(['build', '--no-cache']);
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toContain('no site configuration; create input/site.json ("syndicate init" writes one');
  });

  it('reads the settings from FILE, builds, and build --check agrees', async () => {
    const built = await run(['build', '--config', 'settings/news.json', '--no-cache']);
    expect(built.code, built.stderr.join('\n')).toBe(0);
    expect(existsSync(path.join(work, 'dist/rss.xml'))).toBe(true);
    const check = await run(['build', '--check', '-c', 'settings/news.json']);
    expect(check.code, check.stderr.join('\n')).toBe(0);
  });

  it('names FILE in its findings', async () => {
    const result = await run(['build', '--config', 'settings/missing.json']);
    expect(result.code).toBe(2);
    expect(result.stderr.join('\n')).toContain('create settings/missing.json');
  });
});
