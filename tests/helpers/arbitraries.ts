/**
 * fast-check arbitraries for the property tests: hostile text (any code point, markup fragments),
 * valid publication times (DST edges, odd offsets), and article sources built from them as the
 * readers accept them (wire copy and Markdown front matter).
 */
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';

/** The seed every property runs with, so a failure is reproduced by running the test again (override with FC_SEED). */
export const SEED = Number(process.env.FC_SEED ?? 20241027);

/** Runs per property: enough to meet the odd characters, few enough to keep the property suite under a minute. */
export const RUNS = Number(process.env.FC_RUNS ?? 150);

/** fast-check parameters shared by every property: fixed seed, counterexample printed in full. */
export const PARAMS = { seed: SEED, numRuns: RUNS, verbose: fc.VerbosityLevel.Verbose, endOnFailure: true } as const;

/**
 * Characters XML 1.0 forbids (§2.2 Char) that a text file can carry: C0 controls other than tab,
 * LF and CR (NUL makes a file binary and is refused by the reader), U+FFFE and U+FFFF.
 */
export const XML_ILLEGAL_IN_FILES = [...'\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF'];

/** Fragments that break out of XML, HTML, JSON or `<script>` contexts when not escaped. */
export const MARKUP_FRAGMENTS = [
  '<', '>', '&', ']]>', '"', "'", '</script>', '</SCRIPT >', '</script/', '<script>', '<!--', '-->', '<!--<script>',
  '&amp;', '&lt;', '&#60;', '&#x3C;', '&nbsp;', '&bogus;', '&', '<![CDATA[', '<?xml ?>', '\\', '\\u003c', '`', '${x}',
  '<b>', '</p>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '*', '_', '[a](b)', '#', '    ',
];

/** Characters that change how text is shown or joined but not what it says: bidi controls, zero-width, line/paragraph separators. */
export const INVISIBLE = ['\u202E', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u200B', '\u200C', '\u200D', '\uFEFF', '\u2028', '\u2029', '\u00AD', '\u0085'];

/** Scripts and emoji beyond the BMP and Latin-1: CJK, Arabic, a ZWJ family, a flag, a skin-tone modifier, an astral ideograph. */
export const WIDE = ['中文', '關稅', '日本語', 'عربي', '👩‍👩‍👧', '🇨🇳', '👍🏽', '𠜎', '☕', 'Zölle', 'é', 'ﬁ'];

/** Any code point, including lone surrogates and controls (fast-check's `binary` unit). */
export const anyText = (maxLength = 40): fc.Arbitrary<string> => fc.string({ unit: 'binary', maxLength });

/** Text assembled from markup fragments, invisible characters, wide characters and plain words. */
export const markupText = (maxLength = 12): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...MARKUP_FRAGMENTS) },
        { weight: 2, arbitrary: fc.constantFrom(...INVISIBLE) },
        { weight: 2, arbitrary: fc.constantFrom(...WIDE) },
        { weight: 2, arbitrary: fc.constantFrom('word', 'AT&T', ' ', 'Q', '1') },
        { weight: 1, arbitrary: anyText(4) },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));

/** Hostile text of either kind. */
export const hostileText = (): fc.Arbitrary<string> => fc.oneof(anyText(), markupText());

/**
 * A headline or paragraph the readers accept: hostile text around one visible character (so it is
 * never empty once spaces are trimmed), on one line. With `carriable`, characters no output may carry
 * ({@link withoutUncarried}) are left out too, so the text reaches every format whole.
 */
export const hostileLine = (carriable = false): fc.Arbitrary<string> =>
  fc
    .tuple(hostileText(), fc.constantFrom('A', 'z', '中', '9', 'é', '👍'), hostileText())
    .map(([a, c, b]) => oneLine(`${a}${c}${b}`))
    .map((line) => (carriable ? withoutUncarried(line) : line));

/** Line breaks of every kind the text decoder splits on become spaces (a headline is one line). */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ');
}

/**
 * Removes, code point by code point, what no output may carry: XML 1.0's forbidden characters (§2.2 Char:
 * C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF), and what feed validators and HTML parsers
 * reject: DEL and C1 controls, U+FFFD, and the noncharacters (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF). Written
 * independently of src/emit so that it checks the emitters rather than repeating them.
 */
