/**
 * The value the cluster formula language produces. Plain readonly data that
 * serialises to JSON unchanged.
 */

/**
 * Element symbol → atom count. Isotope-labelled atoms are kept apart under the key
 * `<mass number><symbol>` ("13C", "2H"; D and T are normalised to "2H" and "3H").
 */
export type Composition = Readonly<Record<string, number>>;

/**
 * How a ligand takes part in electron counting:
 * - `X`: withdraws `electronsWithdrawn` electrons from the metal core (thiolate 1, dithiolate 2, halide 1);
 * - `L`: neutral two-electron donor (phosphine, CO, amine), withdraws 0;
 * - `hydride`: H⁻ — donor (+1) in gold clusters, withdrawing in Cu/Ag polyhydrides (the counting rule decides);
 * - `interstitial`: an atom inside the cage that donates all its valence electrons;
 * - `counterion`: a separate ion of the salt (TBA⁺, K⁺, Cs⁺), not bound to the cluster;
 * - `solvent`: a solvate or adduct molecule (H2O in ·14H2O).
 */
export type LigandRole = 'X' | 'L' | 'hydride' | 'interstitial' | 'counterion' | 'solvent';

export interface LigandUse {
  /** Canonical name: the table abbreviation ("SR", "PPh3", "BDTA") or the written-out text ("SC8H9"). */
  readonly name: string;
  /** Text as it appeared in the input. */
  readonly text: string;
  /** How many of this ligand the formula contains (multipliers applied). */
  readonly count: number;
  readonly role: LigandRole;
  /** Electrons each ligand withdraws from the core (X-type: 1 or 2; otherwise 0). */
  readonly electronsWithdrawn: number;
  /** Formal charge of one ligand as bound (thiolate −1, BDTA −2, PPh3 0, TBA +1). */
  readonly charge: number;
  /** Composition of one ligand, or null when it contains a generic group (R, X). */
  readonly composition: Composition | null;
  /** Where the role came from: the ligand table, or inferred from the written-out composition. */
  readonly roleSource: 'table' | 'inferred' | 'user';
  /** Why the role was chosen (shown in counting steps). */
  readonly why: string;
}

/** A separately written piece of a salt or adduct: `K6`, `[P2W18O62]`, `·14H2O`, `(TBA)3`. */
export interface FormulaPart {
  readonly kind: 'main' | 'counterion' | 'adduct';
  readonly text: string;
  readonly multiplier: number;
  /** Composition of one unit (null when a generic ligand makes it unknown). */
  readonly composition: Composition | null;
  /** Charge of one unit, when known. */
  readonly charge: number | null;
  /**
   * The amount was written as a letter (·xH2O, ·nH2O) and is not known: `multiplier` is then
   * 1, the part's atoms are not in the formula's composition and masses are unavailable.
   */
  readonly amountUnknown?: boolean;
}

/** An endohedral relation written with `@`: `W@Au12`, `Cl@Ag12@Ag48(dppm)12`. */
export interface Endohedral {
  /** Composition inside (innermost first, cumulative levels are listed separately). */
  readonly inner: Composition;
  readonly outer: Composition;
  readonly innerText: string;
  readonly outerText: string;
}

export interface Formula {
  /** The input exactly as given. */
  readonly text: string;
  /** Canonical text (Hill-like order of the main part, charge written `[...]n−` style). */
  readonly canonical: string;
  /** Total atom count per element over every part; generic groups (R, X) are not counted here. */
  readonly composition: Composition;
  /** Total charge (elementary charges). */
  readonly charge: number;
  /** Charge of the main cluster ion (differs from `charge` for salts such as K6[P2W18O62]). */
  readonly mainCharge: number;
  /**
   * Atoms of the main part that are not inside a ligand group: the metal core plus
   * any bare atoms written there (H of hydrides, interstitial atoms, Cl of halides).
   */
  readonly core: Composition;
  /** Ligands of the main part with roles (counterions and adducts are in `parts`). */
  readonly ligands: readonly LigandUse[];
  /** All parts: main ion, counterions, adducts. */
  readonly parts: readonly FormulaPart[];
  /** Generic groups present (e.g. ["R"]): masses are unavailable when non-empty. */
  readonly generic: readonly string[];
  /** Isomer/descriptor prefixes, recorded and not counted (closo-, nido-, 1,2-). */
  readonly prefixes: readonly string[];
  readonly endohedral: readonly Endohedral[];
  /** Readings the parser chose where the notation allowed another (e.g. "(SR)18-" read as 18 ligands, charge −1). */
  readonly notes: readonly string[];
  /**
   * Adducts written with an unknown amount (["xH2O"] for ·xH2O). They are also listed in
   * `generic` (so masses are unavailable) and their atoms are not in `composition`.
   */
  readonly unknownAmounts?: readonly string[];
}
