/**
 * `superatom catalogue list|search|show|map`: the literature catalogue of atomically precise
 * clusters, every number recomputed by the engine when listed (src/workflows/catalogue.ts).
 */
import { InputError } from '../../core/errors.js';
import {
  CATALOGUE,
  CATALOGUE_FAMILIES,
  type CatalogueEntry,
  SYNTHESIS_METHOD_DESCRIPTIONS,
  SYNTHESIS_METHODS,
} from '../../data/catalogue.js';
import { elementBySymbol } from '../../data/index.js';
import { writeTextFile } from '../../node/files.js';
import {
  type CatalogueFilter,
  type CatalogueListing,
  catalogueListing,
  filterListings,
} from '../../workflows/catalogue.js';
import { didYouMean, type ParsedArgs } from '../args.js';
import type { Command } from '../command.js';
import { catalogueMapSvg } from './catalogue-map.js';

const ACTIONS = ['list', 'search', 'show', 'map'] as const;

function filterOf(args: ParsedArgs): CatalogueFilter {
  const o = args.options;
  const raw = (o.element as string[] | undefined) ?? [];
  const elements = raw
    .flatMap((x) => String(x).split(','))
    .map((x) => x.trim())
    .filter(Boolean);
  for (const e of elements) {
    if (!elementBySymbol(e)) {
      throw new InputError('catalogue-element', `--element expects an element symbol, got "${e}"`, {
        hint: 'e.g. --element Ag (case matters: Ag, not AG)',
      });
    }
  }
  return {
    ...(elements.length ? { elements } : {}),
    ...(o.family !== undefined ? { family: String(o.family) } : {}),
    ...(o.electrons !== undefined ? { electrons: o.electrons as number } : {}),
    ...(o.verdict !== undefined ? { verdict: String(o.verdict) } : {}),
    ...(o.method !== undefined ? { method: String(o.method) } : {}),
    ...(o.rule !== undefined ? { rule: String(o.rule) } : {}),
  };
}

const fmtCount = (x: CatalogueListing) =>
  x.count === null ? '—' : `${x.count} ${/pair/.test(x.unit) ? 'pairs' : /π/.test(x.unit) ? 'π e' : 'e'}`;
const fmtMz = (x: CatalogueListing) =>
  x.monoisotopicMz !== null
    ? x.monoisotopicMz.toFixed(4)
    : x.monoisotopicMass !== null
      ? `M ${x.monoisotopicMass.toFixed(4)}`
      : '—';

function table(list: readonly CatalogueListing[]): string {
  const head = ['id', 'formula', 'family', 'method', 'count', 'verdict', 'mono m/z'];
  const cells = list.map((x) => [x.id, x.formula, x.family, x.method, fmtCount(x), x.verdict, fmtMz(x)]);
  const w = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((x, i) => x.padEnd(w[i]!))
      .join('  ')
      .trimEnd();
  return `${[line(head), ...cells.map(line)].join('\n')}\n${list.length} entr${list.length === 1 ? 'y' : 'ies'} (counts and m/z computed now by Superatom; mono m/z: monoisotopic, z ≠ 0; M: neutral mass, Da)\n`;
}

function show(x: CatalogueListing): string {
  const lines = [
    `${x.id}  ${x.formula}${x.name ? `  (${x.name})` : ''}`,
    `family       ${x.family}`,
    `made by      ${x.method} — ${SYNTHESIS_METHOD_DESCRIPTIONS[x.method as keyof typeof SYNTHESIS_METHOD_DESCRIPTIONS] ?? ''}`,
    ...(x.kernel ? [`kernel       ${x.kernel}`] : []),
    ...(x.pointGroup ? [`point group  ${x.pointGroup} (as published)`] : []),
    `elements     ${x.elements.join(' ')}`,
    `charge       ${x.charge}`,
    `count        ${x.count === null ? 'the rule does not apply' : `${x.count} ${x.unit}`} under ${x.rule}${x.configuration ? `, ${x.configuration}` : ''} → ${x.verdict}`,
    `mono m/z     ${x.monoisotopicMz === null ? '—' : x.monoisotopicMz.toFixed(5)}`,
    `mono mass    ${x.monoisotopicMass === null ? '—' : `${x.monoisotopicMass.toFixed(5)} Da`}`,
    `avg mass     ${x.averageMass === null ? '—' : `${x.averageMass.toFixed(3)} Da`}`,
    `reference    https://doi.org/${x.doi} (${x.year})`,
    ...(x.note ? [`note         ${x.note}`] : []),
    ...x.problems.map((p) => `problem      ${p}`),
    '',
    `counted by Superatom now; every step: superatom count "${x.formula}" --rule ${x.rule}`,
  ];
  return `${lines.join('\n')}\n`;
}

function find(entries: readonly CatalogueEntry[], id: string): CatalogueEntry {
  const e = entries.find((x) => x.id === id) ?? entries.find((x) => x.id.toLowerCase() === id.toLowerCase());
  if (!e) {
    const guess = didYouMean(
      id,
      entries.map((x) => x.id),
    );
    throw new InputError('catalogue-id', `no catalogue entry "${id}"`, {
      hint: `${guess ? `did you mean "${guess}"? ` : ''}superatom catalogue list shows the ids`,
    });
  }
  return e;
}

