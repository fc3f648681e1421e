import { expect, it } from 'vitest';

it('pins the public library API', async () => {
  expect(Object.keys(await import('../src/index.ts')).sort()).toEqual([
    'ArticleSchema',
    'SiteConfigSchema',
    'build',
    'buildProject',
    'emitters',
    'formatDiagnostic',
    'hasErrors',
    'loadInput',
    'readSiteConfig',
    'readSource',
    'validators',
    'writeOutputs',
  ]);
});
