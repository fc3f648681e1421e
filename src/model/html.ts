/** HTML the model itself is made of: escaped text, and wire copy's paragraphs as `bodyHtml`. */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML/XML element content and attribute values (numeric/XML entities only, never `&nbsp;`). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Plain-text paragraphs as HTML: one `<p>…</p>` per paragraph, text escaped, joined by "\n" (wire copy's `bodyHtml`). */
export function toParagraphsHtml(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}
