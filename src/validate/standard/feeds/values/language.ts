/**
 * Language codes: RSS `<language>`, `xml:lang` and `hreflang` name a language by an RFC 3066 / BCP 47
 * tag whose primary subtag is an ISO 639-1 or ISO 639-2 code (the W3C validator checks that subtag
 * only). The codes ICU knows are read from `Intl.DisplayNames`; ISO 639-2's special and collective codes,
 * which ICU does not name, are listed here.
 */

// ISO 639-2 special codes (und, mul, mis, zxx) and collective codes (ISO 639-5 groups kept in 639-2).
const ISO_639_2_EXTRA = new Set(
  (
    'und mul mis zxx afa alg apa art ath aus bad bai bat ber bnt btk cai cau cel cmc cpe cpf cpp crp cus day dra fiu gem ijo inc ' +
    'ine ira iro kar khi kro map mkh mno mun myn nah nai nic nub oto paa phi pra roa sai sal sem sgn sio sit sla smi son ssa tai tup ' +
    'tut wak wen ypk znd'
  ).split(' '),
);

let names: Intl.DisplayNames | undefined;
const known = new Map<string, boolean>();

/** True when the primary subtag of `value` (the part before the first "-", any case) is an ISO 639 code. */
export function isLanguageCode(value: string): boolean {
  const primary = (value.split('-', 1)[0] as string).toLowerCase();
  // RFC 3066 §2.2: "i" (IANA-registered) and "x" (private use) prefixes.
  if (primary === 'i' || primary === 'x') return true;
  if (!/^[a-z]{2,3}$/.test(primary)) return false;
  // ISO 639-2 reserves qaa–qtz for local use.
  if (/^q[a-t][a-z]$/.test(primary) || ISO_639_2_EXTRA.has(primary)) return true;
  let answer = known.get(primary);
  if (answer === undefined) {
    try {
      names ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
      answer = names.of(primary) !== undefined;
    } catch {
      answer = false;
    }
    known.set(primary, answer);
  }
  return answer;
}
