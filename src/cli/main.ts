/**
 * `superatom <command> [args]` — dispatch, --help, and the error contract:
 * bad input prints a rendered error (what, where, hint) and exits 2, never a stack trace.
 * Command modules are imported only when their command runs (see `commands/index.ts`).
 */
import { excerpt, InputError, isSuperatomError } from '../core/errors.js';
import { withSave } from '../store/save.js';
import { didYouMean, formatOptions, parseArgs } from './args.js';
import type { CliIO, Command } from './command.js';
import { COMMANDS, findCommand } from './commands/index.js';

export const VERSION = '0.1.0';

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    'superatom — atomically precise clusters and superatoms',
    '',
    'usage: superatom <command> [arguments] [--json]',
    '       superatom <command> --help',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Units everywhere: length Å, energy eV (Lennard-Jones: reduced units ε), mass Da, charge e.',
    'Errors in the input exit with status 2.',
  ].join('\n');
}

export function commandHelp(c: Command): string {
  return [
    `usage: ${c.usage}`,
    '',
    c.summary,
    '',
    ...(Object.keys(c.options).length ? ['options:', formatOptions(c.options), ''] : []),
    '  -h, --help   show this help',
    ...(c.help ? ['', c.help] : []),
  ].join('\n');
}

/** An unknown command name: exit 2, the error as JSON when --json was asked for. */
function unknownCommand(name: string, rest: readonly string[], io: CliIO): number {
  const names = COMMANDS.map((c) => c.name);
  const guess = didYouMean(name, names);
  const e = new InputError('cli-unknown-command', `unknown command "${excerpt(name, 60)}"`, {
    hint: `${guess ? `did you mean "${guess}"? ` : ''}commands are ${names.join(', ')}`,
  });
  io.stderr(`${rest.includes('--json') ? JSON.stringify(e.toJSON()) : e.render()}\n`);
  return 2;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' && rest[0] !== undefined ? findCommand(rest[0]) : undefined;
    if (name === 'help' && rest[0] !== undefined && !target) return unknownCommand(rest[0], rest, io);
    io.stdout(`${target ? commandHelp(withSave(await target.load())) : topHelp()}\n`);
    return 0;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const entry = findCommand(name);
  if (!entry) return unknownCommand(name, rest, io);
  try {
    const command = withSave(await entry.load(), rest); // --save/--db on computing commands
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${commandHelp(command)}\n`);
      return 0;
    }
    const args = parseArgs(rest, command.options);
    return await command.run(args, io);
  } catch (e) {
    if (isSuperatomError(e)) {
      const json = rest.includes('--json');
      io.stderr(`${json ? JSON.stringify(e.toJSON()) : e.render()}\n`);
      return 2;
    }
    const msg = excerpt(e instanceof Error ? e.message : String(e), 500);
    io.stderr(
      `internal error in "${name}": ${msg}\nThis is a bug in superatom, not in your input; please report it with the command line.\n`,
    );
    return 70;
  }
}
