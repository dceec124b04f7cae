/**
 * Self-consistent spherical jellium (Kohn–Sham LDA/LSDA) and multiply charged anions: pure, runs
 * unchanged in the browser. See docs/jellium.md.
 */
export {
  type AnionStep,
  type AnionVerdict,
  anionVerdicts,
  BARRIER_MODEL,
  barrierPotential,
  coulombBarrier,
  jelliumAnions,
  type MultiplyChargedAnions,
} from './anions.js';
export { hartree, makeGrid, type RadialGrid, RadialSolver } from './radial.js';
export {
  type JelliumReport,
  type JelliumRunOptions,
  jelliumCluster,
  jelliumRange,
  type LevelReport,
  reportOf,
} from './report.js';
export {
  type JelliumLevel,
  type JelliumOptions,
  type JelliumSolution,
  L_LETTERS,
  type ScfStep,
  solveJellium,
} from './scf.js';
export { densitySvg, levelDiagramSvg } from './svg.js';
export { XC_NAMES, type XcName, type XcPoint, xcPoint } from './xc.js';
