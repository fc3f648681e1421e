// @ts-check
// The archive `npm run bench` builds when it compares with Hugo: the very articles that
// `../shared/bench/hugo-anchor.sh N DIR` writes for Hugo (DIR/content/articles/aNNNNNN.md), written
// as our wire copy (`wire`) or half as our Markdown and half as wire copy (`mixed`), with the same
// headline, date, section and paragraphs, in one flat folder under the same names as Hugo's.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

/**
 * @typedef {{ name: string, title: string, date: string, section: string, body: string }} HugoArticle
 * `name` is the file name without `.md`; `body` the Markdown after the front matter, as written.
 */

/** The front matter block Hugo reads: `---` lines around YAML, at the very start of the file. */
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/**
 * The articles of a Hugo project made by hugo-anchor.sh, in file-name order.
 * @param {string} hugoDir
 * @returns {Generator<HugoArticle>}
 */
export function* readHugoArticles(hugoDir) {
  const folder = path.join(hugoDir, 'content/articles');
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.md')).sort()) {
    const text = readFileSync(path.join(folder, file), 'utf8');
    const front = FRONT_MATTER.exec(text);
    if (!front) throw new Error(`${file}: no front matter`);
    const data = parseYaml(front[1] ?? '');
    // YAML 1.2 (the yaml package's default) has no timestamp type: the date stays the string Hugo parses.
    for (const key of ['title', 'date', 'section']) {
      if (typeof data?.[key] !== 'string') throw new Error(`${file}: front matter "${key}" is not a string`);
    }
    yield { name: file.slice(0, -'.md'.length), title: data.title, date: data.date, section: data.section, body: text.slice(front[0].length) };
  }
}

/** The body's paragraphs: hugo-anchor.sh writes plain sentences separated by blank lines. */
function toParagraphs(body) {
  return body
    .split(/\r?\n[ \t]*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * A wire-copy `Published:` value (`Sep 04, 2024 09:03 PM`) for an RFC 3339 time: the wall time in
 * the site's zone, which is how the wire reader reads it back.
 * @param {string} rfc3339
 * @param {string} timeZone
 */
export function toWireTime(rfc3339, timeZone) {
  const instant = new Date(rfc3339);
  if (Number.isNaN(instant.getTime())) throw new Error(`not a date: ${rfc3339}`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: true })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.month} ${parts.day}, ${parts.year} ${parts.hour}:${parts.minute} ${parts.dayPeriod.toUpperCase()}`;
}

/**
 * The article as our wire copy: upper-case section line, headline, `Published:` line, paragraphs.
 * The text is written as Hugo has it, even where our wire reader reads it otherwise: a first paragraph
 * that starts with "By " (about 2% of the anchor's articles) is taken for a byline by src/read/wire.ts.
 * @param {HugoArticle} article
 * @param {string} timeZone
 */
export function toWireCopy(article, timeZone) {
  return `${article.section.toUpperCase()}\n${article.title}\nPublished: ${toWireTime(article.date, timeZone)}\n\n${toParagraphs(article.body).join('\n\n')}\n`;
}

/**
 * The article as our Markdown: front matter with `headline`, `date`, `section`, then Hugo's body as written.
 * @param {HugoArticle} article
 */
export function toMarkdown(article) {
  return `---\n${stringifyYaml({ headline: article.title, date: article.date, section: article.section })}---\n\n${article.body}`;
}

/**
 * Our archive of a Hugo project's articles: `wire` (all wire copy) or `mixed` (every other one, the
 * odd-numbered, as Markdown), paths under `input/articles/`.
 * @param {string} hugoDir
 * @param {'wire' | 'mixed'} kind
 * @param {string} timeZone the site's zone (site.json `timeZone`)
 * @returns {Generator<{ path: string, text: string }>}
 */
export function* toHugoDerivedArchive(hugoDir, kind, timeZone) {
  let i = 0;
  for (const article of readHugoArticles(hugoDir)) {
    const markdown = kind === 'mixed' && i++ % 2 === 1;
    yield markdown ? { path: `input/articles/${article.name}.md`, text: toMarkdown(article) } : { path: `input/articles/${article.name}.txt`, text: toWireCopy(article, timeZone) };
  }
}
