/** Atom person constructs (RFC 4287 §3.2: author, contributor): a name, an e-mail address, a URI (W3C `author.py`). */
import { container, leaf } from '../checks/common.ts';
import { checkPlainText } from '../checks/html.ts';
import { rdfResource, TEXT } from '../checks/kinds.ts';
import { checkAddrSpec, checkUriValue } from '../checks/values.ts';
import type { Kind } from '../kind.ts';
import { NS } from '../namespaces.ts';
import { named, report } from '../report.ts';
import { containsBracketedAddress } from '../values/email.ts';
import { XHTML_DIV } from './text.ts';

const NAME = leaf({
  once: true,
  nonBlank: true,
  check(visit) {
    checkPlainText(visit);
    if (containsBracketedAddress(visit.value)) report(visit, 'contains-email', `${named(visit)} contains an e-mail address; put it in <email> and keep the name alone`, 'end');
  },
});
const EMAIL = leaf({ once: true, check: (visit) => checkAddrSpec(visit) });
const URI = leaf({ once: true, nonBlank: true, noWhitespace: true, check: (visit) => checkUriValue(visit, { absolute: false, iri: true }) });

/** A person construct: a name, optionally an e-mail address and a URI (RFC 4287 §3.2). */
export function person(options: { readonly once?: boolean } = {}): Kind {
  return container(
    {
      name: NAME,
      email: EMAIL,
      uri: URI,
      atom_name: NAME,
      atom_email: EMAIL,
      atom_uri: URI,
      foaf_workplaceHomepage: rdfResource(),
      foaf_homepage: rdfResource(),
      foaf_weblog: rdfResource(),
      foaf_plan: TEXT,
      foaf_firstName: TEXT,
      xhtml_div: XHTML_DIV,
    },
    {
      once: options.once,
      attributes: [`{${NS.rdf}}parseType`],
      end(visit) {
        if (!visit.counts.has('name') && !visit.counts.has('atom_name')) report(visit, 'missing-element', `${named(visit)} needs <name> (RFC 4287 §3.2.1)`, 'end');
      },
    },
  );
}
