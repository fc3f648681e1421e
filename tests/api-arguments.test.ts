// The library API says which argument is wrong and what it must be, instead of a TypeError from inside.
import { describe, expect, it } from 'vitest';
import { build, buildProject, validateOutput } from '../src/index.ts';
import { readSiteConfig } from '../src/config.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './helpers/project.ts';

const site = readSiteConfig(readFileSync(path.join(projectRoot, 'input/site.json'), 'utf8'), 'site.json').config!;
const NOW = '2024-09-05T12:00:00Z';

describe('library argument checks', () => {
  it.each([
    ['build(src, undefined)', () => build([], undefined as never, { now: NOW }), /^syndicate build\(sources, site, options\): site must be a site configuration .*, got undefined$/],
    ['build(undefined, site)', () => build(undefined as never, site, { now: NOW }), /: sources must be an array of \{ path, bytes \} source files .*, got undefined$/],
    ['build(src, site)', () => build([], site, undefined as never), /: options must be an object with at least the build time.*, got undefined$/],
    ['build(src, site, {now: 5})', () => build([], site, { now: 5 as never }), /: options\.now must be a string .*, got a number 5$/],
    ['validateOutput(undefined)', () => validateOutput(undefined as never, site), /^syndicate validateOutput\(file, site\): file must be an output file .*, got undefined$/],
    ['validateOutput(bad format)', () => validateOutput({ path: 'a.xml', text: '', format: 'xml' as never, sources: [] }, site), /file must be an output file \{ path, text, format, sources \} with format one of .*rss/],
  ])('%s throws a TypeError in our words', (_, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });

  it('buildProject({}) rejects naming the first missing option', async () => {
    await expect(buildProject({} as never)).rejects.toThrow(/^syndicate buildProject\(options\): options\.cwd must be a string \(e\.g\. process\.cwd\(\)\), got undefined$/);
    await expect(buildProject(undefined as never)).rejects.toThrow(/options must be an object/);
    await expect(buildProject({ cwd: '.', inputDir: 'input', outDir: 'dist', toolVersion: '1', now: NOW } as never)).rejects.toThrow(/options\.site must be a site configuration/);
  });

  it('accepts correct arguments (no throw)', () => {
    expect(build([], site, { now: NOW }).diagnostics).toBeDefined();
  });
});
