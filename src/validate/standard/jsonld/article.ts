/**
 * Google's Article structured data rules (https://developers.google.com/search/docs/appearance/structured-data/article)
 * for every node of the Article family (Article, NewsArticle, BlogPosting and all their subtypes): no
 * property is required; the recommended ones (author, datePublished, dateModified, headline, image)
 * draw warnings when missing or weak, and invalid values errors, as the Rich Results Test reports them.
 */
import type { Finding } from '../../rule.ts';
import type { JsonLdRuleId } from '../../rules/jsonld.ts';
import type { JsonLdDocument, NodeRecord, PropertyRecord, ValueRecord } from './document.ts';
import { describeValue, listOr, truncate, type Path } from './json.ts';
import { hasScheme, isCrawlableUrl, parseIsoDate } from './literals.ts';
import { typesOf } from './types.ts';
import type { VocabularyIndex } from './vocabulary/vocabulary.ts';

/** Google: "we recommend … headlines of at most 110 characters" (tools warn past it). */
const MAX_HEADLINE = 110;

/** The Article findings of every Article-family node of `document`. */
export function checkArticles(document: JsonLdDocument, index: VocabularyIndex): Finding<JsonLdRuleId>[] {
  const findings: Finding<JsonLdRuleId>[] = [];
  const checked = new Set<string>();
  for (const node of document.nodes) {
    const types = typesOf(node, document, index).known;
    const article = types.find((t) => index.isA(t, 'Article'));
    // A reference's checks belong to the node it points to; a node described twice (its properties are
    // merged by @id) is checked once, where it has a type.
    if (article === undefined || node.types.length === 0) continue;
    if (node.id !== undefined) {
      if (checked.has(node.id)) continue;
      checked.add(node.id);
    }
    const ctx: ArticleContext = { node, article, document, index, findings };
    checkAuthors(ctx);
    checkDate(ctx, 'datePublished');
    checkDate(ctx, 'dateModified');
    checkHeadline(ctx);
    checkImages(ctx);
  }
  return findings;
}

interface ArticleContext {
  readonly node: NodeRecord;
  /** The node's Article-family type, for messages. */
  readonly article: string;
  readonly document: JsonLdDocument;
  readonly index: VocabularyIndex;
  readonly findings: Finding<JsonLdRuleId>[];
}

/** The values of the schema.org property `name` on the node, over every node object with its @id. */
function valuesOf(ctx: ArticleContext, name: string): ValueRecord[] {
  return propertiesOf(ctx, ctx.node, name).flatMap((p) => p.values);
}

function propertiesOf(ctx: ArticleContext, node: NodeRecord, name: string): PropertyRecord[] {
  const sources = node.id === undefined ? [node] : (ctx.document.byId.get(node.id) ?? [node]);
  return sources.flatMap((source) => source.properties.filter((p) => p.term.kind === 'schema' && p.term.name === name));
}

/** The node a value points to: itself, or the node its @id describes in this document. */
function resolve(ctx: ArticleContext, node: NodeRecord): NodeRecord | undefined {
  if (!node.reference || node.id === undefined) return node;
  return (ctx.document.byId.get(node.id) ?? []).find((n) => !n.reference);
}

function checkAuthors(ctx: ArticleContext): void {
  const { node, article, findings } = ctx;
  const authors = valuesOf(ctx, 'author');
  if (authors.length === 0) {
    findings.push({ rule: 'article-author', message: `${article} has no "author"; Google recommends one Person or Organization node per author, with "name" and "url"`, at: { path: node.path } });
    return;
  }
  for (const author of authors) {
    if (author.kind === 'literal') {
      findings.push({ rule: 'article-author', message: `"author" is the text "${describeValue(author.value, 60)}"; give each author as a node: {"@type": "Person", "name": …, "url": …} (or an Organization)`, at: { path: author.path } });
      continue;
    }
    const target = resolve(ctx, author.node);
    // A reference to a node described elsewhere (another block of the page): nothing to judge here.
    if (target === undefined) continue;
    const types = typesOf(target, ctx.document, ctx.index);
    if (types.known.length === 0 && !types.uncertain) {
      findings.push({ rule: 'article-author', message: '"author" has no @type; give it "@type": "Person" (or "Organization") so Google knows what kind of author it is', at: { path: author.path } });
    } else if (types.known.length > 0 && !types.known.some((t) => ctx.index.isA(t, 'Person') || ctx.index.isA(t, 'Organization'))) {
      findings.push({ rule: 'article-author-type', message: `"author" is ${listOr(types.known)}; Google takes an author only as a Person or an Organization (or a subtype)`, at: { path: author.path } });
      continue;
    }
    checkAuthorName(ctx, target, author.path, types.known.some((t) => ctx.index.isA(t, 'Organization')));
    const identified = ['url', 'sameAs'].some((name) => propertiesOf(ctx, target, name).some((p) => p.values.length > 0));
    if (!identified) {
      findings.push({ rule: 'article-author-url', message: '"author" has neither "url" nor "sameAs"; Google recommends a link to a page that identifies the author (a profile page, or a social media profile in "sameAs")', at: { path: author.path } });
    }
  }
}

