/** Integers as feed elements write them: optional sign, decimal digits, surrounding white space allowed. */

/** The integer `value` spells, or undefined (`12`, ` +3 `; not `1.0`, `0x1`, ``). */
export function parseInteger(value: string): number | undefined {
  const text = value.trim();
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  return Number(text);
}
