/**
 * Electronic shell models of delocalised cluster electrons (the superatom picture).
 *
 * A model is an ordered list of levels; a level is one orbital-angular-momentum subshell
 * (capacity 2(2l+1)) or, in the degenerate models, a group of subshells that share one
 * energy (capacity = their sum). Filling the levels in order gives the configuration,
 * the shell closings and the nearest closings around a count.
 *
 * Models (the subshell letters are S P D F G H I J for l = 0…7, as in the cluster literature):
 * - `jellium` (default): self-consistent spherical jellium. Order 1S 1P 1D 2S 1F 2P 1G 2D 1H 3S 2F 1I 3P
 *   (W. Ekardt, Phys. Rev. B 29, 1558 (1984); W. D. Knight et al., Phys. Rev. Lett. 52, 2141 (1984);
 *   M. Brack, Rev. Mod. Phys. 65, 677 (1993)); beyond 3P the order of the spherical square well
 *   (zeros of the spherical Bessel functions j_l: 1J 2G 3D 4S), whose flat-bottomed potential the
 *   self-consistent jellium potential of sodium resembles. Tabulated to 198 electrons.
 * - `woods-saxon`: the rounded Woods–Saxon well of Knight et al. (1984): … 2D 3S 1H 2F 3P 1I, closings
 *   2, 8, 18, 20, 34, 40, 58, 68, 70, 92, 106, 112, 138; beyond 138 the remaining harmonic-oscillator
 *   N = 6 subshells (2G 3D 4S) then 1J, which reproduces the observed major closing at 198
 *   (S. Bjørnholm et al., Phys. Rev. Lett. 65, 1627 (1990)). Tabulated to 198 electrons.
 * - `harmonic`: isotropic 3D harmonic oscillator, shell N holds (N+1)(N+2) electrons and contains
 *   l = N, N−2, …; closings 2, 8, 20, 40, 70, 112, 168, 240, 330, 440 (analytic, any size).
 * - `tetrahedral`: a Td-distorted jellium. A tetrahedral deformation merges 1D with 2S and 1F with
 *   2P, so 18 and 34 stop being closings and 20 and 40 are the closings (S. M. Reimann, M. Koskinen,
 *   H. Häkkinen, P. E. Lindelof, M. Manninen, Phys. Rev. B 56, 12147 (1997): tetrahedral shells close at
 *   the lowest harmonic-oscillator numbers; Au20 and Au40: D. Jiang, M. Walter, Phys. Rev. B 84, 193402
 *   (2011)). Above 40 electrons the spherical-jellium order is used and the result says so.
 */

export type ShellModelId = 'jellium' | 'woods-saxon' | 'harmonic' | 'tetrahedral';

export const SHELL_MODEL_IDS: readonly ShellModelId[] = ['jellium', 'woods-saxon', 'harmonic', 'tetrahedral'];

const L_LETTERS = 'SPDFGHIJKLMN';

export interface ShellLevel {
  /** Subshells in this level, e.g. ['1D', '2S'] for a degenerate group, ['1P'] for one subshell. */
  readonly subshells: readonly string[];
  /** Electrons the level holds. */
  readonly capacity: number;
}

export interface ShellModel {
  readonly id: ShellModelId;
  readonly name: string;
  readonly reference: string;
  readonly levels: readonly ShellLevel[];
  /** Largest count the tabulated levels can hold. */
  readonly maxElectrons: number;
  /** Above this count the model borrows another order (tetrahedral → spherical); Infinity if never. */
  readonly validUpTo: number;
}

/** Capacity 2(2l+1) of a subshell label such as '1D' or '3P'. */
export function subshellCapacity(label: string): number {
  const l = L_LETTERS.indexOf(label.slice(-1));
  if (l < 0) throw new Error(`internal: bad subshell label ${label}`);
  return 2 * (2 * l + 1);
}

function single(labels: string): ShellLevel[] {
  return labels.split(' ').map((s) => ({ subshells: [s], capacity: subshellCapacity(s) }));
}

function group(...labels: string[]): ShellLevel {
  return { subshells: labels, capacity: labels.reduce((a, s) => a + subshellCapacity(s), 0) };
}

