/**
 * `superatom convert <in> -o <out>`: structure format conversion through the
 * io registry; for crystals (CIF, or any input with a cell) `--molecule`
 * extracts one whole cluster molecule across the cell boundaries.
 */
import { InputError } from '../../core/errors.js';
import type { CifReport } from '../../io/cif.js';
import { parseCif } from '../../io/cif.js';
import { extractMolecule } from '../../io/crystal.js';
import { detectFormat, FORMATS, formatByName, readStructures, writeStructure } from '../../io/registry.js';
import { writeTextFile } from '../../node/files.js';
import { readTextFile } from '../../node/read.js';
import type { Structure } from '../../structure/structure.js';
import type { Command } from '../command.js';

/** "1 atom", "2 atoms". */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function cifSummary(r: CifReport): string[] {
  const [a, b, c, al, be, ga] = r.cellParameters;
  const out = [
    `data block       ${r.blockName}`,
    `cell             a=${a.toFixed(4)} b=${b.toFixed(4)} c=${c.toFixed(4)} Å, α=${al.toFixed(3)} β=${be.toFixed(3)} γ=${ga.toFixed(3)}°`,
    `space group      ${r.spaceGroup ?? 'not given'}; ${r.symops.length} symmetry operation(s) from ${r.symopSource}`,
    `asymmetric unit  ${count(r.sites.length, 'site')}, ${r.asymmetricAtoms} kept`,
    `unit cell        ${count(r.cellAtoms, 'atom')} (${r.duplicatesRemoved} symmetry copies on special positions merged)`,
  ];
  for (const asm of r.disorder.assemblies) {
    out.push(
      `disorder         assembly ${asm.assembly || '(unnamed)'}: ${asm.groups
        .map((g) => `group ${g.group} ${g.sites} sites, mean occupancy ${g.meanOccupancy.toFixed(3)}`)
        .join('; ')} → kept group ${asm.chosen}`,
    );
  }
  if (r.disorder.droppedSites)
    out.push(`                 ${r.disorder.droppedSites} minor-part site(s) dropped`);
  for (const w of r.warnings) out.push(`warning          ${w}`);
  return out;
}

