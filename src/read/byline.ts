/**
 * Byline recognition, shared by both readers. A paragraph starting "By" is a byline only when what
 * follows is a short list of names (optionally with the place the story was filed from); a sentence
 * that starts with "By" ("By the end of 2025, …", "By Tuesday evening, …") is body text. The rule is
 * documented in docs/bylines-and-sections.md; change both together.
 */

/** A recognised byline: the names as written, in order, and the place after "in", when given. */
export interface Byline {
  names: string[];
  place?: string;
}

/** "By" or "BY" (agency copy in capitals), then the names. */
const PREFIX = /^(?:By|BY)\s+(\S.*)$/s;
/** Between names: a comma (with an optional Oxford "and"), "and"/"AND", "&", or the CJK enumeration comma. */
const SEPARATOR = /\s*,\s*(?:(?:and|AND)\s+)?|\s+(?:and|AND)\s+|\s*&\s*|\s*、\s*/;
/** `Li Na in Beijing`: the last name of the byline may be followed by the place. */
const PLACE = /^(.+?)\s+(?:in|IN)\s+(.+)$/;

/** Longest byline paragraph read as one (a line of names, not a paragraph of prose). */
const MAX_LENGTH = 200;
/** Most names in one byline, and most words in one name or place. */
const MAX_NAMES = 10;
const MAX_WORDS = 7;
const MAX_PLACE_WORDS = 4;

/** A capitalised word: `Zhang`, `O'Hara`, `Jean-Pierre`, `McDonald`, `GT`, `Xi's`, `Иван`. */
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*$/u;
/** An initial or short abbreviation with its period: `J.`, `J.K.`, `Dr.`, `Jr.`. */
const INITIAL = /^(?:\p{Lu}\.)+$|^\p{Lu}\p{Ll}\.$/u;
/**
 * A word of a script without case (Han, Kana, Hangul, Arabic, Hebrew, Devanagari, Thai, …): letters
 * that are neither upper nor lower case, their marks, and the name middle dots (`阿卜杜拉·艾力`, `ジョン・スミス`).
 */
const CASELESS = /^[\p{Lo}\p{Lm}][\p{Lo}\p{Lm}\p{M}·・‧]*$/u;
/** A particle joined to the next word: `al-Assad`, `d'Alembert`, `bin-Salman`. */
const JOINED_PARTICLE = /^(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|d|l|dell)['’-]\p{Lu}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*$/u;
/** Lower-case name particles, allowed inside a name (never first or last): `Ludwig van Beethoven`, `Ibn Battuta`. */
const PARTICLES = new Set([
  'de', 'da', 'das', 'do', 'dos', 'du', 'del', 'della', 'der', 'den', 'des', 'di', 'la', 'le', 'van', 'von', 'ter', 'ten', 'zu', 'af', 'av',
  'bin', 'binti', 'bint', 'ibn', 'abu', 'al', 'el', 'y',
]);
/** Lower-case words that may end an agency or desk byline: `Global Times staff`, `GT staff reporters`. */
const STAFF = new Set(['staff', 'reporter', 'reporters', 'correspondent', 'correspondents', 'writer', 'writers', 'editors']);
/**
 * Capitalised words of time that start sentences ("By Tuesday, …", "By Christmas Day the …"): a name
 * made only of them is not a name. A name merely containing one ("Sunday Times staff") still is.
 */
const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'today', 'tonight', 'tomorrow', 'yesterday', 'morning', 'afternoon',
  'evening', 'night', 'noon', 'midnight', 'day', 'week', 'weekend', 'month', 'year', 'christmas', 'easter', 'then', 'now',
]);

/**
 * The byline in `text` (one paragraph, spaces normalised), or undefined when it is not one:
 * "By Liu Caiyu, Zhang Han and Li Hao" → three names; "By Zhang Wei, Li Na in Beijing" → two names
 * and the place Beijing; "By the end of 2025, …" → undefined.
 */
export function readByline(text: string): Byline | undefined {
  const rest = PREFIX.exec(text.trim())?.[1];
  if (rest === undefined || rest.length > MAX_LENGTH) return undefined;
  // A name has no digits and no sentence punctuation; a period only closes an initial, never the line.
  if (/[\p{N}!?;:"“”«»()[\]{}<>/\\…—–|@#*_=+]/u.test(rest) || rest.endsWith('.')) return undefined;
  const parts = rest.split(SEPARATOR);
  if (parts.length > MAX_NAMES) return undefined;
  let place: string | undefined;
  const last = PLACE.exec(parts.at(-1)!);
  if (last && isPlace(last[2]!)) {
    parts[parts.length - 1] = last[1]!;
    place = last[2]!;
  }
  if (!parts.every(isName)) return undefined;
  return place === undefined ? { names: parts } : { names: parts, place };
}

/** One name: a few capitalised or caseless words, with inner particles, initials and a trailing desk word allowed. */
function isName(name: string): boolean {
  const words = name.split(/\s+/);
  if (name === '' || words.length > MAX_WORDS) return false;
  let staffFrom = words.length;
  while (staffFrom > 1 && STAFF.has(words[staffFrom - 1]!)) staffFrom--;
  const core = words.slice(0, staffFrom);
  const ok = core.every((word, i) => {
    if (CAPITALISED.test(word) || CASELESS.test(word) || JOINED_PARTICLE.test(word)) return true;
    if (INITIAL.test(word)) return true;
    return PARTICLES.has(word) && i > 0 && i < core.length - 1;
  });
  if (!ok) return false;
  // Initials alone ("J. K.") are no name, nor are words of time alone ("Tuesday", "Christmas Day").
  if (core.every((word) => INITIAL.test(word))) return false;
  return !core.every((word) => TIME_WORDS.has(word.toLowerCase()));
}

/** A place after "in": a few capitalised or caseless words (`Beijing`, `Hong Kong`, `Rio de Janeiro`, `北京`). */
function isPlace(place: string): boolean {
  const words = place.split(/\s+/);
  return (
    words.length <= MAX_PLACE_WORDS &&
    words.every((word, i) => CAPITALISED.test(word) || CASELESS.test(word) || (PARTICLES.has(word) && i > 0 && i < words.length - 1))
  );
}

/** The names with repeats removed (first kept), and the repeated names, for the `duplicate-author` warning. */
export function toUniqueNames(names: readonly string[]): { names: string[]; repeated: string[] } {
  const repeated = [...new Set(names.filter((name, i) => names.indexOf(name) !== i))];
  return { names: names.filter((name, i) => names.indexOf(name) === i), repeated };
}
