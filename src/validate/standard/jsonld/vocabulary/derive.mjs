// @ts-check
/**
 * Derives the compact schema.org vocabulary the JSON-LD checks use from schema-dts (a dependency of the
 * project: its `dist/schema.d.ts` declares every schema.org type and property), read with the TypeScript
 * compiler API, and writes it to `generated.ts` beside this script (git-ignored). `npm run compile` runs
 * it first, so `npm test`, `npm run build` and `prepare` always have a vocabulary that matches the
 * installed schema-dts; nothing of schema.org's own vocabulary file is copied into the repository.
 *
 * How schema-dts encodes the vocabulary (schema-dts-gen's output, one shape per schema.org term):
 * - `interface XBase extends …Base { "prop"?: SchemaValue<A | B | IdReference, "prop"> }`: the properties
 *   whose `domainIncludes` names X, with their `rangeIncludes` (A, B) as type references;
 * - `interface XLeaf extends XBase { "@type": "X" }` (a type alias for Role leaves): X's name as written in
 *   JSON-LD (`_3DModel` is `"3DModel"`);
 * - `type X = XLeaf | Sub1 | Sub2 | "https://schema.org/Member" | "Member"`: X's direct subtypes and, for
 *   an enumeration, its members; data types are plain unions (`Text = URL | … | string`,
 *   `DataType = Boolean | Date | …`).
 * Only the subtype unions give the whole class tree (a type with no properties of its own has no Base).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const declarations = require.resolve('schema-dts/dist/schema.d.ts');
const version = JSON.parse(readFileSync(join(dirname(declarations), '..', 'package.json'), 'utf8')).version;
const source = ts.createSourceFile('schema.d.ts', readFileSync(declarations, 'utf8'), ts.ScriptTarget.Latest, false);

/** TypeScript name of a type to its schema.org name, from the Leaf declarations. */
const schemaName = new Map();
/** TypeScript name to the names its union lists (subtypes; for data types, narrower data types). */
const unions = new Map();
/** TypeScript name to the enumeration members its union lists. */
const members = new Map();
/** TypeScript name of a Base to its properties: name, range type names, superseded. */
const bases = new Map();

/** The string of a property name or literal type node. */
function textOf(node) {
  if (ts.isStringLiteral(node) || ts.isIdentifier(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return undefined;
}

/** The `"@type"` literal somewhere inside a Leaf declaration. */
function leafType(node) {
  let found;
  const visit = (n) => {
    if (found !== undefined) return;
    if (ts.isPropertySignature(n) && n.name && textOf(n.name) === '@type' && n.type && ts.isLiteralTypeNode(n.type) && ts.isStringLiteral(n.type.literal)) {
      found = n.type.literal.text;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** The members of a union (or the single type) as a list. */
function unionMembers(type) {
  return ts.isUnionTypeNode(type) ? [...type.types] : [type];
}

for (const statement of source.statements) {
  if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name.text.endsWith('Leaf')) {
    const type = leafType(statement);
    if (type !== undefined) schemaName.set(statement.name.text.slice(0, -'Leaf'.length), type);
    continue;
  }
  if (ts.isInterfaceDeclaration(statement) && statement.name.text.endsWith('Base')) {
    const properties = [];
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member) || member.name === undefined || member.type === undefined) continue;
      const name = textOf(member.name);
      if (name === undefined || name.startsWith('@')) continue;
      // SchemaValue<Range, "name">: the range is the first type argument.
      const value = member.type;
      const range = ts.isTypeReferenceNode(value) && value.typeArguments?.[0] ? value.typeArguments[0] : value;
      const ranges = [];
      for (const t of unionMembers(range)) if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) && t.typeName.text !== 'IdReference') ranges.push(t.typeName.text);
      const superseded = ts.getJSDocTags(member).some((tag) => tag.tagName.text === 'deprecated');
      properties.push({ name, ranges, superseded });
    }
    bases.set(statement.name.text.slice(0, -'Base'.length), properties);
    continue;
  }
  if (ts.isTypeAliasDeclaration(statement)) {
    const name = statement.name.text;
    const listed = [];
    const literals = [];
    for (const t of unionMembers(statement.type)) {
      if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName)) listed.push(t.typeName.text);
      else if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) && !t.literal.text.includes(':')) literals.push(t.literal.text);
    }
    unions.set(name, listed);
    if (literals.length > 0) members.set(name, literals);
  }
}

// Data types have no Leaf: they are the names the DataType union reaches, under their own names.
const dataTypes = new Set();
const pending = ['DataType'];
while (pending.length > 0) {
  const name = pending.pop();
  if (dataTypes.has(name) || !unions.has(name)) continue;
  dataTypes.add(name);
  for (const sub of unions.get(name)) if (!schemaName.has(sub)) pending.push(sub);
}
for (const name of dataTypes) if (!schemaName.has(name)) schemaName.set(name, name);

/** A schema.org name for a TypeScript name, when it is a schema.org term (not an external IRI). */
function toSchema(tsName) {
  const name = schemaName.get(tsName);
  return name !== undefined && !name.includes(':') ? name : undefined;
}

const supertypes = new Map();
for (const tsName of schemaName.keys()) {
  const name = toSchema(tsName);
  if (name !== undefined && !supertypes.has(name)) supertypes.set(name, new Set());
}
for (const [tsName, listed] of unions) {
  const parent = toSchema(tsName);
  if (parent === undefined) continue;
  for (const sub of listed) {
    const child = toSchema(sub);
    if (child !== undefined && child !== parent) supertypes.get(child)?.add(parent);
  }
}

const properties = new Map();
for (const [tsName, list] of bases) {
  const domain = toSchema(tsName);
  if (domain === undefined) continue;
  for (const { name, ranges, superseded } of list) {
    let entry = properties.get(name);
    if (entry === undefined) properties.set(name, (entry = { domains: new Set(), ranges: new Set(), superseded }));
    entry.domains.add(domain);
    for (const r of ranges) {
      const range = toSchema(r);
      if (range !== undefined) entry.ranges.add(range);
    }
    entry.superseded &&= superseded;
  }
}

const enumerations = [];
for (const [tsName, list] of members) {
  const name = toSchema(tsName);
  // Boolean's True/False are data values, not members of an enumeration.
  if (name !== undefined && !dataTypes.has(tsName)) enumerations.push([name, [...new Set(list)].sort()]);
}

const sorted = (set) => [...set].sort();
const compact = {
  source: `schema-dts ${version}`,
  types: [...supertypes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, parents]) => [name, sorted(parents)]),
  properties: [...properties].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, p]) => (p.superseded ? [name, sorted(p.domains), sorted(p.ranges), 1] : [name, sorted(p.domains), sorted(p.ranges)])),
  members: enumerations.sort(([a], [b]) => (a < b ? -1 : 1)),
};

const out = join(here, 'generated.ts');
const text = `// Generated by derive.mjs from schema-dts ${version} (npm run compile); do not edit, do not commit.
/** The derived vocabulary as JSON (see compact.ts for its shape): parsed once, on first use. */
export const DERIVED_VOCABULARY_JSON = ${JSON.stringify(JSON.stringify(compact))};
`;
let previous;
try {
  previous = readFileSync(out, 'utf8');
} catch {
  previous = undefined;
}
// Unchanged output is not rewritten, so watchers and incremental builds stay quiet.
if (previous !== text) writeFileSync(out, text);
console.log(`schema.org vocabulary from schema-dts ${version}: ${compact.types.length} types, ${compact.properties.length} properties, ${compact.members.length} enumerations`);
