import type { SiteConfig } from '../config.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { NEWS_MAX_URLS, NEWS_NS, SITEMAP_NS, toNewsLanguage } from '../emit/sitemap.ts';
import type { OutputFile, Validator } from '../model/output.ts';
import { reporter } from './feedrules.ts';
import { isAbsoluteUrl } from './html.ts';
import { SITEMAP_NEWS_SCHEMA, SITEMAP_NEWS_SCHEMA_FILE, SITEMAP_SCHEMA, SITEMAP_SCHEMA_FILE } from './schemas/sitemap.ts';
import { compileXsd, lazySchema, registerSchemaFiles, validateXml } from './xml.ts';
import type { XTree } from './xmltree.ts';

const SOURCE = 'validate:sitemap';

const sitemapSchema = lazySchema(() => {
  registerSchemaFiles({ [SITEMAP_NEWS_SCHEMA_FILE]: SITEMAP_NEWS_SCHEMA });
  return compileXsd(SITEMAP_SCHEMA_FILE, SITEMAP_SCHEMA);
});

/**
 * W3C Datetime (https://www.w3.org/TR/NOTE-datetime) with a time and its zone designator. Google
 * also takes a bare date, but we promise the publisher's time with offset: a time without a zone
 * is not W3C Datetime at all and Google would have to guess.
 */
const W3C_DATETIME = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/** Google News: an ISO 639 code (two or three lowercase letters), Chinese only as `zh-cn` or `zh-tw`. */
const NEWS_LANGUAGE = /^(?:(?!zh$)[a-z]{2,3}|zh-cn|zh-tw)$/;

/** Checks `news-sitemap.xml`: well-formed, our sitemap + news XSD, then Google News' rules. */
export const validateNewsSitemap: Validator = (file, site) => validateXml(file, sitemapSchema(), SOURCE, (tree) => inspectSitemap(tree, file, site));

function inspectSitemap(tree: XTree, file: OutputFile, site: SiteConfig): Diagnostic[] {
  const report = reporter(file, SOURCE);
  const found: Diagnostic[] = [];

  const urlset = tree.root.name === 'urlset' && tree.root.namespaceUri === SITEMAP_NS ? tree.root : null;
  const urls = urlset === null ? [] : urlset.childrenNamed(SITEMAP_NS, 'url');
  const news = urls.flatMap((url) => url.childrenNamed(NEWS_NS, 'news'));
  if (urls.length > NEWS_MAX_URLS) {
    found.push(report('error', 'too-many-urls', `the sitemap lists ${urls.length} URLs; Google News reads at most ${NEWS_MAX_URLS} per sitemap. Keep the ${NEWS_MAX_URLS} newest (emitNewsSitemap does) or split it under a sitemap index`, urls[NEWS_MAX_URLS]));
  }

  const locs = new Map<string, number>();
  for (const loc of urls.flatMap((url) => url.childrenNamed(SITEMAP_NS, 'loc'))) {
    const value = loc.content.trim();
    if (!isAbsoluteUrl(value)) {
      found.push(report('error', 'relative-url', `<loc> "${value}" is not an absolute http(s) URL; sitemaps must give the full URL of the article (check site.json "url" and the permalink)`, loc));
    }
    const firstLine = locs.get(value);
    if (firstLine !== undefined) {
      found.push(report('error', 'duplicate-loc', `<loc> "${value}" is already listed on line ${firstLine}; list each article once (two articles with the same canonical URL? check their front matter)`, loc));
    } else locs.set(value, loc.line);
  }

  for (const date of news.flatMap((n) => n.childrenNamed(NEWS_NS, 'publication_date'))) {
    const value = date.content.trim();
    if (!W3C_DATETIME.test(value)) {
      found.push(report('error', 'date-offset', `<news:publication_date> "${value}" is not a W3C datetime with a time and UTC offset; write the publisher's time with its offset, e.g. "2024-09-04T21:03:00+08:00"`, date));
    }
  }

  const expected = toNewsLanguage(site.language);
  for (const language of news.flatMap((n) => n.grandchildrenNamed(NEWS_NS, 'publication', 'language'))) {
    const value = language.content.trim();
    if (!NEWS_LANGUAGE.test(value)) {
      const hint = /^zh/i.test(value) ? 'Chinese must be "zh-cn" (Simplified) or "zh-tw" (Traditional)' : 'use the lowercase ISO 639 code, e.g. "en"';
      found.push(report('error', 'news-language', `<news:language> "${value}" is not a Google News language code; ${hint} (site.json "language" "${site.language}" gives "${expected}")`, language));
    } else if (value !== expected) {
      found.push(report('error', 'news-language', `<news:language> "${value}" does not match the publication's language: site.json "language" "${site.language}" gives "${expected}"; Google matches name and language to the publication`, language));
    }
  }
  return found;
}
