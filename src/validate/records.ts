/** What the build's own record files (the versions state, the partners' index) must be: their schema, and unique keys. */
import type { z } from 'zod';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { OutputFile } from '../model/output.ts';

/** A value that must appear once in the file: what kind it is (`id`, `guid`, `file`) and the value. */
export type UniqueKey = readonly [kind: 'id' | 'guid' | 'file', value: string];

/**
 * Parses `file` as JSON and checks it against `schema`; then that every key `toKeys` lists for the data
 * appears once (`duplicate-<kind>`, saying that every `owner` has its own).
 */
export function validateRecords<T>(file: OutputFile, source: string, schema: z.ZodType<T>, toKeys: (data: T) => Iterable<UniqueKey>, owner: string): Diagnostic[] {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    return [diagnostic('error', file.path, source, 'malformed-json', `is not JSON: ${(error as Error).message}`)];
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return parsed.error.issues.map((issue) => diagnostic('error', file.path, source, 'schema', `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  const found: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const [kind, value] of toKeys(parsed.data)) {
    const key = `${kind}\0${value}`;
    if (seen.has(key)) found.push(diagnostic('error', file.path, source, `duplicate-${kind}`, `${kind} "${value}" appears twice; every ${owner} has its own ${kind}`));
    seen.add(key);
  }
  return found;
}
