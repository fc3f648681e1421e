/**
 * An article's own files (`articles/<id>/…`), emitted together. The JSON-LD, the head snippet and the page
 * all carry the article's JSON-LD text, and the page carries the head snippet: each is computed once here
 * and passed on, where calling the three emitters one by one would build and serialise the graph three times.
 */
import type { SiteConfig } from '../config.ts';
import type { Article } from '../model/article.ts';
import type { OutputFile } from '../model/output.ts';
import { toHeadFile, toHeadHtml, toHeadLines } from './head.ts';
import { toArticleJsonLd, toJsonLdFile } from './jsonld.ts';
import { emitNewsml } from './newsml.ts';
import { emitNinjs } from './ninjs.ts';
import { toPageFile, toPageHtml } from './page.ts';

/** The formats written once per article. */
export type ArticleFormat = 'jsonld' | 'newsml' | 'ninjs' | 'head' | 'page';

/**
 * The files of `article` in `formats`, in that order: exactly what `emitJsonLd`, `emitNewsml`,
 * `emitNinjs`, `emitHead` and `emitPage` write for it, the shared parts computed once.
 */
export function emitArticleFiles(formats: readonly ArticleFormat[], article: Article, site: SiteConfig): OutputFile[] {
  // The values are local to this call: nothing is cached across calls, so no later change to the
  // article or the site can be answered with a stale text.
  let jsonLd: string | undefined;
  let headLines: string[] | undefined;
  const toJsonLd = () => (jsonLd ??= toArticleJsonLd(article, site));
  const toHead = () => (headLines ??= toHeadLines(article, site, toJsonLd()));
  return formats.flatMap((format): OutputFile[] => {
    switch (format) {
      case 'jsonld':
        return [toJsonLdFile(article, toJsonLd())];
      case 'head':
        return [toHeadFile(article, toHeadHtml(article, site, toHead()))];
      case 'page':
        return [toPageFile(article, toPageHtml(article, site, toHead()))];
      case 'newsml':
        return emitNewsml([article], site);
      case 'ninjs':
        return emitNinjs([article], site);
    }
  });
}
