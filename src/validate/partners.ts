import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { PartnerIndexSchema } from '../model/partners.ts';
import type { Validator } from '../model/output.ts';

const SOURCE = 'validate:partners';

/** Checks the partner folder's `index.json` against its schema, and that ids and files are listed once. */
export const validatePartnerIndex: Validator = (file) => {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    return [diagnostic('error', file.path, SOURCE, 'malformed-json', `is not JSON: ${(error as Error).message}`)];
  }
  const parsed = PartnerIndexSchema.safeParse(json);
  if (!parsed.success) return parsed.error.issues.map((issue) => diagnostic('error', file.path, SOURCE, 'schema', `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  const found: Diagnostic[] = [];
  const seen = { id: new Set<string>(), file: new Set<string>() };
  for (const item of parsed.data.items) {
    for (const [kind, value] of [['id', item.id], ...item.files.map((f) => ['file', f] as const)] as const) {
      if (seen[kind].has(value)) found.push(diagnostic('error', file.path, SOURCE, `duplicate-${kind}`, `${kind} "${value}" appears twice; every story has its own ${kind}`));
      seen[kind].add(value);
    }
  }
  return found;
};
