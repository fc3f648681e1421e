/**
 * One finding per cause: the same schema.org JSON-LD is often published three times, as a file
 * (`article.jsonld`), in a head snippet (`head.html`) and in a page (`index.html`), and `validate`
 * checks each. A JSON-LD finding (`validate:jsonld` or `validate:html`) with the same rule id, severity
 * and message in files of the same folder is one cause: it is reported once, at its first file, naming
 * the other places, instead of three times.
 */
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';

const JSON_LD_SOURCES = new Set(['validate:jsonld', 'validate:html']);

/** The findings with each JSON-LD cause merged into its first occurrence (input order kept). */
export function toOncePerCause(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const first = new Map<string, { kept: Diagnostic; others: string[] }>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!JSON_LD_SOURCES.has(d.source)) {
      out.push(d);
      continue;
    }
    const key = JSON.stringify([path.posix.dirname(d.file), d.ruleId, d.severity, d.message]);
    const seen = first.get(key);
    if (seen === undefined) {
      const kept = { ...d };
      first.set(key, { kept, others: [] });
      out.push(kept);
    } else if (seen.kept.file !== d.file) {
      seen.others.push(`${path.posix.basename(d.file)}${d.line === undefined ? '' : `:${d.line}${d.column === undefined ? '' : `:${d.column}`}`}`);
    } else {
      out.push(d);
    }
  }
  for (const { kept, others } of first.values()) {
    if (others.length > 0) kept.message = `${kept.message} (the same JSON-LD also in ${others.join(' and ')})`;
  }
  return out;
}