export const catalogueCommand: Command = {
  name: 'catalogue',
  summary:
    'known atomically precise clusters from the literature, every count and m/z recomputed; periodic-table map',
  usage: [
    'superatom catalogue list [filters] [--json]',
    '       superatom catalogue search [--element Ag] [--electrons 8] [--family F] [--verdict V] [--method M] [--json]',
    '       superatom catalogue show <id> [--json]',
    '       superatom catalogue map -o map.svg',
  ].join('\n'),
  help: [
    `${CATALOGUE.length} clusters with formula as published, family, synthesis method, kernel and point group`,
    'where published, and the DOI. Electron counts, verdicts and m/z are not stored: Superatom computes',
    'them from the formula each time (the count under the rule the paper states its count with; pairs for',
    'Wade–Mingos and Jemmis, electrons otherwise; --electrons compares in electrons, pairs × 2).',
    '',
    `families: ${CATALOGUE_FAMILIES.join(', ')}`,
    `methods:  ${SYNTHESIS_METHODS.join(', ')}`,
    '',
    'map draws a periodic table: each element of a cluster framework (not its ligands) is split into',
    "bands by how that element's clusters were made, with the number of clusters; hover for the list.",
    '',
    'Examples:',
    '  superatom catalogue search --element Ag --electrons 8 --json',
    '  superatom catalogue search --family zintl',
    '  superatom catalogue show au25-sg18',
    '  superatom catalogue map -o map.svg',
  ].join('\n'),
  options: {
    element: {
      type: 'string',
      repeatable: true,
      description: 'entries containing this element (repeat or comma-separate for all of several)',
      valueName: 'El',
    },
    family: { type: 'string', description: 'cluster family', choices: CATALOGUE_FAMILIES, valueName: 'F' },
    electrons: {
      type: 'integer',
      description: 'electron count under the entry’s rule, e (pairs × 2)',
      valueName: 'n',
    },
    verdict: {
      type: 'string',
      description: 'verdict of the count, e.g. closed-shell, closo, aromatic',
      valueName: 'V',
    },
    method: { type: 'string', description: 'synthesis method', choices: SYNTHESIS_METHODS, valueName: 'M' },
    rule: { type: 'string', description: 'counting rule id', valueName: 'id' },
    output: { type: 'string', short: 'o', description: 'map: the SVG file to write', valueName: 'file' },
    json: { type: 'boolean', description: 'print JSON' },
  },
  run(args, io) {
    const [action, ...rest] = args.positionals;
    if (!action || !(ACTIONS as readonly string[]).includes(action)) {
      const guess = action ? didYouMean(action, ACTIONS) : undefined;
      throw new InputError(
        'catalogue-action',
        action ? `unknown catalogue action "${action}"` : 'catalogue needs an action',
        {
          hint: `${guess ? `did you mean "${guess}"? ` : ''}one of ${ACTIONS.join(', ')}, e.g. superatom catalogue list`,
        },
      );
    }
    const json = Boolean(args.options.json);
    if (action === 'show') {
      if (rest.length !== 1)
        throw new InputError('cli-missing-argument', 'catalogue show takes one id', {
          hint: 'superatom catalogue show au25-sg18',
        });
      const x = catalogueListing(find(CATALOGUE, rest[0]!));
      io.stdout(json ? `${JSON.stringify(x, null, 2)}\n` : show(x));
      return 0;
    }
    if (rest.length) {
      throw new InputError('cli-extra-argument', `unexpected argument "${rest[0]}"`, {
        hint:
          action === 'search'
            ? 'search takes filters: --element Ag --electrons 8'
            : `catalogue ${action} takes no ids`,
      });
    }
    const q = filterOf(args);
    if (action === 'search' && Object.keys(q).length === 0) {
      throw new InputError('catalogue-search', 'catalogue search needs a filter', {
        hint: 'e.g. --element Ag, --electrons 8, --family zintl, --verdict closed-shell, --method anti-galvanic',
      });
    }
    const list = filterListings(CATALOGUE.map(catalogueListing), q);
    if (action === 'map') {
      const out = args.options.output as string | undefined;
      if (!out)
        throw new InputError('cli-missing-option', 'catalogue map needs -o <file.svg>', {
          hint: 'superatom catalogue map -o map.svg',
        });
      const svg = catalogueMapSvg(
        list,
        SYNTHESIS_METHODS,
        (m) => SYNTHESIS_METHOD_DESCRIPTIONS[m as keyof typeof SYNTHESIS_METHOD_DESCRIPTIONS] ?? '',
      );
      writeTextFile(out, svg, io.cwd);
      const n = new Set(list.flatMap((x) => x.coreElements)).size;
      io.stdout(
        json
          ? `${JSON.stringify({ output: out, entries: list.length, elements: n })}\n`
          : `wrote ${out}: ${list.length} clusters over ${n} elements\n`,
      );
      return 0;
    }
    io.stdout(
      json
        ? `${JSON.stringify({ entries: list }, null, 2)}\n`
        : list.length
          ? table(list)
          : 'no catalogue entry matches\n',
    );
    return 0;
  },
};
