/**
 * The Universal Feed Parser (Python `feedparser`, Debian `python3-feedparser`) for the tests that read our
 * feeds back with it: tests/helpers/read_feed.py prints what feedparser understood as JSON. When no Python
 * can import it, `python` is undefined and the tests that need it say so loudly and skip.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const HELPER = path.resolve(import.meta.dirname, 'read_feed.py');

/** The first Python that can import feedparser: `python3` on PATH, else Debian's, which python3-feedparser installs into. */
function findPython(): { python?: string; why: string } {
  const reasons: string[] = [];
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(candidate, [HELPER, '--probe'], { encoding: 'utf8', timeout: 20_000 });
    if (probe.status === 0) return { python: candidate, why: probe.stdout.trim() };
    reasons.push(`${candidate}: ${probe.error?.message ?? probe.stderr.trim().split('\n').at(-1) ?? `exit ${probe.status}`}`);
  }
  return { why: reasons.join('; ') };
}

const found = findPython();

/** The Python that runs read_feed.py, or undefined when none can import feedparser. */
export const python = found.python;

/** Prints, once per test file that asks, that the feedparser tests are skipped and how to install it. */
export function warnIfFeedparserAbsent(): void {
  if (python !== undefined) return;
  console.warn(
    `\n*** UNIVERSAL FEED PARSER ABSENT: no python3 can import feedparser (${found.why}). The feedparser ` +
      `read-back tests are SKIPPED, not passed. Install it with: apt-get install -y python3-feedparser ***\n`,
  );
}

/** What feedparser reports for a text construct (`title_detail`, `summary_detail`, a content item). */
export interface Detail {
  value: string | null;
  type: string | null;
  language: string | null;
}

/** One entry as read_feed.py prints it. */
export interface FeedparserEntry {
  title: string | null;
  title_detail: Detail | null;
  link: string | null;
  links: { rel: string | null; href: string | null; type: string | null; length: string | null }[];
  id: string | null;
  published: string | null;
  updated: string | null;
  authors: (string | null)[];
  tags: { term: string | null; scheme: string | null; label: string | null }[];
  summary: string | null;
  summary_detail: Detail | null;
  content: Detail[];
  media_content: Record<string, string>[];
  media_credit: Record<string, string>[];
  enclosures: { href: string | null; type: string | null; length: string | null }[];
}

/** One document as read_feed.py prints it. */
export interface FeedparserResult {
  bozo: number;
  bozo_exception: string | null;
  version: string;
  feed: { title: string | null; link: string | null; links: { rel: string; href: string; type: string }[]; id: string | null; language: string | null; updated: string | null };
  entries: FeedparserEntry[];
}

/** One feed document read by feedparser. Only call when {@link python} is defined. */
export function readWithFeedparser(xml: string): FeedparserResult {
  const run = spawnSync(python!, [HELPER], { input: xml, encoding: 'utf8', timeout: 20_000 });
  if (run.status !== 0) throw new Error(`read_feed.py failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as FeedparserResult;
}

/** Many feed documents read by one feedparser process (a property run's worth). Only call when {@link python} is defined. */
export function readManyWithFeedparser(documents: readonly string[]): FeedparserResult[] {
  const run = spawnSync(python!, [HELPER, '--many'], { input: JSON.stringify(documents), encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`read_feed.py --many failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as FeedparserResult[];
}
