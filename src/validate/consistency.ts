import type { SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { OutputFile } from '../model/output.ts';
import { readFacts, type ArticleFacts } from './facts.ts';

export type { ArticleFacts } from './facts.ts';

const FIELDS = ['headline', 'published', 'modified', 'url', 'authors', 'images'] as const;

/** The facts an article's JSON-LD states, with where it states them: the reference other formats are compared with. */
export interface ReferenceFacts {
  /** Path of the JSON-LD file under the output folder. */
  path: string;
  /** Source files of the article. */
  sources: string[];
  facts: ArticleFacts;
}

/** The reference facts stated by the JSON-LD files among `outputs`. */
export function toReferenceFacts(outputs: readonly OutputFile[], site: SiteConfig): ReferenceFacts[] {
  return outputs
    .filter((file) => file.format === 'jsonld')
    .flatMap((file) => readFacts(file, site).map((facts) => ({ path: file.path, sources: file.sources, facts })));
}

/**
 * Checks that every output states the same facts about each article as its JSON-LD (the reference):
 * headline, publication and modification instants, canonical URL, authors and images. A mismatch is
 * an error naming both files. Files that do not parse are skipped here (their validator reports them).
 * `references` adds JSON-LD facts checked earlier (an incremental build compares feeds with the
 * facts of articles it did not rebuild).
 */
export function checkConsistency(outputs: readonly OutputFile[], site: SiteConfig, references: readonly ReferenceFacts[] = []): Diagnostic[] {
  // The validators have read the facts from the documents they parsed; files they have not seen are read here.
  const stated = outputs.filter((file) => file.format !== 'jsonld').flatMap((file) => readFacts(file, site).map((f) => ({ file, facts: f })));
  const reference = new Map([...references, ...toReferenceFacts(outputs, site)].map((r) => [r.facts.guid, r]));
  const found: Diagnostic[] = [];
  for (const { file, facts: f } of stated) {
    const ref = reference.get(f.guid);
    const path = file.path;
    if (ref === undefined) {
      found.push(diagnostic('error', path, 'validate:consistency', 'unknown-article', `carries an article with id "${f.guid}" that no JSON-LD file describes; every format must use the article's guid`));
      continue;
    }
    for (const field of FIELDS) {
      const mine = f[field];
      const theirs = ref.facts[field];
      if (mine === undefined || theirs === undefined) continue;
      if (!sameValue(mine, theirs)) {
        found.push(
          diagnostic(
            'error',
            path,
            'validate:consistency',
            `inconsistent-${field}`,
            `says ${field} ${show(field, mine)} for "${f.guid}", but its JSON-LD (${ref.path}) says ${show(field, theirs)}; every format must state the same ${field} (this is a bug in an emitter: please report it)`,
            {},
            ref.sources.join(', ') || undefined,
          ),
        );
      }
    }
  }
  return found;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(field: (typeof FIELDS)[number], value: unknown): string {
  if ((field === 'published' || field === 'modified') && typeof value === 'number') return new Date(value).toISOString();
  return JSON.stringify(value);
}
