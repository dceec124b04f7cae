/**
 * Uniform cell grid for neighbour search in O(N) time and memory.
 *
 * Atoms are binned into cubic cells of edge `cellSize` (Å) spanning their
 * bounding box; the atoms of each cell are stored contiguously (counting
 * sort), so a query touches only the 27 cells around a point. With
 * `cellSize` ≥ the search radius every pair within the radius is found.
 * When the box would need far more cells than atoms (a few atoms spread far
 * apart), the cell edge is enlarged so the grid never holds more than
 * about 8 N + 64 cells.
 */

export interface NeighbourGrid {
  /** Cell edge actually used, Å (≥ the requested size). */
  readonly cellSize: number;
  /** Number of atoms binned. */
  readonly count: number;
  /**
   * Call `visit(j, d2)` for every atom j with |r_j − p|² ≤ radius² (Å²).
   * `radius` must not exceed `cellSize`.
   */
  forEachNear(x: number, y: number, z: number, radius: number, visit: (j: number, d2: number) => void): void;
  /**
   * Call `visit(i, j, d2)` once for every pair i < j closer than `radius` (Å),
   * `radius` ≤ `cellSize`.
   */
  forEachPair(radius: number, visit: (i: number, j: number, d2: number) => void): void;
}

/** Bin `positions` (flat x, y, z in Å) into a grid of cells of edge ≥ `cellSize` Å. */
export function createGrid(positions: ArrayLike<number>, cellSize: number): NeighbourGrid {
  if (!(cellSize > 0) || !Number.isFinite(cellSize))
    throw new RangeError(`cellSize must be > 0 Å, got ${cellSize}`);
  const n = Math.floor(positions.length / 3);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let minZ = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  let maxZ = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = positions[3 * i]!;
    const y = positions[3 * i + 1]!;
    const z = positions[3 * i + 2]!;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (z < minZ) minZ = z;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
    if (z > maxZ) maxZ = z;
  }
  if (n === 0) {
    minX = minY = minZ = 0;
    maxX = maxY = maxZ = 0;
  }
  let size = cellSize;
  const dims = (s: number) => [
    Math.floor((maxX - minX) / s) + 1,
    Math.floor((maxY - minY) / s) + 1,
    Math.floor((maxZ - minZ) / s) + 1,
  ];
  let [nx, ny, nz] = dims(size) as [number, number, number];
  const maxCells = 8 * n + 64;
  while (nx * ny * nz > maxCells) {
    size *= 1.5;
    [nx, ny, nz] = dims(size) as [number, number, number];
  }
  const cellCount = nx * ny * nz;
  const cellOf = new Uint32Array(n);
  const start = new Uint32Array(cellCount + 1);
  const inv = 1 / size;
  for (let i = 0; i < n; i++) {
    const cx = Math.min(nx - 1, Math.floor((positions[3 * i]! - minX) * inv));
    const cy = Math.min(ny - 1, Math.floor((positions[3 * i + 1]! - minY) * inv));
    const cz = Math.min(nz - 1, Math.floor((positions[3 * i + 2]! - minZ) * inv));
    const c = (cz * ny + cy) * nx + cx;
    cellOf[i] = c;
    start[c + 1]!++;
  }
  for (let c = 0; c < cellCount; c++) start[c + 1]! += start[c]!;
  const atoms = new Uint32Array(n);
  const fill = start.slice(0, cellCount);
  for (let i = 0; i < n; i++) atoms[fill[cellOf[i]!]!++] = i;

  const forEachNear: NeighbourGrid['forEachNear'] = (x, y, z, radius, visit) => {
    if (radius > size * (1 + 1e-12))
      throw new RangeError(`radius ${radius} Å exceeds the grid cell ${size} Å`);
    const r2 = radius * radius;
    const cx = Math.floor((x - minX) * inv);
    const cy = Math.floor((y - minY) * inv);
    const cz = Math.floor((z - minZ) * inv);
    for (let kz = Math.max(0, cz - 1); kz <= Math.min(nz - 1, cz + 1); kz++) {
      for (let ky = Math.max(0, cy - 1); ky <= Math.min(ny - 1, cy + 1); ky++) {
        for (let kx = Math.max(0, cx - 1); kx <= Math.min(nx - 1, cx + 1); kx++) {
          const c = (kz * ny + ky) * nx + kx;
          for (let a = start[c]!; a < start[c + 1]!; a++) {
            const j = atoms[a]!;
            const dx = positions[3 * j]! - x;
            const dy = positions[3 * j + 1]! - y;
            const dz = positions[3 * j + 2]! - z;
            const d2 = dx * dx + dy * dy + dz * dz;
            if (d2 <= r2) visit(j, d2);
          }
        }
      }
    }
  };

  const forEachPair: NeighbourGrid['forEachPair'] = (radius, visit) => {
    if (radius > size * (1 + 1e-12))
      throw new RangeError(`radius ${radius} Å exceeds the grid cell ${size} Å`);
    const r2 = radius * radius;
    for (let cz = 0; cz < nz; cz++) {
      for (let cy = 0; cy < ny; cy++) {
        for (let cx = 0; cx < nx; cx++) {
          const c = (cz * ny + cy) * nx + cx;
          const s0 = start[c]!;
          const s1 = start[c + 1]!;
          if (s0 === s1) continue;
          // Half-shell of 13 forward neighbours + the cell itself.
          for (let dzc = 0; dzc <= 1; dzc++) {
            const kz = cz + dzc;
            if (kz >= nz) continue;
            for (let dyc = dzc === 0 ? 0 : -1; dyc <= 1; dyc++) {
              const ky = cy + dyc;
              if (ky < 0 || ky >= ny) continue;
              for (let dxc = dzc === 0 && dyc === 0 ? 0 : -1; dxc <= 1; dxc++) {
                const kx = cx + dxc;
                if (kx < 0 || kx >= nx) continue;
                const d = (kz * ny + ky) * nx + kx;
                const same = d === c;
                const t0 = start[d]!;
                const t1 = start[d + 1]!;
                for (let a = s0; a < s1; a++) {
                  const i = atoms[a]!;
                  const xi = positions[3 * i]!;
                  const yi = positions[3 * i + 1]!;
                  const zi = positions[3 * i + 2]!;
                  for (let b = same ? a + 1 : t0; b < t1; b++) {
                    const j = atoms[b]!;
                    const dx = positions[3 * j]! - xi;
                    const dy = positions[3 * j + 1]! - yi;
                    const dz = positions[3 * j + 2]! - zi;
                    const d2 = dx * dx + dy * dy + dz * dz;
                    if (d2 <= r2) {
                      if (i < j) visit(i, j, d2);
                      else visit(j, i, d2);
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  };

  return { cellSize: size, count: n, forEachNear, forEachPair };
}
