import type { SiteConfig } from '../config.ts';
import { datePartsOf } from '../read/datetime.ts';

/**
 * Lowercase, hyphenated form of a section name for URLs, folder names and category terms
 * ("Sci-Tech" → "sci-tech", "中国" stays "中国"). A name made only of punctuation becomes its code
 * points (".." → "x2e-2e"), so a slug is never empty, never `.`/`..` and safe as a path segment.
 */
export function toSlug(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? `x${[...text].map((c) => c.codePointAt(0)!.toString(16)).join('-')}` : slug;
}

/** The article guid: the configured prefix plus the id, so a corrected headline never changes identity. */
export function toGuid(id: string, site: SiteConfig): string {
  return `${site.guidPrefix}${id}`;
}

/**
 * The canonical URL from the configured permalink pattern (`{id}`, `{yyyy}`, `{mm}`, `{dd}`, `{section}`),
 * resolved against the site URL. The date parts are those of the publication time in its own offset.
 */
export function toPermalink(site: SiteConfig, parts: { id: string; datePublished: string; sections: readonly string[] }): string {
  const { yyyy, mm, dd } = datePartsOf(parts.datePublished);
  const section = parts.sections[0] === undefined ? '' : toSlug(parts.sections[0]);
  const path = site.permalink.replace(/\{(id|yyyy|mm|dd|section)\}/g, (_, key: string) =>
    key === 'id' ? parts.id : key === 'yyyy' ? yyyy : key === 'mm' ? mm : key === 'dd' ? dd : section,
  );
  return new URL(path, site.url).href;
}

/** Slugged section paths of an article, outermost first: China, Society → `china`, `china/society`. */
export function toSectionPaths(sections: readonly string[]): string[] {
  return sections.map((_, i) => sections.slice(0, i + 1).map(toSlug).join('/'));
}

/** The public URL of a section page from `sectionPermalink`, or undefined when the site does not configure one. */
export function toSectionUrl(site: SiteConfig, path: string): string | undefined {
  return site.sectionPermalink === undefined ? undefined : new URL(site.sectionPermalink.replace('{path}', path), site.url).href;
}
