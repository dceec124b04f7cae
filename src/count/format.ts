/**
 * Text rendering of counting results as a worked example: each term with its electrons and the
 * reason, the total, the verdict and the notes. Pure string building (the CLI prints it).
 */
import { num, signed } from './atoms.js';
import type { AutoReport } from './registry.js';
import type { CountResult } from './types.js';

const TITLES: Readonly<Record<string, string>> = {
  'superatom-complex':
    'superatom complex: n = Σ metal free valence − Σ withdrawn by ligands ± donors − charge',
  jellium: 'jellium: n = Σ delocalised valence electrons − charge',
  'wade-mingos': 'Wade–Mingos: skeletal electrons, pairs vs vertices',
  'jemmis-mno': 'Jemmis mno: pairs = m + n + o + p',
  'mingos-pec': 'Mingos: cluster valence electrons',
  octet: 'octet: electrons around the central atom (neutral method)',
  '18-electron': '18-electron rule: electrons at the metal (neutral method)',
  '32-electron': '32-electron principle: electrons at the f-block centre',
  huckel: 'Hückel: π electrons of the ring',
  hirsch: 'Hirsch: π electrons of the spherical cage',
  superhalogen: 'superhalogen / superalkali screening',
  polyoxometalate:
    'polyoxometalate: added d electrons = Σ oxidation states of the d⁰ parent − 2 N(O) − charge',
};

function totalLabel(r: CountResult): string {
  if (r.rule === 'wade-mingos' || r.rule === 'jemmis-mno') return 'skeletal electrons';
  if (r.rule === 'huckel' || r.rule === 'hirsch') return 'π electrons';
  if (r.rule === 'mingos-pec') return 'cluster valence electrons';
  if (r.rule === 'superatom-complex' || r.rule === 'jellium') return 'n';
  if (r.rule === 'polyoxometalate') return 'added d electrons';
  return 'total';
}

/** One result as a worked example. */
export function formatResult(formula: string, r: CountResult, primary = false): string {
  const out: string[] = [];
  out.push(`${r.rule}${primary ? ' (primary)' : ''} — ${TITLES[r.rule] ?? r.rule}`);
  if (!r.applies) {
    out.push(`  does not apply to ${formula}: ${r.reason ?? r.notes[0] ?? ''}`);
    return out.join('\n');
  }
  const termWidth = Math.max(12, totalLabel(r).length, ...r.steps.map((s) => s.term.length)) + 2;
  for (const s of r.steps) {
    out.push(`    ${s.term.padEnd(termWidth)}${signed(s.electrons).padStart(6)}   ${s.why}`);
  }
  const sum = r.steps.reduce((a, s) => a + s.electrons, 0);
  out.push(`    ${'─'.repeat(termWidth + 6)}`);
  out.push(`    ${totalLabel(r).padEnd(termWidth)}${num(sum).padStart(6)}`);
  out.push(`  = ${r.count === null ? '—' : num(r.count)} ${r.unit}`);
  if (r.configuration)
    out.push(`  configuration (${r.shell?.modelName ?? 'shell model'}): ${r.configuration}`);
  out.push(`  verdict: ${r.verdict}${r.analogue ? `   analogue: ${r.analogue}` : ''}`);
  for (const n of r.notes) out.push(`  · ${n}`);
  out.push(`  ref: ${r.reference}`);
  return out.join('\n');
}

/** A whole `count` report (auto or one rule). */
export function formatReport(
  formula: string,
  charge: number,
  report: {
    results: readonly CountResult[];
    primary?: string | null;
    primaryWhy?: string;
    skipped?: AutoReport['skipped'];
  },
): string {
  const out: string[] = [
    `${formula}   (charge of the counted ion: ${charge > 0 ? `+${charge}` : charge < 0 ? `−${-charge}` : '0'})`,
  ];
  if (report.primary !== undefined) {
    out.push(
      report.primary
        ? `primary rule: ${report.primary} — ${report.primaryWhy ?? ''}`
        : `no rule applies: ${report.primaryWhy ?? ''}`,
    );
  }
  for (const r of report.results) out.push('', formatResult(formula, r, report.primary === r.rule));
  if (report.skipped?.length) {
    out.push('', 'rules that do not apply:');
    for (const s of report.skipped) out.push(`  ${s.rule}: ${s.reason}`);
  }
  return out.join('\n');
}
