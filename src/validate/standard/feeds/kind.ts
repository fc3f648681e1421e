/**
 * What the feed checks are made of. The W3C Feed Validation Service walks a feed with one handler per
 * element (`base.py` validatorBase): the handler says which attributes and children the element may have
 * (its `do_*` methods), checks the start tag (`prevalidate`) and the text at the end tag (`validate`).
 * A {@link Kind} is such a handler as data and functions; a {@link Visit} is one element being checked.
 */
import type { Finding } from '../../rule.ts';
import type { FeedRuleId } from '../../rules/feeds.ts';
import type { XmlElement, XmlText } from '../../xml/tree.ts';

/** The feed family being read, as far as the walk has found out (W3C feed types). */
export type FeedType = 'rss' | 'rss1' | 'atom' | 'atom-entry' | undefined;

/** What the whole walk shares: the findings, the raw text, the feed type, namespaces in default use. */
export interface FeedContext {
  readonly findings: Finding<FeedRuleId>[];
  /** The document's text, for checks on the raw markup (the RSS Profile's `&#x` test). */
  readonly text: string;
  /** Lines of {@link text} holding `&#x` (hexadecimal character references), computed when first needed. */
  hexLines?: boolean[];
  feedType: FeedType;
  /** `<rss version>`, or "1.0"/"0.90" for RDF feeds, "1.0"/"0.3" for Atom. */
  version?: string | undefined;
  /** Namespaces whose elements are read as the format's own (W3C defaultNamespaces). */
  readonly defaultNamespaces: Set<string>;
  /** The document's DOCTYPE is the Netscape RSS 0.91 one (its HTML entities are then defined). */
  netscapeDoctype: boolean;
  /** The time "now" for plausibility checks. */
  readonly now: number;
  /** The encoding the XML declaration names, if any. */
  readonly encoding?: string | undefined;
  /** The rdf:about URIs seen so far (RSS 1.0 resources are identified once). */
  readonly abouts: Set<string>;
}

/** A child element as a parent's table sees it. */
export type ChildKind = Kind | ((visit: Visit, child: XmlElement) => Kind | undefined);

/** An element's handler; every member is optional. */
export interface Kind {
  /**
   * The attributes the element may carry besides xml:*, as `name` (no namespace) or `{uri}name`;
   * `any` when anything goes (extension content). Left out: none.
   */
  readonly attributes?: readonly string[] | 'any' | undefined;
  /** Text content is allowed (W3C textOK); otherwise non-blank text is an `unexpected-text` error. */
  readonly text?: boolean | undefined;
  /** Surrounding white space is part of the value (W3C normalizeWhitespace overridden). */
  readonly keepWhitespace?: boolean | undefined;
  /**
   * Child elements: a table by W3C name (`title`, `dc_creator`), `leaf` when every child element is
   * undefined (text elements), `eat` when anything goes (extension content), or a function for a
   * custom reading (W3C startElementNS overrides).
   */
  readonly children?: Readonly<Record<string, ChildKind>> | 'leaf' | 'eat' | ((visit: Visit, child: XmlElement) => Child) | undefined;
  /** Element in a namespace the validator does not know (W3C unknown_starttag): default `eat`. */
  readonly unknown?: ((visit: Visit, child: XmlElement) => Kind) | undefined;
  /** At the start tag, before the attribute check (W3C prevalidate). */
  readonly start?: ((visit: Visit) => void) | undefined;
  /** For each text node, before it joins the value. */
  readonly onText?: ((visit: Visit, text: XmlText) => void) | undefined;
  /** At the end tag, with the value (W3C validate). */
  readonly end?: ((visit: Visit) => void) | undefined;
}

/** A child element resolved: the W3C name its parent records, and its kind. */
export interface Child {
  readonly key: string;
  readonly kind: Kind;
}

/** One element being checked. */
export interface Visit {
  readonly element: XmlElement;
  /** The W3C validator's name for it: `title`, `dc_creator` (known namespace), `unknown_x` (unknown one). */
  readonly key: string;
  readonly parent: Visit | undefined;
  readonly kind: Kind;
  readonly context: FeedContext;
  /** The names of the children read so far, in order (W3C `children`). */
  readonly seen: string[];
  /** Counts of {@link seen}. */
  readonly counts: Map<string, number>;
  /** The element's own text (CDATA included, entities resolved); trimmed at the end unless the kind keeps white space. */
  value: string;
  /** The same text, never trimmed. */
  raw: string;
  /** xml:lang in scope. */
  readonly lang: string | undefined;
  /** Per-kind state (links seen, the channel's title…). */
  readonly state: Record<string, unknown>;
}

/** A place to report: an element's start tag (`start`) or its end tag (`end`, where values are read). */
export type Where = 'start' | 'end';
