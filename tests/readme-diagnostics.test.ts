import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { RULE_FAMILIES } from '../src/validate/registry.ts';

/*
 * Every rule id the tool can emit must be documented: validation rules in docs/rules.md, which is
 * generated from the registry (src/validate/registry.ts, tests/rules-doc.test.ts), every other rule id
 * in a row of a table in docs/diagnostics.md (moved there from the README, which links it).
 *
 * How the ids are found, robustly: the source is not grepped for call shapes (diagnostics are made
 * through `diagnostic(…)` and through a dozen local `report`/`problem`/`claim` helpers with different
 * argument orders). Instead the TypeScript type checker reads all of `src/` and visits
 *
 *   1. every call argument bound to a parameter named `ruleId`, whatever the function: `diagnostic()`
 *      itself and every helper that passes a rule id on (their signatures all name it `ruleId`), and
 *   2. every object-literal property `ruleId: …` (a Diagnostic or removal record written by hand).
 *
 * At each site the ids are the string-literal types of the expression, so `'missing-date'`,
 * `ok ? 'a' : 'b'`, a constant, or a field typed `'unsafe-url' | 'unsupported-url'` all count. A site
 * typed plain `string` is either a helper handing its own `ruleId` parameter on (its callers are sites
 * themselves, so it is skipped) or an id the checker cannot see: those are listed as unresolved and
 * fail the test, so a new rule cannot hide behind a `string` variable. Give such a value a literal type.
 */

const root = path.resolve(import.meta.dirname, '..');

/** One place in src/ where a rule id is given to a diagnostic. */
export interface RuleSite {
  file: string;
  line: number;
  ids: string[];
  /** Literal severities passed at the same call, when any. */
  severities: string[];
  /** Literal sources passed at the same call, when any. */
  sources: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The string literals a type stands for (`'a'` → a, `'a' | 'b'` → a, b); undefined when it is not only literals. */
function literalsOf(type: ts.Type): string[] | undefined {
  const parts = type.isUnion() ? type.types : [type];
  const values: string[] = [];
  for (const part of parts) {
    if (part.isStringLiteral()) values.push(part.value);
    else if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Never)) continue;
    else return undefined;
  }
  return values;
}

/** Reads src/ with the type checker and returns every rule-id site, plus the sites it could not resolve. */
export function collectRuleIds(): { sites: RuleSite[]; unresolved: string[] } {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, root).options;
  const files = sourceFiles(path.join(root, 'src'));
  const program = ts.createProgram(files, { ...options, noEmit: true });
  const checker = program.getTypeChecker();
  const sites: RuleSite[] = [];
  const unresolved: string[] = [];

  const where = (node: ts.Node) => {
    const file = node.getSourceFile();
    return { file: path.relative(root, file.fileName), line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 };
  };
  /** Literals of an argument, or undefined (reported) when it is typed wider than literals. */
  const idsOf = (expression: ts.Expression): string[] | undefined => {
    const ids = literalsOf(checker.getTypeAtLocation(expression)) ?? templateIds(expression);
    if (ids !== undefined) return ids;
    // A helper passing its own `ruleId` parameter on: its callers are visited as sites of their own.
    if (ts.isIdentifier(expression)) {
      const declaration = checker.getSymbolAtLocation(expression)?.valueDeclaration;
      if (declaration && ts.isParameter(declaration)) return [];
    }
    const { file, line } = where(expression);
    unresolved.push(`${file}:${line} ${expression.getText()}`);
    return undefined;
  };

  /** `inconsistent-${field}` with `field: 'headline' | 'url'` → every combination; undefined if a part is not literal. */
  const templateIds = (expression: ts.Expression): string[] | undefined => {
    if (!ts.isTemplateExpression(expression)) return undefined;
    let results = [expression.head.text];
    for (const span of expression.templateSpans) {
      const parts = literalsOf(checker.getTypeAtLocation(span.expression));
      if (parts === undefined) return undefined;
      results = results.flatMap((prefix) => parts.map((part) => prefix + part + span.literal.text));
    }
    return results;
  };

  const visit = (node: ts.Node): void => {
    // report.ts turns findings into diagnostics: its ids are the registry's (a finding's rule is typed by
    // its table's ids, and report.ts throws on an undeclared one), documented in docs/rules.md.
    if (path.relative(root, node.getSourceFile().fileName) === path.join('src', 'validate', 'report.ts')) return;
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const signature = checker.getResolvedSignature(node);
      const args = node.arguments ?? ts.factory.createNodeArray();
      const parameters = signature?.getParameters() ?? [];
      const named = (name: string) => {
        const index = parameters.findIndex((p) => p.getName() === name);
        return index < 0 ? undefined : args[index];
      };
      const ruleArg = named('ruleId');
      if (ruleArg) {
        const ids = idsOf(ruleArg);
        if (ids && ids.length > 0) {
          const severity = named('severity');
          const source = named('source');
          sites.push({
            ...where(ruleArg),
            ids,
            severities: severity ? literalsOf(checker.getTypeAtLocation(severity)) ?? [] : [],
            sources: source ? literalsOf(checker.getTypeAtLocation(source)) ?? [] : [],
          });
        }
      }
    }
    if (ts.isPropertyAssignment(node) && node.name.getText() === 'ruleId' && ts.isObjectLiteralExpression(node.parent)) {
      const ids = idsOf(node.initializer);
      if (ids && ids.length > 0) {
        const sibling = (name: string) => node.parent.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name)?.initializer;
        const severity = sibling('severity');
        const source = sibling('source');
        sites.push({
          ...where(node),
          ids,
          severities: severity ? literalsOf(checker.getTypeAtLocation(severity)) ?? [] : [],
          sources: source ? literalsOf(checker.getTypeAtLocation(source)) ?? [] : [],
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) visit(program.getSourceFile(file)!);
  return { sites, unresolved };
}

/** Rule ids in the first column of docs/diagnostics.md's tables (cells like `` `missing-date` ``). */
function documentedRuleIds(doc: string): string[] {
  return [...doc.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]!);
}