export function withoutUncarried(text: string): string {
  let kept = '';
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const c0 = cp < 0x20 && cp !== 0x09 && cp !== 0x0a && cp !== 0x0d;
    const c1 = cp >= 0x7f && cp <= 0x9f;
    const loneSurrogate = cp >= 0xd800 && cp <= 0xdfff;
    const nonCharacter = (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
    if (!(c0 || c1 || loneSurrogate || nonCharacter || cp === 0xfffd)) kept += char;
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// Times

/** Publication zones with DST in either hemisphere, half-hour and 45-minute offsets, a 30-minute DST shift, and no DST. */
export const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham', 'UTC', 'Pacific/Kiritimati'];

/** A wall-clock time in a zone, as a writer types it. */
export interface WallTime {
  zone: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/**
 * Wall times at DST edges: the missing hour of a spring-forward day and the repeated hour of a
 * fall-back day (2024 transitions), which the readers must resolve (gap → later, overlap → earlier).
 */
const DST_EDGES: WallTime[] = [
  { zone: 'America/New_York', year: 2024, month: 3, day: 10, hour: 2, minute: 30 },
  { zone: 'America/New_York', year: 2024, month: 11, day: 3, hour: 1, minute: 30 },
  { zone: 'Europe/London', year: 2024, month: 3, day: 31, hour: 1, minute: 0 },
  { zone: 'Europe/London', year: 2024, month: 10, day: 27, hour: 1, minute: 59 },
  { zone: 'Australia/Lord_Howe', year: 2024, month: 10, day: 6, hour: 2, minute: 15 },
  { zone: 'Australia/Lord_Howe', year: 2024, month: 4, day: 7, hour: 1, minute: 45 },
  { zone: 'Pacific/Chatham', year: 2024, month: 9, day: 29, hour: 2, minute: 50 },
  { zone: 'America/St_Johns', year: 2024, month: 11, day: 3, hour: 1, minute: 0 },
];

/** Any valid wall time (1995–2090, days valid for the month, leap days included), or a DST edge. */
export const wallTime = (): fc.Arbitrary<WallTime> =>
  fc.oneof(
    fc.constantFrom(...DST_EDGES),
    fc
      .record({
        zone: fc.constantFrom(...ZONES),
        year: fc.integer({ min: 1995, max: 2090 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
      })
      .map((t) => ({ ...t, day: Math.min(t.day, Temporal.PlainYearMonth.from({ year: t.year, month: t.month }).daysInMonth) })),
  );

/** The instant a wall time names as the readers promise to read it: a gap moves forward, an overlap takes the earlier offset (Temporal's `compatible`). */
export function toExpectedInstant(t: WallTime): Temporal.ZonedDateTime {
  return Temporal.ZonedDateTime.from({ timeZone: t.zone, year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute }, { disambiguation: 'compatible' });
}

/** RFC 3339 with the zone's offset at that instant and whole seconds (`2024-09-04T21:03:00+08:00`). */
export function toRfc3339(zoned: Temporal.ZonedDateTime): string {
  return zoned.toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wire `Published:` value: `Sep 04, 2024 09:03 PM`, or the 24-hour form `Sep 04, 2024 21:03`. */
export function toWireTime(t: WallTime, twelveHour: boolean): string {
  const date = `${MONTHS[t.month - 1]} ${pad(t.day)}, ${t.year}`;
  if (!twelveHour) return `${date} ${pad(t.hour)}:${pad(t.minute)}`;
  const h = t.hour % 12 === 0 ? 12 : t.hour % 12;
  return `${date} ${pad(h)}:${pad(t.minute)} ${t.hour < 12 ? 'AM' : 'PM'}`;
}

/** A front-matter date: local (`2024-09-04 21:03`, read in the site's zone) or the same instant as RFC 3339 with an offset or `Z`. */
export type FrontMatterDateForm = 'local' | 'local-t-seconds' | 'offset' | 'utc';

/** The front-matter spelling of a wall time in the given form. */
export function toFrontMatterDate(t: WallTime, form: FrontMatterDateForm): string {
  const local = `${t.year}-${pad(t.month)}-${pad(t.day)}`;
  if (form === 'local') return `${local} ${pad(t.hour)}:${pad(t.minute)}`;
  if (form === 'local-t-seconds') return `${local}T${pad(t.hour)}:${pad(t.minute)}:00`;
  const zoned = toExpectedInstant(t);
  return form === 'offset' ? toRfc3339(zoned) : zoned.toInstant().toString({ smallestUnit: 'second' });
}

// ---------------------------------------------------------------------------------------------
// Sources

const encoder = new TextEncoder();

/** UTF-8 bytes of a source text. */
export function toBytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** A wire-copy article: section line, headline, Published line, body paragraphs (one line each). */
export function toWireSource(headline: string, published: string, paragraphs: readonly string[]): string {
  return `WORLD\n${headline}\nPublished: ${published}\n\n${paragraphs.map(oneLine).join('\n\n')}\n`;
}

/**
 * A YAML double-quoted scalar holding exactly `text`: JSON's escapes are YAML 1.2's (§5.7), except that
 * YAML folds raw line breaks, so every character YAML could read as one (NEL, LS, PS) is escaped too.
 */
export function toYamlString(text: string): string {
  return JSON.stringify(text).replace(/[\u0085\u2028\u2029\uFEFF\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A Markdown article: front matter with `headline`, `date` and the section World (as the wire copy's), then the body. */
export function toMarkdownSource(headline: string, date: string, body: string): string {
  return `---\nheadline: ${toYamlString(headline)}\ndate: ${toYamlString(date)}\nsection: World\n---\n${body}\n`;
}
