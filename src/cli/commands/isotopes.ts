/**
 * `superatom isotopes "<formula>"`: isotopic envelope, m/z values, fine structure, profile
 * spectrum and SVG plot of one ion.
 */
import { InputError } from '../../core/errors.js';
import type { Profile } from '../../mass/profile.js';
import { spectrumSvg } from '../../mass/svg.js';
import { writeTextFile } from '../../node/files.js';
import { readTextFile } from '../../node/read.js';
import { isotopesFromFlags } from '../../workflows/flags.js';
import type { IsotopesReport } from '../../workflows/spectrum.js';
import type { Command } from '../command.js';
import { json } from '../format.js';
import { READ_OPTIONS, readingLines } from './assign.js';
import { loadLigands } from './formula.js';

/** The charge number as "3−", "1+" (the magnitude is written for ±1 too: "z = −" reads as no number). */
function sign(z: number): string {
  return z === 0 ? '0' : `${Math.abs(z)}${z < 0 ? '−' : '+'}`;
}

function compositionLine(c: Readonly<Record<string, number>>): string {
  const keys = Object.keys(c).filter((k) => c[k]);
  const head = keys.includes('C') ? ['C', ...(keys.includes('H') ? ['H'] : [])] : [];
  const order = [...head, ...keys.filter((k) => !head.includes(k)).sort()];
  return order.map((k) => `${/^\d/.test(k) ? `[${k}]` : k}${c[k] === 1 ? '' : c[k]}`).join(' ');
}

