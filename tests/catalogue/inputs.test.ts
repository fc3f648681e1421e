import { describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../src/config.ts';
import type { Diagnostic } from '../../src/diagnostics.ts';
import { readSource } from '../../src/read/index.ts';
import { makeSite } from '../helpers/fixtures.ts';

/*
 * The catalogue of bad article inputs (issue 6, item 1). Every row is one hostile or broken file and
 * the one diagnostic it must give: file, line (and column where it means something), severity, rule
 * id, stage, and words that tell the author what to do. Rows run through `readSource`, the entry
 * point the build uses, so the size limit is checked too. Where both formats apply, a row exists
 * for wire copy (.txt) and for Markdown (.md).
 */

type Format = 'wire' | 'md';

interface Case {
  /** What the row is about. */
  name: string;
  format: Format;
  /** File contents (a string is UTF-8 encoded). */
  input: string | Uint8Array;
  /** File name inside input/articles/ (default: story.txt / story.md). */
  name_?: string;
  site?: SiteConfig;
  ruleId: string;
  severity?: 'error' | 'warning';
  line: number;
  column?: number;
  /** Each must match the message: what is wrong and what to do. */
  says: RegExp[];
}

const encode = (text: string) => new TextEncoder().encode(text);
const SOURCE: Record<Format, string> = { wire: 'read:wire', md: 'read:markdown' };
const PATH = (format: Format, name?: string) => `input/articles/${name ?? (format === 'wire' ? 'story.txt' : 'story.md')}`;

/** A valid wire article with its lines replaceable; `Published:` is on line 3. */
const wire = (headline = 'A headline', published = 'Published: Sep 04, 2024 09:03 PM', front = '') => `${front}WORLD\n${headline}\n${published}\n\nFirst paragraph.\n`;
/** A valid Markdown article; the front matter's first key is on line 2. */
const md = (fm: string) => `---\n${fm}\n---\nBody text.\n`;
const MD_OK = 'headline: A headline\ndate: 2024-09-04 21:03';
const newYork = makeSite({ timeZone: 'America/New_York' });

/** Rows that read the same in both formats, built for each. */
function both(
  name: string,
  input: (format: Format) => string | Uint8Array,
  rest: Omit<Case, 'name' | 'format' | 'input' | 'line' | 'column'> & { line: number | ((format: Format) => number); column?: number | ((format: Format) => number) },
): Case[] {
  return (['wire', 'md'] as const).map((format) => {
    const { line, column, ...others } = rest;
    const row: Case = { ...others, name, format, input: input(format), line: typeof line === 'number' ? line : line(format) };
    if (column !== undefined) row.column = typeof column === 'number' ? column : column(format);
    return row;
  });
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
const utf16be = (text: string) => new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
/** "Café" saved as Latin-1 on line 2 (column 4 in wire copy, 14 after `headline: `): the byte 0xE9 is not UTF-8. */
const latin1 = (format: Format) => {
  const text = format === 'wire' ? wire('Caf\u0000 opens') : md('headline: Caf\u0000 opens\ndate: 2024-09-04 21:03');
  return encode(text).map((b) => (b === 0 ? 0xe9 : b));
};
const ID_RULE = /lowercase ASCII letters, digits and inner hyphens, at most 100 characters/;

const cases: Case[] = [
  // Empty, binary and mis-encoded files: refused before anything is parsed, at line 1 or the bad byte.
  ...both('empty file (0 bytes)', () => new Uint8Array(0), { ruleId: 'empty-file', line: 1, column: 1, says: [/empty \(0 bytes\)/, /write the article in it, or delete the file/] }),
  ...both('whitespace-only file', () => ' \n\t\n\u00a0\r\n', { ruleId: 'empty-file', line: 1, column: 1, says: [/only blank lines and spaces/, /delete the file/] }),
  ...both('PNG image with an article extension', () => PNG, { ruleId: 'binary-file', line: 1, column: 1, says: [/is a PNG image, not text/, /move it out of the articles folder/] }),
  ...both('NUL byte inside text', (f) => (f === 'wire' ? wire('A\u0000headline') : md('headline: A\u0000headline\ndate: 2024-09-04 21:03')), {
    ruleId: 'binary-file',
    line: 2,
    column: (f) => (f === 'wire' ? 2 : 12),
    says: [/not text/, /NUL byte at byte offset \d+ \(line 2\)/, /re-save it as "UTF-8"/],
  }),
  ...both('invalid UTF-8 (Latin-1 "é")', latin1, { ruleId: 'invalid-utf8', line: 2, column: (f) => (f === 'wire' ? 4 : 14), says: [/not valid UTF-8: byte 0xE9 at byte offset \d+ \(line 2, column 1?4\)/, /re-save it as "UTF-8"/, /nothing was guessed or replaced/] }),
  ...both('UTF-16 LE with BOM', (f) => utf16le(f === 'wire' ? wire() : md(MD_OK)), { ruleId: 'not-utf8', line: 1, column: 1, says: [/UTF-16 \(little-endian\)/, /must be UTF-8/, /re-save it as "UTF-8"/] }),
  ...both('UTF-16 BE with BOM', (f) => utf16be(f === 'wire' ? wire() : md(MD_OK)), { ruleId: 'not-utf8', line: 1, column: 1, says: [/UTF-16 \(big-endian\)/, /must be UTF-8/] }),

  // Headline and date.
  { name: 'no headline', format: 'wire', input: 'Published: Sep 04, 2024 09:03 PM\n\nBody.\n', ruleId: 'missing-headline', line: 1, column: 1, says: [/no headline/, /put the headline on its own line before the "Published:" line/] },
  { name: 'no headline', format: 'md', input: md('date: 2024-09-04 21:03'), ruleId: 'missing-headline', line: 1, column: 1, says: [/no `headline`/, /add `headline: …`/] },
  { name: 'no date', format: 'wire', input: 'WORLD\nA headline\n\nBody.\n', ruleId: 'missing-date', line: 2, column: 1, says: [/no "Published:" line/, /add one after the headline, e\.g\. "Published: Sep 04, 2024 09:03 PM"/] },
  { name: 'no date', format: 'md', input: md('headline: A headline'), ruleId: 'missing-date', line: 1, column: 1, says: [/no `date`/, /add e\.g\. `date: 2024-09-04T21:03:00\+08:00`/] },
  { name: 'impossible date Sep 31', format: 'wire', input: wire(undefined, 'Published: Sep 31, 2024 09:03 PM'), ruleId: 'impossible-date', line: 3, column: 1, says: [/2024-09-31 21:03 is not a real date/, /September 2024 has 30 days/, /correct it/] },
  { name: 'impossible date Sep 31', format: 'md', input: md('headline: H\ndate: 2024-09-31 21:03'), ruleId: 'impossible-date', line: 3, column: 1, says: [/September 2024 has 30 days/, /correct it/] },
  { name: 'impossible date Feb 30', format: 'wire', input: wire(undefined, 'Published: Feb 30, 2023 09:03'), ruleId: 'impossible-date', line: 3, column: 1, says: [/February 2023 has 28 days/] },
  { name: 'impossible date Feb 29 in a common year', format: 'md', input: md('headline: H\ndate: 2023-02-29T10:00:00+08:00'), ruleId: 'impossible-date', line: 3, column: 1, says: [/not a real date/, /correct it/] },
  { name: 'impossible time 25:00', format: 'wire', input: wire(undefined, 'Published: Sep 04, 2024 25:00'), ruleId: 'impossible-date', line: 3, column: 1, says: [/hours go from 00 to 23/] },
  { name: 'impossible time 25:00', format: 'md', input: md('headline: H\ndate: 2024-09-04 25:00'), ruleId: 'impossible-date', line: 3, column: 1, says: [/hours go from 00 to 23/] },
  { name: 'unrecognised date format', format: 'wire', input: wire(undefined, 'Published: 4 September 2024, 21:03'), ruleId: 'unrecognised-date', line: 3, column: 1, says: [/not a date in the form "Sep 04, 2024 09:03 PM"/, /24-hour/] },
  { name: 'unrecognised date format', format: 'md', input: md('headline: H\ndate: 04/09/2024 21:03'), ruleId: 'unrecognised-date', line: 3, column: 1, says: [/not a date and time/, /write RFC 3339 with an offset/] },
  { name: 'date without a time', format: 'md', input: md('headline: H\ndate: 2024-09-04'), ruleId: 'unrecognised-date', line: 3, column: 1, says: [/local time in the site's zone \("2024-09-04 21:03"\)/] },

  // DST: a warning naming the offset chosen, and the article is still read.
  { name: 'local time in a DST gap', format: 'wire', site: newYork, input: wire(undefined, 'Published: Mar 10, 2024 02:30 AM'), ruleId: 'nonexistent-local-time', severity: 'warning', line: 3, column: 1, says: [/does not exist in America\/New_York/, /read as 2024-03-10T03:30:00-04:00/, /check the time on this line/] },
  { name: 'local time in a DST gap', format: 'md', site: newYork, input: md('headline: H\ndate: 2024-03-10 02:30'), ruleId: 'nonexistent-local-time', severity: 'warning', line: 3, column: 1, says: [/read as 2024-03-10T03:30:00-04:00/, /write it with its offset/] },
  { name: 'local time in a DST overlap', format: 'wire', site: newYork, input: wire(undefined, 'Published: Nov 03, 2024 01:30 AM'), ruleId: 'ambiguous-local-time', severity: 'warning', line: 3, column: 1, says: [/happens twice in America\/New_York/, /read as the earlier 2024-11-03T01:30:00-04:00, not the later 2024-11-03T01:30:00-05:00/, /Markdown with `date: 2024-11-03T01:30:00-05:00`/] },
  { name: 'local time in a DST overlap', format: 'md', site: newYork, input: md('headline: H\ndate: 2024-11-03 01:30'), ruleId: 'ambiguous-local-time', severity: 'warning', line: 3, column: 1, says: [/read as the earlier 2024-11-03T01:30:00-04:00/, /write `date: 2024-11-03T01:30:00-05:00`/] },

  // Size limit from site.json, checked before decoding.
  ...both('file over limits.maxArticleBytes', (f) => encode((f === 'wire' ? wire() : md(MD_OK)) + 'x'.repeat(200)), {
    site: makeSite({ limits: { maxArticleBytes: 100 } }),
    ruleId: 'file-too-large',
    line: 1,
    column: 1,
    says: [/over the 100 bytes limit/, /site\.json "limits\.maxArticleBytes"/, /split it, or raise the limit/],
  }),
  ...both('file over the default 1 MiB limit', () => new Uint8Array(1_048_577).fill(0x41), { ruleId: 'file-too-large', line: 1, column: 1, says: [/the file is 1,048,577 bytes \(1\.0 MiB\), over the 1,048,576 bytes \(1\.0 MiB\) limit/] }),

  // Ids that would escape dist/ or are odd: refused at the `id:` line, with what an id looks like and a suggestion.
  ...[
    ['../x', /contains "\.\.", and would place files outside dist\/articles\//, 'x'],
    ['/etc/passwd', /is an absolute path, and would place files outside dist\//, 'etc-passwd'],
    ['C:\\\\temp\\\\x', /is an absolute path/, 'c-temp-x'],
    ['a/b', /contains a path separator/, 'a-b'],
    ['Breaking-News', /contains upper-case letters/, 'breaking-news'],
    ['my story', /contains spaces/, 'my-story'],
    ['a'.repeat(101), /is 101 characters long, over 100/, 'a'.repeat(100)],
    ['café-story', /characters outside a-z, 0-9 and "-"/, 'cafe-story'],
    ['-lead', /starts or ends with a hyphen/, 'lead'],
  ].flatMap(([id, why, suggestion]) =>
    both(`front-matter id ${JSON.stringify(id).slice(0, 20)}`, (f) => (f === 'wire' ? wire(undefined, undefined, `---\nid: "${id as string}"\n---\n`) : md(`${MD_OK}\nid: "${id as string}"`)), {
      ruleId: 'invalid-id',
      line: (f) => (f === 'wire' ? 2 : 4),
      column: 1,
      says: [why as RegExp, ID_RULE, new RegExp(`Write e\\.g\\. \`id: ${suggestion as string}\``)],
    }),
  ),
  ...[
    ['Über Story!', /contains spaces/, 'uber-story'],
    ['my story', /contains spaces/, 'my-story'],
    ['v1.2', /contains "\.", which is not a lowercase letter/, 'v1-2'],
    ['Story', /contains upper-case letters/, 'story'],
    ['新闻', /characters outside a-z/, undefined],
  ].flatMap(([base, why, suggestion]) =>
    (['wire', 'md'] as const).map((format): Case => {
      const extension = format === 'wire' ? '.txt' : '.md';
      const fix = suggestion === undefined ? /rename the file \(e\.g\. "harbour-night-shift/i : new RegExp(`Rename the file to "${suggestion as string}\\${extension}" or set \`id: ${suggestion as string}\` in front matter`);
      return { name: `file name ${base as string}${extension}`, format, name_: `${base as string}${extension}`, input: format === 'wire' ? wire() : md(MD_OK), ruleId: 'invalid-id', line: 1, column: 1, says: [new RegExp(`the file name "${base as string}" cannot be the article id`.replace('.', '\\.')), why as RegExp, ID_RULE, fix] };
    }),
  ),

  // Malformed front matter: one diagnostic at the offending line, saying how to write it.
  ...both('unclosed front matter', (f) => (f === 'wire' ? `---\nid: x\n${wire()}` : `---\n${MD_OK}\nBody.\n`), { ruleId: 'unclosed-front-matter', line: 1, column: 1, says: [/no closing "---" line; add one after the last key/] }),
  ...both('YAML syntax error (unclosed list)', (f) => (f === 'wire' ? wire(undefined, undefined, '---\nkeywords: [a, b\n---\n') : md(`${MD_OK}\nkeywords: [a, b`)), {
    ruleId: 'malformed-front-matter',
    line: (f) => (f === 'wire' ? 2 : 4),
    says: [/not valid YAML on line \d/, /must be closed on the same line/],
  }),
  ...both('unquoted ": " in a value', (f) => (f === 'wire' ? wire(undefined, undefined, '---\ndescription: China: a summary\n---\n') : md('headline: China: the story\ndate: 2024-09-04 21:03')), {
    ruleId: 'malformed-front-matter',
    line: 2,
    says: [/not valid YAML on line 2/, /a value that contains ": " must be quoted/],
  }),
  ...both('tab indentation', (f) => (f === 'wire' ? wire(undefined, undefined, '---\nimage:\n\turl: https://example.com/a.jpg\n\tcaption: A\n---\n') : md(`${MD_OK}\nimage:\n\turl: https://example.com/a.jpg\n\tcaption: A`)), {
    ruleId: 'malformed-front-matter',
    line: (f) => (f === 'wire' ? 3 : 5),
    column: 1,
    says: [/indented with a tab, which YAML does not allow/, /indent with spaces only/],
  }),
  ...both('duplicate keys', (f) => (f === 'wire' ? wire(undefined, undefined, '---\ndateline: BEIJING\ndateline: SHANGHAI\n---\n') : md(`${MD_OK}\ndateline: BEIJING\ndateline: SHANGHAI`)), {
    ruleId: 'malformed-front-matter',
    line: (f) => (f === 'wire' ? 3 : 5),
    column: 1,
    says: [/has the key "dateline" twice \(first on line \d\); keep one of them/],
  }),
  { name: 'a list where a string is expected', format: 'md', input: md('headline: [Breaking, news]\ndate: 2024-09-04 21:03'), ruleId: 'invalid-front-matter', line: 2, column: 11, says: [/front matter "headline": expected text, not a list/, /write it on one line/] },
  { name: 'a list where a string is expected', format: 'wire', input: wire(undefined, undefined, '---\ndateline:\n  - BEIJING\n---\n'), ruleId: 'invalid-front-matter', line: 3, column: 3, says: [/front matter "dateline": expected text, not a list/] },
  { name: 'a number where a string is expected', format: 'md', input: md('headline: 2024\ndate: 2024-09-04 21:03'), ruleId: 'invalid-front-matter', line: 2, column: 11, says: [/expected text, not a number; put it in quotes \("2024"\)/] },
  { name: 'front matter that is not a mapping', format: 'md', input: md('just a sentence'), ruleId: 'malformed-front-matter', line: 2, column: 1, says: [/must be a YAML mapping of `key: value` lines/] },
  { name: 'alias to no anchor', format: 'md', input: md(`${MD_OK}\ndateline: *nowhere`), ruleId: 'malformed-front-matter', line: 2, column: 1, says: [/cannot be read/, /write the values out/] },
  {
    name: 'YAML alias bomb ("billion laughs")',
    format: 'md',
    input: md(`${MD_OK}\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]`),
    ruleId: 'malformed-front-matter',
    line: 2,
    column: 1,
    says: [/cannot be read/, /anchors and aliases/],
  },
  { name: 'unknown key', format: 'md', input: md(`${MD_OK}\ntitle: nope`), ruleId: 'invalid-front-matter', line: 4, column: 1, says: [/unknown key\(s\) "title"; allowed keys are/] },
  { name: 'no front matter at all', format: 'md', input: 'Just a body.\n', ruleId: 'missing-front-matter', line: 1, column: 1, says: [/no YAML front matter/, /start it with "---"/] },
];

function run(c: Case) {
  const file = { path: PATH(c.format, c.name_), bytes: typeof c.input === 'string' ? encode(c.input) : c.input };
  return { file, result: readSource(file, c.site ?? makeSite())! };
}

describe('catalogue of bad inputs: exactly one precise diagnostic each', () => {
  it.each(cases.map((c) => [`${c.format}: ${c.name}`, c] as const))('%s', (_, c) => {
    const { file, result } = run(c);
    expect(result, 'a reader handles the file').toBeDefined();
    const severity = c.severity ?? 'error';
    expect(result.diagnostics, JSON.stringify(result.diagnostics, null, 2)).toHaveLength(1);
    const d: Diagnostic = result.diagnostics[0]!;
    expect(d).toMatchObject({ file: file.path, severity, ruleId: c.ruleId, line: c.line });
    if (c.column !== undefined) expect(d.column).toBe(c.column);
    expect(d.source).toBe(SOURCE[c.format]);
    for (const pattern of c.says) expect(d.message).toMatch(pattern);
    // Never a replacement character: bad bytes are reported, not decoded into U+FFFD.
    expect(d.message).not.toContain('\uFFFD');
    // An error means no article; a warning leaves the article readable.
    if (severity === 'error') expect(result.article).toBeUndefined();
    else expect(result.article).toBeDefined();
  });

  it('covers both formats wherever the problem can occur in both', () => {
    const byFormat = (format: Format) => new Set(cases.filter((c) => c.format === format).map((c) => c.ruleId));
    const wireRules = byFormat('wire');
    const mdRules = byFormat('md');
    // Only Markdown requires front matter; everything else is catalogued for both.
    expect([...wireRules].filter((r) => !mdRules.has(r))).toEqual([]);
    expect([...mdRules].filter((r) => !wireRules.has(r))).toEqual(['missing-front-matter']);
  });
});

describe('the size limit', () => {
  const site = makeSite({ limits: { maxArticleBytes: 120 } });
  it('reads a file of exactly the limit, and refuses one byte more', () => {
    const text = wire();
    const exact = encode(text.replace('First paragraph.', `First paragraph.${'x'.repeat(120 - encode(text).length)}`));
    expect(exact.length).toBe(120);
    expect(readSource({ path: PATH('wire'), bytes: exact }, site)!.article).toBeDefined();
    const over = new Uint8Array([...exact, 0x0a]);
    expect(readSource({ path: PATH('wire'), bytes: over }, site)!.diagnostics.map((d) => d.ruleId)).toEqual(['file-too-large']);
  });

  it('checks before decoding: an oversized binary file is reported as too large, not as binary', () => {
    const big = new Uint8Array(200).fill(0);
    expect(readSource({ path: PATH('md'), bytes: big }, site)!.diagnostics.map((d) => d.ruleId)).toEqual(['file-too-large']);
  });

  it('leaves files of other extensions to the caller (no reader, no diagnostic)', () => {
    expect(readSource({ path: 'input/articles/photo.png', bytes: new Uint8Array(5_000_000) }, makeSite())).toBeUndefined();
  });
});