function checkAuthorName(ctx: ArticleContext, author: NodeRecord, at: Path, organization: boolean): void {
  const names = propertiesOf(ctx, author, 'name').flatMap((p) => p.values);
  const name = names.find((v) => v.kind === 'literal' && typeof v.value === 'string' && v.value.trim() !== '');
  if (name === undefined || name.kind !== 'literal') {
    ctx.findings.push({ rule: 'article-author-name', message: '"author" has no "name"; give the author’s name (only the name) in "name"', at: { path: at } });
    return;
  }
  const text = String(name.value).trim();
  // Google: one author per author node; the name only, with no job title, prefix ("By", "Posted by") or publisher.
  if (/^(?:by|posted by|written by)\s/i.test(text)) {
    ctx.findings.push({ rule: 'article-author-name', message: `author "name" "${truncate(text, 60)}" has a prefix; Google wants the name only, e.g. "${truncate(text.replace(/^(?:by|posted by|written by)\s+/i, ''), 40)}"`, at: { path: name.path } });
  } else if (!organization && /\s(?:and|&)\s|;|\s\/\s/i.test(text)) {
    // ("Johnson & Johnson" is one Organization; two people in one Person name are not one author.)
    ctx.findings.push({ rule: 'article-author-name', message: `author "name" "${truncate(text, 60)}" seems to name several people; give each author as a Person node of its own in an "author" array`, at: { path: name.path } });
  }
}

function checkDate(ctx: ArticleContext, name: 'datePublished' | 'dateModified'): void {
  const { node, article, findings } = ctx;
  const values = valuesOf(ctx, name);
  if (values.length === 0) {
    findings.push({ rule: 'article-date', message: `${article} has no "${name}"; Google recommends it, as an ISO 8601 date-time with a UTC offset ("2024-09-04T21:03:00+08:00")`, at: { path: node.path } });
    return;
  }
  for (const value of values) {
    const text = value.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
    const date = text === undefined ? undefined : parseIsoDate(text.trim());
    if (date === undefined || !date.completeDate) {
      const found = text === undefined ? (value.kind === 'node' ? 'a node' : describeValue(value.value)) : `"${describeValue(text, 60)}"`;
      const what = date === undefined ? 'an ISO 8601 date' : 'a complete ISO 8601 date (year, month and day)';
      findings.push({ rule: 'article-date-invalid', message: `"${name}" is ${found}, not ${what}; write the date and time with a UTC offset, e.g. "2024-09-04T21:03:00+08:00"`, at: { path: value.path } });
    } else if (!date.hasTime || !date.hasZone) {
      const missing = date.hasTime ? 'a UTC offset' : 'a time and a UTC offset';
      findings.push({ rule: 'article-date', message: `"${name}" "${truncate(text as string, 40)}" has no ${date.hasTime ? 'time zone' : 'time'}; Google recommends ${missing} (otherwise it assumes its own time zone), e.g. "2024-09-04T21:03:00+08:00"`, at: { path: value.path } });
    }
  }
}

function checkHeadline(ctx: ArticleContext): void {
  const { node, article, findings } = ctx;
  const values = valuesOf(ctx, 'headline');
  if (values.length === 0) {
    findings.push({ rule: 'article-headline', message: `${article} has no "headline"; Google recommends the article’s title, at most ${MAX_HEADLINE} characters`, at: { path: node.path } });
    return;
  }
  for (const value of values) {
    if (value.kind !== 'literal' || typeof value.value !== 'string') continue;
    const length = [...value.value].length;
    if (length > MAX_HEADLINE) {
      findings.push({ rule: 'article-headline', message: `"headline" is ${length} characters; Google’s tools warn above ${MAX_HEADLINE}: shorten it ("${truncate(value.value, 50)}")`, at: { path: value.path } });
    }
  }
}

function checkImages(ctx: ArticleContext): void {
  const { node, article, findings } = ctx;
  const values = valuesOf(ctx, 'image');
  if (values.length === 0) {
    findings.push({ rule: 'article-image', message: `${article} has no "image"; Google recommends crawlable images (ideally 16x9, 4x3 and 1x1, at least 50,000 pixels) by URL or as ImageObject nodes`, at: { path: node.path } });
    return;
  }
  for (const value of values) {
    if (value.kind === 'literal') {
      checkImageUrl(ctx, value.value, value.path, '"image"');
      continue;
    }
    const target = resolve(ctx, value.node);
    if (target === undefined) continue;
    const types = typesOf(target, ctx.document, ctx.index).known;
    // Another kind of node (a Person as image) is the vocabulary's value-type finding.
    if (types.length > 0 && !types.some((t) => ctx.index.isA(t, 'ImageObject'))) continue;
    const urls = ['url', 'contentUrl'].flatMap((name) => propertiesOf(ctx, target, name).flatMap((p) => p.values));
    if (urls.length === 0) {
      findings.push({ rule: 'article-image-url', message: 'this image has neither "url" nor "contentUrl"; Google needs the URL of the image file', at: { path: value.path } });
      continue;
    }
    for (const url of urls) if (url.kind === 'literal') checkImageUrl(ctx, url.value, url.path, 'the image URL');
  }
}

function checkImageUrl(ctx: ArticleContext, value: string | number | boolean, at: Path, what: string): void {
  if (typeof value === 'string' && isCrawlableUrl(value.trim())) return;
  if (typeof value === 'string' && value.trim() !== '' && !hasScheme(value.trim()) && !/\s/.test(value.trim())) {
    ctx.findings.push({ rule: 'article-image', message: `${what} "${truncate(value, 60)}" is a relative URL; it resolves against the page only when embedded in it: give the absolute https URL`, at: { path: at } });
    return;
  }
  ctx.findings.push({ rule: 'article-image-url', message: `${what} ${typeof value === 'string' ? `"${truncate(value, 60)}"` : describeValue(value)} is not a crawlable http(s) URL; give the absolute URL of the image file`, at: { path: at } });
}
