/**
 * Building blocks of element kinds: elements that may appear once (W3C noduplicates), must not be blank
 * (nonblank), must not have surrounding white space (nows), and text leaves with a value check.
 */
import type { FeedRuleId } from '../../../rules/feeds.ts';
import type { ChildKind, Kind, Visit } from '../kind.ts';
import { named, report } from '../report.ts';

/** Options of {@link leaf} and {@link container}. */
export interface ElementOptions {
  /** The element may appear once in its parent: a second one is `duplicate-element` (or the given warning rule). */
  readonly once?: boolean | FeedRuleId | undefined;
  /** Its attributes (see {@link Kind.attributes}). */
  readonly attributes?: readonly string[] | 'any' | undefined;
  /** Keeps surrounding white space in the value. */
  readonly keepWhitespace?: boolean | undefined;
  /** White space around the value is an error (W3C nows: Atom ids, dates, IRIs). */
  readonly noWhitespace?: boolean | undefined;
  /** An empty value is a `blank-value` warning (W3C nonblank). */
  readonly nonBlank?: boolean | undefined;
  /** Extra work at the start tag. */
  readonly start?: ((visit: Visit) => void) | undefined;
  /** The value check, at the end tag. */
  readonly check?: ((visit: Visit) => void) | undefined;
}

/** Reports a second occurrence of `visit`'s element in its parent (W3C noduplicates). */
export function checkOnce(visit: Visit, rule: FeedRuleId = 'duplicate-element'): void {
  const parent = visit.parent;
  if (parent === undefined || (parent.counts.get(visit.key) ?? 0) === 0) return;
  const message =
    rule === 'duplicate-enclosure'
      ? `${named(visit)} appears more than once; most readers take only the first enclosure. Keep one per item`
      : `${named(visit)} may appear only once, but appears again; remove the duplicate`;
  report(visit, rule, message);
}

/** A text element: the value is checked at its end tag, any child element is undefined. */
export function leaf(options: ElementOptions = {}): Kind {
  return {
    attributes: options.attributes,
    text: true,
    keepWhitespace: options.keepWhitespace,
    children: 'leaf',
    start: startOf(options),
    end: endOf(options),
  };
}

/** An element of elements: its children by W3C name, checked at its start and end. */
export function container(children: Readonly<Record<string, ChildKind>>, options: ElementOptions & { readonly end?: ((visit: Visit) => void) | undefined; readonly text?: boolean | undefined } = {}): Kind {
  const end = endOf(options);
  return {
    attributes: options.attributes,
    text: options.text,
    children,
    start: startOf(options),
    end: options.end === undefined ? end : (visit) => {
      end?.(visit);
      options.end?.(visit);
    },
  };
}

function startOf(options: ElementOptions): ((visit: Visit) => void) | undefined {
  const once = options.once;
  if (!once && options.start === undefined) return undefined;
  return (visit) => {
    if (once) checkOnce(visit, once === true ? 'duplicate-element' : once);
    options.start?.(visit);
  };
}

function endOf(options: ElementOptions): ((visit: Visit) => void) | undefined {
  if (!options.noWhitespace && !options.nonBlank && options.check === undefined) return undefined;
  return (visit) => {
    if (options.noWhitespace) checkNoWhitespace(visit);
    if (options.nonBlank) checkNonBlank(visit);
    options.check?.(visit);
  };
}

/** W3C nonblank: an empty value is a warning. */
export function checkNonBlank(visit: Visit): void {
  if (visit.value === '') report(visit, 'blank-value', `${named(visit)} is empty; give it a value or leave the element out`, 'end');
}

/** W3C nows: RFC 4287 values (ids, dates, IRIs) have no white space around them. */
export function checkNoWhitespace(visit: Visit): void {
  if (visit.raw !== visit.raw.trim()) report(visit, 'unexpected-whitespace', `${named(visit)} has white space around its value; Atom ids, dates and IRIs are compared as written, so remove it`);
}
