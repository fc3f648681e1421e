import type { SiteConfig } from '../config.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { toParagraphsHtml } from '../model/html.ts';
import { ArticleSchema, type Article, type Person } from '../model/article.ts';
import type { SourceFile } from '../model/output.ts';
import { toGuid, toPermalink } from '../model/identity.ts';
import { parseWireTime, toZonedRfc3339 } from './datetime.ts';
import { FrontMatterSchema, readFrontMatter, toArticleId, toFrontMatterImages, toLifecycle, type PhotoCaption } from './frontmatter.ts';
import { toLabelledSections } from '../model/sections.ts';
import { readByline, toUniqueNames, type Byline } from './byline.ts';
import { toArticleLanguage } from './language.ts';
import { toSectionName } from './section.ts';
import { toOneLine, toOneSpaced } from './spaces.ts';
import { decodeSource, rawLines } from './text.ts';

/** What a reader returns: the article when it could be built, and everything worth telling. */
export interface ReadResult {
  article?: Article;
  diagnostics: Diagnostic[];
}

const SOURCE = 'read:wire';

/** A paragraph of the text with the line it starts on (1-based). */
interface Block {
  text: string;
  line: number;
}

/**
 * A photo caption paragraph: `<caption> Photo: <credit>`. The credit is short and has no sentence end.
 * `s` flag: a caption may contain U+2028/U+2029, which `.` does not match otherwise (ECMA-262 §22.2.2.3).
 */
const PHOTO = /^(.*?)\s*Photo:\s*([^.!?]{1,80}?)\s*$/s;
const PUBLISHED = /^Published:\s*(.*)$/i;
const UPDATED = /^Updated:\s*(.*)$/i;

/**
 * Reads plain-text wire copy in the sample's format:
 *
 *     [--- YAML front matter ---]
 *     SECTION / SUBSECTION        (optional, upper case)
 *     Headline
 *     Published: Sep 04, 2024 09:03 PM
 *     [Updated: …] [By Name and Name [in Place]]   (a byline only if it is one: see byline.ts)
 *
 *     Caption text. Photo: Credit
 *     Body paragraph…
 *
 * Times without an offset are read in the publication's IANA zone.
 */
