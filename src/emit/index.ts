import type { Emitter, OutputFormat } from '../model/output.ts';
import { emitAtom } from './atom.ts';
import { emitJsonLd } from './jsonld.ts';
import { emitNewsml } from './newsml.ts';
import { emitRss } from './rss.ts';

/** Every emitter, keyed by the format it writes; adding a format is one file plus one line here. */
export const emitters: Record<OutputFormat, Emitter> = {
  jsonld: emitJsonLd,
  rss: emitRss,
  atom: emitAtom,
  newsml: emitNewsml,
};
