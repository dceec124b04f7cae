/** Electron counting: every rule, every step shown. */
export * from './atoms.js';
export { formatReport, formatResult } from './format.js';
export { MAX_PARTS, metalBand, moleculeReading, withMolecule } from './molecule.js';
export { type AutoReport, countAuto, countWith, RULE_IDS, RULES, ruleById } from './registry.js';
export { parseJemmisDescription } from './rules/jemmis-mno.js';
export { EA_CL_EV, IP_CS_EV } from './rules/superhalogen.js';
export {
  describeShell,
  fillShells,
  MAJOR_CLOSINGS_NA,
  SHELL_MODEL_IDS,
  SHELL_MODELS,
  type ShellModelId,
  type ShellReport,
  shellClosings,
} from './shells.js';
export type * from './types.js';