export function readWire(file: SourceFile, site: SiteConfig): ReadResult {
  const decoded = decodeSource(file.bytes, file.path, SOURCE);
  if ('severity' in decoded) return { diagnostics: [decoded] };
  const diagnostics: Diagnostic[] = [...decoded.warnings];
  const report = (severity: 'error' | 'warning', ruleId: string, message: string, line?: number) =>
    diagnostics.push(diagnostic(severity, file.path, SOURCE, ruleId, message, line === undefined ? {} : { line, column: 1 }));

  const front = readFrontMatter(decoded.lines, file.path, SOURCE, FrontMatterSchema, rawLines(file.bytes));
  diagnostics.push(...front.diagnostics);
  if (front.diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const fm = front.data;

  // Header, line by line: an optional upper-case section line, the headline, then
  // Published/Updated/By lines (blank lines between them allowed). The body starts at the
  // first other line.
  const lines = decoded.lines;
  const nonBlank: number[] = [];
  for (let i = front.bodyStart; i < lines.length; i++) if (lines[i] !== '') nonBlank.push(i);
  if (nonBlank.length === 0) {
    report('error', 'empty-file', 'the article has no text; add a headline, a "Published:" line and the body', front.bodyStart + 1);
    return { diagnostics };
  }
  const textAt = (k: number) => lines[nonBlank[k]!]!.trim();
  let k = 0;
  let sections: string[] = [];
  if (isSectionLine(textAt(0)) && k + 1 < nonBlank.length && !isMetaLine(textAt(1))) {
    // A section name is a label that files share, so any white space in it is one space (docs/text.md).
    sections = toLabelledSections(
      textAt(0).split('/').map((s) => toSectionName(toOneSpaced(s))).filter((s) => s !== ''),
      site,
    );
    k = 1;
  }
  const headlineLine = k < nonBlank.length ? nonBlank[k]! + 1 : undefined;
  let headline: string | undefined;
  if (k < nonBlank.length && !isMetaLine(textAt(k))) {
    headline = textAt(k);
    k++;
  }
  const headerLines: { text: string; line: number; byline?: Byline }[] = [];
  while (k < nonBlank.length) {
    const text = textAt(k);
    if (PUBLISHED.test(text) || UPDATED.test(text)) {
      headerLines.push({ text, line: nonBlank[k]! + 1 });
      k++;
      continue;
    }
    // A "By …" paragraph (its lines up to a blank or a date line) is header only if it is a byline;
    // otherwise ("By the end of 2025, …") the body starts with it.
    let end = k + 1;
    while (end < nonBlank.length && nonBlank[end] === nonBlank[end - 1]! + 1 && !PUBLISHED.test(textAt(end)) && !UPDATED.test(textAt(end))) end++;
    const paragraph = Array.from({ length: end - k }, (_, i) => textAt(k + i)).join(' ');
    let byline = readByline(paragraph);
    // A byline line with the body straight under it (no blank line between) is still a byline, as before.
    if (byline === undefined && end > k + 1) {
      byline = readByline(textAt(k));
      end = k + 1;
    }
    if (byline === undefined) break;
    headerLines.push({ text: Array.from({ length: end - k }, (_, i) => textAt(k + i)).join(' '), line: nonBlank[k]! + 1, byline });
    k = end;
  }
  const blocks = toBlocks(lines, k < nonBlank.length ? nonBlank[k]! : lines.length);

  let published: { value: string; line: number } | undefined;
  let updated: { value: string; line: number } | undefined;
  let byline: Person[] = [];
  let place: string | undefined;
  for (const { text, line, byline: b } of headerLines) {
    const p = PUBLISHED.exec(text);
    const u = UPDATED.exec(text);
    if (p || u) {
      const label = p ? 'Published' : 'Updated';
      if ((p && published) || (u && updated)) {
        report('error', 'duplicate-header', `a second "${label}:" line; keep one`, line);
        continue;
      }
      const value = readTime((p ?? u)![1]!, label, line, site, report);
      if (value !== undefined) {
        if (p) published = { value, line };
        else updated = { value, line };
      }
    } else if (b) {
      const { names, repeated } = toUniqueNames(b.names);
      if (repeated.length > 0) {
        // One person is one author in every format (JSON-LD merges equal Person nodes, NewsML-G2 would not).
        report('warning', 'duplicate-author', `the byline names ${repeated.join(', ')} more than once; each author is kept once. Correct the byline`, line);
      }
      byline = names.map((name) => ({ name }));
      place = b.place;
    }
  }

  if (headline === undefined) {
    report('error', 'missing-headline', 'no headline; put the headline on its own line before the "Published:" line', headlineLine);
  }
  if (published === undefined && !diagnostics.some((d) => d.ruleId === 'impossible-date' || d.ruleId === 'unrecognised-date' || d.ruleId === 'missing-time-zone')) {
    report('error', 'missing-date', 'no "Published:" line; add one after the headline, e.g. "Published: Sep 04, 2024 09:03 PM"', headlineLine);
  }
  if (published && updated && Date.parse(updated.value) < Date.parse(published.value)) {
    report('error', 'updated-before-published', `"Updated:" (${updated.value}) is earlier than "Published:" (${published.value}); correct one of them`, updated.line);
  }

  // Body: photo captions are pulled out (exact duplicates collapse); the rest are paragraphs.
  const photos: PhotoCaption[] = [];
  const paragraphs: string[] = [];
  for (const block of blocks) {
    // Line breaks and runs of ASCII spaces are layout; no-break and ideographic spaces inside are text (docs/text.md).
    const text = toOneLine(block.text);
    const photo = PHOTO.exec(text);
    if (photo) {
      const [, caption = '', credit = ''] = photo;
      if (caption === '') {
        report('warning', 'photo-without-caption', `photo credit "${credit}" has no caption text before "Photo:"; it is left out. Add the caption`, block.line);
      } else if (!photos.some((p) => p.caption === caption && p.credit === credit)) {
        photos.push({ caption, credit, line: block.line });
      }
      continue;
    }
    paragraphs.push(text);
  }
  if (paragraphs.length === 0) report('error', 'missing-body', 'the article has no body paragraphs; add the story text after the header', headerLines.at(-1)?.line ?? headlineLine);

  const images = toFrontMatterImages(photos, fm, front.keyLines, file.path, SOURCE, diagnostics);
  const id = toArticleId(file.path, fm, front.keyLines, SOURCE, diagnostics);
  const lifecycle = toLifecycle(fm, front.keyLines, site.timeZone, file.path, SOURCE, diagnostics);
  const language = toArticleLanguage(fm.language, site.language, front.keyLines.language, file.path, SOURCE, diagnostics);

  if (diagnostics.some((d) => d.severity === 'error') || headline === undefined || published === undefined || id === undefined || language === undefined) {
    return { diagnostics };
  }
  const draft = {
    id,
    guid: toGuid(id, site),
    source: file.path,
    url: fm.url ?? toPermalink(site, { id, datePublished: published.value, sections }),
    headline,
    sections,
    datePublished: published.value,
    ...(updated ? { dateModified: updated.value } : {}),
    authors: fm.authors ?? byline,
    // The byline's place ("By Li Na in Beijing") is the dateline unless front matter says otherwise.
    ...(fm.dateline ? { dateline: fm.dateline } : place !== undefined ? { dateline: place } : {}),
    keywords: fm.keywords ?? [],
    description: fm.description ?? paragraphs[0]!,
    paragraphs,
    // Wire copy is plain text: one escaped <p> per paragraph, the HTML every output carried before Markdown.
    bodyHtml: toParagraphsHtml(paragraphs),
    images,
    language,
    ...lifecycle,
  };
  const checked = ArticleSchema.safeParse(draft);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      report('error', 'invalid-article', `${issue.path.join('.')}: ${issue.message}; check the source and front matter`);
    }
    return { diagnostics };
  }
  return { article: checked.data, diagnostics };
}

