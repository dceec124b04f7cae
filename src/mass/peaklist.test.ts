/**
 * Peak lists as instruments export them. The vendor-shaped files below copy the layout of real
 * exports found in public code (no vendor file is copied):
 * - Thermo Xcalibur Qual Browser "Export spectrum list": "SPECTRUM - MS", the .raw name, the scan
 *   filter, "Scan #: 11", "RT: 0.07", "Data points: 1490", then "Mass\tIntensity" (the sample in
 *   the tests of the Ruby gem `xcalibur` PeakFile parser, and the Thermo clipboard loader of a
 *   public Rust spectrum annotator built on mzdata);
 * - Agilent MassHunter profile CSV/TSV: a '#"+ESI Scan (0.157 min) …"' line, then
 *   "#Point\tX(Thompsons)\tY(Counts)" and rows "0\t49.9914\t0" (an "Agilent export" case in
 *   a public Python test suite; many scripts read the columns 'X(Thompsons)', 'Y(Counts)');
 * - Bruker DataAnalysis mass list (clipboard / export): "#\tm/z\tRes.\tS/N\tI\tI %\tFWHM", m/z in
 *   the 2nd and intensity in the 5th column (the Bruker clipboard loader of the same annotator);
 * - European-locale exports: semicolons with decimal commas ("7390,9297;44").
 * The mzML file is written here per the PSI mzML 1.1 specification: base64 of little-endian
 * Float64Array/Float32Array, zlib via fflate, arrays named by their cv accessions.
 */

import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.js';
import { centroidSpectrum, estimateNoise, looksLikeProfile } from './centroid.js';
import { decodeBase64 } from './mzml.js';
import { readPeakList } from './peaklist.js';

