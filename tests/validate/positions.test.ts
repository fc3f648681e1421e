import { describe, expect, it } from 'vitest';
import { toJsonLocator } from '../../src/validate/json/positions.ts';

// Pretty-printed as the emitters write JSON, with values the scanner must step over: strings holding
// quotes, backslashes and brackets, nested objects and arrays, a repeated key.
const TEXT = `{
  "skip": "a \\"quoted\\" \\\\ [not] {an} array",
  "nested": { "x": [1, {"y": "}"}], "z": true },
  "list": [
    "first",
    { "k\\u00e9y": null, "a\\"b": -2.5e3 }
  ],
  "dup": 1,
  "dup": 2
}
`;

/** Both ways a locator finds a value: a scan up to it (its first lookups), and jsonc-parser's tree (after a few). */
const ways = {
  scan: (path: readonly (string | number)[]) => toJsonLocator(TEXT).locate(path),
  tree: (path: readonly (string | number)[]) => {
    const locator = toJsonLocator(TEXT);
    for (let i = 0; i < 3; i++) locator.locate([]);
    return locator.locate(path);
  },
};

describe.each(Object.entries(ways))('toJsonLocator (JSON positions for diagnostics), by %s', (_way, locate) => {

  it.each([
    [[], 1, 1],
    [['skip'], 2, 11],
    [['nested'], 3, 13],
    [['nested', 'x', 1, 'y'], 3, 30],
    [['nested', 'z'], 3, 42],
    [['list', 0], 5, 5],
    [['list', 1], 6, 5],
    [['list', 1, 'kéy'], 6, 19],
    [['list', 1, 'a"b'], 6, 33],
  ] as const)('gives where the value at %j starts', (at, line, column) => {
    expect(locate(at)).toEqual({ line, column });
  });

  it('falls back to the closest existing ancestor', () => {
    expect(locate(['nested', 'missing', 3])).toEqual({ line: 3, column: 13 });
    expect(locate(['list', 7])).toEqual({ line: 4, column: 11 });
    expect(locate(['skip', 0])).toEqual({ line: 2, column: 11 });
  });

  it('points at the first of repeated keys', () => {
    expect(locate(['dup'])).toEqual({ line: 8, column: 10 });
  });

  it('reads text with carriage returns too', () => {
    const locator = toJsonLocator('{\r\n  "a": [1,\r\n 2]\r\n}');
    for (let i = 0; i < 5; i++) expect(locator.locate(['a', 1])).toEqual({ line: 3, column: 2 });
  });
});
