/** Date formatting for emitters. Inputs are RFC 3339 strings with offset; nothing reads the machine's zone. */

/** RFC 3339 in UTC without fractional seconds: `2024-09-04T21:03:00+08:00` → `2024-09-04T13:03:00Z`. */
export function toUtcRfc3339(offsetDateTime: string): string {
  return new Date(offsetDateTime).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The instant as a `Date` (for libraries such as `feed` that take one). */
export function toDate(offsetDateTime: string): Date {
  return new Date(offsetDateTime);
}
