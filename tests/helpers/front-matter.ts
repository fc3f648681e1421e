import { readMarkdown } from '../../src/read/markdown.ts';
import { readWire } from '../../src/read/wire.ts';
import { makeSite } from './fixtures.ts';

const encode = (text: string) => new TextEncoder().encode(text);
const WIRE = 'WORLD\nA headline\nPublished: Sep 04, 2024 09:03 PM\n\nFirst paragraph.\n';

/** Reads a one-paragraph wire story whose front matter is `front` (its first key on line 2) with the sample site. */
export const readWireWith = (front: string) => readWire({ path: 'input/articles/story.txt', bytes: encode(`---\n${front}---\n${WIRE}`) }, makeSite());

/** Reads a one-paragraph Markdown story with headline and date, then `front` (its first key on line 4), with the sample site. */
export const readMarkdownWith = (front: string) =>
  readMarkdown({ path: 'input/articles/story.md', bytes: encode(`---\nheadline: A headline\ndate: 2024-09-04 21:03\n${front}---\nFirst paragraph.\n`) }, makeSite());
