/** The progress bar a long build draws on a terminal. */
import type { CliIo } from './io.ts';
import { formatNumber } from '../report/count.ts';

/** Shows a bar only on a terminal, only once a build has run for a second, redrawn at most 10 times a second. */
export function toProgressBar(io: CliIo): { update: (done: number, total: number) => void; done: () => void } | undefined {
  const draw = io.progress;
  if (!draw) return undefined;
  const start = io.clock().getTime();
  let last = 0;
  let shown = false;
  return {
    update: (done, total) => {
      const now = io.clock().getTime();
      if (now - start < 1000 || (now - last < 100 && done < total)) return;
      last = now;
      shown = true;
      draw(formatProgress(done, total));
    },
    done: () => {
      if (shown) draw(undefined);
    },
  };
}

/** `syndicate: [#########...........] 4,200/10,000 articles`. */
export function formatProgress(done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `syndicate: [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${formatNumber(done)}/${formatNumber(total)} articles`;
}
