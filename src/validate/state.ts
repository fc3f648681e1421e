import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { StateSchema } from '../model/state.ts';
import type { Validator } from '../model/output.ts';

const SOURCE = 'validate:state';

/** Checks a versions state file (`versions.json`) against its schema, and that ids and guids are unique. */
export const validateState: Validator = (file) => {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    return [diagnostic('error', file.path, SOURCE, 'malformed-json', `is not JSON: ${(error as Error).message}`)];
  }
  const parsed = StateSchema.safeParse(json);
  if (!parsed.success) return parsed.error.issues.map((issue) => diagnostic('error', file.path, SOURCE, 'schema', `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  const found: Diagnostic[] = [];
  const seen = { id: new Set<string>(), guid: new Set<string>() };
  for (const record of parsed.data.articles) {
    for (const [kind, value] of [['id', record.id], ['guid', record.guid]] as const) {
      if (seen[kind].has(value)) found.push(diagnostic('error', file.path, SOURCE, `duplicate-${kind}`, `${kind} "${value}" appears twice; every article has its own ${kind}`));
      seen[kind].add(value);
    }
  }
  return found;
};
