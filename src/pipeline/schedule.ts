/** Publication dates against the build time: checked on every build (the answer changes as time passes, so it is never cached). */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

/** Clocks disagree by minutes; a story an hour ahead is scheduled, not skewed. */
const SKEW_MS = 60 * 60 * 1000;
/** More than a year ahead is a typo (2204 for 2024), not a plan. */
const FAR_MS = 366 * 24 * 60 * 60 * 1000;

/** How far ahead of the build time a publication date starts to draw each finding (for knowing when the answer changes). */
export const FUTURE_DATE_LIMITS = [SKEW_MS, FAR_MS] as const;

/** What the check needs of an article. */
export interface DatedArticle {
  source: string;
  datePublished: string;
  /** False when withdrawn or under embargo (not published now, so a future date is expected). */
  listed: boolean;
}

/**
 * A publication date more than a year after the build time is an error (almost always a typo); one
 * more than an hour after it, for a story that is published now, is a warning: feeds would carry a
 * story dated in the future and the news sitemap leaves it out until then.
 */
export function checkPublicationDates(articles: readonly DatedArticle[], now: string): Diagnostic[] {
  const at = Date.parse(now);
  const found: Diagnostic[] = [];
  for (const article of articles) {
    const ahead = Date.parse(article.datePublished) - at;
    if (ahead > FAR_MS) {
      found.push(diagnostic('error', article.source, 'build', 'far-future-date', `is dated ${article.datePublished}, more than a year after the build time (${now}); correct the date (a typo in the year?)`));
    } else if (ahead > SKEW_MS && article.listed) {
      found.push(
        diagnostic('warning', article.source, 'build', 'future-date', `is dated ${article.datePublished}, after the build time (${now}), yet published now; to hold it until then add \`embargo: ${article.datePublished}\`, or correct the date`),
      );
    }
  }
  return found;
}
