import type { OutputFormat, Validator } from '../model/output.ts';
import { validateAtom } from './atom.ts';
import { validateJsonFeed } from './jsonfeed.ts';
import { validateJsonLd } from './jsonld.ts';
import { validateNewsml } from './newsml.ts';
import { validateNinjs } from './ninjs.ts';
import { validatePartnerIndex } from './partners.ts';
import { validateHead, validateIndexPage, validatePage } from './page.ts';
import { validateRss } from './rss.ts';
import { validateNewsSitemap } from './sitemap.ts';
import { validateState } from './state.ts';

/** Every validator, keyed by the format it checks. */
export const validators: Record<OutputFormat, Validator> = {
  jsonld: validateJsonLd,
  rss: validateRss,
  atom: validateAtom,
  jsonfeed: validateJsonFeed,
  newsml: validateNewsml,
  ninjs: validateNinjs,
  sitemap: validateNewsSitemap,
  state: validateState,
  partners: validatePartnerIndex,
  head: validateHead,
  page: validatePage,
  index: validateIndexPage,
};
