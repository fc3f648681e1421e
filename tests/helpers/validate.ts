import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.ts';
import type { SiteConfig } from '../../src/config.ts';
import type { OutputFile, OutputFormat } from '../../src/model/output.ts';
import type { StatedFacts } from '../../src/validate/consistency.ts';
import { validateOutput, type PageReference } from '../../src/validate/index.ts';

/** The source file every test output claims to come from: the rich fixture's. */
export const RICH_SOURCE = 'input/articles/rich-story.txt';

/** Text as a validator receives it: an output file of `format` at `path` (under dist/), built from the rich fixture. */
export function outputFile(format: OutputFormat, path: string, text: string): OutputFile {
  return { path, text, format, sources: [RICH_SOURCE] };
}

/** The distinct rule ids found, sorted, leaving out the generic `schema` findings a schema may add for the same defect. */
export function distinctRuleIds(found: readonly Diagnostic[]): string[] {
  return [...new Set(found.map((d) => d.ruleId))].filter((id) => id !== 'schema').sort();
}

/** `original` edited by `edit`; fails loudly when the edit did not apply (the emitter's output has drifted). */
export function brokenText(original: string, edit: (text: string) => string): string {
  const text = edit(original);
  expect(text, 'the edit changed nothing').not.toBe(original);
  return text;
}

/**
 * A copy of `value` changed in place by `edit`, serialised as the JSON emitters write (two-space
 * indentation, one final newline); fails loudly when the edit changed nothing.
 */
export function brokenJson<T>(value: T, edit: (copy: T) => void): string {
  const copy = structuredClone(value);
  const original = JSON.stringify(copy);
  edit(copy);
  expect(JSON.stringify(copy), 'the edit changed nothing').not.toBe(original);
  return `${JSON.stringify(copy, null, 2)}\n`;
}

/** 1-based line of the first occurrence of `needle`. */
export function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

/**
 * A validator never throws on a damaged document: every 211th prefix of `text` gives at least one
 * finding, and dropping 7 characters at that point does not throw.
 */
export function expectDamageReported(text: string, validate: (text: string) => Diagnostic[]): void {
  for (let cut = 1; cut < text.length; cut += 211) {
    expect(validate(text.slice(0, cut)).length, `cut at ${cut}`).toBeGreaterThan(0);
    const mangled = `${text.slice(0, cut)}${text.slice(cut + 7)}`;
    expect(() => validate(mangled), `7 characters dropped at ${cut}`).not.toThrow();
  }
}

/** The diagnostics the build's validation gives an output (both layers), named by its path inside its folder. */
export function validateFile(file: OutputFile, site: SiteConfig): Diagnostic[] {
  return validateOutput(file, site).diagnostics;
}

/** What each output states, as the build reads it for the consistency check (each article's JSON-LD first, as the build does). */
export function statedFacts(outputs: readonly OutputFile[], site: SiteConfig): StatedFacts[] {
  const folder = (file: OutputFile) => file.path.slice(0, file.path.lastIndexOf('/'));
  const ordered = [...outputs].sort((a, b) => Number(b.format === 'jsonld') - Number(a.format === 'jsonld'));
  const references = new Map<string, PageReference>();
  return ordered.map((output) => {
    const checked = validateOutput(output, site, output.format === 'head' || output.format === 'page' ? references.get(folder(output)) : undefined);
    if (output.format === 'jsonld') references.set(folder(output), { jsonLd: output.text, facts: checked.facts });
    return { path: output.path, format: output.format, sources: output.sources, facts: checked.facts };
  });
}
