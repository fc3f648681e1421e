import type { Article, Image } from '../model/article.ts';

// Shared with the readers, which build the model's bodyHtml: defined with the model.
export { escapeHtml, toParagraphsHtml } from '../model/html.ts';
import { escapeHtml } from '../model/html.ts';

/** The article body as HTML (the model's sanitised `bodyHtml`), shared by feeds, ninjs and NewsML-G2. */
export function toBodyHtml(article: Article): string {
  return article.bodyHtml;
}

/** The article body as plain text, paragraphs separated by a blank line (JSON-LD `articleBody`). */
export function toBodyText(article: Article): string {
  return article.paragraphs.join('\n\n');
}

/** A photo that readers can fetch: it has an absolute http(s) URL. */
export type LinkedImage = Image & { url: string };

/** The photos of an article that have an absolute URL (each becomes a figure, a `media:content`, a JSON Feed `image`). */
export function toLinkedImages(article: Article): LinkedImage[] {
  return article.images.filter((image): image is LinkedImage => image.url !== undefined && /^https?:\/\/[^\s/?#]+/i.test(image.url));
}

/** How {@link toArticleHtml} writes the figures. */
export interface ArticleHtmlOptions {
  /** Give each `<img>` its `width` and `height` when both are known (default true). */
  imageSize?: boolean;
}

/**
 * The correction notice readers see first (front matter `correction:`): one paragraph,
 * `<p class="correction"><strong>Correction:</strong> …</p>`, the text escaped. `p`, `strong` and the
 * `class` attribute are on the W3C feed validator's acceptable lists, and the class lets a site style it.
 */
export function toCorrectionHtml(correction: string): string {
  return `<p class="correction"><strong>Correction:</strong> ${escapeHtml(correction)}</p>`;
}

/**
 * Article HTML, as RSS `content:encoded`, Atom `content` and JSON Feed `content_html` carry it: the
 * correction notice when the story was corrected ({@link toCorrectionHtml}), then a figure per photo
 * that has a URL (caption, then ` — credit` when known), then the body HTML.
 * `figure`, `figcaption`, `img` and the `src`/`alt`/`width`/`height` attributes are all on the W3C
 * feed validator's list of acceptable HTML (feedvalidator `HTMLValidator.acceptable_elements`).
 */
export function toArticleHtml(article: Article, options: ArticleHtmlOptions = {}): string {
  const withSize = options.imageSize ?? true;
  const figures = toLinkedImages(article).map((image) => {
    const caption = image.credit === undefined ? image.caption : `${image.caption} — ${image.credit}`;
    const size = withSize && image.width !== undefined && image.height !== undefined ? ` width="${image.width}" height="${image.height}"` : '';
    return `<figure><img src="${escapeHtml(image.url)}" alt="${escapeHtml(image.caption)}"${size}><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
  });
  const notice = article.correction === undefined ? [] : [toCorrectionHtml(article.correction)];
  return [...notice, ...figures, toBodyHtml(article)].join('\n');
}
