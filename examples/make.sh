#!/usr/bin/env bash
# Regenerate every file in examples/ with Superatom itself (nothing here is copied from elsewhere).
# Run from the repository root after `npm run build`:  bash examples/make.sh
# Every step is deterministic: the builders take no randomness, the search uses --seed 1, and the
# peak list has no added noise (the only change is a stated +15 ppm calibration error).
set -euo pipefail
cd "$(dirname "$0")/.."
sa() { node bin/superatom.js "$@"; }

# Structures
sa build icosahedron --element Au --shells 1 -o examples/au13.xyz          # Mackay icosahedron, Ih
sa build truncated-octahedron --element Au -o examples/au38.xyz            # fcc truncated octahedron, Oh
sa build icosahedron --element Ag --shells 2 -o examples/ag55.xyz          # two-shell Mackay icosahedron
sa search --potential lj --atoms 38 --seed 1 --target -173.928427 -o examples/lj38.xyz > /dev/null

# mixture.csv: three computed envelopes (peaks ≥ 1 % of each envelope's tallest), every m/z
# multiplied by 1 + 15e-6 (a +15 ppm calibration error), intensities as computed (percent).
{
  echo 'mz,intensity'
  for ion in '[Au25(PET)18]-' '[Ag29(BDTA)12]3-' '[Au38(PET)24Cs2]2+'; do
    sa isotopes "$ion" --csv --min-intensity 1 | tail -n +2 |
      awk -F, '{ printf "%.5f,%.3f\n", $1 * (1 + 15e-6), $2 }'
  done
} > examples/mixture.csv

# bad.csv: a peak list with a typing error on line 3 (for the error example in docs/mass.md)
printf 'mz,intensity\n1779.3022,100\n1779.5,abc\n' > examples/bad.csv

# ligands.json: a user ligand table (2-naphthalenethiolate, for --ligands)
printf '[{"name": "SNap", "formula": "SC10H7", "charge": -1, "role": "X"}]\n' > examples/ligands.json
echo "examples regenerated: $(ls examples | tr '\n' ' ')"
