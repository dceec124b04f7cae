export * from './force-check.js';
export * from './gupta.js';
export * from './lennard-jones.js';
export * from './morse.js';
export * from './spec.js';
export * from './sutton-chen.js';
export type * from './types.js';
export * from './validate.js';
