/**
 * The article page, `articles/<id>/index.html`: a minimal, accessible, responsive HTML5 document that
 * shows what the structured data says (Google: structured data must describe visible content), so the
 * headline, dates, byline and photos a reader sees are the ones the JSON-LD states.
 */
import type { SiteConfig } from '../config.ts';
import type { Article, Image, Person } from '../model/article.ts';
import { toSectionPaths, toSectionUrl } from '../model/identity.ts';
import type { Emitter, OutputFile } from '../model/output.ts';
import { toHeadLines } from './head.ts';
import { escapeHtmlAttribute, escapeHtmlText, formatReadableDate, toFeedLinks, toFeedParagraph, toHtmlDocument } from './htmlpage.ts';
import { toOutputValue } from './xmltext.ts';

/**
 * The complete page of one article, ending with "\n". `headLines` is the article's head snippet
 * ({@link toHeadLines} of the same article and site), when the caller has it already.
 */
export function toPageHtml(raw: Article, rawSite: SiteConfig, headLines: readonly string[] = toHeadLines(raw, rawSite)): string {
  const article = toOutputValue(raw);
  const site = toOutputValue(rawSite);
  return toHtmlDocument({
    language: article.language,
    title: `${article.headline} — ${site.name}`,
    head: headLines,
    body: [
      `<header class="site"><a href="${escapeHtmlAttribute(site.url)}">${escapeHtmlText(site.name)}</a></header>`,
      toBreadcrumb(article, site),
      '<main>',
      '<article>',
      '<header>',
      `<h1>${escapeHtmlText(article.headline)}</h1>`,
      toMetaLine(article),
      toBylineHtml(article, site),
      '</header>',
      ...(article.correction !== undefined ? [`<p class="correction" role="note"><strong>Correction:</strong> ${escapeHtmlText(article.correction)}</p>`] : []),
      ...article.images.map(toFigureHtml),
      '<div class="body">',
      toPageBodyHtml(article.bodyHtml),
      '</div>',
      '</article>',
      '</main>',
      '<footer>',
      `<p>${escapeHtmlText(site.copyright.notice)}</p>`,
      ...toFeedParagraph(toFeedLinks(site, article)),
      '</footer>',
    ],
  });
}

/**
 * Home › each section › the story, as the WAI-ARIA Authoring Practices breadcrumb pattern writes it
 * (`<nav aria-label="Breadcrumb">`, an ordered list, `aria-current="page"` on the last item). Sections
 * are links only when the site configures `sectionPermalink` (their URLs are never guessed), matching
 * the JSON-LD BreadcrumbList, which exists only then.
 */
function toBreadcrumb(article: Article, site: SiteConfig): string {
  const paths = toSectionPaths(article.sections);
  const crumbs = [
    `<li><a href="${escapeHtmlAttribute(site.url)}">${escapeHtmlText(site.name)}</a></li>`,
    ...article.sections.map((name, i) => {
      const path = paths[i];
      const url = path === undefined ? undefined : toSectionUrl(site, path);
      return url === undefined ? `<li>${escapeHtmlText(name)}</li>` : `<li><a href="${escapeHtmlAttribute(url)}">${escapeHtmlText(name)}</a></li>`;
    }),
    `<li aria-current="page">${escapeHtmlText(article.headline)}</li>`,
  ];
  return `<nav aria-label="Breadcrumb"><ol>${crumbs.join('')}</ol></nav>`;
}

/**
 * Dateline, then `<time>` for publication and (when it differs) the update. `datetime` keeps the
 * offset as written (a "valid global date and time string", HTML §2.3.5.7); the text is the
 * publisher's wording in its own offset ({@link formatReadableDate}).
 */
