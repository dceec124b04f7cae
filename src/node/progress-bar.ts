/**
 * A one-line terminal progress bar, redrawn in place with a carriage return.
 * It writes only when the stream is an interactive terminal (callers pass
 * `isTTY`), so redirected stderr and `--json` stdout stay clean. Redraws are
 * throttled to 10 per second.
 */

export interface ProgressBar {
  /** Update: `fraction` in [0, 1] (undefined: unknown), `text` after the bar. */
  update(fraction: number | undefined, text: string): void;
  /** Clear the line (call before printing results). */
  done(): void;
}

export function createProgressBar(
  write: (text: string) => void,
  isTTY: boolean,
  options: { width?: number; columns?: number; now?: () => number } = {},
): ProgressBar {
  if (!isTTY) return { update() {}, done() {} };
  const width = options.width ?? 24;
  const columns = options.columns ?? 100;
  const now = options.now ?? (() => performance.now());
  let last = -Infinity;
  let drawn = false;
  let spin = 0;
  return {
    update(fraction, text) {
      const t = now();
      if (t - last < 100) return;
      last = t;
      let bar: string;
      if (fraction === undefined || !Number.isFinite(fraction)) {
        const pos = spin++ % width;
        bar = `${' '.repeat(pos)}#${' '.repeat(width - pos - 1)}`;
      } else {
        const f = Math.min(1, Math.max(0, fraction));
        const full = Math.round(f * width);
        bar = `${'#'.repeat(full)}${'.'.repeat(width - full)}`;
      }
      const line = `[${bar}] ${text}`.slice(0, columns - 1);
      write(`\r\x1b[2K${line}`);
      drawn = true;
    },
    done() {
      if (drawn) write('\r\x1b[2K');
      drawn = false;
    },
  };
}
