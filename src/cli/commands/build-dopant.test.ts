/** `superatom build … --dopant El@centre|El@vertex` (issue 16 item 3). */
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing.js';

describe('superatom build --dopant', () => {
  it('Pd@centre replaces the central atom of the Au13 icosahedron; Pt@vertex a surface atom', async () => {
    const r = await runCli([
      'build',
      'icosahedron',
      '--element',
      'Au',
      '--shells',
      '1',
      '--dopant',
      'Pd@centre',
    ]);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').slice(2);
    const pd = lines.filter((l) => l.startsWith('Pd'));
    expect(pd).toHaveLength(1);
    const [, x, y, z] = pd[0]!.trim().split(/\s+/).map(Number);
    expect(Math.hypot(x!, y!, z!)).toBeLessThan(1e-6);
    const j = JSON.parse(
      (await runCli(['build', 'icosahedron', '--shells', '1', '--dopant', 'Pd@centre,Pt@vertex', '--json']))
        .out,
    );
    expect(j.composition).toBe('Au11Pd1Pt1');
    expect(j.dopants.map((d: { site: string }) => d.site)).toEqual(['centre', 'vertex']);
  });
  it('bad dopants exit 2 with a hint', async () => {
    for (const spec of ['Pd', 'Pd@edge', 'Qq@centre', 'Pd@centre,Pt@centre']) {
      const r = await runCli(['build', 'icosahedron', '--shells', '1', '--dopant', spec]);
      expect(r.code, spec).toBe(2);
      expect(r.err, spec).toMatch(/--dopant/);
    }
    const hollow = await runCli(['build', 'polyhedron', '--name', 'icosahedron', '--dopant', 'Pd@centre']);
    expect(hollow.code).toBe(2);
    expect(hollow.err).toMatch(/--centre/);
  });
});
