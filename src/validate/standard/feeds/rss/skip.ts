/** skipHours and skipDays (https://www.rssboard.org/skip-hours-days; W3C `skipHours.py`, `skipDays.py`). */
import { container, leaf } from '../checks/common.ts';
import type { Kind, Visit } from '../kind.ts';
import { named, quote, report } from '../report.ts';
import { parseInteger } from '../values/numbers.ts';

const HOUR = leaf({
  check(visit) {
    const hours = ((visit.parent as Visit).state.hours ??= []) as number[];
    const h = parseInteger(visit.value);
    if (h !== undefined && (hours.includes(h) || ((h === 0 || h === 24) && hours.includes(24 - h)))) {
      report(visit, 'duplicate-value', `${named(visit)} ${quote(visit.value)} is listed twice in <skipHours>`, 'end');
    }
    if (h === undefined || h < 0 || h > 23) {
      if (visit.value === '24') report(visit, 'zero-for-midnight', `${named(visit)} is 24; the RSS Profile writes midnight as 0`, 'end');
      else report(visit, 'invalid-skip-hour', `${named(visit)} ${quote(visit.value)} is not an hour from 0 to 23 (GMT)`, 'end');
    } else {
      hours.push(h);
    }
  },
});

/** <skipHours>: hours 0–23, each once, at most 24. */
export const SKIP_HOURS: Kind = container(
  { hour: HOUR },
  {
    end(visit) {
      if (!visit.counts.has('hour')) report(visit, 'missing-element', `${named(visit)} needs at least one <hour>`, 'end');
      if (visit.seen.length > 24) report(visit, 'too-many-skip-values', `${named(visit)} lists ${visit.seen.length} hours, but a day has 24`, 'end');
    },
  },
);

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const DAY = leaf({
  check(visit) {
    const days = ((visit.parent as Visit).state.days ??= []) as string[];
    if (!DAYS.includes(visit.value)) report(visit, 'invalid-skip-day', `${named(visit)} ${quote(visit.value)} is not a day name (Monday … Sunday, capitalised)`, 'end');
    else if (days.includes(visit.value)) report(visit, 'duplicate-value', `${named(visit)} ${quote(visit.value)} is listed twice in <skipDays>`, 'end');
    else days.push(visit.value);
  },
});

/** <skipDays>: day names, each once, at most 7. */
export const SKIP_DAYS: Kind = container(
  { day: DAY },
  {
    end(visit) {
      if (!visit.counts.has('day')) report(visit, 'missing-element', `${named(visit)} needs at least one <day>`, 'end');
      if (visit.seen.length > 7) report(visit, 'too-many-skip-values', `${named(visit)} lists ${visit.seen.length} days, but a week has 7`, 'end');
    },
  },
);
