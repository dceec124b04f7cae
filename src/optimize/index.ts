export * from './basin-hopping.js';
export * from './genetic.js';
export * from './geometry.js';
export * from './local.js';
export * from './minima.js';
export * from './run.js';
export * from './search.js';