export const convertCommand: Command = {
  name: 'convert',
  summary: 'convert structure files (xyz, extxyz, pdb, gro, cif); extract one molecule from a crystal',
  usage: 'superatom convert <in> -o <out> [--from fmt] [--to fmt] [--molecule] [--frame n] [--json]',
  options: {
    output: {
      type: 'string',
      short: 'o',
      description: 'output file (format from its extension)',
      valueName: 'file',
    },
    from: {
      type: 'string',
      description: 'input format (default: from the extension, else sniffed)',
      valueName: 'fmt',
    },
    to: {
      type: 'string',
      description: 'output format when writing to stdout (default xyz)',
      valueName: 'fmt',
    },
    molecule: {
      type: 'boolean',
      description: 'for periodic input: write one whole molecule (the largest) unwrapped across the cell',
    },
    frame: { type: 'integer', description: 'write only frame n (1-based) of a multi-frame input' },
    json: { type: 'boolean', description: 'print the conversion report as JSON' },
  },
  help: [
    `formats: ${FORMATS.map((f) => `${f.name} (.${f.extensions.join(', .')})`).join('; ')}`,
    'Readers: XYZ (multi-frame), extended XYZ (Lattice=, Properties=, charge=), PDB (ATOM/HETATM,',
    'run-together coordinates), GROMACS .gro (nm → Å), CIF (symmetry expansion, disorder: major part kept).',
    'Writers: xyz, extxyz, pdb, gro, cif (P1). A CIF of a molecule without a cell gets a padded box.',
    '',
    'examples:',
    '  superatom convert crystal.cif --molecule -o cluster.xyz',
    '  superatom convert core.pdb -o core.extxyz',
  ].join('\n'),
  run(args, io) {
    const input = args.positionals[0];
    if (!input) {
      throw new InputError('cli-missing-argument', 'which file? e.g. superatom convert in.cif -o out.xyz');
    }
    if (args.positionals.length > 1) {
      throw new InputError('cli-extra-argument', `unexpected argument "${args.positionals[1]}"`, {
        hint: 'convert takes one input file; name the output with -o',
      });
    }
    const out = args.options.output as string | undefined;
    const toOption = args.options.to as string | undefined;
    if (out && toOption) {
      // --to is for stdout; with -o the extension decides, and a different --to would write, say,
      // PDB text into a .xyz file
      const byExt = formatByName(out.slice(out.lastIndexOf('.') + 1).toLowerCase());
      if (byExt?.name !== formatByName(toOption)?.name) {
        throw new InputError('cli-format', `--to ${toOption} contradicts the extension of -o ${out}`, {
          hint: '-o chooses the format from its extension; use --to only when writing to stdout',
        });
      }
    }
    const to = toOption ?? (out ? out : 'xyz');
    if (!formatByName(to) && !out) {
      throw new InputError('cli-format', `unknown output format "${to}"`, {
        hint: `formats: ${FORMATS.map((f) => f.name).join(', ')}`,
      });
    }
    const text = readTextFile(input, io.cwd, 'structure file');
    const from = args.options.from as string | undefined;
    const format = from ? formatByName(from) : detectFormat(text, input);
    if (!format) {
      throw new InputError('cli-format', `unknown input format "${from}"`, {
        hint: `formats: ${FORMATS.map((f) => f.name).join(', ')}`,
      });
    }
    const report: Record<string, unknown> = { input, format: format.name };
    const lines: string[] = [];
    let frames: Structure[];
    if (format.name === 'cif') {
      const cif = parseCif(text, input);
      frames = [cif.structure];
      report.cif = {
        blockName: cif.report.blockName,
        cellParameters: cif.report.cellParameters,
        spaceGroup: cif.report.spaceGroup ?? null,
        symops: cif.report.symops.map((o) => o.text),
        asymmetricAtoms: cif.report.asymmetricAtoms,
        cellAtoms: cif.report.cellAtoms,
        duplicatesRemoved: cif.report.duplicatesRemoved,
        disorder: cif.report.disorder,
        warnings: cif.report.warnings,
      };
      lines.push(...cifSummary(cif.report));
    } else {
      frames = readStructures(text, input, format.name);
    }
    const frameOpt = args.options.frame as number | undefined;
    if (frameOpt !== undefined) {
      if (frameOpt < 1 || frameOpt > frames.length) {
        throw new InputError(
          'cli-frame',
          `--frame ${frameOpt} is out of range: the input has ${frames.length} frame(s)`,
        );
      }
      frames = [frames[frameOpt - 1]!];
    }
    if (args.options.molecule) {
      frames = frames.map((f) => {
        const { molecule, inCell } = extractMolecule(f);
        report.molecule = {
          formula: molecule.formula,
          atoms: molecule.atoms.length,
          polymeric: molecule.polymeric,
        };
        report.moleculesInCell = inCell;
        lines.push(
          `molecules        ${inCell.map((m) => `${m.count} × ${m.formula}${m.polymeric ? ' (polymeric)' : ''}`).join(', ')}`,
          `extracted        ${molecule.formula} (${count(molecule.atoms.length, 'atom')}, ${molecule.atomsUnwrapped} moved across cell boundaries)`,
        );
        if (molecule.polymeric)
          lines.push('warning          the selected component is a periodic network, not a molecule');
        return molecule.structure;
      });
    }
    const written = writeStructure(frames, to);
    report.frames = frames.length;
    report.atoms = frames.map((f) => f.numbers.length);
    if (out) {
      writeTextFile(out, written, io.cwd);
      report.output = out;
      if (args.options.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      else {
        lines.push(
          `wrote            ${out} (${count(frames.length, 'frame')}, ${frames.length === 1 ? count(frames[0]!.numbers.length, 'atom') : `${frames.map((f) => f.numbers.length).join(', ')} atoms`})`,
        );
        io.stdout(`${lines.join('\n')}\n`);
      }
    } else {
      io.stdout(written);
      if (lines.length) io.stderr(`${lines.join('\n')}\n`);
    }
    return 0;
  },
};
