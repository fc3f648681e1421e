/**
 * Content models as automata. A particle tree compiles to its Glushkov automaton (one state per element
 * or wildcard occurrence in the model, transitions computed from first, last and follow sets), which
 * reads a parent's children in one pass whatever the model's shape: no backtracking, so linear in the
 * number of children. When a child does not fit, a breadth-first search over the (small) automaton
 * says why: which required elements are missing before it, or that it comes too late or too often.
 */
import type { XmlElement } from '../../xml/tree.ts';
import { NAR, XMLDSIG, type ElementParticle, type NamespaceConstraint, type Particle, type WildcardParticle } from './model.ts';

/** An element or wildcard occurrence of the model: a state of the automaton. */
export type Leaf = ElementParticle | WildcardParticle;

/** A compiled content model. */
export interface Automaton {
  readonly leaves: readonly Leaf[];
  /** The states a first child may take. */
  readonly first: readonly number[];
  /** True when the model accepts no children at all. */
  readonly nullable: boolean;
  /** The states a last child may take. */
  readonly last: ReadonlySet<number>;
  /** The states that may follow each state. */
  readonly follow: readonly (readonly number[])[];
  /**
   * The steps already taken, by state and child name: the automaton read as a DFA built lazily, so that a
   * document shaped like one read before (every output of the build) costs a lookup per child.
   */
  readonly taken: Map<string, Step>;
}

interface Fragment {
  nullable: boolean;
  first: number[];
  last: number[];
}

const compiled = new WeakMap<Particle, Automaton>();

/** The automaton of `model`, compiled once per model. */
export function automatonOf(model: Particle): Automaton {
  let automaton = compiled.get(model);
  if (automaton === undefined) {
    automaton = compile(model);
    compiled.set(model, automaton);
  }
  return automaton;
}

function compile(model: Particle): Automaton {
  const leaves: Leaf[] = [];
  const follow: Set<number>[] = [];
  const link = (from: readonly number[], to: readonly number[]) => {
    for (const p of from) for (const q of to) follow[p]?.add(q);
  };
  const visit = (p: Particle): Fragment => {
    let fragment: Fragment;
    if (p.kind === 'element' || p.kind === 'any') {
      const index = leaves.push(p) - 1;
      follow.push(new Set());
      fragment = { nullable: false, first: [index], last: [index] };
    } else if (p.kind === 'choice') {
      const parts = p.items.map(visit);
      fragment = { nullable: parts.some((f) => f.nullable), first: parts.flatMap((f) => f.first), last: parts.flatMap((f) => f.last) };
    } else {
      fragment = { nullable: true, first: [], last: [] };
      for (const part of p.items.map(visit)) {
        // Glushkov: what may end the prefix may be followed by what starts this part.
        link(fragment.last, part.first);
        fragment = {
          nullable: fragment.nullable && part.nullable,
          first: fragment.nullable ? [...fragment.first, ...part.first] : fragment.first,
          last: part.nullable ? [...fragment.last, ...part.last] : part.last,
        };
      }
    }
    // maxOccurs="unbounded": the particle may start again after it ends; minOccurs="0": it may be absent.
    if (p.max === Infinity) link(fragment.last, fragment.first);
    if (p.min === 0) fragment = { ...fragment, nullable: true };
    return fragment;
  };
  const root = visit(model);
  return { leaves, first: root.first, nullable: root.nullable, last: new Set(root.last), follow: follow.map((s) => [...s]), taken: new Map() };
}

/** XML Schema §3.10.4: does a wildcard's namespace constraint take the namespace `uri`? */
export function allowsNamespace(constraint: NamespaceConstraint, uri: string): boolean {
  switch (constraint) {
    case 'any':
      return true;
    case 'other':
      // ##other excludes the target namespace and unqualified names (XML Schema 1.0 §3.10.2).
      return uri !== NAR && uri !== '';
    case 'local':
      return uri === '';
    case 'nar':
      return uri === NAR;
    case 'xmldsig':
      return uri === XMLDSIG;
  }
}

/** True when the leaf takes the child element. */
export function leafTakes(leaf: Leaf, child: XmlElement): boolean {
  if (leaf.kind === 'element') return child.uri === NAR && child.name === leaf.name;
  return allowsNamespace(leaf.namespace, child.uri);
}

