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
 * Keeps each source whose article id no other source has. Sources sharing an id are all left out, each
 * with a `duplicate-id` error naming the others: which one is the story is the editor's call, never the
 * path order's. A build with no source, or none readable and no other error to explain it, gets a
 * `no-articles` error.
 */
export function acceptArticles(outcomes: readonly ReadOutcome[], articlesPath: string): { accepted: Set<string>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const owners = new Map<string, string[]>();
  for (const { source, id } of outcomes) {
    if (id === undefined) continue;
    const sources = owners.get(id);
    if (sources === undefined) owners.set(id, [source]);
    else sources.push(source);
  }
  const accepted = new Set<string>();
  for (const [id, sources] of owners) {
    if (sources.length === 1) {
      accepted.add(sources[0] as string);
      continue;
    }
    for (const source of sources) {
      const others = sources.filter((s) => s !== source).join(', ');
      diagnostics.push(
        diagnostic('error', source, 'build', 'duplicate-id', `article id "${id}" is also used by ${others}; ids must be unique, so none of them is published: rename files or set a different \`id:\` in the front matter`),
      );
    }
  }
  if (outcomes.length === 0) {
    diagnostics.push(diagnostic('error', articlesPath, 'build', 'no-articles', 'the articles folder holds no files; add .txt or .md articles to it'));
  } else if (owners.size === 0 && !outcomes.some((o) => o.failed)) {
    diagnostics.push(diagnostic('error', articlesPath, 'build', 'no-articles', 'no article could be read; add .txt or .md articles to the articles folder'));
  }
  return { accepted, diagnostics };
}
