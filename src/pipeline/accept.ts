/** Which of the articles read a build keeps: ids must be unique, and there must be something to build. */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';

/** What reading one source gave, as far as accepting it is concerned. */
export interface ReadOutcome {
  source: string;
  /** The article's id, when it could be read. */
  id?: string | undefined;
  /** True when reading reported an error. */
  failed: boolean;
}

/**
 * Keeps the first source (in the given order: sorted by path) of each article id; each later one is a
 * `duplicate-id` error naming both files. A build with no source, or none readable and no other error
 * to explain it, gets a `no-articles` error.
 */
export function acceptArticles(outcomes: readonly ReadOutcome[], articlesPath: string): { accepted: Set<string>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const owner = new Map<string, string>();
  for (const { source, id } of outcomes) {
    if (id === undefined) continue;
    const clash = owner.get(id);
    if (clash === undefined) {
      owner.set(id, source);
      continue;
    }
    diagnostics.push(
      diagnostic('error', source, 'build', 'duplicate-id', `article id "${id}" is already used by ${clash}; ids must be unique: rename one file or set a different \`id:\` in its front matter`),
    );
  }
  if (outcomes.length === 0) {
    diagnostics.push(diagnostic('error', articlesPath, 'build', 'no-articles', 'the articles folder holds no files; add .txt or .md articles to it'));
  } else if (owner.size === 0 && !outcomes.some((o) => o.failed)) {
    diagnostics.push(diagnostic('error', articlesPath, 'build', 'no-articles', 'no article could be read; add .txt or .md articles to the articles folder'));
  }
  return { accepted: new Set(owner.values()), diagnostics };
}