/** What a child would do to the reading: the leaf it takes, or why none can. */
export type Step =
  | { readonly kind: 'taken'; readonly leaf: Leaf; readonly next: readonly number[] }
  /** Required elements are missing before the child; reading can resume as if they were there. */
  | { readonly kind: 'missing-before'; readonly leaf: Leaf; readonly missing: readonly Leaf[]; readonly next: readonly number[] }
  /** The model has a place for the child, but earlier (or only once, and it is taken). */
  | { readonly kind: 'misplaced'; readonly leaf: Leaf; readonly repeated: boolean }
  /** The model has no place for the child. */
  | { readonly kind: 'unexpected' };

const MAX_CACHED_STEPS = 512;

/** Reads a parent's children one by one against its content model. */
export class ContentReader {
  private state: readonly number[] | undefined = undefined;

  constructor(private readonly automaton: Automaton) {}

  /** The states the next child may take. */
  private candidates(): readonly number[] {
    if (this.state === undefined) return this.automaton.first;
    const next = new Set<number>();
    for (const p of this.state) for (const q of this.automaton.follow[p] ?? []) next.add(q);
    return [...next];
  }

  /** What `child` would do if it came next, without reading it. */
  peek(child: XmlElement): Step {
    const { leaves, taken: steps } = this.automaton;
    const key = `${this.state === undefined ? '' : this.state.join(',')} ${child.uri} ${child.name}`;
    const known = steps.get(key);
    if (known !== undefined) return known;
    const candidates = this.candidates();
    const taking = candidates.filter((p) => leaves[p] !== undefined && leafTakes(leaves[p], child));
    const taken = taking[0];
    if (taken !== undefined) {
      const step: Step = { kind: 'taken', leaf: leaves[taken] as Leaf, next: taking };
      // Bounded: another producer's documents may wander over many states.
      if (steps.size < MAX_CACHED_STEPS) steps.set(key, step);
      return step;
    }
    const places = new Set(leaves.flatMap((leaf, index) => (leafTakes(leaf, child) ? [index] : [])));
    if (places.size === 0) return { kind: 'unexpected' };
    const path = this.shortestPath(candidates, (p) => places.has(p));
    if (path !== undefined) {
      const end = path.at(-1) as number;
      return { kind: 'missing-before', leaf: leaves[end] as Leaf, missing: path.slice(0, -1).map((p) => leaves[p] as Leaf), next: [end] };
    }
    const leaf = leaves[[...places][0] as number] as Leaf;
    const repeated = (this.state ?? []).some((p) => places.has(p));
    return { kind: 'misplaced', leaf, repeated };
  }

  /** Reads a child as `step` says (a child that fits nowhere leaves the reading where it was). */
  advance(step: Step): void {
    if (step.kind === 'taken' || step.kind === 'missing-before') this.state = step.next;
  }

  /** The shortest run of elements that would complete the content, or undefined when it is complete. */
  missingAtEnd(): readonly Leaf[] | undefined {
    const { last, nullable, leaves } = this.automaton;
    if (this.state === undefined ? nullable : this.state.some((p) => last.has(p))) return undefined;
    const path = this.shortestPath(this.candidates(), (p) => last.has(p));
    return (path ?? []).map((p) => leaves[p] as Leaf);
  }
  /** Breadth-first search from `starts` to a state that satisfies `goal`: the states on the way, the goal last. */
  private shortestPath(starts: readonly number[], goal: (p: number) => boolean): number[] | undefined {
    const previous = new Map<number, number | undefined>();
    let frontier: number[] = [];
    for (const p of starts) {
      if (previous.has(p)) continue;
      previous.set(p, undefined);
      frontier.push(p);
    }
    while (frontier.length > 0) {
      const next: number[] = [];
      for (const p of frontier) {
        if (goal(p)) {
          const path: number[] = [];
          for (let q: number | undefined = p; q !== undefined; q = previous.get(q)) path.unshift(q);
          return path;
        }
        for (const q of this.automaton.follow[p] ?? []) {
          if (previous.has(q)) continue;
          previous.set(q, p);
          next.push(q);
        }
      }
      frontier = next;
    }
    return undefined;
  }
}
