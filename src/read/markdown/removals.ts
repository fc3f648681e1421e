/** One kind of removal the reader reports (once per rule, with every line). */
export interface Removal {
  ruleId: 'raw-html' | 'unsafe-url' | 'unsupported-url';
  /** 1-based line in the article file. */
  line: number;
  /** What was removed, shortened and quoted for the message. */
  what: string;
}

const REMOVAL_ORDER: readonly Removal['ruleId'][] = ['raw-html', 'unsafe-url', 'unsupported-url'];

/** One warning per rule: where it first happened, how often, and what to do. */
export function toRemovalWarnings(removals: readonly Removal[]): { ruleId: Removal['ruleId']; line: number; message: string }[] {
  return REMOVAL_ORDER.flatMap((ruleId) => {
    const found = removals.filter((r) => r.ruleId === ruleId);
    const first = found[0];
    if (first === undefined) return [];
    const lines = [...new Set(found.map((r) => r.line))];
    const where = lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
    const example = first.what;
    const count = found.length === 1 ? '' : ` (${found.length} times, ${where})`;
    const message =
      ruleId === 'raw-html'
        ? `raw HTML is not allowed in Markdown and was removed: ${example}${count}; inline tags lose their markup but keep their text, HTML blocks are dropped whole. Write it in Markdown`
        : ruleId === 'unsafe-url'
          ? `a script or data URL was removed: ${example}${count}; links keep their text, images are dropped. Link to an https URL instead`
          : `a URL that is not http(s) was removed: ${example}${count} (mailto:, tel:, empty or unparsable URLs cannot go into feeds); links keep their text, images are dropped. Use an http(s) URL`;
    return [{ ruleId, line: first.line, message }];
  });
}

/** `text` on one line, at most 60 characters, for a message. */
export function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}
