/** Small helpers for sitemap findings: positions and values in messages. */
import type { At } from '../../rule.ts';
import type { XmlElement } from '../../xml/tree.ts';

/** Where `element` starts. */
export function at(element: XmlElement): At {
  return { line: element.line, column: element.column };
}

/** A value for a message: control characters shown as spaces, cut to `max` characters. */
export function describe(value: string, max = 80): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
