import type { XmlDocument, XmlElement, XmlNode } from 'libxml2-wasm';
import type { SiteConfig } from '../config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { ATOM_NS, feedUrls } from '../emit/feed.ts';
import type { OutputFile, Validator } from '../model/output.ts';
import { attrValue, checkAbsolute, checkContentHtml, checkPlausibleDate, reporter, type Reporter, type UrlKind } from './rss.ts';
import { ATOM_SCHEMA, ATOM_SCHEMA_FILE } from './schemas/atom.ts';
import { compileRelaxNg, lazySchema, validateXml } from './xml.ts';

const SOURCE = 'validate:atom';
/** XPath prefix for the Atom namespace. */
const NS = { a: ATOM_NS };

const atomSchema = lazySchema(() => compileRelaxNg(ATOM_SCHEMA_FILE, ATOM_SCHEMA));

/** Checks `atom.xml`: well-formed, our Atom RELAX NG schema, then the rules the schema cannot express. */
export const validateAtom: Validator = (file, site) => validateXml(file, atomSchema(), SOURCE, (doc) => inspectAtom(doc, file, site));

function inspectAtom(doc: XmlDocument, file: OutputFile, site: SiteConfig): Diagnostic[] {
  const report = reporter(file, SOURCE);
  const found: Diagnostic[] = [];
  const feed = doc.get('/a:feed', NS) as XmlElement | null;
  if (feed === null) return found; // the schema has reported it

  // RFC 4287 §4.1.1: a feed SHOULD have one rel="self" link; it must be the public URL of this file.
  const expectedSelf = feedUrls(site).atom;
  const selfLinks = feed.find('a:link[@rel="self"]', NS) as XmlElement[];
  if (selfLinks.length !== 1) {
    found.push(report('error', 'self-link', `the feed has ${selfLinks.length} <link rel="self"> elements; keep exactly one, href="${expectedSelf}"`, selfLinks[1] ?? feed));
  } else if (attrValue(selfLinks[0]!, 'href') !== expectedSelf) {
    found.push(report('error', 'self-link', `<link rel="self"> points to "${attrValue(selfLinks[0]!, 'href') ?? ''}"; set it to the feed's public URL "${expectedSelf}"`, selfLinks[0]));
  }

  const urls: [XmlNode, string, string, UrlKind][] = [];
  collectUrls(feed, 'feed', urls);
  for (const date of doc.find('//a:updated | //a:published', NS)) found.push(...checkRfc3339(date, report));

  const ids = new Map<string, number>();
  (feed.find('a:entry', NS) as XmlElement[]).forEach((entry, i) => {
    const label = `entry ${i + 1}`;
    collectUrls(entry, label, urls);
    const id = entry.get('a:id', NS);
    if (id) {
      const value = id.content.trim();
      const firstLine = ids.get(value);
      if (firstLine !== undefined) {
        found.push(report('error', 'duplicate-id', `${label} repeats the <id> "${value}" of the entry on line ${firstLine}; every entry needs its own stable id (article id, never the headline)`, id));
      } else ids.set(value, id.line);
    }
    for (const html of entry.find('a:content[@type="html"] | a:summary[@type="html"]', NS)) {
      found.push(...checkContentHtml(html, `${label} <${(html as XmlElement).name}>`, report));
    }
  });
  for (const [node, value, what, kind] of urls) found.push(...checkAbsolute(node, value, what, kind, report));
  return found;
}

/** The ids, links, author URIs and category schemes directly under a feed or an entry. */
function collectUrls(parent: XmlElement, label: string, urls: [XmlNode, string, string, UrlKind][]): void {
  for (const id of parent.find('a:id', NS)) urls.push([id, id.content.trim(), `${label} <id>`, 'uri']);
  for (const link of parent.find('a:link', NS) as XmlElement[]) urls.push([link, attrValue(link, 'href') ?? '', `${label} <link> href`, 'url']);
  for (const uri of parent.find('a:author/a:uri', NS)) urls.push([uri, uri.content.trim(), `${label} <author><uri>`, 'url']);
  for (const category of parent.find('a:category', NS) as XmlElement[]) {
    const scheme = attrValue(category, 'scheme');
    if (scheme !== undefined) urls.push([category, scheme, `${label} <category> scheme`, 'uri']);
  }
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/** `atom-date`: RFC 3339 date-time with an explicit offset, uppercase T and Z (RFC 4287 §3.3). */
function checkRfc3339(element: XmlNode, report: Reporter): Diagnostic[] {
  const name = (element as XmlElement).name;
  const value = element.content.trim();
  const m = RFC3339.exec(value);
  const fix = 'write RFC 3339 with an offset such as "2024-09-04T13:03:00Z" or "2024-09-04T21:03:00+08:00"';
  if (!m) return [report('error', 'atom-date', `<${name}> "${value}" is not an RFC 3339 date-time with offset; ${fix}`, element)];
  const [, year, month, day, hour, minute, second, , , offH, offM] = m;
  const local = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const check = new Date(local);
  const real =
    check.getUTCFullYear() === Number(year) && check.getUTCMonth() === Number(month) - 1 && check.getUTCDate() === Number(day) &&
    Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 60 && Number(offH ?? 0) <= 23 && Number(offM ?? 0) <= 59;
  if (!real) return [report('error', 'atom-date', `<${name}> "${value}" is not a real date or time; ${fix}`, element)];
  return checkPlausibleDate(element, value, Date.parse(value), report);
}
