/**
 * The library entry point: `import { parseFormula, isotopeEnvelope } from 'superatom'`.
 *
 * Only the pure engine is exported here (no node:*, no process, no files): it runs in Node and in a
 * browser alike. Give it text and numbers; read and write files yourself (`readStructures(text, name)`
 * parses the text of any supported structure file). Units everywhere: length Å, energy eV
 * (Lennard-Jones: reduced units), mass Da, charge e.
 *
 * The most used functions are exported by name; each area is also exported whole as a namespace
 * (`chem`, `counting`, `envelopes`, `assignment`, `structureIO`, `assembly`, `jellium`, `calc`, `ionization`,
 * `screen`, …) for everything else.
 */

// ── cluster assemblies: builders, coarse-grained model, Langevin dynamics, LAMMPS/GROMACS text
export * as assembly from './assembly/index.js';
export * as chem from './chem/index.js';
export { compositionMasses, formulaMasses, mzFromMass } from './chem/masses.js';
// ── formulas: composition, charge, ligands, masses
export { FormulaReader, parseFormula } from './chem/parse.js';
export type { ErrorLocation } from './core/errors.js';
// ── errors: every bad input is an InputError with what, where (line, column) and a hint
export {
  excerpt,
  InputError,
  isSuperatomError,
  LimitError,
  SuperatomError,
} from './core/errors.js';
// ── whole areas as namespaces
export * as core from './core/index.js';
export { formatReport, formatResult } from './count/format.js';
export * as counting from './count/index.js';
// ── electron counting
export { countAuto, countWith, RULE_IDS, RULES, ruleById } from './count/registry.js';
export * as data from './data/index.js';
export * as structureIO from './io/registry.js';
export { detectFormat, FORMATS, readStructure, readStructures, writeStructure } from './io/registry.js';
// ── spherical jellium (Kohn–Sham LDA/LSDA): levels, ΔSCF IP/EA, Δ₂E, multiply charged anions
export type { JelliumReport, JelliumSolution } from './jellium/index.js';
export * as jellium from './jellium/index.js';
export { jelliumCluster, jelliumRange, solveJellium } from './jellium/index.js';
export type { AssignmentReport, CandidateScore } from './mass/assign.js';
export * as assignment from './mass/assign.js';
// ── assignment of measured spectra
export { assignSpectrum, detectEnvelopes, expandCandidates } from './mass/assign.js';
export type { EnvelopeOptions, EnvelopePeak, EnvelopeReport } from './mass/envelope.js';
export * as envelopes from './mass/envelope.js';
// ── isotopic envelopes, fine structure, profiles
export { isotopeEnvelope, massToMz, mzToMass, neutralEnvelope } from './mass/envelope.js';
export * as fine from './mass/fine.js';
export { fineStructure } from './mass/fine.js';
export type { MeasuredPeak } from './mass/peaklist.js';
export { parsePeakList } from './mass/peaklist.js';
export * as profiles from './mass/profile.js';
export { centroidProfile, profileSpectrum } from './mass/profile.js';
export { basinHopping } from './optimize/basin-hopping.js';
export { geneticAlgorithm } from './optimize/genetic.js';
export * as optimizers from './optimize/index.js';
export { createFire, createLbfgs } from './optimize/local.js';
export { combineRuns, runSearch } from './optimize/run.js';
// ── the Calculator contract shared by empirical potentials and quantum engines (engines: Node only)
export type { CalcInput, CalcOutput, Calculator } from './potential/calculator.js';
export { potentialCalculator } from './potential/calculator.js';
export * as potentials from './potential/index.js';
// ── potentials and optimisers
export { createPotential } from './potential/spec.js';
// ── screening plans (parse, expand, rank) and the one-door workflows
export * as screen from './screen/index.js';
export * as anatomy from './structure/anatomy.js';
export * as bonds from './structure/bonds.js';
export { findBonds } from './structure/bonds.js';
export * as builders from './structure/builders/clusters.js';
export * as polyhedra from './structure/builders/polyhedra.js';
export { compareStructures } from './structure/compare.js';
export * as pointGroups from './structure/pointgroup.js';
export { chiralityMeasure, findPointGroup } from './structure/pointgroup.js';
export * as shape from './structure/shape.js';
export type { Structure } from './structure/structure.js';
// ── structures: the type, file formats, analysis
export { createStructure, subset } from './structure/structure.js';
export type { AnalysisReport, AnalyzeOptions } from './workflows/analyze.js';
export { analyzeStructure } from './workflows/analyze.js';
export { buildCluster } from './workflows/build.js';
export type { CalcReport } from './workflows/calc.js';
export * as calc from './workflows/calc.js';
export type { CountReport, CountRequest } from './workflows/count.js';
export { countFormula } from './workflows/count.js';
export type { FormulaReport } from './workflows/formula.js';
export { formulaReport } from './workflows/formula.js';
// ── ΔSCF ionisation energies / electron affinities over any Calculator, superhalogen verdicts
export * as ionization from './workflows/ionization.js';
export {
  checkSuperatomTemplate,
  ionization as ionizationEnergies,
  superVerdicts,
} from './workflows/ionization.js';
export { searchSetup } from './workflows/search.js';
export { assignReport, isotopesReport } from './workflows/spectrum.js';
