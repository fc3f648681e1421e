// @ts-check
// The synthetic archive that `npm run bench` builds and `tests/bench/profile.mjs` profiles: half wire
// copy, half Markdown, 8–20 paragraphs of the sample article each (~5 KB), half with a photo URL, most
// with bylines, seven section paths, in folders of 1,000. Deterministic for a given size.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const sample = readFileSync(path.join(root, 'input/articles/cyberspace-governance.txt'), 'utf8');
const samplePars = sample.split(/\n\s*\n/).map((p) => p.replace(/\u00A0/g, ' ').trim()).filter((p) => p.length > 80 && !p.includes('\n') && !p.includes('Photo:'));
const SECTIONS = ['CHINA / SOCIETY', 'CHINA / POLITICS', 'WORLD / ASIA-PACIFIC', 'SOURCE / ECONOMY', 'OPINION / EDITORIAL', 'SPORT', 'LIFE / CULTURE'];
const NAMES = ['Liu Caiyu', 'Zhang Han', 'Li Hao', 'Wang Qi', 'Chen Qingqing', 'Yang Sheng', 'Fan Anqi', 'Xing Xiaojing'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A small deterministic PRNG (mulberry32) so every run measures the same archive. */
function prng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Markdown of the same shape: YAML front matter, paragraphs with some emphasis and a link. */
function markdownArticle(i, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const paragraphs = Array.from({ length: 8 + Math.floor(random() * 13) }, () => pick(samplePars));
  paragraphs[1] = `*${paragraphs[1]}* See [the ministry's notice](https://www.example.gov.cn/notice/${i}).`;
  const date = `${2015 + Math.floor(random() * 10)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')} ${String(Math.floor(random() * 24)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}`;
  const image = random() < 0.5 ? `image:\n  url: https://www.globaltimes.cn/Portals/0/attachment/bench/${i}.jpeg\n  width: 1200\n  height: 800\n  caption: A photo caption for story ${i}.\n  credit: ${pick(NAMES)}/GT\n` : '';
  const authors = random() < 0.7 ? `authors: [${pick(NAMES)}]\n` : '';
  const headline = `Story ${i}: ${paragraphs[0].slice(0, 90)}`.replace(/"/g, "'");
  return `---\nheadline: "${headline}"\ndate: ${date}\nsection: ${pick(SECTIONS).split(' / ').map((s) => s[0] + s.slice(1).toLowerCase()).join(' / ')}\n${authors}${image}---\n${paragraphs.join('\n\n')}\n`;
}

/** Wire copy of realistic length (8–20 paragraphs, ~5 KB), a photo with a URL in half of them, bylines in most. */
function article(i, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const paragraphs = Array.from({ length: 8 + Math.floor(random() * 13) }, () => pick(samplePars));
  const hasPhoto = random() < 0.5;
  const front = hasPhoto ? `---\nimage:\n  url: https://www.globaltimes.cn/Portals/0/attachment/bench/${i}.jpeg\n  width: 1200\n  height: 800\n  bytes: ${100_000 + i}\n---\n` : '';
  const date = `${pick(MONTHS)} ${String(1 + Math.floor(random() * 28)).padStart(2, '0')}, ${2015 + Math.floor(random() * 10)} ${String(1 + Math.floor(random() * 12)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')} ${random() < 0.5 ? 'AM' : 'PM'}`;
  const first = pick(NAMES);
  const second = NAMES[(NAMES.indexOf(first) + 1 + Math.floor(random() * (NAMES.length - 1))) % NAMES.length];
  const byline = random() < 0.7 ? `By ${first}${random() < 0.3 ? ` and ${second}` : ''}\n` : '';
  const photo = hasPhoto ? `A photo caption for story ${i}. Photo: ${pick(NAMES)}/GT\n\n` : '';
  return `${front}${pick(SECTIONS)}\nStory ${i}: ${paragraphs[0].slice(0, 90)}\nPublished: ${date}\n${byline}\n${photo}${paragraphs.join('\n\n')}\n`;
}

/**
 * The archive of `size` stories, as paths under the project and texts.
 * @param {number} size
 * @returns {Generator<{ path: string, text: string }>}
 */
export function* toSyntheticArchive(size) {
  const random = prng(size);
  for (let i = 0; i < size; i++) {
    // Nested folders of 1,000 files, as archives are usually kept by year or month; every other story is Markdown.
    const folder = `input/articles/batch-${String(Math.floor(i / 1000)).padStart(3, '0')}`;
    const name = `story-${String(i).padStart(6, '0')}`;
    yield i % 2 === 1 ? { path: `${folder}/${name}.md`, text: markdownArticle(i, random) } : { path: `${folder}/${name}.txt`, text: article(i, random) };
  }
}