const errorOf = (f: () => unknown): InputError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('delimited text as instruments export it', () => {
  it('Thermo Xcalibur spectrum list: preamble, "Mass\\tIntensity" header', () => {
    const text = [
      'SPECTRUM - MS',
      'GSE_T29K_080703143635.raw',
      'ITMS + c ESI Full ms [300.00-2000.00]',
      'Scan #: 11',
      'RT: 0.07',
      'Data points: 3',
      'Mass\tIntensity',
      '300.516479\t2000.0',
      '301.392487\t1000.0',
      '302.465759\t3000.0',
    ].join('\r\n');
    const r = readPeakList(text, { inputName: 'x.txt' });
    expect(r.peaks.map((p) => p.mz)).toEqual([300.516479, 301.392487, 302.465759]);
    expect(r.peaks.map((p) => p.intensity)).toEqual([2000, 1000, 3000]);
    expect(r.peaks[0]!.line).toBe(8);
    expect(r.reading.text!.header).toEqual(['Mass', 'Intensity']);
    expect(r.reading.text!.preambleLines).toBe(6);
    expect(r.reading.notes.join('\n')).toMatch(
      /tab-separated.*header line 7: Mass \| Intensity; 6 preamble lines/,
    );
  });

  it('Bruker DataAnalysis mass list: index column "#", m/z and I chosen by name', () => {
    const text = [
      '#\tm/z\tRes.\tS/N\tI\tI %\tFWHM',
      '1\t1779.2755\t35210\t210.4\t1.52e6\t100.0\t0.0505',
      '2\t1779.6093\t35100\t170.2\t1.23e6\t80.9\t0.0507',
      '3\t1779.9434\t35080\t98.1\t7.1e5\t46.7\t0.0507',
    ].join('\n');
    const r = readPeakList(text);
    expect(r.peaks.map((p) => p.mz)).toEqual([1779.2755, 1779.6093, 1779.9434]);
    expect(r.peaks.map((p) => p.intensity)).toEqual([1.52e6, 1.23e6, 7.1e5]);
    expect(r.reading.text!.mzColumn).toEqual({ column: 2, name: 'm/z', how: 'named' });
    expect(r.reading.text!.intensityColumn).toEqual({ column: 5, name: 'I', how: 'named' });
  });

  it('semicolons with decimal commas, with and without a header', () => {
    for (const text of ['m/z;I\n7390,9297;44\n7391,0012;100\n', '7390,9297;44\n7391,0012;100']) {
      const r = readPeakList(text);
      expect(r.peaks.map((p) => [p.mz, p.intensity])).toEqual([
        [7390.9297, 44],
        [7391.0012, 100],
      ]);
      expect(r.reading.text!.decimalComma).toBe(true);
      expect(r.reading.notes[0]).toMatch(/decimal commas \(e\.g\. "7390,9297" read as 7390\.9297\)/);
    }
  });

  it('a leading index column without a header is recognised from its values', () => {
    const r = readPeakList('1,1779.27,100\n2,1779.61,80\n3,1779.94,45\n');
    expect(r.peaks.map((p) => p.mz)).toEqual([1779.27, 1779.61, 1779.94]);
    expect(r.reading.text!.indexColumn).toBe(true);
    expect(r.reading.notes.join(' ')).toMatch(/column 1 is an index/);
  });

  it('columns chosen by number or by name; unknown ones are refused with the names', () => {
    const text = 'scan,intensity,mz\n5,10,1000.5\n5,20,1001.5\n';
    const r = readPeakList(text, { mzColumn: 3, intensityColumn: 'Intensity' });
    expect(r.peaks.map((p) => [p.mz, p.intensity])).toEqual([
      [1000.5, 10],
      [1001.5, 20],
    ]);
    expect(errorOf(() => readPeakList(text, { mzColumn: 'mass' })).hint).toMatch(/scan, intensity, mz/);
    expect(errorOf(() => readPeakList(text, { mzColumn: 7 })).message).toMatch(/column 7 does not exist/);
  });

  it('a 100 kB run of digits is refused at once with a short excerpt (number regexes are linear)', () => {
    const e = errorOf(() => readPeakList(`${'1'.repeat(100_000)},abc\n`, { inputName: 'long.csv' }));
    expect(e.render().length).toBeLessThan(2000);
  });

  it('whitespace with decimal commas; a trailing separator is not a column', () => {
    expect(readPeakList('1779,27 100\n1779,61 80').peaks[1]!.mz).toBe(1779.61);
    expect(readPeakList('1779.27,100,\n1779.61,80,\n').peaks).toHaveLength(2);
  });

  it('property: every dialect of one peak list reads back the same peaks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 1_000_000 })), {
          minLength: 2,
          maxLength: 30,
        }),
        fc.constantFrom('\t', ';', ',', ' '),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (rows, sep, decimalComma, header, index) => {
          const dc = decimalComma && sep !== ',';
          const num = (x: number) => (dc ? String(x).replace('.', ',') : String(x));
          const unique = [...new Map(rows.map(([m, i]) => [m, i])).entries()];
          if (unique.length < 2) return;
          const lines = unique.map(([m, i], k) =>
            [...(index ? [String(k + 1)] : []), num(m / 10_000), num(i / 100)].join(sep),
          );
          if (header) lines.unshift([...(index ? ['#Point'] : []), 'm/z', 'Intensity'].join(sep));
          const r = readPeakList(lines.join('\n'));
          const want = unique.map(([m, i]) => [m / 10_000, i / 100]).sort((a, b) => a[0]! - b[0]!);
          expect(r.peaks.map((p) => [p.mz, p.intensity])).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------- profile data
/** Gaussian peaks of FWHM = m/R on a uniform grid, plus seeded noise (σ known). */
function profileText(
  peaks: readonly [number, number][],
  opts: { from: number; to: number; step: number; R: number; sigma: number; agilent?: boolean },
) {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  const lines = opts.agilent
    ? ['#"+ESI Scan (0.157 min) Frag=106.0V 20220214_sample-r002.d "', '#Point\tX(Thompsons)\tY(Counts)']
    : [];
  let k = 0;
  for (let x = opts.from; x <= opts.to; x += opts.step, k++) {
    let y = 50;
    for (const [m, h] of peaks) {
      const s = m / opts.R / (2 * Math.sqrt(2 * Math.LN2));
      y += h * Math.exp(-((x - m) ** 2) / (2 * s * s));
    }
    y = Math.max(0, y + opts.sigma * gauss());
    lines.push(opts.agilent ? `${k}\t${x.toFixed(5)}\t${y.toFixed(3)}` : `${x.toFixed(5)},${y.toFixed(3)}`);
  }
  return lines.join('\n');
}

describe('profile data', () => {
  const PEAKS: [number, number][] = [
    [1000.2, 10_000],
    [1000.7, 6_000],
    [1001.2, 2_500],
    [1003.0, 400],
  ];

  it('an Agilent-style profile export is detected, centroided at the true m/z, with the noise stated', () => {
    const text = profileText(PEAKS, {
      from: 998,
      to: 1005,
      step: 0.002,
      R: 20_000,
      sigma: 10,
      agilent: true,
    });
    const r = readPeakList(text, { inputName: 'agilent.csv' });
    expect(r.reading.dataType).toBe('profile');
    expect(r.reading.dataTypeFrom).toBe('sampling');
    expect(r.reading.points).toBe(3501);
    expect(r.reading.text!.indexColumn).toBe(true);
    // the four Gaussians, and nothing from the noise
    expect(r.peaks).toHaveLength(4);
    r.peaks.forEach((p, i) => {
      expect(Math.abs(p.mz - PEAKS[i]![0]) / PEAKS[i]![0] / 1e-6).toBeLessThan(2); // ppm
      expect(p.intensity / PEAKS[i]![1]).toBeGreaterThan(0.9);
    });
    // noise: the generator's σ = 10 on a baseline of 50, recovered within 15 %
    expect(r.reading.centroiding!.noise).toBeGreaterThan(8.5);
    expect(r.reading.centroiding!.noise).toBeLessThan(11.5);
    expect(Math.abs(r.reading.centroiding!.baseline - 50)).toBeLessThan(3);
    expect(r.reading.notes.join('\n')).toMatch(/centroided 3501 profile points into 4 peaks: .*noise σ/);
  });

  it('a centroid list is not taken for a profile; --data-type forces either', () => {
    // 300 peaks at irregular gaps (0.05–1.5 Th, a seeded sequence), as a peak picker leaves them
    let x = 1000;
    let seed = 3;
    const list = Array.from({ length: 300 }, (_, i) => {
      seed = (seed * 16807) % 2147483647;
      x += 0.05 + (1.45 * seed) / 2147483647;
      return `${x.toFixed(4)},${(i % 17) + 1}`;
    });
    expect(readPeakList(list.join('\n')).reading.dataType).toBe('centroid');
    const text = profileText(PEAKS, { from: 998, to: 1005, step: 0.002, R: 20_000, sigma: 10 });
    const forced = readPeakList(text, { dataType: 'centroid' });
    expect(forced.peaks).toHaveLength(3501);
    expect(forced.reading.dataTypeFrom).toBe('asked');
  });

  it('a profile printed with 4 decimals (Agilent) on a 0.0021 Th grid is still a profile', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => {
      const x = 1000 + i * 0.0021;
      return `${i},${x.toFixed(4)},${(20 + 1000 * Math.exp(-((x - 1002) ** 2) / (2 * 0.02 ** 2))).toFixed(1)}`;
    });
    const r = readPeakList(['#Point,X(Thompsons),Y(Counts)', ...rows].join('\n'));
    expect(r.reading.dataType).toBe('profile');
    expect(r.peaks).toHaveLength(1);
    expect(r.peaks[0]!.mz).toBeCloseTo(1002, 3);
  });

  it('noise estimate: median/MAD of Gaussian noise recovers σ (1.4826 × MAD)', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const y = new Float64Array(20_000).map(
      () => 100 + 5 * Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand()),
    );
    const n = estimateNoise(y);
    expect(Math.abs(n.sigma - 5)).toBeLessThan(0.25);
    expect(Math.abs(n.baseline - 100)).toBeLessThan(0.2);
  });

  it('detection needs a regular grid; gaps left by dropped zeros do not break it', () => {
    const grid = Float64Array.from({ length: 1000 }, (_, i) => 500 + i * 0.01 + (i >= 500 ? 3 : 0));
    expect(looksLikeProfile(grid).profile).toBe(true);
    const c = centroidSpectrum(
      grid,
      grid.map(
        (x) => 1000 * Math.exp(-((x - 502) ** 2) / 0.002) + 1000 * Math.exp(-((x - 510) ** 2) / 0.002),
      ),
    );
    expect(Array.from(c.mz, (x) => Number(x.toFixed(3)))).toEqual([502, 510]);
  });
});

