/** The channel's text input box (RSS 2.0 §textInput): title, description, name and link (W3C `textInput.py`). */
import { container, leaf } from '../checks/common.ts';
import { FULL_URI_ONCE, PLAIN_ONCE, TEXT, TEXT_ONCE, W3CDTF_ONCE } from '../checks/kinds.ts';
import { EVERYWHERE_EXTENSIONS } from '../extensions/tables.ts';
import type { Kind } from '../kind.ts';
import { NS } from '../namespaces.ts';
import { named, quote, report } from '../report.ts';

/** <textInput> in a channel. */
export const TEXT_INPUT: Kind = container(
  {
    ...EVERYWHERE_EXTENSIONS,
    title: PLAIN_ONCE,
    description: TEXT_ONCE,
    name: leaf({
      once: true,
      check(visit) {
        if (!/^[A-Za-z]/.test(visit.value)) report(visit, 'invalid-form-name', `${named(visit)} ${quote(visit.value)} is not a form field name; start it with a letter`, 'end');
      },
    }),
    link: FULL_URI_ONCE,
    dc_creator: TEXT,
    dc_subject: TEXT,
    dc_date: W3CDTF_ONCE,
  },
  {
    once: true,
    attributes: [`{${NS.rdf}}about`],
    end(visit) {
      for (const name of ['title', 'link', 'description', 'name']) {
        if (!visit.counts.has(name)) report(visit, 'missing-element', `${named(visit)} needs <${name}>`, 'end');
      }
    },
  },
);
