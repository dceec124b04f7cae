/**
 * Export of stored results: JSON lines (one whole record a line) and extended XYZ for results that
 * kept structures, in the form ASE's `ase.io.read(..., index=':')` reads: one frame per structure,
 * the record's key results in the frame info (`energy` becomes ASE's potential energy).
 */
import { writeExtxyz } from '../io/extxyz.js';
import { createStructure, type Structure } from '../structure/structure.js';
import type { ResultRecord, StoredStructure } from './types.js';

export function toJsonLines(records: readonly ResultRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

type Info = Record<string, string | number | boolean>;

/** Per-frame energy from the report: frames[k].energy (optimize) or minima[k].energy (search). */
function frameEnergy(report: unknown, k: number): number | undefined {
  if (typeof report !== 'object' || report === null) return undefined;
  for (const key of ['frames', 'minima']) {
    const list = (report as Record<string, unknown>)[key];
    if (Array.isArray(list)) {
      const e = (list[k] as { energy?: unknown } | undefined)?.energy;
      if (typeof e === 'number' && Number.isFinite(e)) return e;
    }
  }
  return undefined;
}

function frameInfo(r: ResultRecord, s: StoredStructure, k: number, n: number): Info {
  const rep = (r.report ?? {}) as Record<string, unknown>;
  const info: Info = {
    superatom_id: r.id,
    superatom_kind: r.kind,
    created: r.createdAt,
    superatom_version: r.provenance.version,
  };
  if (n > 1) info.frame = k + 1;
  if (r.formula) info.formula = r.formula;
  const e = frameEnergy(r.report, k) ?? (n === 1 && r.energy !== null ? r.energy : undefined);
  if (e !== undefined) info.energy = e;
  if (typeof rep.energyUnit === 'string') info.energy_unit = rep.energyUnit;
  if (typeof rep.potential === 'string') info.potential = rep.potential;
  if (typeof rep.lengthUnit === 'string') info.length_unit = rep.lengthUnit;
  if (r.pointGroup) info.point_group = r.pointGroup;
  if (typeof rep.rmsdA === 'number') info.rmsd_A = rep.rmsdA;
  if (r.electronCount !== null) info.electron_count = r.electronCount;
  for (const [key, v] of Object.entries(s.info ?? {})) info[key] = v;
  return info;
}

/** Frames of every record that kept structures; the number of records without any is returned too. */
export function toExtxyz(records: readonly ResultRecord[]): {
  text: string;
  frames: number;
  skipped: number;
} {
  const frames: Structure[] = [];
  const infos: Info[] = [];
  let skipped = 0;
  for (const r of records) {
    const list = r.structures ?? [];
    if (list.length === 0) skipped++;
    list.forEach((s, k) => {
      frames.push(
        createStructure({
          numbers: s.numbers,
          positions: s.positions,
          ...(s.charge ? { charge: s.charge } : {}),
          ...(s.cell ? { cell: s.cell } : {}),
          ...(s.title ? { title: s.title } : {}),
        }),
      );
      infos.push(frameInfo(r, s, k, list.length));
    });
  }
  return { text: frames.length ? writeExtxyz(frames, infos) : '', frames: frames.length, skipped };
}