// ---------------------------------------------------------------- mzML
function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

interface SpecSpec {
  id: string;
  msLevel: number;
  kind: 'profile' | 'centroid';
  mz: number[];
  intensity: number[];
  bits?: 32 | 64;
  zlib?: boolean;
}

/** An mzML 1.1 document per the PSI specification (binaryDataArray with cv accessions). */
function mzml(spectra: SpecSpec[], opts: { indexed?: boolean; groups?: boolean } = {}): string {
  const arr = (values: number[], which: 'mz' | 'int', bits: 32 | 64, zlib: boolean) => {
    const raw = new Uint8Array((bits === 64 ? Float64Array : Float32Array).from(values).buffer);
    const data = zlib ? zlibSync(raw) : raw;
    const text = b64(data);
    const params = [
      bits === 64
        ? '<cvParam cvRef="MS" accession="MS:1000523" name="64-bit float" value=""/>'
        : '<cvParam cvRef="MS" accession="MS:1000521" name="32-bit float" value=""/>',
      zlib
        ? '<cvParam cvRef="MS" accession="MS:1000574" name="zlib compression" value=""/>'
        : '<cvParam cvRef="MS" accession="MS:1000576" name="no compression" value=""/>',
    ];
    const type =
      which === 'mz'
        ? opts.groups
          ? '<referenceableParamGroupRef ref="mzArray"/>'
          : '<cvParam cvRef="MS" accession="MS:1000514" name="m/z array" value="" unitCvRef="MS" unitAccession="MS:1000040" unitName="m/z"/>'
        : '<cvParam cvRef="MS" accession="MS:1000515" name="intensity array" value="" unitCvRef="MS" unitAccession="MS:1000131" unitName="number of detector counts"/>';
    return `          <binaryDataArray encodedLength="${text.length}">
            ${params.join('\n            ')}
            ${type}
            <binary>${text}</binary>
          </binaryDataArray>`;
  };
  const body = spectra
    .map(
      (s, i) => `      <spectrum index="${i}" id="${s.id}" defaultArrayLength="${s.mz.length}">
        <cvParam cvRef="MS" accession="MS:1000511" name="ms level" value="${s.msLevel}"/>
        <cvParam cvRef="MS" accession="${s.kind === 'profile' ? 'MS:1000128' : 'MS:1000127'}" name="${s.kind} spectrum" value=""/>
        <scanList count="1"><cvParam cvRef="MS" accession="MS:1000795" name="no combination" value=""/></scanList>
        <binaryDataArrayList count="2">
${arr(s.mz, 'mz', s.bits ?? 64, s.zlib ?? true)}
${arr(s.intensity, 'int', s.bits ?? 64, s.zlib ?? true)}
        </binaryDataArrayList>
      </spectrum>`,
    )
    .join('\n');
  const doc = `<mzML xmlns="http://psi.hupo.org/ms/mzml" version="1.1.0" id="test">
  <cvList count="1"><cv id="MS" fullName="PSI-MS" URI="https://raw.githubusercontent.com/HUPO-PSI/psi-ms-CV/master/psi-ms.obo"/></cvList>
  ${opts.groups ? '<referenceableParamGroupList count="1"><referenceableParamGroup id="mzArray"><cvParam cvRef="MS" accession="MS:1000514" name="m/z array" value=""/></referenceableParamGroup></referenceableParamGroupList>' : ''}
  <run id="run1">
    <spectrumList count="${spectra.length}">
${body}
    </spectrumList>
  </run>
</mzML>`;
  return `<?xml version="1.0" encoding="utf-8"?>\n${opts.indexed ? `<indexedmzML xmlns="http://psi.hupo.org/ms/mzml">\n${doc}\n<indexListOffset>0</indexListOffset></indexedmzML>` : doc}`;
}

