export * from './errors.js';
export * from './json.js';
export * from './progress.js';
export * from './rng.js';
export * from './units.js';
export * from './vec3.js';
