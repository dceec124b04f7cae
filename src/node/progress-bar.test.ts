import { describe, expect, it } from 'vitest';
import { createProgressBar } from './progress-bar.js';

describe('progress bar', () => {
  it('writes nothing when stderr is not a terminal', () => {
    let out = '';
    const bar = createProgressBar((t) => {
      out += t;
    }, false);
    bar.update(0.5, 'step 10');
    bar.done();
    expect(out).toBe('');
  });
  it('redraws one line in place on a terminal, throttled, and clears it when done', () => {
    let out = '';
    let t = 0;
    const bar = createProgressBar(
      (s) => {
        out += s;
      },
      true,
      { width: 10, now: () => t },
    );
    bar.update(0.5, 'step 10');
    bar.update(0.6, 'step 12'); // within 100 ms: skipped
    t = 200;
    bar.update(undefined, 'step 20');
    bar.done();
    expect(out).toContain('\r\x1b[2K[#####.....] step 10');
    expect(out).not.toContain('step 12');
    expect(out).toContain('step 20');
    expect(out.endsWith('\r\x1b[2K')).toBe(true);
    expect(out).not.toContain('\n');
  });
});
