/** RFC 3339 date-time with an explicit offset (`Z` or `±hh:mm`), optionally with fractional seconds. */
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A build time as `--now` takes it: RFC 3339 with an explicit offset; seconds and their fraction optional. */
const BUILD_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Whether `text` is a build time (`--now`, the state's `builtAt`): RFC 3339 with offset, a real instant. */
export function isBuildTime(text: string): boolean {
  return BUILD_TIME.test(text) && !Number.isNaN(Date.parse(text));
}

/**
 * The instant (epoch milliseconds) of an RFC 3339 date-time that carries its offset, else undefined.
 * `Date.parse` alone would read an offset-less time in the machine's time zone, which would make
 * comparisons (and so diagnostics) depend on where the build runs.
 */
export function toInstant(text: string): number | undefined {
  const value = text.trim();
  if (!OFFSET_DATE_TIME.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The instant of an RFC 822 date that names its zone as `GMT`, `UT`, `Z` or `±hhmm` (RSS `pubDate`), else undefined. */
export function toRfc822Instant(text: string): number | undefined {
  const value = text.trim();
  if (!/^(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}(?::\d{2})? (?:GMT|UT|Z|[+-]\d{4})$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}
