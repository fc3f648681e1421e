/**
 * A small language for writing XML Schema content models as data (the schema tables in `schema/` are
 * written in it): particles (element, wildcard, sequence, choice) with their occurrences, complex types
 * with their attributes and attribute wildcard, and element declarations. It covers what the NewsML-G2
 * 2.35 schema uses: occurrences of 0 or 1 to 1 or unbounded, extension of complex and simple types.
 */
import type { ValueType } from './values.ts';

/** The IPTC News Architecture namespace: every NewsML-G2 element is in it. */
export const NAR = 'http://iptc.org/std/nar/2006-10-01/';
/** XML Signature, the only namespace an item root allows before its catalogs. */
export const XMLDSIG = 'http://www.w3.org/2000/09/xmldsig#';
/** XML Schema instance attributes (xsi:schemaLocation, …), which every validator accepts. */
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** How often a particle may occur: minOccurs 0 or 1, maxOccurs 1 or unbounded. */
export interface Occurs {
  readonly min: 0 | 1;
  readonly max: 1 | typeof Infinity;
}

/** XML Schema §3.10.1 namespace constraints, relative to the NAR target namespace. */
export type NamespaceConstraint = 'any' | 'other' | 'local' | 'nar' | 'xmldsig';

/** XML Schema §3.10.1 {process contents}. */
export type ProcessContents = 'strict' | 'lax' | 'skip';

/** An xs:any or xs:anyAttribute. */
export interface Wildcard {
  readonly namespace: NamespaceConstraint;
  readonly process: ProcessContents;
}

/** An element particle: a reference to a global element (`type` undefined) or a local declaration. */
export interface ElementParticle extends Occurs {
  readonly kind: 'element';
  readonly name: string;
  readonly type?: ComplexType | ValueType | undefined;
}

/** An xs:any particle. */
export interface WildcardParticle extends Occurs, Wildcard {
  readonly kind: 'any';
}

/** An xs:sequence or xs:choice. */
export interface GroupParticle extends Occurs {
  readonly kind: 'sequence' | 'choice';
  readonly items: readonly Particle[];
}

/** A content model. */
export type Particle = ElementParticle | WildcardParticle | GroupParticle;

/** An attribute declaration: its type, and whether it is required or has a fixed value. */
export interface AttributeDecl {
  readonly type: ValueType;
  readonly required?: boolean;
  readonly fixed?: string;
}

/** Attributes by name (`xml:lang` for the one qualified attribute declared by reference). */
export type Attributes = Readonly<Record<string, AttributeDecl>>;

/** What a specification adds to a type, beyond what its schema can say (checked in spec.ts). */
export type SpecCheck =
  /** Either the qcode or the uri attribute MUST be used. */
  | { readonly kind: 'qcode-or-uri' }
  /** One of the two attributes MUST be used. */
  | { readonly kind: 'one-of'; readonly attributes: readonly [string, string] }
  /** A link should identify its target: href, residref, or the deprecated guidref (none is required). */
  | { readonly kind: 'link-target' }
  /** Attributes the schema declares but marks DEPRECATED, each with the attribute to use instead. */
  | { readonly kind: 'deprecated-attributes'; readonly replacements: Readonly<Record<string, string>> }
  /** Inline content says what it is with contenttype. */
  | { readonly kind: 'content-type' }
  /** An item root: its attributes, its catalogs. */
  | { readonly kind: 'item' }
  /** A groupSet: root and groupRef name its groups. */
  | { readonly kind: 'group-set' };

/**
 * A complex type: its content (`empty`, element-only, `mixed`, or a simple value), its content model,
 * attributes, attribute wildcard, and the specification's further checks.
 */
export interface ComplexType {
  readonly name: string;
  readonly content: 'empty' | 'elements' | 'mixed' | { readonly value: ValueType };
  readonly model?: Particle | undefined;
  readonly attributes: Attributes;
  readonly anyAttribute?: Wildcard | undefined;
  readonly spec?: readonly SpecCheck[] | undefined;
}

const ONCE: Occurs = { min: 1, max: 1 };

/** A reference to the global element `name`. */
export function ref(name: string): ElementParticle {
  return { kind: 'element', name, ...ONCE };
}

