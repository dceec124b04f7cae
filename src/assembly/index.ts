/**
 * Cluster assemblies and their coarse-grained dynamics: builders (rings, wires, 2D lattices,
 * supracrystals, counter-ions), the cg.json model, LJ + Coulomb (direct, Ewald) forces with energy
 * decomposition, Langevin NVT, structure analysis, and LAMMPS / GROMACS / extXYZ text formats.
 */
export * from './analysis.js';
export * from './builders.js';
export * from './forces.js';
export * from './gromacs.js';
export * from './lammps.js';
export * from './langevin.js';
export * from './model.js';
export * from './rigid.js';
export * from './system.js';
export * from './trajectory.js';
