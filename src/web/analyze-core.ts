/**
 * Reading and analysing a structure for the page, without DOM: used by the analysis worker
 * (analyze.worker.ts). Reads and analyses exactly as `superatom analyze` (`analyzeFromText`) and
 * returns the structure to draw: for a crystal, the molecule the analysis picked.
 */
import { crystalSpecies, pickSpecies } from '../io/species.js';
import type { Structure } from '../structure/structure.js';
import { type AnalysisReport, analyzeStructure } from '../workflows/analyze.js';
import { analyzeFromText } from '../workflows/flags.js';

export interface Loaded {
  readonly name: string;
  readonly structure: Structure;
  readonly report: AnalysisReport;
}

export function readForAnalysis(text: string, name: string): Loaded {
  // the same reading + analysis as `superatom analyze` and `POST /api/analyze` (workflows/flags.ts)
  const { report, structure } = analyzeFromText(text, name, {});
  const shown = structure.cell ? pickSpecies(crystalSpecies(structure)).molecule.structure : structure;
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
