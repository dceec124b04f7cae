export * from './composition.js';
export { elementsOnlyReading, validateLigandEntries } from './lexicon.js';
export * from './masses.js';
export { FormulaReader, MAX_ATOMS, MAX_COUNT, type ParseOptions, parseFormula } from './parse.js';
export { inferLigandRole, mainGroupValence } from './roles.js';
export type * from './types.js';
