/** High-throughput screening: plans, design-space expansion, jobs, ranking and reports (pure). */
export * from './expand.js';
export * from './hash.js';
export * from './job.js';
export * from './plan.js';
export * from './plot.js';
export * from './rank.js';
