import type { SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { ArticleSchema, type Person } from '../model/article.ts';
import { toGuid, toPermalink } from '../model/identity.ts';
import { toLabelledSections } from '../model/sections.ts';
import type { SourceFile } from '../model/output.ts';
import { toFrontMatterRfc3339 } from './datetime.ts';
import { toUniqueNames } from './byline.ts';
import { MarkdownFrontMatterSchema, offsetFix, readFrontMatter, toArticleId, toFrontMatterImages, toLifecycle } from './frontmatter.ts';
import { toBody } from './markdown/body.ts';
import { toRemovalWarnings } from './markdown/removals.ts';
import { toArticleLanguage } from './language.ts';
import { isBlankLine } from './spaces.ts';
import { decodeSource, rawLines } from './text.ts';
import type { ReadResult } from './wire.ts';

const SOURCE = 'read:markdown';

/**
 * Reads a Markdown article: YAML front matter (required; `headline` and `date` required, see
 * {@link MarkdownFrontMatterSchema}) and a CommonMark body with GitHub's tables, strikethrough, bare-URL links and
 * footnotes (see `markdown/parse.ts`), rendered to sanitised XHTML-compatible HTML.
 * Front-matter problems point at the key's line, body problems at the body line.
 */
export function readMarkdown(file: SourceFile, site: SiteConfig): ReadResult {
  const decoded = decodeSource(file.bytes, file.path, SOURCE);
  if ('severity' in decoded) return { diagnostics: [decoded] };
  const diagnostics: Diagnostic[] = [...decoded.warnings];
  const report = (severity: 'error' | 'warning', ruleId: string, message: string, line: number) =>
    diagnostics.push(diagnostic(severity, file.path, SOURCE, ruleId, message, { line, column: 1 }));

  const raw = rawLines(file.bytes);
  const front = readFrontMatter(decoded.lines, file.path, SOURCE, MarkdownFrontMatterSchema, raw);
  if (!front.present) {
    report('error', 'missing-front-matter', 'the file has no YAML front matter, which a Markdown article needs; start it with "---", `headline: …`, `date: …` and "---" lines', 1);
    return { diagnostics };
  }
  diagnostics.push(...front.diagnostics);
  if (front.diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const fm = front.data;
  const keyLine = (key: string) => front.keyLines[key] ?? 1;

  if (fm.headline === undefined) report('error', 'missing-headline', 'front matter has no `headline`; add `headline: …` (plain text, one line)', 1);
  const published = fm.date === undefined ? undefined : readTime(fm.date, 'date', keyLine('date'), site, report);
  if (fm.date === undefined) report('error', 'missing-date', 'front matter has no `date`; add e.g. `date: 2024-09-04T21:03:00+08:00` or `date: 2024-09-04 21:03` (read in the site\'s time zone)', 1);
  const updated = fm.updated === undefined ? undefined : readTime(fm.updated, 'updated', keyLine('updated'), site, report);
  if (published !== undefined && updated !== undefined && Date.parse(updated) < Date.parse(published)) {
    report('error', 'updated-before-published', `\`updated\` (${updated}) is earlier than \`date\` (${published}); correct one of them`, keyLine('updated'));
  }
  // As the editor wrote them (no re-casing), with the site's labels.
  const sections = toLabelledSections(fm.section ?? [], site);
  const images = toFrontMatterImages([], fm, front.keyLines, file.path, SOURCE, diagnostics);
  const id = toArticleId(file.path, fm, front.keyLines, SOURCE, diagnostics);
  const lifecycle = toLifecycle(fm, front.keyLines, site.timeZone, file.path, SOURCE, diagnostics);
  const language = toArticleLanguage(fm.language, site.language, front.keyLines.language, file.path, SOURCE, diagnostics);
  if (diagnostics.some((d) => d.severity === 'error') || fm.headline === undefined || published === undefined || id === undefined || language === undefined) {
    return { diagnostics };
  }

  const url = fm.url ?? toPermalink(site, { id, datePublished: published, sections });
  // Body lines as written (tabs and trailing spaces are Markdown syntax), numbered like the file. A line
  // of Unicode spaces (U+00A0, U+3000…) is blank as in wire copy; CommonMark §4.9 counts only spaces and tabs.
  // Front matter `authors` win; without them a first paragraph that is a byline gives the authors.
  const lines = raw.slice(front.bodyStart).map((line) => (isBlankLine(line) && /[^ \t]/.test(line) ? '' : line));
  const body = toBody(lines.join('\n'), url, front.bodyStart, fm.authors === undefined);
  for (const warning of toRemovalWarnings(body.removals)) report('warning', warning.ruleId, warning.message, warning.line);
  let byline: Person[] = [];
  if (body.byline !== undefined) {
    const { names, repeated } = toUniqueNames(body.byline.names);
    if (repeated.length > 0) {
      report('warning', 'duplicate-author', `the byline names ${repeated.join(', ')} more than once; each author is kept once. Correct the byline`, body.byline.line);
    }
    const links = body.byline.links;
    byline = names.map((name) => (Object.hasOwn(links, name) ? { name, url: links[name]! } : { name }));
  }
  const place = body.byline?.place;
  if (body.blocks.length === 0) {
    // At the first non-blank body line, or at the closing "---" when there is none.
    const firstText = decoded.lines.findIndex((line, i) => i >= front.bodyStart && line !== '');
    report('error', 'missing-body', 'the article has no body text after the front matter; add the story in Markdown', firstText < 0 ? front.bodyStart : firstText + 1);
    return { diagnostics };
  }

  const paragraphs = body.blocks.map((b) => b.text);
  const draft = {
    id,
    guid: toGuid(id, site),
    source: file.path,
    url,
    headline: fm.headline,
    sections,
    datePublished: published,
    ...(updated !== undefined ? { dateModified: updated } : {}),
    authors: fm.authors ?? byline,
    ...(fm.dateline !== undefined ? { dateline: fm.dateline } : place !== undefined ? { dateline: place } : {}),
    keywords: fm.keywords ?? [],
    description: fm.description ?? body.summary ?? paragraphs[0]!,
    paragraphs,
    bodyHtml: body.html,
    images,
    language,
    ...lifecycle,
  };
  const checked = ArticleSchema.safeParse(draft);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      report('error', 'invalid-article', `${issue.path.join('.')}: ${issue.message}; check the front matter and body`, 1);
    }
    return { diagnostics };
  }
  return { article: checked.data, diagnostics };
}

/** A front-matter time in the site's zone; undefined (with a diagnostic at the key's line) when it cannot be read. */
function readTime(
  text: string,
  key: 'date' | 'updated',
  line: number,
  site: SiteConfig,
  report: (severity: 'error' | 'warning', ruleId: string, message: string, line: number) => void,
): string | undefined {
  const zoned = toFrontMatterRfc3339(text, site.timeZone);
  if (zoned === undefined) {
    report('error', 'unrecognised-date', `\`${key}: ${text}\` is not a date and time; write RFC 3339 with an offset ("2024-09-04T21:03:00+08:00") or a local time in the site's zone ("2024-09-04 21:03")`, line);
    return undefined;
  }
  if (!zoned.ok) {
    report('error', zoned.ruleId, `\`${key}:\` ${zoned.message}`, line);
    return undefined;
  }
  if (zoned.note) report('warning', zoned.note.ruleId, `\`${key}:\` ${zoned.note.message}; ${offsetFix(key, zoned.note.alternative)}`, line);
  return zoned.value;
}
