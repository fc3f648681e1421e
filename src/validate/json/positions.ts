/**
 * Positions in JSON text, computed only for files that have something to report: checks run on the
 * value `JSON.parse` gives and name places by their path; jsonc-parser's tree (node offsets) turns a path
 * into a line and column afterwards.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** A JSON text's syntax tree, parsed once per reported file. */
export interface JsonLocator {
  /** The 1-based line and column where the value at `path` starts, or its nearest existing ancestor. */
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

/** A locator for `text` (which must be JSON: it is used only after `JSON.parse` accepted it). */
export function toJsonLocator(text: string): JsonLocator {
  const root = parseTree(text);
  const lines = toLineStarts(text);
  return {
    locate(path) {
      let node: Node | undefined;
      for (let depth = path.length; depth >= 0 && node === undefined; depth--) node = root === undefined ? undefined : findNodeAtLocation(root, path.slice(0, depth) as (string | number)[]);
      // Where the value's token starts (`{`, `[`, the opening quote, the first digit).
      return toLineColumn(lines, node?.offset ?? 0);
    },
  };
}

/** The first syntax error of a text `JSON.parse` refused, in our words, with its line and column. */
export function toJsonSyntaxError(text: string): { message: string; line: number; column: number } {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  const lines = toLineStarts(text);
  if (first === undefined) return { message: 'not valid JSON', ...toLineColumn(lines, 0) };
  return { message: `not valid JSON: ${describe(printParseErrorCode(first.error))}`, ...toLineColumn(lines, first.offset) };
}

function describe(code: string): string {
  // jsonc-parser names errors in CamelCase (`CommaExpected`); say them as words.
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Offsets at which each line starts. */
export function toLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line and column (in UTF-16 code units) of an offset. */
export function toLineColumn(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 };
}
