/**
 * Per-rule severity (site.json `"rules"`): which rule ids people may write, what each may be set to, and
 * the one function that applies the settings to a build's findings, after the build and before anything
 * is written, so that findings taken from the cache obey the current settings too.
 */
import type { Diagnostic, Severity } from '../diagnostics.ts';
import { RULE_FAMILIES } from '../validate/registry.ts';
import { closest } from '../validate/standard/jsonld/suggest.ts';
import { PIPELINE_RULES } from './pipeline-rules.ts';

/** What a rule may be set to, as ESLint spells it: not reported, a warning, an error. */
export const RULE_LEVELS = ['off', 'warn', 'error'] as const;

/** One of {@link RULE_LEVELS}. */
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** site.json `"rules"`: rule id (`jsonld/article-image`, `read:wire/photo-without-url`, `photo-without-url`) → level. */
export type RuleSettings = Readonly<Record<string, RuleLevel>>;

/** A rule as settings see it: the `source/id` pairs it is reported under and its severity in a build. */
interface KnownRule {
  /** `validate:jsonld/article-image`, … : the stage and id of each finding it covers. */
  readonly keys: ReadonlySet<string>;
  /** The severity a build gives it (the house profile's, where it is stricter). */
  readonly severity: Severity;
  /** `standard`, `house` or `pipeline` (reading, input, build, state). */
  readonly layer: 'standard' | 'house' | 'pipeline';
}

/**
 * The stage as people write it: the diagnostic's source without the `validate:` every output rule
 * carries (`[validate:jsonld/article-image]` is `jsonld/article-image`); reading and build stages keep
 * their name (`read:wire/photo-without-url`, `build/future-date`).
 */
export function toRuleName(stage: string, id: string): string {
  return `${stage.replace(/^validate:/, '')}/${id}`;
}

let known: Map<string, KnownRule> | undefined;

/**
 * Every rule id a setting may name: `stage/id`, which covers that stage only (`atom/duplicate-updated`
 * leaves RSS alone), except that a JSON-LD rule also covers the JSON-LD inside pages
 * (`html/article-image`: one cause), and the bare `id`, which covers every stage that reports it.
 */
function knownRules(): Map<string, KnownRule> {
  if (known) return known;
  const rules = new Map<string, { keys: Set<string>; severity: Severity; layer: KnownRule['layer'] }>();
  const add = (name: string, keys: readonly string[], severity: Severity, layer: KnownRule['layer']) => {
    const rule = rules.get(name);
    if (rule === undefined) {
      rules.set(name, { keys: new Set(keys), severity, layer });
      return;
    }
    for (const key of keys) rule.keys.add(key);
    // One name covering rules of both severities is as strict as the strictest (and standard before house).
    if (severity === 'error') rule.severity = 'error';
    if (layer === 'standard') rule.layer = 'standard';
  };
  for (const family of RULE_FAMILIES) {
    for (const rule of family.rules) {
      const keys = family.sources.map((source) => `${source}/${rule.id}`);
      const severity = rule.houseSeverity ?? rule.severity;
      for (const source of family.sources) {
        // JSON-LD embedded in a page is reported under validate:html: the same cause as in article.jsonld.
        const embedded = source === 'validate:jsonld' && family.sources.includes('validate:html') ? [`validate:html/${rule.id}`] : [];
        add(toRuleName(source, rule.id), [`${source}/${rule.id}`, ...embedded], severity, rule.layer);
      }
      add(rule.id, keys, severity, rule.layer);
    }
  }
  for (const rule of PIPELINE_RULES) {
    const keys = rule.sources.map((source) => `${source}/${rule.id}`);
    for (const source of rule.sources) add(toRuleName(source, rule.id), [`${source}/${rule.id}`], rule.severity, 'pipeline');
    add(rule.id, keys, rule.severity, 'pipeline');
  }
  known = rules;
  return rules;
}

/**
 * What is wrong with one setting, or undefined when it is fine: a message that reads after "expected"
 * (as config.ts reports a custom check) and says what to write instead. A rule that is an error in a build can only be set to `error`: a standard-layer error means the
 * file is invalid, a house error that it breaks what syndicate promises of its output (safe HTML, one
 * story stated the same in every format), and an article with a reading error cannot be built at all;
 * none of them may be written, so none can be switched off or made a warning.
 */
