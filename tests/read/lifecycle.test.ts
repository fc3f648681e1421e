import { describe, expect, it } from 'vitest';
import { readMarkdownWith as markdown, readWireWith as wire } from '../helpers/front-matter.ts';

describe('lifecycle front matter (corrections, withdrawals, embargoes)', () => {
  it.each([
    ['wire copy', wire],
    ['Markdown', markdown],
  ])('%s: reads correction, withdrawal with reason and embargo (in the site zone) into the model', (_name, read) => {
    const { article, diagnostics } = read('correction: "The mayor\'s name was   misspelt."\nstatus: withdrawn\nreason: Legal review.\nembargo: 2024-09-05 08:00\n');
    expect(diagnostics).toEqual([]);
    expect(article).toMatchObject({ correction: "The mayor's name was misspelt.", status: 'withdrawn', withdrawalReason: 'Legal review.', embargo: '2024-09-05T08:00:00+08:00' });
  });

  it('`status: published` is the default and adds nothing', () => {
    const { article } = wire('status: published\n');
    expect(article).toBeDefined();
    expect(article!.status).toBeUndefined();
  });

  it('a withdrawal without a reason is an error at the status line', () => {
    const { article, diagnostics } = wire('keywords: [a]\nstatus: withdrawn\n');
    expect(article).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId: 'withdrawal-without-reason', line: 3 })]);
  });

  it('a reason without a withdrawal is a warning', () => {
    const { article, diagnostics } = markdown('reason: nothing\n');
    expect(article).toBeDefined();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', ruleId: 'reason-without-withdrawal', line: 4 })]);
  });

  it.each([
    ['tomorrow', 'unrecognised-date'],
    ['2024-09-31 08:00', 'impossible-date'],
  ])('an unreadable embargo (%s) is an error at its line', (value, ruleId) => {
    const { article, diagnostics } = wire(`embargo: ${value}\n`);
    expect(article).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', ruleId, line: 2 })]);
  });

  it('an unknown status is refused', () => {
    const { diagnostics } = wire('status: killed\n');
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['invalid-front-matter']);
  });
});
