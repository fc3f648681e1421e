import { expect, it } from 'vitest';

it('pins the public library API', async () => {
  expect(Object.keys(await import('../src/index.ts')).sort()).toEqual([
    'ArticleSchema',
    'RULE_FAMILIES',
    'SiteConfigSchema',
    'build',
    'buildProject',
    'checkFile',
    'detectFormat',
    'emitters',
    'formatDiagnostic',
    'hasErrors',
    'loadInput',
    'readSiteConfig',
    'readSource',
    'validateOutput',
    'writeOutputs',
  ]);
});
