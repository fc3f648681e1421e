import { diagnostic, type Diagnostic } from '../diagnostics.ts';

/** A source decoded to text and split into normalised lines (1-based line numbers are index + 1). */
export interface DecodedText {
  lines: string[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes UTF-8 bytes and normalises what wire copy typically carries: a BOM, CRLF/CR line ends,
 * no-break spaces (U+00A0) and other Unicode spaces, trailing blanks and whitespace-only lines.
 * Line numbers are preserved so diagnostics point at the original line.
 */
export function decodeSource(bytes: Uint8Array, file: string, source: string): DecodedText | Diagnostic {
  if (bytes.length === 0) return diagnostic('error', file, source, 'empty-file', 'the file is empty; add an article or remove the file');
  if (bytes.includes(0)) return diagnostic('error', file, source, 'binary-file', 'the file contains NUL bytes and looks binary; only UTF-8 text articles are read');
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return diagnostic('error', file, source, 'invalid-utf8', 'the file is not valid UTF-8; re-save it as UTF-8', { line: firstInvalidLine(bytes) });
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ').replace(/ +$/, ''))
    .map((line) => (line.trim() === '' ? '' : line));
  return { lines };
}

/** 1-based number of the first line whose bytes are not valid UTF-8 (lines split on LF, which UTF-8 never uses inside a character). */
function firstInvalidLine(bytes: Uint8Array): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line - 1;
}