export function renderIsotopes(r: IsotopesReport, top?: number): string {
  const ion = r.charge !== 0;
  const unit = ion ? 'm/z' : 'mass (Da)';
  const d = ion ? Math.max(4, Math.min(6, Math.ceil(Math.log10(Math.abs(r.charge) * 1000)))) : 4;
  const rows: [string, string][] = [
    ['ion', `${r.formula}   (${compositionLine(r.composition)}, z = ${sign(r.charge)})`],
    [`monoisotopic ${unit}`, `${r.monoisotopicMz.toFixed(d)}   every atom its most abundant isotope (IUPAC)`],
    [`most abundant ${unit}`, `${r.mostAbundantMz.toFixed(d)}   tallest peak of the aggregated envelope`],
    [`average ${unit}`, `${r.averageMz.toFixed(d)}   probability-weighted mean of the envelope`],
  ];
  if (r.spacingMz !== null) {
    rows.push([
      'isotope spacing',
      `${r.spacingMz.toFixed(d)}   mean ${unit} between neighbouring peaks (≈ 1/|z|)`,
    ]);
  }
  if (r.standardAtomicWeightMassDa !== null) {
    const diff = r.standardAtomicWeightMassDa - r.averageMassDa;
    rows.push([
      'average mass',
      `${r.averageMassDa.toFixed(4)} Da from the isotope table; ${r.standardAtomicWeightMassDa.toFixed(4)} Da from standard atomic weights (${diff >= 0 ? '+' : ''}${diff.toFixed(4)})`,
    ]);
  }
  rows.push([
    'peaks',
    `${r.peaks.length} ${r.mode === 'fine' ? `isotopologues (fine structure, p ≥ ${r.fineProbability})` : 'nucleon-number peaks (aggregated)'} ≥ ${r.minIntensityPercent} % of the tallest; probability not listed ${r.prunedProbability.toExponential(2)}`,
  ]);
  const w = Math.max(...rows.map((x) => x[0].length)) + 2;
  const out = rows.map(([k, v]) => `${k.padEnd(w)}${v}`);
  let shown = r.peaks;
  if (top !== undefined && top < shown.length) {
    shown = [...shown]
      .sort((a, b) => b.intensity - a.intensity)
      .slice(0, top)
      .sort((a, b) => a.mz - b.mz);
    out.push(`(showing the ${top} most intense of ${r.peaks.length} peaks)`);
  }
  out.push('');
  out.push(`${unit.padStart(16)}  ${'intensity %'.padStart(11)}  ${'probability'.padStart(12)}`);
  for (const p of shown) {
    out.push(
      `${p.mz.toFixed(d).padStart(16)}  ${p.intensity.toFixed(2).padStart(11)}  ${p.probability.toExponential(4).padStart(12)}`,
    );
  }
  if (r.profile) {
    const pr = r.profile;
    out.push('');
    out.push(
      `profile at R = ${pr.resolvingPower} (Gaussian, FWHM = m/R = ${pr.fwhmMz.toFixed(d)} at the most abundant peak, m/R at every peak): ${pr.centroids.length} maxima, isotope peaks ${pr.isotopesResolved ? 'resolved' : 'NOT resolved'}`,
    );
    if (pr.tallestApexMz !== null) out.push(`tallest profile apex m/z ${pr.tallestApexMz.toFixed(d)}`);
    let cs = pr.centroids.filter((c) => c.height >= 1);
    if (top !== undefined && top < cs.length) {
      cs = [...cs]
        .sort((a, b) => b.height - a.height)
        .slice(0, top)
        .sort((a, b) => a.mz - b.mz);
      out.push(`(showing the ${top} tallest profile maxima)`);
    }
    out.push(
      `${'centroid m/z'.padStart(16)}  ${'apex m/z'.padStart(16)}  ${'height %'.padStart(9)}  ${'FWHM'.padStart(8)}  peaks inside`,
    );
    for (const c of cs) {
      out.push(
        `${c.mz.toFixed(d).padStart(16)}  ${c.apexMz.toFixed(d).padStart(16)}  ${c.height.toFixed(2).padStart(9)}  ${c.fwhm.toFixed(4).padStart(8)}  ${c.contributingSticks}${c.resolved ? '' : '  (blend of unresolved peaks)'}`,
      );
    }
    for (const n of pr.notes) out.push(`note: ${n}`);
  }
  if (r.comparison) {
    const c = r.comparison;
    const f = (x: number | null, k: number) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${x.toFixed(k)}`);
    out.push('');
    out.push(
      `measured spectrum   ${c.peakCount} peaks; match score ${c.score.toFixed(3)} (1 − 2θ/π with θ = ${c.contrastAngleDeg.toFixed(1)}°, × exp(−½ (residual/${c.tolerancePpm} ppm)²))`,
    );
    out.push(
      `                    ${c.matchedPeaks}/${c.simulatedPeaks} simulated peaks matched, ${c.unexplainedPeaks} measured peaks in range unexplained; m/z error ${f(c.ppmError, 2)} ppm, calibration offset ${f(c.calibrationOffsetPpm, 2)} ppm${c.chargeMatchesSpacing === null ? '' : c.chargeMatchesSpacing ? ', charge agrees with the peak spacing' : ', charge DISAGREES with the peak spacing'}`,
    );
    for (const line of readingLines(c.reading, 'the measured spectrum')) out.push(line);
    for (const n of c.notes) out.push(`note: ${n}`);
  }
  for (const n of r.notes) out.push(`note: ${n}`);
  out.push('');
  out.push(`isotope table: ${r.isotopeTable}`);
  return `${out.join('\n')}\n`;
}

/** The profile as CSV (every grid point: m/z, height in percent of the tallest point). */
function profileCsv(p: Profile): string {
  const rows = new Array<string>(p.mz.length);
  for (let i = 0; i < p.mz.length; i++) rows[i] = `${p.mz[i]},${p.intensity[i]}`;
  return `mz,profile_percent\n${rows.join('\n')}\n`;
}

function csv(r: IsotopesReport): string {
  return `mz,intensity_percent,probability\n${r.peaks.map((p) => `${p.mz},${p.intensity},${p.probability}`).join('\n')}\n`;
}

export const isotopesCommand: Command = {
  name: 'isotopes',
  summary: 'isotopic envelope of an ion: monoisotopic, most-abundant and average m/z, peaks, profile, SVG',
  usage:
    'superatom isotopes "<formula>" [--charge z] [--fine] [--whole] [--resolution R] [--measured file] [--json | --csv] [--svg out.svg]',
  options: {
    json: { type: 'boolean', description: 'print the report as JSON' },
    csv: {
      type: 'boolean',
      description:
        'print the peak list as CSV (m/z, intensity %, probability); with --resolution, the profile (m/z, height %)',
    },
    whole: {
      type: 'boolean',
      description: 'a salt formula: the whole neutral salt instead of its cluster ion (the default)',
    },
    charge: {
      type: 'integer',
      valueName: 'z',
      description: 'charge in e, when the formula does not write it',
    },
    fine: {
      type: 'boolean',
      description:
        'fine structure: the smallest set of isotopologues reaching --probability (chosen by itself when --resolution resolves it)',
    },
    probability: {
      type: 'number',
      valueName: 'p',
      description: 'total probability the fine structure must cover',
      default: 0.999,
    },
    'max-configurations': {
      type: 'integer',
      valueName: 'n',
      description: 'fine structure: stop with an error beyond n stored configurations (~100 bytes each)',
      default: 2_000_000,
    },
    'min-intensity': {
      type: 'number',
      valueName: 'percent',
      description: 'list peaks down to this percent of the tallest',
      default: 0.01,
    },
    top: { type: 'integer', valueName: 'n', description: 'text output: show only the n most intense peaks' },
    resolution: {
      type: 'number',
      valueName: 'R',
      min: 10,
      max: 1e8,
      description:
        'resolving power m/FWHM for a Gaussian profile spectrum with centroids (e.g. 20000; 10 to 1e8)',
    },
    svg: {
      type: 'string',
      valueName: 'file.svg',
      description: 'write an SVG plot (sticks, profile, measured)',
    },
    measured: {
      type: 'string',
      valueName: 'file',
      description:
        'measured spectrum (delimited text or mzML, peaks or profile) compared with the simulated envelope (match score) and overlaid on --svg',
    },
    tolerance: {
      type: 'number',
      valueName: 'ppm',
      min: 0.001,
      max: 10000,
      description: '--measured: matching tolerance after calibration',
      default: 10,
    },
    ...READ_OPTIONS,
    prune: {
      type: 'number',
      valueName: 'x',
      description: 'relative threshold for trimming envelope tails during the convolution',
      default: 1e-12,
    },
    ligands: {
      type: 'string',
      valueName: 'file.json',
      description: 'extra ligand abbreviations (JSON array of {name, formula, charge, role, withdraws})',
    },
  },
  help: [
    'Reported quantities (tools disagree on these words; these are the definitions used here):',
    '  m/z                 (M − z·mₑ)/|z|, M the neutral-composition mass, mₑ = 5.48579909065e-4 Da',
    '                      (CODATA 2018): cations lost z electrons, anions carry |z| extra ones.',
    '                      For a neutral formula the same fields hold masses in Da.',
    "  monoisotopic m/z    every atom its element's most abundant isotope (IUPAC); for Pt, W, Mo, Sn",
    '                      it is not the lightest peak.',
    '  most abundant m/z   the probability-weighted m/z of the tallest peak of the aggregated envelope',
    '                      (all isotopologues with the same nucleon number summed), not a profile maximum.',
    '  average m/z         the probability-weighted mean of the whole envelope, from the isotope table',
    '                      (the standard-atomic-weight mass is printed beside it for comparison).',
    '  peaks               m/z, intensity in percent of the tallest peak, absolute probability.',
    '  pruned probability  everything not listed: tails trimmed during the convolution (below',
    '                      --prune × the tallest peak) plus peaks under --min-intensity.',
    '  --fine              isotopologues instead of nucleon-number peaks: the smallest set whose total',
    "                      probability reaches --probability (IsoSpec's definition).",
    '  --resolution R      Gaussian profile, FWHM = m/R for every peak; each centroid says how many peaks',
    '                      it contains, and merged isotope peaks are reported as blends, never as single',
    '                      peaks. When R resolves the fine structure (FWHM below the largest splitting,',
    '                      e.g. 13C2 vs 34S 0.0109 Da) it is used without --fine, with a note. --csv then',
    '                      prints the profile. R must lie between 10 and 1e8.',
    '  salts               K6[P2W18O62], [Cu25H22(PPh3)12]Cl: the envelope of the cluster ion, with a',
    '                      note (--whole: the neutral salt).',
    '  --measured file     a spectrum as instruments export it (see `superatom assign --help`): match',
    '                      score, m/z error and calibration offset against the simulated envelope.',
    '',
    'Isotope masses and abundances: src/data (AME2020/AME2016 masses, IUPAC representative abundances).',
    '',
    'Examples:',
    '  superatom isotopes "[Ag29(BDTA)12]3-"',
    '  superatom isotopes "[Mo154O462H14(H2O)70]14-" --top 10',
    '  superatom isotopes "C10H16N5O13P3" --fine --probability 0.99',
    '  superatom isotopes "[Au25(PET)18]-" --resolution 30000 --svg au25.svg --measured au25.csv',
    '  superatom isotopes "[PW12O40]3-" --json',
  ].join('\n'),
  run(args, io) {
    const text = args.positionals[0];
    if (text === undefined || args.positionals.length > 1) {
      throw new InputError(
        'cli-args',
        text === undefined
          ? 'give one formula'
          : `expected one formula, got ${args.positionals.length} arguments`,
        { hint: 'quote the formula: superatom isotopes "[Ag29(BDTA)12]3-"' },
      );
    }
    const o = args.options;
    if (o.json && o.csv) throw new InputError('cli-args', 'choose one of --json and --csv');
    const measuredFile = typeof o.measured === 'string' ? o.measured : undefined;
    const { report, profile, measured } = isotopesFromFlags(
      text,
      o,
      loadLigands(args, io),
      measuredFile !== undefined
        ? { text: readTextFile(measuredFile, io.cwd, 'measured spectrum'), name: measuredFile }
        : undefined,
    );
    if (typeof o.svg === 'string') {
      const svg = spectrumSvg({
        title: `${report.formula}${report.mode === 'fine' ? ' (fine structure)' : ''}`,
        sticks: report.peaks.map((p) => ({ mz: p.mz, intensity: p.intensity })),
        ...(profile ? { profile } : {}),
        ...(measured ? { measured, measuredAsLine: measured.length > 2000 } : {}),
        markers: [
          { mz: report.monoisotopicMz, label: 'mono' },
          { mz: report.mostAbundantMz, label: 'most abundant' },
        ],
      });
      writeTextFile(o.svg, svg, io.cwd, '--svg');
      io.stderr(`wrote ${o.svg}\n`);
    }
    if (o.csv && profile) {
      io.stdout(profileCsv(profile));
      return 0;
    }
    io.stdout(
      o.json ? json(report) : o.csv ? csv(report) : renderIsotopes(report, o.top as number | undefined),
    );
    return 0;
  },
};