describe('mzML', () => {
  const MZ = [1779.2755, 1779.6093, 1779.9434, 1780.2771];
  const I = [100, 80.5, 46.25, 20];
  const ms2 = {
    id: 'controllerType=0 controllerNumber=1 scan=2',
    msLevel: 2,
    kind: 'centroid' as const,
    mz: [500.25],
    intensity: [9],
  };

  it('reads 64-bit zlib, 32-bit uncompressed, indexedmzML and param-group arrays', () => {
    for (const [bits, zlib, indexed, groups] of [
      [64, true, false, false],
      [32, false, true, false],
      [64, false, false, true],
      [32, true, true, true],
    ] as const) {
      const text = mzml(
        [
          {
            id: 'controllerType=0 controllerNumber=1 scan=1',
            msLevel: 1,
            kind: 'centroid',
            mz: MZ,
            intensity: I,
            bits,
            zlib,
          },
          ms2,
        ],
        { indexed, groups },
      );
      const r = readPeakList(text, { inputName: 'run.mzML' });
      const tol = bits === 64 ? 0 : 1e-4;
      r.peaks.forEach((p, i) => {
        expect(Math.abs(p.mz - MZ[i]!)).toBeLessThanOrEqual(tol);
        expect(p.intensity).toBeCloseTo(I[i]!, 4);
      });
      expect(r.reading.format).toBe('mzML');
      expect(r.reading.spectrum!.ids).toEqual(['controllerType=0 controllerNumber=1 scan=1']);
      expect(r.reading.dataTypeFrom).toBe('file');
    }
  });

  it('the first MS1 scan by default, --scan N by scan number, --scan sum adds MS1 scans', () => {
    const s = (n: number, scale: number) => ({
      id: `controllerType=0 controllerNumber=1 scan=${n}`,
      msLevel: 1,
      kind: 'centroid' as const,
      mz: MZ,
      intensity: I.map((x) => x * scale),
    });
    const text = mzml([{ ...ms2, id: 'controllerType=0 controllerNumber=1 scan=1' }, s(2, 1), s(3, 2)]);
    expect(readPeakList(text).peaks[0]!.intensity).toBe(100);
    expect(readPeakList(text, { scan: 3 }).peaks[0]!.intensity).toBe(200);
    expect(readPeakList(text, { scan: 1 }).peaks[0]!.mz).toBe(500.25);
    const sum = readPeakList(text, { scan: 'sum' });
    expect(sum.peaks.map((p) => p.intensity)).toEqual(I.map((x) => 3 * x));
    expect(sum.reading.spectrum!.summed).toBe(2);
    expect(errorOf(() => readPeakList(text, { scan: 9 })).hint).toMatch(/from 1 to 3/);
  });

  it('a profile spectrum in mzML is centroided', () => {
    const mz: number[] = [];
    const y: number[] = [];
    for (let x = 999; x <= 1002; x += 0.001) {
      mz.push(x);
      y.push(1000 * Math.exp(-((x - 1000.5) ** 2) / (2 * 0.02 ** 2)) + 1);
    }
    const r = readPeakList(mzml([{ id: 'scan=1', msLevel: 1, kind: 'profile', mz, intensity: y }]));
    expect(r.peaks).toHaveLength(1);
    expect(r.peaks[0]!.mz).toBeCloseTo(1000.5, 4);
    expect(r.reading.notes.join('\n')).toMatch(/profile data, as the file says \(MS:1000128\)/);
  });

  it('refuses what it cannot read, with the line', () => {
    const good = mzml([{ id: 'scan=1', msLevel: 1, kind: 'centroid', mz: MZ, intensity: I }]);
    const numpress = good.replace('MS:1000574', 'MS:1002312');
    expect(errorOf(() => readPeakList(numpress)).message).toMatch(/MS-Numpress linear/);
    expect(errorOf(() => readPeakList(good.replace(/<binary>[A-Za-z]/, '<binary>!'))).message).toMatch(
      /base64|inflate/,
    );
    expect(errorOf(() => readPeakList(good.slice(0, good.indexOf('</spectrum>')))).message).toMatch(
      /truncated/,
    );
    const e = errorOf(() => readPeakList(good.replace('defaultArrayLength="4"', 'defaultArrayLength="5"')));
    expect(e.message).toMatch(/holds 4 values but the spectrum declares 5/);
    expect(e.location.line).toBeGreaterThan(5);
  });

  it('base64 decoding matches Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(Array.from(decodeBase64(b64(bytes))!)).toEqual(Array.from(bytes));
      }),
    );
  });

  it('fuzz: mutated mzML gives peaks or an InputError, never anything else', () => {
    const good = mzml([
      { id: 'scan=1', msLevel: 1, kind: 'centroid', mz: MZ, intensity: I },
      { id: 'scan=2', msLevel: 1, kind: 'profile', mz: MZ, intensity: I, bits: 32, zlib: false },
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.nat(40), fc.string({ maxLength: 6 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.constantFrom<'first' | 'sum' | number>('first', 'sum', 1, 2, 3),
        (edits, scan) => {
          let t = good;
          for (const [at, del, ins] of edits) t = t.slice(0, at) + ins + t.slice(at + del);
          try {
            const r = readPeakList(t, { scan });
            for (const p of r.peaks) {
              expect(p.mz > 0 && Number.isFinite(p.mz)).toBe(true);
              expect(p.intensity >= 0 && Number.isFinite(p.intensity)).toBe(true);
            }
          } catch (e) {
            expect(e).toBeInstanceOf(InputError);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
