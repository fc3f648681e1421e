/**
 * Positions in JSON text, computed only for files that have something to report: checks run on the
 * value `JSON.parse` gives and name places by their path; jsonc-parser turns a path into a line and
 * column afterwards, scanning only as far as the value (most findings are near the top: a node's missing
 * property is reported at the node), and building its whole tree only for a file with many findings.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, visit, type Node, type ParseError } from 'jsonc-parser';

/** A JSON text's syntax tree, parsed once per reported file. */
export interface JsonLocator {
  /** The 1-based line and column where the value at `path` starts, or its nearest existing ancestor. */
  locate(path: readonly (string | number)[]): { line: number; column: number };
}

/** A locator for `text` (which must be JSON: it is used only after `JSON.parse` accepted it). */
export function toJsonLocator(text: string): JsonLocator {
  let lookups = 0;
  let tree: { root: Node | undefined; lines: number[] } | undefined;
  return {
    locate(path) {
      // A scan per finding costs less than a tree until a file has a few findings.
      if (++lookups <= SCANS_BEFORE_TREE) return scanTo(text, path);
      tree ??= { root: parseTree(text), lines: toLineStarts(text) };
      let node: Node | undefined;
      for (let depth = path.length; depth >= 0 && node === undefined; depth--) node = tree.root === undefined ? undefined : findNodeAtLocation(tree.root, path.slice(0, depth) as (string | number)[]);
      // Where the value's token starts (`{`, `[`, the opening quote, the first digit).
      return toLineColumn(tree.lines, node?.offset ?? 0);
    },
  };
}

const SCANS_BEFORE_TREE = 3;

/**
 * Where the value at `path` starts (or its nearest ancestor that exists), scanning the text up to it.
 */
function scanTo(text: string, path: readonly (string | number)[]): { line: number; column: number } {
  let best = { line: 1, column: 1 };
  const found = new Error('found');
  const onPath = (at: readonly (string | number)[], line: number, character: number): void => {
    if (at.length > path.length) return;
    for (let i = 0; i < at.length; i++) if (at[i] !== path[i]) return;
    best = { line: line + 1, column: character + 1 };
    if (at.length === path.length) throw found;
  };
  try {
    visit(
      text,
      {
        // Never `false` (skip the children): jsonc-parser 3.3 then stops calling back after the skipped value.
        onObjectBegin: (_offset, _length, line, character, at) => void onPath(at(), line, character),
        onArrayBegin: (_offset, _length, line, character, at) => void onPath(at(), line, character),
        onLiteralValue: (_value, _offset, _length, line, character, at) => void onPath(at(), line, character),
      },
      { disallowComments: true },
    );
  } catch (error) {
    if (error !== found) throw error;
  }
  return best;
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
