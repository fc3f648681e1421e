/** The formats whose checks have not moved to the two layers yet, each with its old validator. */
import type { OutputFormat, Validator } from '../model/output.ts';
import { validateNewsml } from './newsml.ts';

const unported: Validator = (file) => {
  throw new Error(`${file.format} is validated by validate/index.ts`);
};

/** The old validators, keyed by the format they check. */
export const legacyValidators: Record<OutputFormat, Validator> = {
  rss: unported,
  atom: unported,
  newsml: validateNewsml,
  sitemap: unported,
  state: unported,
  partners: unported,
  jsonld: unported,
  jsonfeed: unported,
  ninjs: unported,
  head: unported,
  page: unported,
  index: unported,
};
