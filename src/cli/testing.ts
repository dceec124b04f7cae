/**
 * Test helper shared by the CLI tests: run `superatom <argv>` in-process through the
 * dispatcher and capture stdout, stderr and the exit status.
 */
import type { CliIO } from './command.js';
import { main } from './main.js';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Run the CLI with `argv` (without the program name); relative paths resolve against `cwd`. */
export async function runCli(argv: readonly string[], cwd: string = process.cwd()): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    stderrIsTTY: false,
    cwd,
  };
  const code = await main(argv, io);
  return { code, out, err };
}