/** Splits lines into blank-line-separated blocks, remembering each block's first line. */
function toBlocks(lines: readonly string[], start: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') {
      current = undefined;
    } else if (current) {
      current.text += `\n${line}`;
    } else {
      current = { text: line, line: i + 1 };
      blocks.push(current);
    }
  }
  return blocks;
}

/** A header line: a date line, or a line that is a byline on its own ("By Zhang Wei"; not "By the end of 2025, …"). */
function isMetaLine(text: string): boolean {
  return PUBLISHED.test(text) || UPDATED.test(text) || readByline(text) !== undefined;
}

/** A section line is upper case (`CHINA / SOCIETY`, `SCI-TECH`): letters present and none lower case. */
function isSectionLine(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text) && text.length <= 80;
}

function readTime(
  text: string,
  label: string,
  line: number,
  site: SiteConfig,
  report: (severity: 'error' | 'warning', ruleId: string, message: string, line?: number) => void,
): string | undefined {
  const wall = parseWireTime(text);
  if (!wall) {
    report('error', 'unrecognised-date', `"${label}: ${text}" is not a date in the form "Sep 04, 2024 09:03 PM" (or 24-hour "Sep 04, 2024 21:03"); write it that way`, line);
    return undefined;
  }
  const zoned = toZonedRfc3339(wall, site.timeZone);
  if (!zoned.ok) {
    report('error', zoned.ruleId, `"${label}:" ${zoned.message}`, line);
    return undefined;
  }
  if (zoned.note) {
    // Wire copy has no way to write an offset: the fix is to correct the time, or to say it in Markdown.
    const fix =
      zoned.note.alternative === undefined
        ? `check the time on this line (it is read in ${site.timeZone}, site.json "timeZone")`
        : `if the later one was meant, wire copy cannot say so: write the story as Markdown with \`date: ${zoned.note.alternative}\``;
    report('warning', zoned.note.ruleId, `"${label}:" ${zoned.note.message}; ${fix}`, line);
  }
  return zoned.value;
}
