import { toCarriedText, toCodePoint } from '../model/chars.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { isBlankLine } from './spaces.ts';

/** A source decoded to text and split into normalised lines (1-based line numbers are index + 1). */
export interface DecodedText {
  lines: string[];
  /** One `control-character` warning per line that had characters no output can carry (they are removed). */
  warnings: Diagnostic[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * File signatures ("magic numbers") of formats that end up in article folders by mistake, so the
 * message can say what the file is. Checked before the NUL test: a PNG has NUL bytes, a PDF may not.
 */
const SIGNATURES: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (or a Word/OpenDocument file, which are ZIP archives)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'an old Word/Excel document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

/**
 * Byte-order marks of encodings other than UTF-8 (Unicode §23.8). UTF-32 LE comes before UTF-16 LE,
 * whose mark it starts with.
 */
const FOREIGN_BOMS: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'UTF-32 (little-endian)', bytes: [0xff, 0xfe, 0x00, 0x00] },
  { name: 'UTF-32 (big-endian)', bytes: [0x00, 0x00, 0xfe, 0xff] },
  { name: 'UTF-16 (little-endian)', bytes: [0xff, 0xfe] },
  { name: 'UTF-16 (big-endian)', bytes: [0xfe, 0xff] },
];

const AT_START = { line: 1, column: 1 } as const;

/**
 * Decodes UTF-8 bytes and normalises the structure of the text: a BOM, CRLF/CR line ends, tabs,
 * trailing spaces and whitespace-only lines. Every other character is kept as written, no-break and
 * ideographic spaces included (docs/text.md).
 * Line numbers are preserved so diagnostics point at the original line.
 *
 * Bytes that are not UTF-8 text are refused with one diagnostic that says what the file is and how to
 * fix it; nothing is ever decoded with replacement characters (U+FFFD), which would publish garbage.
 */
export function decodeSource(bytes: Uint8Array, file: string, source: string): DecodedText | Diagnostic {
  const refuse = (ruleId: string, message: string, position: { line: number; column: number } = AT_START) => diagnostic('error', file, source, ruleId, message, position);
  if (bytes.length === 0) return refuse('empty-file', 'the file is empty (0 bytes); write the article in it, or delete the file');
  const bom = FOREIGN_BOMS.find((b) => startsWith(bytes, b.bytes));
  if (bom) {
    return refuse('not-utf8', `the file is ${bom.name} text (it starts with a ${bom.name} byte-order mark); articles must be UTF-8: re-save it as "UTF-8" in your editor`);
  }
  const kind = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (kind) return refuse('binary-file', `the file is ${kind.name}, not text; only UTF-8 text articles (.txt wire copy, .md Markdown) belong here: move it out of the articles folder`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = positionOf(bytes, nul);
    return refuse(
      'binary-file',
      `the file is not text: it has a NUL byte at byte offset ${nul} (line ${at.line}), as binary files and UTF-16 text without a byte-order mark do; if it is an article, re-save it as "UTF-8", otherwise move it out of the articles folder`,
      at,
    );
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const offset = firstInvalidByte(bytes);
    const at = positionOf(bytes, offset);
    const hex = bytes[offset]!.toString(16).toUpperCase().padStart(2, '0');
    return refuse(
      'invalid-utf8',
      `the file is not valid UTF-8: byte 0x${hex} at byte offset ${offset} (line ${at.line}, column ${at.column}) is not part of a UTF-8 character, so the file was probably saved as Windows-1252, Latin-1 or another legacy encoding; re-save it as "UTF-8" in your editor (nothing was guessed or replaced)`,
      at,
    );
  }
  const warnings: Diagnostic[] = [];
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, i) => {
      const carried = toCarriedText(line);
      if (carried !== line) warnings.push(toControlWarning(line, file, source, i + 1));
      return carried;
    })
    // Layout only (docs/text.md): tabs are spaces, trailing spaces go, a line of white space of any kind
    // is blank. No-break, ideographic and other Unicode spaces are the editor's; the readers trim them
    // only at the ends of a line or value.
    .map((line) => (isBlankLine(line) ? '' : line.replace(/\t/g, ' ').replace(/ +$/, '')));
  if (lines.every((line) => line === '')) return refuse('empty-file', 'the file has only blank lines and spaces; write the article in it, or delete the file');
  return { lines, warnings };
}

/**
 * The warning for a line (or a front-matter value) that had characters no output can carry: control
 * characters (XML 1.0 §2.2 forbids C0 controls; C1 controls are mis-decoded Windows-1252), U+FFFD and
 * noncharacters. They are removed before anything else, so spacing is normalised as if they had never
 * been there, and every format states the same text.
 */
export function toControlWarning(before: string, file: string, source: string, line: number, where = 'the line'): Diagnostic {
  // By code point ([...text]), so an astral noncharacter counts as one.
  const removed = [...before].filter((char) => toCarriedText(char) === '');
  const codes = [...new Set(removed.map(toCodePoint))];
  const column = [...before].findIndex((char) => toCarriedText(char) === '') + 1;
  return diagnostic(
    'warning',
    file,
    source,
    'control-character',
    `${where} has ${removed.length === 1 ? 'a character' : `${removed.length} characters`} no output can carry (${codes.slice(0, 4).join(', ')}${codes.length > 4 ? ', …' : ''}: control characters, U+FFFD or noncharacters, often left by a copy and paste); ${removed.length === 1 ? 'it was' : 'they were'} removed: delete ${removed.length === 1 ? 'it' : 'them'} from the source`,
    { line, column: Math.max(column, 1) },
  );
}

/**
 * Lines of the text as written (tabs and all), numbered like {@link decodeSource}'s lines. Only for
 * bytes that {@link decodeSource} accepted; front-matter checks and the Markdown body need what the
 * space normalisation hides.
 */
export function rawLines(bytes: Uint8Array): string[] {
  // Without the characters decodeSource removed (and warned about), so every reader sees the same text.
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).map(toCarriedText);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** 1-based line and column (in characters of the valid text before it) of the byte at `offset`. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    // A lone CR ends a line too, as in decodeSource; CRLF counts once.
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) {
      line++;
      start = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(start, offset));
  return { line, column: [...before].length + 1 };
}

/**
 * Offset of the first byte that does not begin or continue a well-formed UTF-8 sequence (Unicode
 * §3.9, Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF). Only called when the strict
 * decoder refused the bytes, so some offset always qualifies.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b < 0x80) length = 1;
    else if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (c < min || c > max) return i;
    }
    i += length;
  }
  return bytes.length - 1;
}
