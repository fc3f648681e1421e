/** Values unique within a scope (W3C `validators.py` unique): item guids, entry ids and update times. */
import type { FeedRuleId } from '../../../rules/feeds.ts';
import type { Visit } from '../kind.ts';
import { named, report } from '../report.ts';

/** W3C unique: a blank value is a warning, a value repeated in `scope` is reported under `rule`. */
export function unique(visit: Visit, scope: Visit, key: string, message: string, rule: FeedRuleId = 'duplicate-value', oncePerValue = false): 'blank' | 'duplicate' | 'new' {
  if (visit.value === '') {
    report(visit, 'blank-value', `${named(visit)} is empty; give it a value or leave it out`, 'end');
    return 'blank';
  }
  const values = (scope.state[key] ??= new Set<string>()) as Set<string>;
  if (values.has(visit.value)) {
    const reported = (scope.state[`${key} reported`] ??= new Set<string>()) as Set<string>;
    if (!oncePerValue || !reported.has(visit.value)) report(visit, rule, message, 'end');
    reported.add(visit.value);
    return 'duplicate';
  }
  values.add(visit.value);
  return 'new';
}
