// The README's GitHub Actions recipe is run, not just shown: its YAML parses, it rebuilds on a schedule
// (embargoes lift only when a build runs), it publishes only the public folder, and each of its `run:`
// commands succeeds on a copy of this repository's sample, in order, as the runner would run them.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot, readTree } from './helpers/project.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { if?: string; steps: Step[] }>;
}

const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('\n## CI recipe\n'), readme.indexOf('\n## Documentation\n'));
const yamlBlock = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
const workflow = parse(yamlBlock ?? '') as Workflow;
const steps = workflow.jobs['build']?.steps ?? [];

const work = mkdtempSync(path.join(tmpdir(), 'syndicate-recipe-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the README CI recipe', () => {
  it('is one YAML workflow with a build and a deploy job', () => {
    expect(yamlBlock).toBeDefined();
    expect(Object.keys(workflow.jobs)).toEqual(['build', 'deploy']);
  });

  it('rebuilds on a schedule, and deploys from main on pushes, schedules and manual runs only', () => {
    const schedule = workflow.on['schedule'] as { cron: string }[];
    expect(schedule.length).toBeGreaterThan(0);
    expect(schedule[0]?.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    expect(workflow.jobs['deploy']?.if).toBe("github.event_name != 'pull_request' && github.ref == 'refs/heads/main'");
  });

  it('uploads only the public folder', () => {
    const uploads = steps.filter((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(uploads.map((step) => step.with?.['path'])).toEqual(['dist']);
  });

  it('runs on Node 24 LTS with the actions at their current majors', () => {
    expect(steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(24);
    const uses = [...Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.uses).filter((u): u is string => u !== undefined))].sort();
    expect(uses).toEqual(['actions/cache@v6', 'actions/checkout@v7', 'actions/deploy-pages@v5', 'actions/setup-node@v7', 'actions/upload-pages-artifact@v5']);
  });

  it("runs each of its commands successfully on the sample, as the runner would, and leaves the committed output as it was", () => {
    cpSync(path.join(projectRoot, 'input'), path.join(work, 'input'), { recursive: true });
    cpSync(path.join(projectRoot, 'dist'), path.join(work, 'dist'), { recursive: true });
    const commands = steps.map((step) => step.run).filter((run): run is string => run !== undefined && run !== 'npm ci');
    expect(commands).toEqual(['npx syndicate build --check', 'npx syndicate validate dist', 'npx syndicate build']);
    for (const command of commands) {
      // In this repository syndicate is not its own dependency: the compiled bin stands for `npx syndicate`.
      const args = command.replace(/^npx syndicate /, '').split(' ');
      const result = spawnSync(process.execPath, [path.join(projectRoot, 'lib/bin.js'), ...args], {
        cwd: work,
        encoding: 'utf8',
        env: { ...process.env, GITHUB_ACTIONS: 'true', SOURCE_DATE_EPOCH: '' },
      });
      expect(result.status, `${command}\n${result.stdout}${result.stderr}`).toBe(0);
      expect(result.stdout, command).not.toMatch(/^::error/m);
    }
    expect(readTree(path.join(work, 'dist'))).toEqual(readTree(path.join(projectRoot, 'dist')));
  });
});
