/** Counts as every message prints them. */

/** `1 file`, `2 files`, `15,029 files`: grouped the same way on every machine (en-US digits, whatever the locale). */
export function formatCount(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
