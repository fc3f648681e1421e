import { describe, expect, it } from 'vitest';
import { emitters } from '../../src/emit/index.ts';
import type { OutputFile, OutputFormat } from '../../src/model/output.ts';
import { checkConsistency } from '../../src/validate/consistency.ts';
import { readFacts } from '../../src/validate/facts.ts';
import { validators } from '../../src/validate/index.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';

const site = makeSite();
const NOW = '2024-09-06T00:00:00+08:00';

function emitAll(): OutputFile[] {
  return (Object.keys(emitters) as (keyof typeof emitters)[]).flatMap((format) => emitters[format]([makeRichArticle(), makeArticle()], site, { now: NOW }));
}

function validateAll(outputs: readonly OutputFile[]): void {
  for (const file of outputs) validators[file.format](file, site);
}

describe('facts shared by the validators with the consistency check', () => {
  it('are the facts the consistency check reads from the text itself', () => {
    const validated = emitAll();
    validateAll(validated);
    const fresh = emitAll();
    expect(validated.map((f) => readFacts(f, site))).toEqual(fresh.map((f) => readFacts(f, site)));
    expect(validated.flatMap((f) => readFacts(f, site)).length).toBeGreaterThan(10);
  });

  it('are not used once the file text has changed', () => {
    const outputs = emitAll();
    validateAll(outputs);
    const rss = outputs.find((f) => f.path === 'rss.xml')!;
    rss.text = rss.text.replace('<title>Tariffs', '<title>Tarifs');
    expect(checkConsistency(outputs, site)).toEqual([expect.objectContaining({ file: 'rss.xml', ruleId: 'inconsistent-headline' })]);
  });

  it('are not used for another site', () => {
    const outputs = emitAll();
    validateAll(outputs);
    const other = makeSite({ name: 'Other Times' });
    const newsml = outputs.find((f) => f.path === 'articles/cyberspace-governance/newsml.xml')!;
    // The sample article has no byline: NewsML-G2 falls back to the site's name, the one given now.
    expect(readFacts(newsml, other)[0]?.authors).toEqual(['Other Times']);
  });

  it('are none for a file that does not parse', () => {
    const outputs = emitAll();
    const newsml = outputs.find((f) => f.format === 'newsml')!;
    const broken = { ...newsml, text: newsml.text.slice(0, 200) };
    validators.newsml(broken, site);
    expect(readFacts(broken, site)).toEqual([]);
    expect(readFacts({ ...broken }, site)).toEqual([]);
  });
});
