import { describe, expect, it } from 'vitest';
import { CACHE_FORMAT, type CacheEntry, type CacheIndex, type OutputStamp } from '../../src/project/cache.ts';
import { countOutputs, toOutputChanges } from '../../src/project/outputs.ts';

const entry = (outputs: OutputStamp[], partnerOutputs: OutputStamp[] = []): CacheEntry => ({ hash: 'h', stamp: 's', supported: true, failed: false, readDiagnostics: [], outputDiagnostics: [], outputs, partnerOutputs });
const index = (entries: Record<string, CacheEntry>, feeds: OutputStamp[] = [], partnerIndex?: OutputStamp): CacheIndex => ({ format: CACHE_FORMAT, key: 'k', entries, feeds: { key: 'f', outputs: feeds, diagnostics: [] }, ...(partnerIndex ? { partnerIndex } : {}) });

describe('toOutputChanges', () => {
  it('compares only the entries built again and the shared files', () => {
    const kept = entry([['articles/a/index.html', '1']]);
    const before = index({ 'a.txt': kept, 'b.txt': entry([['articles/b/index.html', '1']]) }, [['rss.xml', 'x']]);
    // b rebuilt with the same text, rss.xml changed
    const after = index({ 'a.txt': { ...kept, stamp: 'new' }, 'b.txt': entry([['articles/b/index.html', '1']]) }, [['rss.xml', 'y']]);
    expect(toOutputChanges(before, after, 'public')).toEqual({ changed: ['rss.xml'], removed: [] });
  });

  it('finds files that moved from one source to another, and the files of a source that went away', () => {
    const before = index({ 'a.txt': entry([['articles/x/index.html', '1']]), 'b.txt': entry([['articles/b/index.html', '2']]) });
    // a.txt now has another id; b.txt took the id a.txt had, with other text; c.txt is new
    const after = index({ 'b.txt': entry([['articles/x/index.html', '3']]), 'c.txt': entry([['articles/c/index.html', '4']]) });
    const changes = toOutputChanges(before, after, 'public');
    expect(changes.changed.sort()).toEqual(['articles/c/index.html', 'articles/x/index.html']);
    expect(changes.removed).toEqual(['articles/b/index.html']);
  });

  it('treats a file moved between sources with the same hash as unchanged', () => {
    const before = index({ 'a.txt': entry([['articles/x/index.html', '1']]) });
    const after = index({ 'renamed.txt': entry([['articles/x/index.html', '1']]) });
    expect(toOutputChanges(before, after, 'public')).toEqual({ changed: [], removed: [] });
  });

  it('handles the partner folder and its index', () => {
    const before = index({ 'a.txt': entry([], [['embargoed/a/ninjs.json', '1']]) }, [], ['index.json', 'p1']);
    const after = index({ 'a.txt': entry([['articles/a/index.html', '2']]) });
    expect(toOutputChanges(before, after, 'partner')).toEqual({ changed: [], removed: ['embargoed/a/ninjs.json', 'index.json'] });
    expect(toOutputChanges(before, after, 'public')).toEqual({ changed: ['articles/a/index.html'], removed: [] });
    expect(countOutputs(after, 'partner')).toBe(0);
  });
});
