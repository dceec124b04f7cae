/** The command registry: one line per command. */
import type { Command } from '../command.js';
import { assignCommand } from './assign.js';
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
];
