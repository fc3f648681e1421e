/**
 * W3C Datetime (https://www.w3.org/TR/NOTE-datetime), the format of `<lastmod>` and
 * `<news:publication_date>`: a complete date (YYYY-MM-DD), or a complete date with hours and minutes,
 * optional seconds and fraction, and a time zone designator (Z or ±hh:mm), which W3C Datetime requires
 * whenever a time is given. The reduced precisions (YYYY, YYYY-MM) say too little for a crawler and
 * are not valid for xsd:date, the sitemap XSD's type, so they are refused too.
 */

// Fixed-width fields and one optional fraction: no backtracking.
const W3C_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

/** True when `text` is a complete date, or a date and time with a time zone, in W3C Datetime. */
export function isW3cDatetime(text: string): boolean {
  const match = W3C_DATETIME.exec(text);
  if (match === null) return false;
  const [, year, month, day, hour, minute, second, zoneHour, zoneMinute] = match.map((v) => (v === undefined ? undefined : Number(v)));
  if ((month as number) < 1 || (month as number) > 12 || (day as number) < 1 || (day as number) > daysIn(year as number, month as number)) return false;
  if (hour !== undefined && ((hour as number) > 23 || (minute as number) > 59 || (second !== undefined && second > 60))) return false;
  return zoneHour === undefined || ((zoneHour as number) <= 23 && (zoneMinute as number) <= 59);
}

/** Why `text` is not W3C Datetime, for the message. */
export function w3cDatetimeHint(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(text)) return 'a time needs a time zone designator (Z or ±hh:mm)';
  if (/^\d{4}-\d{2}-\d{2}[ T]/.test(text) && text.includes(' ')) return 'separate the date and the time with "T", not a space';
  if (/^\d{4}(?:-\d{2})?$/.test(text)) return 'give at least the complete date';
  return 'write YYYY-MM-DD, or a date and time with its zone';
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
