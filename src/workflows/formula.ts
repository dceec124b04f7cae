/**
 * `formulaReport`: everything Superatom says about a formula as one plain,
 * JSON-serialisable object (the CLI's `formula --json` prints exactly this).
 */
import { atomCount, hillFormula } from '../chem/composition.js';
import { formulaMasses } from '../chem/masses.js';
import { type ParseOptions, parseFormula } from '../chem/parse.js';
import type { Composition, Endohedral, FormulaPart, LigandUse } from '../chem/types.js';
import { ELEMENTS_SOURCE, ISOTOPES_SOURCE } from '../data/index.js';
import { LIGANDS_SOURCE } from '../data/ligands.js';

export interface FormulaReport {
  /** The input text. */
  readonly formula: string;
  readonly canonical: string;
  /** Hill-order formula of the whole composition (with charge for ions). */
  readonly hill: string;
  readonly charge: number;
  /** Charge of the cluster ion when the formula is a salt (K6[P2W18O62]: −6). */
  readonly mainCharge: number;
  readonly composition: Composition;
  readonly atoms: number;
  /** Atoms of the cluster ion outside ligand groups (metal core, hydrides, interstitials). */
  readonly core: Composition;
  readonly ligands: readonly LigandUse[];
  readonly parts: readonly FormulaPart[];
  readonly prefixes: readonly string[];
  readonly endohedral: readonly Endohedral[];
  readonly generic: readonly string[];
  /** Adducts written with an unknown amount (·xH2O → ["xH2O"]); not in `composition`. */
  readonly unknownAmounts: readonly string[];
  /** Average mass from CIAAW 2021 standard atomic weights, Da (null when unavailable). */
  readonly averageMass: number | null;
  /** Monoisotopic mass (IUPAC: each atom its element's most abundant isotope), Da. */
  readonly monoisotopicMass: number | null;
  /** (M − z·mₑ)/|z| with the monoisotopic mass; present for ions. */
  readonly monoisotopicMz?: number | null;
  /** (M − z·mₑ)/|z| with the average mass; present for ions. */
  readonly averageMz?: number | null;
  /** Why a mass is unavailable. */
  readonly massMessages: readonly string[];
  /** Readings the parser chose where the notation allowed another. */
  readonly notes: readonly string[];
  readonly sources: { readonly atomicWeights: string; readonly isotopes: string; readonly ligands: string };
}

export function formulaReport(text: string, options: ParseOptions = {}): FormulaReport {
  const f = parseFormula(text, options);
  const m = formulaMasses(f);
  const ion = f.charge !== 0;
  const chargeText =
    f.charge === 0 ? '' : ` ${Math.abs(f.charge) === 1 ? '' : Math.abs(f.charge)}${f.charge < 0 ? '-' : '+'}`;
  return {
    formula: f.text,
    canonical: f.canonical,
    hill: `${hillFormula(f.composition)}${chargeText}`,
    charge: f.charge,
    mainCharge: f.mainCharge,
    composition: f.composition,
    atoms: atomCount(f.composition),
    core: f.core,
    ligands: f.ligands,
    parts: f.parts,
    prefixes: f.prefixes,
    endohedral: f.endohedral,
    generic: f.generic,
    unknownAmounts: f.unknownAmounts ?? [],
    averageMass: m.averageMass,
    monoisotopicMass: m.monoisotopicMass,
    ...(ion ? { monoisotopicMz: m.monoisotopicMz, averageMz: m.averageMz } : {}),
    massMessages: m.messages,
    notes: f.notes,
    sources: { atomicWeights: ELEMENTS_SOURCE, isotopes: ISOTOPES_SOURCE, ligands: LIGANDS_SOURCE },
  };
}
