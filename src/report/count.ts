/** Numbers and counts as every message prints them. */

/** `15,029`: digits grouped the same way on every machine (en-US, whatever the locale). */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

/** `1 file`, `2 files`, `15,029 files`. */
export function formatCount(n: number, noun: string): string {
  return `${formatNumber(n)} ${noun}${n === 1 ? '' : 's'}`;
}
