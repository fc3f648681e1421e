/** Checks of syndicate's own record files (the versions state, the partners' index): their schema, then unique keys. */
import type { z } from 'zod';
import { PartnerIndexSchema } from '../model/partners.ts';
import { StateSchema } from '../model/state.ts';
import type { Finding } from './rule.ts';
import type { RecordRule } from './rules/records.ts';

type Key = readonly ['id' | 'guid' | 'file', string, readonly (string | number)[]];

/** The schema's findings on `value`; else a `duplicate-<kind>` for every key `toKeys` lists twice. */
function checkRecords<T>(value: unknown, schema: z.ZodType<T>, toKeys: (data: T) => Iterable<Key>, owner: string): Finding<RecordRule>[] {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      return { rule: 'schema', message: `${path.join('.') || '(root)'}: ${issue.message}`, at: { path } };
    });
  }
  const found: Finding<RecordRule>[] = [];
  const seen = new Set<string>();
  for (const [kind, key, path] of toKeys(parsed.data)) {
    const id = `${kind}\0${key}`;
    if (seen.has(id)) found.push({ rule: `duplicate-${kind}`, message: `${kind} "${key}" appears twice; every ${owner} has its own ${kind}`, at: { path } });
    seen.add(id);
  }
  return found;
}

/** Checks a versions state (`versions.json`): its schema, unique ids and guids. */
export function checkState(value: unknown): Finding<RecordRule>[] {
  return checkRecords(value, StateSchema, (state) => state.articles.flatMap((r, i) => [['id', r.id, ['articles', i, 'id']] as const, ['guid', r.guid, ['articles', i, 'guid']] as const]), 'article');
}

/** Checks a partners' index (`index.json` of the partner folder): its schema, unique ids and files. */
export function checkPartnerIndex(value: unknown): Finding<RecordRule>[] {
  return checkRecords(
    value,
    PartnerIndexSchema,
    (index) => index.items.flatMap((item, i) => [['id', item.id, ['items', i, 'id']] as const, ...item.files.map((f, j) => ['file', f, ['items', i, 'files', j]] as const)]),
    'story',
  );
}
