/**
 * The command interface. A new command is one file in `src/cli/commands/`
 * plus one line in `src/cli/commands/index.ts`.
 */
import type { Structure } from '../structure/structure.js';
import type { OptionSpecs, ParsedArgs } from './args.js';

/** What a command may hand over with its report when the result is saved (`--save`). */
export interface RecordExtra {
  /** Structures the result is about (analysed, relaxed, found), for export to extended XYZ. */
  readonly structures?: readonly Structure[];
  /** An external engine that ran (xtb, NWChem…). */
  readonly engine?: { readonly name: string; readonly version: string };
}

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is an interactive terminal (progress bars only then). */
  readonly stderrIsTTY: boolean;
  readonly cwd: string;
  /**
   * Set only under `--save`/`--db` (src/store/save.ts): a computing command calls it once with the
   * report it printed; the result is then kept with its provenance. One line per command.
   */
  record?(report: unknown, extra?: RecordExtra): void;
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
