/** The command registry: one line per command. */
import type { Command } from '../command.js';
import { analyzeCommand } from './analyze.js';
import { assignCommand } from './assign.js';
import { buildCommand } from './build.js';
import { compareCommand } from './compare.js';
import { convertCommand } from './convert.js';
import { countCommand } from './count.js';
import { demoCommand } from './demo.js';
import { formulaCommand } from './formula.js';
import { isotopesCommand } from './isotopes.js';
import { optimizeCommand } from './optimize.js';
import { searchCommand } from './search.js';

export const COMMANDS: readonly Command[] = [
  formulaCommand,
  demoCommand,
  searchCommand,
  optimizeCommand,
  isotopesCommand,
  assignCommand,
  countCommand,
  buildCommand,
  convertCommand,
  analyzeCommand,
  compareCommand,
];
