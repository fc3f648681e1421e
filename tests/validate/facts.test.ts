import { describe, expect, it } from 'vitest';
import { emitters } from '../../src/emit/index.ts';
import type { OutputFile } from '../../src/model/output.ts';
import { checkConsistency } from '../../src/validate/consistency.ts';
import { validateOutput } from '../../src/validate/index.ts';
import { makeArticle, makeRichArticle, makeSite } from '../helpers/fixtures.ts';
import { statedFacts } from '../helpers/validate.ts';

const site = makeSite();
const NOW = '2024-09-06T00:00:00+08:00';

function emitAll(): OutputFile[] {
  return (Object.keys(emitters) as (keyof typeof emitters)[]).flatMap((format) => emitters[format]([makeRichArticle(), makeArticle()], site, { now: NOW }));
}

describe('facts returned by the validators with their findings', () => {
  it('every format that carries a story states its guid and headline; the sitemap names stories by URL, the index page states none', () => {
    const rich = makeRichArticle();
    for (const file of emitAll()) {
      const facts = validateOutput(file, site).facts;
      if (file.format === 'index') {
        expect(facts, file.path).toEqual([]);
        continue;
      }
      if (file.format === 'sitemap') {
        expect(facts.map((f) => [f.guid, f.url, f.headline, f.language])).toEqual([['', rich.url, rich.headline, 'en'], ['', makeArticle().url, makeArticle().headline, 'en']]);
        continue;
      }
      const own = facts.filter((f) => f.guid === rich.guid);
      if (file.path.startsWith('articles/') && !file.path.includes('rich-story')) continue;
      expect(own.length, file.path).toBeGreaterThan(0);
      for (const f of own) if (f.headline !== undefined) expect(f.headline, file.path).toBe(rich.headline);
    }
  });

  it('are read from the text checked, so an edited file states what it now says', () => {
    const outputs = emitAll();
    const rss = outputs.find((f) => f.path === 'rss.xml')!;
    rss.text = rss.text.replace('<title>Tariffs', '<title>Tarifs');
    expect(checkConsistency(statedFacts(outputs, site))).toEqual([expect.objectContaining({ file: 'rss.xml', ruleId: 'inconsistent-headline' })]);
  });

  it('follow the site given: NewsML-G2 names the publisher as author of a story without byline', () => {
    const newsml = emitAll().find((f) => f.path === 'articles/cyberspace-governance/newsml.xml')!;
    expect(validateOutput(newsml, makeSite({ name: 'Other Times' })).facts[0]?.authors).toEqual(['Other Times']);
  });

  it('are none for a file that does not parse', () => {
    const newsml = emitAll().find((f) => f.format === 'newsml')!;
    expect(validateOutput({ ...newsml, text: newsml.text.slice(0, 200) }, site).facts).toEqual([]);
  });
});
