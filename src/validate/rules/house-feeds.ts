/** What syndicate promises of its RSS and Atom feeds beyond RSS 2.0, RFC 4287 and the W3C Feed Validation Service. */
import { defineRules, type Rule } from '../rule.ts';
import { FEED_RULES } from './feeds.ts';

const feeds = ['rss', 'atom'] as const;

/** The house rules of syndicate's feeds. */
export const HOUSE_FEED_RULES = defineRules([
  { id: 'self-link', layer: 'house', severity: 'error', formats: feeds, summary: 'Exactly one self link, the first atom:link of an RSS channel, pointing at the URL the file is served at (site.json feed.baseUrl + its path), with its feed type', w3c: ['SelfDoesntMatchLocation', 'SelfNotAtom'] },
  { id: 'feed-updated', layer: 'house', severity: 'error', formats: feeds, summary: "The feed's date (RSS lastBuildDate, Atom updated) is its newest item's last change" },
  { id: 'feed-limit', layer: 'house', severity: 'error', formats: feeds, summary: 'At most site.json feed.limit items' },
  { id: 'item-order', layer: 'house', severity: 'error', formats: feeds, summary: 'Items newest first' },
] as const);

/**
 * The feed rules as syndicate applies them to its own feeds: "clean" means no error and no warning from
 * the W3C Feed Validation Service (standards.md), so every warning of the standard layer is an error under
 * the house profile.
 */
export const FEED_RULES_W3C_CLEAN: readonly Rule[] = FEED_RULES.map((rule) => (rule.severity === 'warning' ? { ...rule, houseSeverity: 'error' as const } : rule));