function toMetaLine(article: Article): string {
  const parts = [
    ...(article.dateline !== undefined ? [`<span class="dateline">${escapeHtmlText(article.dateline)}</span>`] : []),
    `<time class="published" datetime="${escapeHtmlAttribute(article.datePublished)}">Published ${formatReadableDate(article.datePublished)}</time>`,
    ...(article.dateModified !== undefined && article.dateModified !== article.datePublished
      ? [`<time class="updated" datetime="${escapeHtmlAttribute(article.dateModified)}">Updated ${formatReadableDate(article.dateModified)}</time>`]
      : []),
  ];
  return `<p class="meta">${parts.join(' · ')}</p>`;
}

/**
 * "By A, B and C" (English) or the names separated by commas (other languages), as the NewsML-G2 and
 * ninjs bylines are joined; an author with a profile URL is a `rel="author"` link (HTML §4.6.7.2).
 * Without a byline the publisher is named, linking home: the JSON-LD names it as the author then.
 */
function toBylineHtml(article: Article, site: SiteConfig): string {
  const people: Person[] = article.authors.length > 0 ? article.authors : [{ name: site.name, url: site.url }];
  const names = people.map((p) =>
    p.url !== undefined
      ? `<a class="author" rel="author" href="${escapeHtmlAttribute(p.url)}">${escapeHtmlText(p.name)}</a>`
      : `<span class="author">${escapeHtmlText(p.name)}</span>`,
  );
  const last = names.pop() ?? '';
  const joined = names.length === 0 ? last : /^en(?:-|$)/.test(article.language) ? `${names.join(', ')} and ${last}` : [...names, last].join(', ');
  return `<p class="byline">By ${joined}</p>`;
}

/**
 * A photo: `<img>` with the caption as its text alternative (HTML §4.8.4.4: the caption describes the
 * image) and its size when known (no layout shift), then the caption and credit. A photo the source
 * names without a URL keeps its visible caption but has no `<img>` (nothing to show).
 */
function toFigureHtml(image: Image): string {
  const size = image.width !== undefined && image.height !== undefined ? ` width="${image.width}" height="${image.height}"` : '';
  const img = image.url === undefined ? '' : `<img src="${escapeHtmlAttribute(image.url)}" alt="${escapeHtmlAttribute(image.caption)}"${size}>`;
  const credit = image.credit === undefined ? '' : ` <span class="credit">Photo: ${escapeHtmlText(image.credit)}</span>`;
  return `<figure class="photo">${img}<figcaption>${escapeHtmlText(image.caption)}${credit}</figcaption></figure>`;
}

/**
 * The body as sanitised (`Article.bodyHtml`), with its headings one level down (`h1`→`h2` … `h5`→`h6`)
 * so the headline stays the page's only `<h1>` (HTML §4.3.11 "Headings and outlines"), and each table
 * in a `<div class="table">` that scrolls sideways on a narrow screen (PAGE_STYLE; `display:block` on
 * the table itself would cost it its table semantics in some screen readers). A plain replacement is
 * exact here: `bodyHtml` is guaranteed XHTML-compatible, so every `<` in text or attribute values is
 * escaped and `<hN`, `</hN`, `<table` and `</table>` can only be tags.
 */
function toPageBodyHtml(bodyHtml: string): string {
  return bodyHtml
    .replace(/<(\/?)h([1-5])(?=[\s/>])/g, (_, slash: string, level: string) => `<${slash}h${Number(level) + 1}`)
    .replace(/<table(?=[\s/>])[^>]*>/g, (open) => `<div class="table">${open}`)
    .replace(/<\/table>/g, '</table></div>');
}

/** The file `articles/<id>/index.html` holding `text`, the article's page ({@link toPageHtml}). */
export function toPageFile(article: Article, text: string): OutputFile {
  return { path: `articles/${article.id}/index.html`, text, format: 'page', sources: [article.source] };
}

/** One page per article, at `articles/<id>/index.html`. */
export const emitPage: Emitter = (articles, site) => articles.map((article) => toPageFile(article, toPageHtml(article, site)));
