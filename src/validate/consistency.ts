/**
 * "One story, one truth": what each output states about each article, compared with its JSON-LD (the
 * reference). The validators return the facts with their findings; nothing is read twice.
 */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { OutputFormat } from '../model/output.ts';
import { toNewsLanguage } from '../emit/language.ts';
import type { ArticleFacts } from './facts.ts';

export type { ArticleFacts } from './facts.ts';

const FIELDS = ['headline', 'published', 'modified', 'url', 'authors', 'images', 'language'] as const;

/** What one output states, as its validator read it. */
export interface StatedFacts {
  /** Path of the file under its output folder. */
  path: string;
  format: OutputFormat;
  /** Source files of the articles it carries. */
  sources: readonly string[];
  facts: readonly ArticleFacts[];
}

/** The facts an article's JSON-LD states, with where it states them: the reference other formats are compared with. */
export interface ReferenceFacts {
  /** Path of the JSON-LD file under the output folder. */
  path: string;
  /** Source files of the article. */
  sources: string[];
  facts: ArticleFacts;
  /** The format of the file (JSON-LD when absent). */
  format?: OutputFormat;
}

/** The reference facts among `stated`: those of the JSON-LD files. */
export function toReferenceFacts(stated: readonly StatedFacts[]): ReferenceFacts[] {
  return stated.filter((s) => s.format === 'jsonld').flatMap((s) => s.facts.map((facts) => ({ path: s.path, sources: [...s.sources], facts })));
}

/**
 * Checks that every output states the same facts about each article as its JSON-LD: headline,
 * publication and modification instants, canonical URL, authors, images and language. A mismatch is an error
 * naming both files (by their path inside the folder; the build names the folder). `references` adds
 * JSON-LD facts checked earlier (an incremental build compares feeds with the facts of articles it did
 * not rebuild).
 */
export function checkConsistency(stated: readonly StatedFacts[], references: readonly ReferenceFacts[] = []): Diagnostic[] {
  const reference = new Map([...references, ...toReferenceFacts(stated)].map((r) => [r.facts.guid, r]));
  // The news sitemap names its stories by URL only (its facts have no guid).
  const byUrl = new Map([...reference.values()].filter((r) => r.facts.url !== undefined).map((r) => [r.facts.url!, r]));
  // A build whose outputs leave JSON-LD out has no reference: the first file that states an article
  // is then the one the others are compared with.
  const withJsonLd = reference.size > 0;
  const found: Diagnostic[] = [];
  for (const output of stated) {
    if (output.format === 'jsonld') continue;
    for (const f of output.facts) {
      const ref = f.guid === '' ? (f.url === undefined ? undefined : byUrl.get(f.url)) : reference.get(f.guid);
      if (f.guid === '' && ref === undefined) continue;
      if (ref === undefined) {
        if (withJsonLd) found.push(diagnostic('error', output.path, 'validate:consistency', 'unknown-article', `carries an article with id "${f.guid}" that no JSON-LD file describes; every format must use the article's guid`));
        else reference.set(f.guid, { path: output.path, sources: [...output.sources], facts: f, format: output.format });
        continue;
      }
      for (const field of FIELDS) {
        const mine = f[field];
        const theirs = ref.facts[field];
        if (mine === undefined || theirs === undefined || sameValue(mine, theirs)) continue;
        if (field === 'language' && sameLanguageAs(output.format, mine as string, theirs as string)) continue;
        found.push(
          diagnostic(
            'error',
            output.path,
            'validate:consistency',
            `inconsistent-${field}`,
            `says ${field} ${show(field, mine)} for "${f.guid || f.url}", but ${ref.format === undefined || ref.format === 'jsonld' ? `its JSON-LD (${ref.path})` : ref.path} says ${show(field, theirs)}; every format must state the same ${field} (this is a bug in an emitter: please report it)`,
            {},
            ref.sources.join(', ') || undefined,
          ),
        );
      }
    }
  }
  return found;
}

/**
 * A story's language as `format` states it (`mine`) is the JSON-LD's (`theirs`): BCP 47 tags compare
 * case-insensitively (RFC 5646 §2.1.1); the news sitemap states Google's code for the tag.
 */
function sameLanguageAs(format: OutputFormat, mine: string, theirs: string): boolean {
  return format === 'sitemap' ? mine === toNewsLanguage(theirs) : mine.toLowerCase() === theirs.toLowerCase();
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(field: (typeof FIELDS)[number], value: unknown): string {
  if ((field === 'published' || field === 'modified') && typeof value === 'number') return new Date(value).toISOString();
  return JSON.stringify(value);
}
