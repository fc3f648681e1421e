import { escapeHtml } from '../../model/html.ts';
import type { BodyNode } from './nodes.ts';

/** Elements without content, written self-closed (`<br />`) so that the HTML is also XHTML. */
const VOID_ELEMENTS = new Set(['br', 'hr', 'img']);

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '<': '&lt;', '>': '&gt;' };

/**
 * The tree as HTML that is also XHTML, byte for byte as rehype-stringify wrote it before: void
 * elements self-closed (`<br />`), attributes double-quoted, text escaped like wire copy (`&amp;`,
 * `&lt;`, `&gt;`, `&quot;`, `&#39;`: the same facts give the same `bodyHtml` in both formats, and `>`
 * is escaped too, so `]]>` never appears in text, which XML 1.0 §2.4 forbids), attribute values with
 * `&amp;` and `&quot;`, `&#x27;` and `&#x60;` (hast-util-to-html's choice) and `&lt;`/`&gt;` (XML 1.0
 * §3.1 forbids `<` there).
 */
export function formatHtml(nodes: readonly BodyNode[]): string {
  let html = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      html += escapeHtml(node.value);
      continue;
    }
    html += `<${node.tagName}`;
    for (const [name, value] of Object.entries(node.attributes)) html += ` ${name}="${value.replace(/[&"'`<>]/g, (c) => ATTRIBUTE_ESCAPES[c]!)}"`;
    html += VOID_ELEMENTS.has(node.tagName) ? ' />' : `>${formatHtml(node.children)}</${node.tagName}>`;
  }
  return html;
}
