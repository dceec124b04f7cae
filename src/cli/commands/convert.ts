/**
 * `superatom convert <in> -o <out>`: structure format conversion through the
 * io registry. Crystals (CIF, or any input with a cell) are written as whole
 * molecules by default: every molecule of the unit cell unwrapped across the
 * cell edges (the cell is kept when the output format holds one), so a
 * cluster cut by the cell never reaches a file cut. `--molecule` writes one
 * copy of the cluster ion only, `--species N` one copy of species N, and
 * `--cell-contents` the sites as read (wrapped into the cell).
 */
import { excerpt, InputError } from '../../core/errors.js';
import type { CifReport } from '../../io/cif.js';
import { parseCif } from '../../io/cif.js';
import { detectFormat, FORMATS, formatByName, readStructures, writeStructure } from '../../io/registry.js';
import { crystalSpecies, pickSpecies, speciesLine, wholeMolecules } from '../../io/species.js';
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
  usage:
    'superatom convert <in> -o <out> [--from fmt] [--to fmt] [--molecule | --species N | --cell-contents] [--frame n] [--json]',
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
      description: 'for periodic input: write one whole copy of the cluster ion only (no cell)',
    },
    species: {
      type: 'integer',
      description: 'for periodic input: write one whole copy of species N (numbers as listed; no cell)',
      valueName: 'N',
    },
    'cell-contents': {
      type: 'boolean',
      description:
        'for periodic input: write the sites as read, wrapped into the cell (molecules may be cut)',
    },
    frame: { type: 'integer', description: 'write only frame n (1-based) of a multi-frame input' },
    json: { type: 'boolean', description: 'print the conversion report as JSON' },
  },
  help: [
    `formats: ${FORMATS.map((f) => `${f.name} (.${f.extensions.join(', .')})`).join('; ')}`,
    'Readers: XYZ (multi-frame), extended XYZ (Lattice=, Properties=, charge=), PDB (ATOM/HETATM,',
    'run-together coordinates), GROMACS .gro (nm → Å), CIF (symmetry expansion, disorder: major part kept).',
    'Writers: xyz, extxyz, pdb, gro, cif (P1). A CIF of a molecule without a cell gets a padded box.',
    'Crystals (input with a cell): by default every molecule of the unit cell is written whole, unwrapped',
    'across the cell edges (a note says so; the cell is kept by extxyz, pdb, gro and cif, dropped by xyz).',
    'The species (cluster ion, counter-ions, solvent; alkali/alkaline-earth and Tl–O contacts are ionic,',
    'not bonds) are listed with count and charge. --molecule: the cluster ion only; --species N: species N;',
    '--cell-contents: the raw sites wrapped into the cell, as read.',
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
    const speciesOpt = args.options.species as number | undefined;
    const one = args.options.molecule === true || speciesOpt !== undefined;
    const raw = args.options['cell-contents'] === true;
    if (raw && one) {
      throw new InputError(
        'cli-option',
        `--cell-contents cannot be combined with ${args.options.molecule ? '--molecule' : '--species'}`,
        { hint: '--cell-contents writes the sites as read; --molecule/--species write one whole molecule' },
      );
    }
    if (!frames.some((f) => f.cell) && (one || raw)) {
      throw new InputError(
        'crystal-no-cell',
        `${raw ? '--cell-contents' : args.options.molecule ? '--molecule' : '--species'} needs periodic input, and ${input} has no unit cell`,
        { hint: 'molecule extraction needs a CIF, an extXYZ with Lattice=, a PDB with CRYST1 or a GRO box' },
      );
    }
    const outFormat = formatByName(to) ?? formatByName(to.slice(to.lastIndexOf('.') + 1));
    const keepsCell = outFormat !== undefined && outFormat.name !== 'xyz';
    if (!raw) {
      frames = frames.map((f, k) => {
        if (!f.cell) return f;
        const found = crystalSpecies(f);
        const tag = frames.length > 1 ? `frame ${(frameOpt ?? 1) + k}: ` : '';
        if (k === 0) report.species = found.species;
        lines.push(`species          ${tag}${speciesLine(found.species)}`);
        for (const x of found.notes) lines.push(`note             ${x}`);
        if (one) {
          const { molecule, chosen } = pickSpecies(found, speciesOpt);
          report.molecule = {
            formula: molecule.formula,
            atoms: molecule.atoms.length,
            polymeric: molecule.polymeric,
            species: chosen.index,
          };
          lines.push(
            `extracted        ${tag}${molecule.formula} (${count(molecule.atoms.length, 'atom')}, ${molecule.atomsUnwrapped} moved across cell boundaries; species ${chosen.index})`,
          );
          if (molecule.polymeric)
            lines.push('warning          the selected component is a periodic network, not a molecule');
          return molecule.structure;
        }
        const moved = found.molecules.reduce((t, m) => t + m.atomsUnwrapped, 0);
        lines.push(
          `note             ${tag}crystal written as whole molecules: every molecule of the unit cell unwrapped across the cell edges (${count(moved, 'atom')} moved${keepsCell ? '; cell kept' : '; no cell in this format'}); --molecule for the cluster only, --cell-contents for the sites as read`,
        );
        if (found.species.some((x) => x.polymeric) && !keepsCell)
          lines.push(
            'warning          a periodic network cannot be made whole: its atoms are written as first reached (use extxyz or cif to keep the cell)',
          );
        return wholeMolecules(f, found.molecules);
      });
      report.cellContents = frames.some((f) => f.cell) ? 'whole molecules' : undefined;
    } else {
      report.cellContents = 'sites as read';
      lines.push(
        'note             crystal written as the sites read, wrapped into the cell (molecules may be cut)',
      );
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
          `wrote            ${out} (${count(frames.length, 'frame')}, ${frames.length === 1 ? count(frames[0]!.numbers.length, 'atom') : `${excerpt(frames.map((f) => f.numbers.length).join(', '), 120)} atoms`})`,
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
