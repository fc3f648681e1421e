import { describe, expect, it } from 'vitest';
import { toSectionPaths, toSectionUrl, toSlug } from '../src/model/identity.ts';
import { makeSite } from './helpers/fixtures.ts';

describe('toSlug', () => {
  it.each([
    ['Society', 'society'],
    ['Sci-Tech', 'sci-tech'],
    ['Hong Kong / Macao', 'hong-kong-macao'],
    ['中国', '中国'],
    ['Q&A', 'q-a'],
    ['..', 'x2e-2e'],
    ['.', 'x2e'],
    ['—', 'x2014'],
    ['/', 'x2f'],
  ])('%s → %s', (name, slug) => {
    expect(toSlug(name)).toBe(slug);
  });

  it('never yields a path segment that could leave its folder', () => {
    for (const name of ['..', '.', '/', '\\', '../..', ' ', '%2e%2e']) {
      const slug = toSlug(name);
      expect(slug).not.toMatch(/^\.{1,2}$|[/\\]/);
      expect(slug).not.toBe('');
    }
  });
});

describe('section paths and URLs', () => {
  it('gives every prefix of the section path', () => {
    expect(toSectionPaths(['China', 'Society'])).toEqual(['china', 'china/society']);
    expect(toSectionPaths([])).toEqual([]);
  });

  it('resolves the configured section page pattern, and gives nothing without one', () => {
    expect(toSectionUrl(makeSite(), 'china/society')).toBe('https://www.globaltimes.cn/china/society/');
    const { sectionPermalink: _, ...withoutPattern } = makeSite();
    expect(toSectionUrl(withoutPattern, 'china')).toBeUndefined();
  });
});
