import { describe, expect, it } from 'vitest';
import { positionFinder } from '../../src/validate/json.ts';

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

describe('positionFinder (JSON positions for diagnostics)', () => {
  const locate = positionFinder(TEXT);

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
    expect(positionFinder('{\r\n  "a": [1,\r\n 2]\r\n}')(['a', 1])).toEqual({ line: 3, column: 2 });
  });

  it('gives no position for text without a value', () => {
    expect(positionFinder('  ')(['a'])).toEqual({});
  });
});
