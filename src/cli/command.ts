/**
 * The command interface. A new command is one file in `src/cli/commands/`
 * plus one line in `src/cli/commands/index.ts`.
 */
import type { OptionSpecs, ParsedArgs } from './args.js';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is an interactive terminal (progress bars only then). */
  readonly stderrIsTTY: boolean;
  readonly cwd: string;
}

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Usage line(s), e.g. `superatom formula "<formula>" [--json]`. */
  readonly usage: string;
  /** Longer help: definitions of the reported quantities, units, examples. */
  readonly help: string;
  readonly options: OptionSpecs;
  /** Returns the exit status (0 success, 1 a negative answer, 2 bad input). */
  run(args: ParsedArgs, io: CliIO): Promise<number> | number;
}
