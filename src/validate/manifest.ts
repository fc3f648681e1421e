import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { ManifestSchema } from '../model/manifest.ts';
import type { Validator } from '../model/output.ts';

/** Checks `manifest.json` against its schema, and that ids and guids are unique and every file listed once. */
export const validateManifest: Validator = (file) => {
  const path = `dist/${file.path}`;
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (error) {
    return [diagnostic('error', path, 'validate:manifest', 'malformed-json', `is not JSON: ${(error as Error).message}`)];
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => diagnostic('error', path, 'validate:manifest', 'schema', `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const found: Diagnostic[] = [];
  const seen = { id: new Set<string>(), guid: new Set<string>(), file: new Set<string>() };
  for (const record of parsed.data.articles) {
    for (const [kind, value] of [['id', record.id], ['guid', record.guid], ...record.files.map((f) => ['file', f] as const)] as const) {
      if (seen[kind].has(value)) found.push(diagnostic('error', path, 'validate:manifest', `duplicate-${kind}`, `${kind} "${value}" appears twice; every article has its own ${kind}`));
      seen[kind].add(value);
    }
  }
  return found;
};