/** Harmonic-oscillator shells N = 0 … maxN, each the degenerate group of l = N, N−2, …. */
function harmonicLevels(maxN: number): ShellLevel[] {
  const out: ShellLevel[] = [];
  for (let n = 0; n <= maxN; n++) {
    const labels: string[] = [];
    for (let l = n; l >= 0; l -= 2) labels.push(`${(n - l) / 2 + 1}${L_LETTERS[l]}`);
    out.push(group(...labels));
  }
  return out;
}

const JELLIUM_ORDER = '1S 1P 1D 2S 1F 2P 1G 2D 1H 3S 2F 1I 3P 1J 2G 3D 4S';
const WOODS_SAXON_ORDER = '1S 1P 1D 2S 1F 2P 1G 2D 3S 1H 2F 3P 1I 2G 3D 4S 1J';

function model(
  id: ShellModelId,
  name: string,
  reference: string,
  levels: ShellLevel[],
  validUpTo = Infinity,
): ShellModel {
  return { id, name, reference, levels, maxElectrons: levels.reduce((a, l) => a + l.capacity, 0), validUpTo };
}

export const SHELL_MODELS: Readonly<Record<ShellModelId, ShellModel>> = {
  jellium: model(
    'jellium',
    'self-consistent spherical jellium',
    'Ekardt, PRB 29, 1558 (1984); Knight et al., PRL 52, 2141 (1984); Brack, RMP 65, 677 (1993)',
    single(JELLIUM_ORDER),
  ),
  'woods-saxon': model(
    'woods-saxon',
    'Woods–Saxon well',
    'Knight et al., PRL 52, 2141 (1984); Bjørnholm et al., PRL 65, 1627 (1990)',
    single(WOODS_SAXON_ORDER),
  ),
  harmonic: model(
    'harmonic',
    '3D harmonic oscillator',
    'isotropic 3D harmonic oscillator, shells of (N+1)(N+2)',
    harmonicLevels(11),
  ),
  tetrahedral: model(
    'tetrahedral',
    'Td-distorted jellium',
    'Reimann et al., PRB 56, 12147 (1997); Jiang & Walter, PRB 84, 193402 (2011)',
    [
      group('1S'),
      group('1P'),
      group('1D', '2S'),
      group('1F', '2P'),
      ...single('1G 2D 1H 3S 2F 1I 3P 1J 2G 3D 4S'),
    ],
    40,
  ),
};

/** Shell closings (cumulative level capacities) of a model. */
export function shellClosings(id: ShellModelId): number[] {
  const out: number[] = [];
  let total = 0;
  for (const level of SHELL_MODELS[id].levels) {
    total += level.capacity;
    out.push(total);
  }
  return out;
}

/**
 * The major ("magic") closings seen in alkali-cluster abundance spectra, which the spherical
 * models reproduce: 2, 8, 20, 40, 58, 92, 138, 198 (Knight et al. 1984; de Heer, RMP 65, 611 (1993)).
 */
export const MAJOR_CLOSINGS_NA: readonly number[] = [2, 8, 20, 40, 58, 92, 138, 198];

export type AnalogueKind = 'noble-gas' | 'halogen' | 'alkali' | 'alkaline-earth';

export interface ShellReport {
  readonly model: ShellModelId;
  readonly modelName: string;
  readonly electrons: number;
  /** `1S2 1P6 1D10 2S2`; a partly filled degenerate group is written `[1D 2S]6`; '' for 0 electrons. */
  readonly configuration: string;
  /** All levels up to the last occupied one are full. */
  readonly closed: boolean;
  /** The count is one of the model's shell closings (a magic number of the model). */
  readonly magic: boolean;
  /** One of the major closings of alkali-cluster spectra (only meaningful for the spherical models). */
  readonly majorClosing: boolean;
  /** Nearest closing strictly below (0 when none) and at or above (null beyond the table). */
  readonly closingBelow: number;
  readonly closingAbove: number | null;
  /** Electrons in the open level (0 when closed). */
  readonly openLevelElectrons: number;
  /** The atom-like family the count mimics, or null. */
  readonly analogue: AnalogueKind | null;
  /** Every family that fits (19 electrons: one short of 20 and one past 18). */
  readonly analogues: readonly { readonly kind: AnalogueKind; readonly closing: number }[];
  /** The count lies beyond the model's tabulated levels. */
  readonly beyondTable: boolean;
  readonly notes: readonly string[];
}

