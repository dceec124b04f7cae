#!/usr/bin/env node
// The `superatom` command: a thin launcher for the compiled CLI in dist/.
//
// Output failures are part of the error contract, not stack traces:
// - the reader of stdout went away (`superatom … | head -1`, EPIPE): stop at once, quietly, exit 0;
// - stdout cannot be written (`> /dev/full`, ENOSPC, EIO …): one line on stderr, exit 2.
import { main } from '../dist/cli/main.js';

const WHY = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EFBIG: 'the file is too large for the file system',
  EIO: 'an input/output error',
  EBADF: 'standard output is not open',
  EROFS: 'the file system is read-only',
};

let failed = false;
function onStreamError(name, e) {
  if (failed) return;
  failed = true;
  const code = e && typeof e === 'object' ? e.code : undefined;
  if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') process.exit(0);
  if (name === 'stdout') {
    try {
      process.stderr.write(
        `error: cannot write the output to standard output: ${WHY[code] ?? code ?? String(e)}\n` +
          'hint: free some space or redirect the output elsewhere; commands that write files take -o <path>\n',
      );
    } catch {
      // stderr is gone too: the exit status still says it
    }
  }
  process.exit(2);
}
process.stdout.on('error', (e) => onStreamError('stdout', e));
process.stderr.on('error', (e) => onStreamError('stderr', e));

/** Write unless an output stream has already failed (then the process is exiting). */
function writer(stream) {
  return (t) => {
    if (!failed && !stream.destroyed) stream.write(t);
  };
}

const io = {
  stdout: writer(process.stdout),
  stderr: writer(process.stderr),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 70;
  },
);
