/** `syndicate build --check`: the files a build would write, compared byte for byte with the output folder. */
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import type { OutputFile } from '../model/output.ts';

/** How a file of the output folder differs from what the build writes. */
export type Difference = 'changed' | 'missing' | 'extra';

/** One differing file. */
export interface OutputDifference {
  /** Path inside the output folder, `/` separators. */
  path: string;
  /** Changed bytes, a file the build writes that is not there, or a file there that the build does not write. */
  difference: Difference;
  /** For a changed text file: the first line that differs (1-based). */
  line?: number;
}

const encoder = new TextEncoder();

/** Every file that differs, sorted by path: the build's `expected` files against the folder's `actual` bytes. */
export function compareOutputs(expected: readonly OutputFile[], actual: ReadonlyMap<string, Uint8Array>): OutputDifference[] {
  const differences: OutputDifference[] = [];
  const written = new Set<string>();
  for (const file of expected) {
    written.add(file.path);
    const bytes = actual.get(file.path);
    if (bytes === undefined) {
      differences.push({ path: file.path, difference: 'missing' });
      continue;
    }
    const wanted = encoder.encode(file.text);
    if (sameBytes(wanted, bytes)) continue;
    // ignoreBOM keeps a byte order mark in the text, so that it shows as a difference on line 1.
    const line = firstDifferentLine(file.text, new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
    differences.push({ path: file.path, difference: 'changed', ...(line === undefined ? {} : { line }) });
  }
  for (const path of actual.keys()) if (!written.has(path)) differences.push({ path, difference: 'extra' });
  return differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * A difference as a diagnostic about the file in the output folder `outDir` (as shown to the user).
 * The fix named is a clean build: an incremental one trusts the cache about article files whose
 * sources did not change, so it neither rewrites an edited one nor restores a deleted one.
 */
export function toDifferenceDiagnostic(d: OutputDifference, outDir: string): Diagnostic {
  const file = `${outDir}/${d.path}`;
  const fix = `run \`syndicate build --no-cache\` and commit ${outDir}`;
  switch (d.difference) {
    case 'changed':
      return diagnostic('error', file, 'check', 'output-changed', `is not what the build writes${d.line === undefined ? '' : `, from line ${d.line} on`}; ${fix}`, d.line === undefined ? {} : { line: d.line, column: 1 });
    case 'missing':
      return diagnostic('error', file, 'check', 'output-missing', `is missing: the build writes it; ${fix}`);
    case 'extra':
      return diagnostic('error', file, 'check', 'output-extra', `is not written by the build; delete it (or ${fix})`);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The first line where two texts differ; undefined when only the bytes differ (invalid UTF-8 decoded alike). */
function firstDifferentLine(expected: string, actual: string): number | undefined {
  const want = expected.split('\n');
  const have = actual.split('\n');
  for (let i = 0; i < Math.max(want.length, have.length); i++) if (want[i] !== have[i]) return i + 1;
  return undefined;
}
