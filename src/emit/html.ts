import type { Article } from '../model/article.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML/XML element content and attribute values (numeric/XML entities only, never `&nbsp;`). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** The article body as HTML paragraphs (`<p>…</p>` per paragraph, text escaped), shared by feeds and NewsML-G2. */
export function toBodyHtml(article: Article): string {
  return article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}

/** The article body as plain text, paragraphs separated by a blank line (JSON-LD `articleBody`). */
export function toBodyText(article: Article): string {
  return article.paragraphs.join('\n\n');
}
