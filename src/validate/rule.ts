/**
 * Validation rules as data (after ESLint's `meta` and markdownlint's rule objects): every finding names a
 * rule of the registry, which says which layer it belongs to, how severe it is, and where the requirement
 * comes from. Checks report findings; severities, positions and file names are added by {@link toDiagnostics}
 * (report.ts), so a check never decides how strict a profile is.
 */
import type { Severity } from '../diagnostics.ts';

/**
 * `standard`: what a specification (or the reference tool that embodies it) requires of any producer's
 * file. `house`: what syndicate promises of its own output on top (self links, `@graph`, element order,
 * consistency across formats).
 */
export type Layer = 'standard' | 'house';

/**
 * Which rules apply: `standard` for anyone's file (`syndicate validate`), `syndicate` for both layers
 * (`build`, and `validate --profile syndicate`).
 */
export type Profile = 'standard' | 'syndicate';

/** The formats validation recognises, whoever wrote the file. */
export type ValidatedFormat =
  /** RSS 0.91–0.94 and 2.0 (`<rss>`). */
  | 'rss'
  /** RSS 0.90 and 1.0 (RDF: `<rdf:RDF>`). */
  | 'rss1'
  /** Atom 1.0, and Atom 0.3 (reported as obsolete). */
  | 'atom'
  /** JSON Feed 1.0 and 1.1. */
  | 'jsonfeed'
  /** schema.org JSON-LD, alone (`.jsonld`) or embedded in HTML. */
  | 'jsonld'
  /** An HTML page or fragment: its JSON-LD blocks, and for syndicate's pages their house rules. */
  | 'html'
  /** IPTC NewsML-G2, any item root. */
  | 'newsml'
  /** IPTC ninjs 1.x to 3.x. */
  | 'ninjs'
  /** Sitemaps protocol (`urlset`, `sitemapindex`), with the Google News extension. */
  | 'sitemap'
  /** syndicate's versions state. */
  | 'state'
  /** syndicate's partners' index. */
  | 'partners';

/** One rule: its identity, layer, severity and documentation. */
export interface Rule {
  /** Stable id in kebab-case: scripts and CI match on it. */
  readonly id: string;
  readonly layer: Layer;
  /** The severity the reference gives it: what the W3C Feed Validator, the spec or Google calls an error is an error. */
  readonly severity: Severity;
  /** A stricter severity under the `syndicate` profile (a W3C warning syndicate never lets its own output carry). */
  readonly houseSeverity?: Severity;
  /** The formats it applies to. */
  readonly formats: readonly ValidatedFormat[];
  /** One line: what it checks, for the docs table. */
  readonly summary: string;
  /** The W3C Feed Validation Service event classes it reports (so verdicts can be compared with the W3C's). */
  readonly w3c?: readonly string[];
  /** Where the requirement comes from: a spec section, Google's documentation, an IPTC rule. */
  readonly reference?: string;
}

/** Declares a list of rules, keeping their ids as literal types (so findings can only name declared rules). */
export function defineRules<const T extends readonly Rule[]>(rules: T): T {
  return rules;
}

/**
 * Where a finding is: a line and column (XML parsers give them as they go), a path into a JSON value
 * (resolved to a line and column only when the finding is reported), or an offset into the text.
 */
export type At =
  | { readonly line: number; readonly column?: number | undefined }
  | { readonly path: readonly (string | number)[] }
  | { readonly offset: number };

/** What a check found: the rule it breaks, a message in our words that says what to fix, and where. */
export interface Finding<Id extends string = string> {
  readonly rule: Id;
  readonly message: string;
  readonly at?: At | undefined;
}
