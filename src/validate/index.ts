import type { OutputFormat, Validator } from '../model/output.ts';
import { validateAtom } from './atom.ts';
import { validateJsonLd } from './jsonld.ts';
import { validateNewsml } from './newsml.ts';
import { validateRss } from './rss.ts';

/** Every validator, keyed by the format it checks. */
export const validators: Record<OutputFormat, Validator> = {
  jsonld: validateJsonLd,
  rss: validateRss,
  atom: validateAtom,
  newsml: validateNewsml,
};