export function checkRuleSetting(name: string, level: RuleLevel): string | undefined {
  const rules = knownRules();
  const rule = rules.get(name.startsWith('validate:') ? name.slice('validate:'.length) : name);
  if (rule === undefined) {
    const near = suggestRule(name, rules);
    const hint = near !== undefined;
    return `a rule syndicate reports, and "${name}" is none${hint ? ` (did you mean "${near}"?)` : ''}: write the stage and rule id as diagnostics print them, without "validate:" (e.g. "jsonld/article-image", "read:wire/photo-without-url"), or the rule id alone for every stage; docs/rules.md lists them`;
  }
  if (rule.severity === 'error' && level !== 'error') {
    const why =
      rule.layer === 'standard'
        ? 'a file breaking it is invalid'
        : rule.layer === 'house'
          ? "a file breaking it breaks what syndicate promises of its output"
          : 'an article with it cannot be built';
    return `"error": "${name}" is an error and cannot be set to "${level}" (${why}, so it is never written); fix the input instead, or remove the setting (only warnings can be turned off or made errors)`;
  }
  return undefined;
}

/** A known rule name close to `name`: within two edits, else one of the same stage sharing the most words. */
function suggestRule(name: string, rules: Map<string, KnownRule>): string | undefined {
  const near = closest(name, rules.keys());
  if (near !== undefined) return near;
  const slash = name.lastIndexOf('/');
  const stage = slash === -1 ? '' : name.slice(0, slash + 1).replace(/^validate:/, '');
  const written = name.slice(slash + 1).split('-');
  const words = new Set(written);
  // Most words shared, then the same last word (`missing-image` → `article-image`, not `image-size`), then the shorter.
  let best: { name: string; score: number } | undefined;
  for (const candidate of rules.keys()) {
    if (stage === '' ? candidate.includes('/') : !candidate.startsWith(stage)) continue;
    const its = candidate.slice(stage.length).split('-');
    const shared = its.filter((w) => words.has(w)).length;
    if (shared === 0) continue;
    const score = shared * 2 + (its.at(-1) === written.at(-1) ? 1 : 0);
    if (best === undefined || score > best.score || (score === best.score && candidate.length < best.name.length)) best = { name: candidate, score };
  }
  return best?.name;
}

/** A function that applies `settings` to findings (see {@link applyRuleSettings}). */
export type SeverityPolicy = (diagnostics: readonly Diagnostic[]) => Diagnostic[];

/**
 * The settings as a function over findings: `off` drops a warning, `error` makes a warning an error,
 * `warn` leaves it a warning. A setting of `stage/id` wins over one of the bare `id`. An error is never
 * lowered, whatever the settings say (the build's guarantee that nothing invalid is written does not
 * depend on the settings having been checked). A finding it changes becomes the same new object each
 * time it is given, so callers may keep findings in sets.
 */
export function toSeverityPolicy(settings: RuleSettings | undefined): SeverityPolicy {
  const entries = Object.entries(settings ?? {});
  if (entries.length === 0) return (diagnostics) => [...diagnostics];
  const rules = knownRules();
  const byKey = new Map<string, { level: RuleLevel; specific: boolean }>();
  for (const [name, level] of entries) {
    const written = name.startsWith('validate:') ? name.slice('validate:'.length) : name;
    const rule = rules.get(written);
    if (rule === undefined) continue;
    const specific = written.includes('/');
    for (const key of rule.keys) {
      const before = byKey.get(key);
      if (before === undefined || (specific && !before.specific)) byKey.set(key, { level, specific });
    }
  }
  const changed = new WeakMap<Diagnostic, Diagnostic>();
  return (diagnostics) => {
    const out: Diagnostic[] = [];
    for (const d of diagnostics) {
      const setting = d.severity === 'warning' ? byKey.get(`${d.source}/${d.ruleId}`) : undefined;
      if (setting === undefined || setting.level === 'warn') out.push(d);
      else if (setting.level === 'error') {
        let raised = changed.get(d);
        if (raised === undefined) changed.set(d, (raised = { ...d, severity: 'error' }));
        out.push(raised);
      }
    }
    return out;
  };
}

/** Applies site.json `"rules"` to findings once (see {@link toSeverityPolicy}). */
export function applyRuleSettings(diagnostics: readonly Diagnostic[], settings: RuleSettings | undefined): Diagnostic[] {
  return toSeverityPolicy(settings)(diagnostics);
}