/** A local element declaration. */
export function local(name: string, type: ComplexType | ValueType): ElementParticle {
  return { kind: 'element', name, type, ...ONCE };
}

/** An xs:any (lax unless said otherwise). */
export function any(namespace: NamespaceConstraint, process: ProcessContents = 'lax'): WildcardParticle {
  return { kind: 'any', namespace, process, ...ONCE };
}

/** An xs:sequence. */
export function seq(...items: Particle[]): GroupParticle {
  return { kind: 'sequence', items, ...ONCE };
}

/** An xs:choice. */
export function choice(...items: Particle[]): GroupParticle {
  return { kind: 'choice', items, ...ONCE };
}

/** `p` with other occurrences; a particle that already has its own is wrapped, so both apply. */
function occurs(p: Particle, min: 0 | 1, max: 1 | typeof Infinity): Particle {
  if (p.min === 1 && p.max === 1) return { ...p, min, max };
  return { kind: 'sequence', items: [p], min, max };
}

/** minOccurs="0". */
export function opt(p: Particle): Particle {
  return occurs(p, 0, 1);
}

/** minOccurs="0" maxOccurs="unbounded". */
export function many(p: Particle): Particle {
  return occurs(p, 0, Infinity);
}

/** maxOccurs="unbounded". */
export function some(p: Particle): Particle {
  return occurs(p, 1, Infinity);
}

/** A required attribute. */
export function required(type: ValueType): AttributeDecl {
  return { type, required: true };
}

/** An xs:string attribute with a fixed value (the `g2flag` markers). */
export function fixed(value: string): AttributeDecl {
  return { type: 'string', fixed: value };
}

/** Attribute groups and single attributes merged; a plain type name stands for an optional attribute. */
export function attributes(...groups: readonly Readonly<Record<string, ValueType | AttributeDecl>>[]): Attributes {
  const merged: Record<string, AttributeDecl> = {};
  for (const group of groups) for (const [name, decl] of Object.entries(group)) merged[name] = typeof decl === 'string' ? { type: decl } : decl;
  return merged;
}

/** The parts of a complex type a table writes. */
export interface TypeParts {
  readonly model?: Particle;
  readonly mixed?: boolean;
  readonly attributes?: Attributes;
  readonly anyAttribute?: Wildcard;
  readonly spec?: readonly SpecCheck[];
}

/** A complex type with element-only (or `mixed`) content, or empty content when it has no model. */
export function complex(name: string, parts: TypeParts): ComplexType {
  return {
    name,
    content: parts.mixed === true ? 'mixed' : parts.model === undefined ? 'empty' : 'elements',
    model: parts.model,
    attributes: parts.attributes ?? {},
    anyAttribute: parts.anyAttribute,
    spec: parts.spec,
  };
}

/** A complex type with simple content: a value of `value` and attributes. */
export function simple(name: string, value: ValueType, parts: Omit<TypeParts, 'model' | 'mixed'> = {}): ComplexType {
  return { name, content: { value }, attributes: parts.attributes ?? {}, anyAttribute: parts.anyAttribute, spec: parts.spec };
}

/**
 * XML Schema §3.4.2 derivation by extension: the base's content model followed by the extension's,
 * the attributes of both, the base's attribute wildcard unless the extension has one, the spec checks
 * of both.
 */
export function extend(base: ComplexType, name: string, parts: Omit<TypeParts, 'mixed'> = {}): ComplexType {
  const model = base.model === undefined ? parts.model : parts.model === undefined ? base.model : seq(base.model, parts.model);
  const content = base.content === 'empty' && model !== undefined ? 'elements' : base.content;
  return {
    name,
    content,
    model,
    attributes: { ...base.attributes, ...parts.attributes },
    anyAttribute: parts.anyAttribute ?? base.anyAttribute,
    spec: [...(base.spec ?? []), ...(parts.spec ?? [])],
  };
}

/** `##other` lax: the attribute wildcard most NewsML-G2 types have. */
export const OTHER_LAX: Wildcard = { namespace: 'other', process: 'lax' };
/** `##other` strict (processContents left at its default). */
export const OTHER_STRICT: Wildcard = { namespace: 'other', process: 'strict' };