/** The validation rules' ids, documented in docs/rules.md. */
const registered = new Set(RULE_FAMILIES.flatMap((family) => family.rules.map((rule) => rule.id)));

describe('docs/diagnostics.md lists every rule id the tool emits outside the validation registry', () => {
  const { sites, unresolved } = collectRuleIds();
  // A validation stage's registered id is documented in docs/rules.md; every other (read, config, build,
  // state, check) in docs/diagnostics.md, even when a validation rule shares the id (`file-too-large`, `duplicate-id`).
  // The validate command (src/commands/validate.ts) is a validation stage too.
  const validating = (file: string) =>
    file.startsWith(`src${path.sep}validate${path.sep}`) || file.startsWith(`src${path.sep}inspect${path.sep}`) || file === path.join('src', 'commands', 'validate.ts');
  const emitted = [...new Set(sites.flatMap((s) => s.ids.filter((id) => !(validating(s.file) && registered.has(id)))))].sort();
  const doc = readFileSync(path.join(root, 'docs', 'diagnostics.md'), 'utf8');
  const documented = documentedRuleIds(doc);
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

  it('has tables of rule ids, and the README links it', () => {
    expect(documented.length).toBeGreaterThan(40);
    expect(readme).toContain('(docs/diagnostics.md)');
  });

  it('finds the rule ids in src/ (the extraction works: well-known ids from every stage are among them)', () => {
    for (const id of ['empty-file', 'invalid-config', 'missing-headline', 'raw-html', 'unsafe-url', 'nonexistent-local-time', 'file-too-large', 'output-changed']) {
      expect(emitted, id).toContain(id);
    }
    expect(emitted.length).toBeGreaterThan(40);
  });

  it('can see every rule id: no site passes an id typed plain `string`', () => {
    expect(unresolved, 'give these rule ids a literal type (or a union of literals)').toEqual([]);
  });

  it('has a row for every emitted rule id', () => {
    const missing = emitted.filter((id) => !documented.includes(id));
    expect(missing, `add rows for these rule ids to docs/diagnostics.md: ${missing.join(', ')}`).toEqual([]);
  });

  it('has no row twice, none for a validation rule (docs/rules.md has those), and none for a rule id the tool no longer emits', () => {
    expect(documented.filter((id, i) => documented.indexOf(id) !== i), 'duplicate rows').toEqual([]);
    expect(documented.filter((id) => registered.has(id) && !emitted.includes(id)), 'validation rules: docs/rules.md documents them').toEqual([]);
    expect(documented.filter((id) => !emitted.includes(id)), 'rows for rule ids that src/ never emits').toEqual([]);
  });

  it("gives each row the severities src/ emits it with (a rule made a warning shows in the table's severity column)", () => {
    const cells = new Map([...doc.matchAll(/^\| `([a-z0-9-]+)` \| ([^|]+) \|/gm)].map((m) => [m[1]!, m[2]!]));
    const wrong: string[] = [];
    for (const site of sites) {
      if (validating(site.file)) continue;
      for (const id of site.ids) {
        for (const severity of site.severities) if (!cells.get(id)?.includes(severity)) wrong.push(`${id}: ${severity} (${site.file}:${site.line})`);
      }
    }
    expect(wrong, 'correct the severity column of docs/diagnostics.md').toEqual([]);
  });

  it('points to docs/rules.md for the validation rules', () => {
    expect(doc).toContain('(rules.md)');
  });
});
