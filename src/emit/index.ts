import type { EmittedFormat, Emitter } from '../model/output.ts';
import { emitAtom } from './atom.ts';
import { emitHead } from './head.ts';
import { emitIndexPage } from './indexpage.ts';
import { emitJsonFeed } from './jsonfeed.ts';
import { emitJsonLd } from './jsonld.ts';
import { emitNewsml } from './newsml.ts';
import { emitNinjs } from './ninjs.ts';
import { emitPage } from './page.ts';
import { emitRss } from './rss.ts';
import { emitNewsSitemap } from './sitemap.ts';

/** Every emitter, keyed by the format it writes; adding a format is one file plus one line here. */
export const emitters: Record<EmittedFormat, Emitter> = {
  jsonld: emitJsonLd,
  rss: emitRss,
  atom: emitAtom,
  jsonfeed: emitJsonFeed,
  newsml: emitNewsml,
  ninjs: emitNinjs,
  sitemap: emitNewsSitemap,
  head: emitHead,
  page: emitPage,
  index: emitIndexPage,
};
