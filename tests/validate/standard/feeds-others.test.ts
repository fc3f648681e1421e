/**
 * Feeds written by other producers are accepted: no error findings (warnings are allowed, and listed
 * when they appear so that a change in them is visible). Hugo's default RSS template and a
 * WordPress-style RSS 2.0 feed are fixtures; the npm `feed` package's RSS 2.0 and Atom are generated here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Feed } from 'feed';
import { describe, expect, it } from 'vitest';
import { toRuleTable } from '../../../src/validate/report.ts';
import { FEED_RULES } from '../../../src/validate/rules/feeds.ts';
import { checkFeed } from '../../../src/validate/standard/feeds/index.ts';

const rules = toRuleTable(FEED_RULES);
const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/others/feeds');

/** The rule ids of `text`'s findings of `severity`, with their lines. */
function findings(text: string, severity: 'error' | 'warning'): string[] {
  return checkFeed(text)
    .findings.filter((f) => rules.get(f.rule)?.severity === severity)
    .map((f) => `${f.rule}@${f.at && 'line' in f.at ? f.at.line : '?'}: ${f.message}`);
}

/** A feed such as a small news site would make with the `feed` package. */
function npmFeed(): Feed {
  const feed = new Feed({
    title: 'Example News',
    description: 'Stories from the example newsroom',
    id: 'https://news.example.com/',
    link: 'https://news.example.com/',
    language: 'en',
    image: 'https://news.example.com/logo.png',
    favicon: 'https://news.example.com/favicon.ico',
    copyright: 'All rights reserved 2024, Example News',
    updated: new Date('2024-09-03T10:00:00Z'),
    generator: 'Example generator',
    feedLinks: { rss: 'https://news.example.com/rss.xml', atom: 'https://news.example.com/atom.xml' },
    author: { name: 'Newsdesk', email: 'desk@news.example.com', link: 'https://news.example.com/about' },
  });
  feed.addCategory('City');
  feed.addItem({
    title: 'Council approves bus lanes & cycle paths',
    id: 'https://news.example.com/2024/09/03/bus-lanes',
    link: 'https://news.example.com/2024/09/03/bus-lanes',
    description: 'The council voted 7–2 on Monday.',
    content: '<p>The council voted <strong>7–2</strong> on Monday to build bus lanes.</p>',
    author: [{ name: 'Jane Reporter', email: 'jane@news.example.com', link: 'https://news.example.com/jane' }],
    date: new Date('2024-09-03T09:00:00Z'),
    published: new Date('2024-09-03T08:00:00Z'),
    // The package writes an Atom category's term only when given one (RFC 4287 §4.2.2.1 requires it).
    category: [{ name: 'Transport', term: 'transport', domain: 'https://news.example.com/tags/', scheme: 'https://news.example.com/tags/' }],
    image: 'https://news.example.com/images/bus.jpg',
  });
  feed.addItem({
    title: 'Library opens on Sundays',
    id: 'https://news.example.com/2024/09/02/library',
    link: 'https://news.example.com/2024/09/02/library',
    description: 'From October the central library opens on Sundays.',
    date: new Date('2024-09-02T15:30:00Z'),
  });
  return feed;
}

describe("other producers' feeds are accepted", () => {
  it("Hugo's default RSS template", () => {
    const text = readFileSync(path.join(FIXTURES, 'hugo-0.111-default-rss.xml'), 'utf8');
    expect(checkFeed(text).kind).toBe('rss');
    expect(findings(text, 'error')).toEqual([]);
  });

  it('a WordPress-style RSS 2.0 feed (content:encoded, dc:creator, slash:comments, wfw:commentRss, sy:updatePeriod)', () => {
    const text = readFileSync(path.join(FIXTURES, 'wordpress-6-rss2.xml'), 'utf8');
    expect(checkFeed(text).kind).toBe('rss');
    expect(findings(text, 'error')).toEqual([]);
    expect(findings(text, 'warning')).toEqual([]);
  });

  it("the npm feed package's RSS 2.0", () => {
    const text = npmFeed().rss2();
    const check = checkFeed(text);
    expect([check.kind, check.version]).toEqual(['rss', '2.0']);
    expect(findings(text, 'error')).toEqual([]);
  });

  it("the npm feed package's Atom 1.0", () => {
    const text = npmFeed().atom1();
    const check = checkFeed(text);
    expect([check.kind, check.version]).toEqual(['atom', '1.0']);
    expect(findings(text, 'error')).toEqual([]);
  });

  it("but not the package's Atom category without a term, which RFC 4287 requires", () => {
    const feed = npmFeed();
    feed.addItem({ title: 'Untermed', link: 'https://news.example.com/x', date: new Date('2024-09-01T00:00:00Z'), category: [{ name: 'Misc' }] });
    expect(findings(feed.atom1(), 'error').map((f) => f.split('@')[0])).toEqual(['missing-attribute']);
  });
});
