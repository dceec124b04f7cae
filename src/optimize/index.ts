export * from './basin-hopping.js';
export * from './geometry.js';
export * from './local.js';
export * from './minima.js';
export * from './search.js';
