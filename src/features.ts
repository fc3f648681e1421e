/**
 * Features a site.json leaves out: a format or part of one that needs a fact about the publication the
 * file does not give (docs/configuration.md). Each is skipped with one warning naming the fields to add,
 * never filled in with a guess (the house rule: a fact the source lacks is left out with a warning).
 */
import type { SiteConfig } from './config.ts';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { OUTPUT_CHOICES, type OutputChoice } from './model/output.ts';

/** One warning per feature that the chosen outputs would use and site.json does not configure, at `configFile`. */
export function toSkippedFeatureWarnings(site: SiteConfig, configFile: string): Diagnostic[] {
  const chosen = new Set<OutputChoice>(site.outputs ?? OUTPUT_CHOICES);
  const uses = (...formats: OutputChoice[]) => formats.some((format) => chosen.has(format));
  const warn = (ruleId: string, message: string) => diagnostic('warning', configFile, 'config', ruleId, message);
  const warnings: Diagnostic[] = [];
  if (chosen.has('newsml') && site.newsml === undefined) {
    warnings.push(warn('skipped-newsml', 'no NewsML-G2 is written: it needs the provider of the items; add "newsml": {"provider": {"name": "…", "uri": "https://…"}} to site.json, or leave "newsml" out of "outputs"'));
  }
  if (uses('jsonld', 'head', 'page') && site.logo === undefined) {
    warnings.push(warn('skipped-logo', 'the JSON-LD publisher has no logo, which Google asks for; add "logo": {"url": "https://…/logo.png", "width": 600, "height": 60} to site.json (its size in whole pixels)'));
  }
  if ((uses('ninjs') || (chosen.has('newsml') && site.newsml !== undefined)) && site.mediaTopics === undefined) {
    warnings.push(warn('skipped-media-topics', 'no story has an IPTC Media Topic in NewsML-G2 or ninjs; add "mediaTopics": {"<section name>": {"qcode": "medtop:…", "name": "…"}} to site.json for the sections you publish'));
  }
  return warnings;
}
