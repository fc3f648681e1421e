/**
 * The half of a project build that runs only when there is something to build: the readers, emitters
 * and validators. `npm run compile` bundles it into `heavy.bundle.js`, which `loadHeavy` (lazy.ts) prefers.
 */
export { processSource } from './process.ts';
export { buildArticle } from '../pipeline/article.ts';
export { buildFeeds } from '../pipeline/feeds.ts';
export { validateOutput } from '../validate/index.ts';