function levelText(subshells: readonly string[], electrons: number, full: boolean): string {
  if (subshells.length === 1) return `${subshells[0]}${electrons}`;
  if (full) return subshells.map((s) => `${s}${subshellCapacity(s)}`).join(' ');
  return `[${subshells.join(' ')}]${electrons}`;
}

/**
 * Fill `electrons` (≥ 0, integer) into the levels of a shell model and report the configuration,
 * whether the shell is closed, the nearest closings and the atom-like analogue
 * (closing − 1 → halogen-like, closing + 1 → alkali-like, closing + 2 → alkaline-earth-like,
 * closing → noble-gas-like).
 */
export function fillShells(electrons: number, id: ShellModelId = 'jellium'): ShellReport {
  if (!Number.isInteger(electrons) || electrons < 0) {
    throw new Error(`internal: fillShells needs a whole number ≥ 0, got ${electrons}`);
  }
  const m = SHELL_MODELS[id];
  const closings = shellClosings(id);
  const notes: string[] = [];
  const beyondTable = electrons > m.maxElectrons;
  const parts: string[] = [];
  let left = electrons;
  let openLevelElectrons = 0;
  for (const level of m.levels) {
    if (left <= 0) break;
    const take = Math.min(left, level.capacity);
    parts.push(levelText(level.subshells, take, take === level.capacity));
    if (take < level.capacity) openLevelElectrons = take;
    left -= take;
  }
  if (beyondTable) {
    notes.push(
      `${electrons} electrons lie beyond the levels tabulated for the ${m.name} model (${m.maxElectrons}); ` +
        'no configuration or closing above is claimed',
    );
  }
  if (electrons > m.validUpTo) {
    notes.push(
      `the ${m.name} closings are established up to ${m.validUpTo} electrons; above that the spherical-jellium order is used`,
    );
  }
  const magic = closings.includes(electrons);
  const below = [0, ...closings].filter((c) => c < electrons);
  const closingBelow = below.length ? below[below.length - 1]! : 0;
  const closingAbove = closings.find((c) => c >= electrons) ?? null;
  const analogues: { kind: AnalogueKind; closing: number }[] = [];
  if (electrons > 0 && !beyondTable) {
    if (magic) analogues.push({ kind: 'noble-gas', closing: electrons });
    if (closings.includes(electrons + 1)) analogues.push({ kind: 'halogen', closing: electrons + 1 });
    if ([0, ...closings].includes(electrons - 1)) analogues.push({ kind: 'alkali', closing: electrons - 1 });
    if ([0, ...closings].includes(electrons - 2) && !magic) {
      analogues.push({ kind: 'alkaline-earth', closing: electrons - 2 });
    }
  }
  return {
    model: id,
    modelName: m.name,
    electrons,
    configuration: beyondTable ? '' : parts.join(' '),
    closed: !beyondTable && (electrons === 0 || magic),
    magic,
    majorClosing: id !== 'harmonic' && id !== 'tetrahedral' && MAJOR_CLOSINGS_NA.includes(electrons),
    closingBelow,
    closingAbove: beyondTable ? null : closingAbove,
    openLevelElectrons: beyondTable ? 0 : openLevelElectrons,
    analogue: analogues[0]?.kind ?? null,
    analogues,
    beyondTable,
    notes,
  };
}

/** A one-line description of a shell report, for worked-example text. */
export function describeShell(r: ShellReport): string {
  if (r.beyondTable) return r.notes[0] ?? '';
  if (r.electrons === 0) return 'no delocalised electrons: nothing to fill';
  const where = r.magic
    ? `a shell closing of the ${r.modelName} model (magic ${r.electrons}${r.majorClosing ? ', a major closing' : ''})`
    : `open shell between the closings ${r.closingBelow} and ${r.closingAbove}`;
  const ana = r.analogues
    .map((a) =>
      a.kind === 'noble-gas'
        ? 'noble-gas-like'
        : a.kind === 'halogen'
          ? `halogen-like (one electron short of ${a.closing})`
          : a.kind === 'alkali'
            ? `alkali-like (one electron past ${a.closing})`
            : `alkaline-earth-like (two electrons past ${a.closing})`,
    )
    .join('; also ');
  return `${r.configuration}: ${where}${ana ? `; ${ana}` : ''}`;
}
