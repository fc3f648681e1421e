/**
 * One typed value, from an attribute or an element's text: checked against its type, and noted when
 * it matters later (IDs, ID references, QCode aliases) or deserves advice (a date-time without zone).
 */
import type { XmlElement } from '../../xml/tree.ts';
import type { Sink } from './sink.ts';
import { aliasOf, checkValue, DATE_TIME_TYPES, normalise, type ValueType } from './values.ts';
import { lacksZone } from './datetime.ts';
import { tag, quote } from './words.ts';

/** True when `prefix` is bound at `element` (`xml` always is). */
function prefixInScope(element: XmlElement, prefix: string): boolean {
  if (prefix === 'xml') return true;
  for (let e: XmlElement | undefined = element; e !== undefined; e = e.parent) if (Object.hasOwn(e.namespaces, prefix)) return true;
  return false;
}

/**
 * Checks `raw` as a value of `type` on `element`; `label` names where it is written ("attribute
 * qcode", "content"). Returns false when the value is invalid.
 */
export function checkTypedValue(sink: Sink, element: XmlElement, type: ValueType, raw: string, label: string, inElement: boolean): boolean {
  const problem = checkValue(type, raw, inElement);
  // Named only when something is reported: most values are fine.
  const where = () => `${label} of ${tag(element)}`;
  if (problem !== undefined) {
    sink.report(problem.rule, `The ${where()} is ${quote(raw)}, which is not ${problem.expected}.`, element);
    return false;
  }
  const value = normalise(type, raw, inElement);
  switch (type) {
    case 'QName': {
      // XML Schema Part 2 §3.2.18: a QName's prefix must be declared where it is used.
      const colon = value.indexOf(':');
      const prefix = colon < 0 ? '' : value.slice(0, colon);
      if (prefix !== '' && !prefixInScope(element, prefix)) {
        sink.report('invalid-value', `The ${where()} is ${quote(raw)}, but no namespace is declared for the prefix "${prefix}": declare it (xmlns:${prefix}="…") or drop the prefix.`, element);
        return false;
      }
      break;
    }
    case 'ID':
      if (sink.ids.has(value)) {
        sink.report('duplicate-id', `The ID "${value}" (${where()}) is already used by ${tag(sink.ids.get(value) as XmlElement)}: IDs are unique in a document.`, element);
        return false;
      }
      sink.ids.set(value, element);
      break;
    case 'IDREF':
    case 'IDREFS':
      for (const id of value.split(' ').filter((v) => v !== '')) sink.references.push({ id, element, attribute: label });
      break;
    case 'qcode':
    case 'qcodes':
      for (const qcode of value.split(' ').filter((v) => v !== '')) sink.qcode(aliasOf(qcode), element);
      break;
    default:
      if (DATE_TIME_TYPES.has(type) && lacksZone(value)) {
        sink.report('datetime-zone', `The ${where()} is ${quote(raw)}, a time without a time zone: add Z or an offset such as +08:00.`, element);
      }
  }
  return true;
}
