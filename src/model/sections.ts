import type { SiteConfig } from '../config.ts';
import { toSectionPaths, toSlug } from './identity.ts';

/**
 * An article's sections with the site's labels (`sections` in site.json) applied: each level whose
 * slugged path is a key takes that key's label (`"world/uk": "UK"` turns World, Uk into World, UK).
 * Used by both readers, so every output, the in-memory and the project build and the cached summaries
 * carry the same names. Labels slug like the name they replace (checked in the config), so URLs, ids and
 * feed paths do not change.
 */
export function toLabelledSections(sections: readonly string[], site: Pick<SiteConfig, 'sections'>): string[] {
  const labels = site.sections;
  if (labels === undefined) return [...sections];
  const paths = toSectionPaths(sections);
  return sections.map((name, i) => (Object.hasOwn(labels, paths[i]!) ? labels[paths[i]!]! : name));
}

/**
 * What is wrong with one `sections` entry of site.json, or undefined: the key must be a slugged section
 * path (`world/uk`, as in `sections/world/uk/` feed paths) and the label must slug to its last level.
 */
export function checkSectionLabel(path: string, label: string): string | undefined {
  const levels = path.split('/');
  const slugged = levels.map((level) => toSlug(level)).join('/');
  if (levels.some((level) => level === '') || slugged !== path) {
    return `a key written as a slugged section path, as in the feed paths "sections/<path>/": "${slugged}", not "${path}"; correct the key`;
  }
  const last = levels.at(-1)!;
  const slug = toSlug(label);
  if (slug !== last) {
    return `a label that slugs to "${last}", the key's last level: "${label}" slugs to "${slug}", which would change URLs and feed paths; write the name of that section (e.g. a different capitalisation), or change the key`;
  }
  return undefined;
}
