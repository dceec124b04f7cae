/**
 * Reading and analysing a structure for the page, without DOM: used by the analysis worker
 * (analyze.worker.ts) and importable anywhere. Reads like `superatom analyze` (a CIF through its
 * reader to keep the reader's notes) and returns the structure to draw: for a crystal, the molecule
 * the analysis picked.
 */
import { cifNotes, parseCif } from '../io/cif.js';
import { detectFormat, readStructures } from '../io/registry.js';
import { crystalSpecies, pickSpecies } from '../io/species.js';
import type { Structure } from '../structure/structure.js';
import { type AnalysisReport, analyzeStructure } from '../workflows/analyze.js';

export interface Loaded {
  readonly name: string;
  readonly structure: Structure;
  readonly report: AnalysisReport;
}

export function readForAnalysis(text: string, name: string): Loaded {
  const format = detectFormat(text, name);
  const cif = format.name === 'cif' ? parseCif(text, name) : undefined;
  const input = cif ? cif.structure : readStructures(text, name, format.name)[0]!;
  const report = analyzeStructure(input, cif ? { readerWarnings: cifNotes(cif.report) } : {});
  const shown = input.cell ? pickSpecies(crystalSpecies(input)).molecule.structure : input;
  return { name, structure: shown, report };
}

export function analyseBuilt(s: Structure, name: string): Loaded {
  return { name, structure: s, report: analyzeStructure(s) };
}

export type AnalyzeJob =
  | { readonly kind: 'file'; readonly text: string; readonly name: string }
  | { readonly kind: 'structure'; readonly structure: Structure; readonly name: string };

export type AnalyzeRequest = AnalyzeJob & { readonly id: number };

export type AnalyzeResponse =
  | { readonly id: number; readonly ok: true; readonly loaded: Loaded }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: {
        readonly code: string;
        readonly message: string;
        readonly hint?: string;
        readonly location?: Readonly<Record<string, unknown>>;
      };
    };
