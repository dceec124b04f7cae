import { InputError } from '../../core/errors.js';
import type { Command } from '../command.js';

/** The demo: what Superatom says about [Ag29(BDTA)12(PPh3)4]3-, with every command that has landed. */
const STEPS: readonly { title: string; argv: readonly string[] }[] = [
  { title: 'Formula, composition and masses', argv: ['formula', '[Ag29(BDTA)12(PPh3)4]3-'] },
  { title: 'Electron count and superatom verdict', argv: ['count', '[Ag29(BDTA)12(PPh3)4]3-'] },
  {
    title: 'Isotopic envelope of the phosphine-free ion seen in ESI-MS',
    argv: ['isotopes', '[Ag29(BDTA)12]3-', '--top', '8'],
  },
  {
    title: 'Build a 55-atom Mackay icosahedron of silver',
    argv: ['build', 'icosahedron', '--element', 'Ag', '--shells', '2', '--json'],
  },
  {
    title: 'Global minimum of the 38-atom Lennard-Jones cluster (basin hopping, seed 1)',
    argv: [
      'search',
      '--potential',
      'lj',
      '--atoms',
      '38',
      '--seed',
      '1',
      '--target',
      '-173.928427',
      '--time-limit',
      '60',
    ],
  },
];

export const demoCommand: Command = {
  name: 'demo',
  summary: 'show what Superatom says about the silver cluster [Ag29(BDTA)12(PPh3)4]3-',
  usage: 'superatom demo',
  options: {},
  help: 'Runs each available command on built-in examples and prints its output.',
  async run(args, io) {
    if (args.positionals.length) {
      throw new InputError('cli-extra-argument', `unexpected argument "${args.positionals[0]}"`, {
        hint: 'demo takes no arguments; run a command such as superatom formula "<formula>" for your own input',
      });
    }
    // imported lazily: the registry imports this file
    const { COMMANDS } = await import('./index.js');
    const { main } = await import('../main.js');
    let status = 0;
    for (const step of STEPS) {
      const command = COMMANDS.find((c) => c.name === step.argv[0]);
      if (!command) continue;
      io.stdout(
        `\n=== ${step.title}\n$ superatom ${step.argv.map((a) => (/[\s[\]()^*]/.test(a) ? `"${a}"` : a)).join(' ')}\n\n`,
      );
      const code = await main(step.argv, io);
      if (code !== 0) status = code;
    }
    return status;
  },
};
