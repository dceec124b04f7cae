/**
 * Local (spin-)density exchange–correlation for the jellium Kohn–Sham solver, in Hartree atomic
 * units. Every functional returns the energy per electron ε_xc(r_s, ζ) and its partial derivatives
 * ∂ε/∂r_s and ∂ε/∂ζ, from which the potentials follow:
 *
 *   v_xc,σ = ε − (r_s/3) ∂ε/∂r_s − (ζ − s_σ) ∂ε/∂ζ,   s_↑ = +1, s_↓ = −1,
 *
 * with r_s = (3/(4π n))^{1/3} (bohr) and ζ = (n↑ − n↓)/n.
 *
 * Exchange (all three): ε_x = −(3/4)(3/π)^{1/3} n^{1/3} · [(1+ζ)^{4/3} + (1−ζ)^{4/3}]/2
 *   = −0.458165…/r_s · f_x(ζ).
 * Correlation:
 * - `pw92`: J. P. Perdew and Y. Wang, Phys. Rev. B 45, 13244 (1992), eq. (10) and Table I
 *   (ε_c(r_s,0), ε_c(r_s,1), −α_c; p = 1), spin interpolation eq. (8), f''(0) = 1.709921.
 * - `pz`: J. P. Perdew and A. Zunger, Phys. Rev. B 23, 5048 (1981), Appendix C (Ceperley–Alder
 *   fit: r_s ≥ 1 Padé γ/(1+β₁√r_s+β₂r_s), r_s < 1 A ln r_s + B + C r_s ln r_s + D r_s), von
 *   Barth–Hedin interpolation f(ζ) between the para- and ferromagnetic fits.
 * - `gl`: O. Gunnarsson and B. I. Lundqvist, Phys. Rev. B 13, 4274 (1976), eq. (54):
 *   ε_c = −C G(r_s/r_c), G(x) = (1+x³) ln(1+1/x) + x/2 − x² − 1/3, with C_P = 0.0666 Ry,
 *   r_P = 11.4 and C_F = 0.0406 Ry, r_F = 15.9 (Ry → Ha: halved), f(ζ) interpolation.
 */

export type XcName = 'pw92' | 'pz' | 'gl';
export const XC_NAMES: readonly XcName[] = ['pw92', 'pz', 'gl'];

/** ε_xc (Ha per electron) and its partial derivatives; filled in place (no allocation). */
export interface XcPoint {
  e: number;
  dRs: number;
  dZeta: number;
}

/** 0.458165… = (3/4)(3/π)^{1/3}(4π/3)^{1/3}: ε_x = −C_X / r_s for ζ = 0. */
// (3/4)(3/π)^{1/3} n^{1/3} with n = 3/(4π r_s³) is (3/4)(9/(4π²))^{1/3}/r_s = 0.4581652932831429/r_s
const C_X = 0.75 * (9 / (4 * Math.PI * Math.PI)) ** (1 / 3);
const FZ_DEN = 2 ** (4 / 3) - 2;

/** f(ζ) = ((1+ζ)^{4/3} + (1−ζ)^{4/3} − 2)/(2^{4/3} − 2) and f'(ζ). */
function fz(z: number): [number, number] {
  const a = Math.max(1 + z, 0);
  const b = Math.max(1 - z, 0);
  const a13 = Math.cbrt(a);
  const b13 = Math.cbrt(b);
  return [(a * a13 + b * b13 - 2) / FZ_DEN, ((4 / 3) * (a13 - b13)) / FZ_DEN];
}

/** PW92 G(r_s; A, α₁, β₁…β₄) with p = 1 and dG/dr_s. */
function pwG(
  rs: number,
  A: number,
  a1: number,
  b1: number,
  b2: number,
  b3: number,
  b4: number,
): [number, number] {
  const s = Math.sqrt(rs);
  const q = 2 * A * (b1 * s + b2 * rs + b3 * rs * s + b4 * rs * rs);
  const dq = 2 * A * (b1 / (2 * s) + b2 + 1.5 * b3 * s + 2 * b4 * rs);
  const lg = Math.log1p(1 / q);
  const g = -2 * A * (1 + a1 * rs) * lg;
  const dg = -2 * A * a1 * lg + (2 * A * (1 + a1 * rs) * dq) / (q * (q + 1));
  return [g, dg];
}

const PW_FPP0 = 1.709921;

function pw92c(rs: number, z: number, out: XcPoint): void {
  const [e0, d0] = pwG(rs, 0.031091, 0.2137, 7.5957, 3.5876, 1.6382, 0.49294);
  if (z === 0) {
    out.e = e0;
    out.dRs = d0;
    out.dZeta = 0;
    return;
  }
  const [e1, d1] = pwG(rs, 0.015545, 0.20548, 14.1189, 6.1977, 3.3662, 0.62517);
  const [ma, dma] = pwG(rs, 0.016887, 0.11125, 10.357, 3.6231, 0.88026, 0.49671);
  const ac = -ma;
  const dac = -dma;
  const [f, df] = fz(z);
  const z3 = z * z * z;
  const z4 = z3 * z;
  out.e = e0 + (ac * f * (1 - z4)) / PW_FPP0 + (e1 - e0) * f * z4;
  out.dRs = d0 + (dac * f * (1 - z4)) / PW_FPP0 + (d1 - d0) * f * z4;
  out.dZeta = (ac / PW_FPP0) * (df * (1 - z4) - 4 * z3 * f) + (e1 - e0) * (df * z4 + 4 * z3 * f);
}

function pzOne(
  rs: number,
  g: number,
  b1: number,
  b2: number,
  A: number,
  B: number,
  C: number,
  D: number,
): [number, number] {
  if (rs >= 1) {
    const s = Math.sqrt(rs);
    const den = 1 + b1 * s + b2 * rs;
    return [g / den, (-g * (b1 / (2 * s) + b2)) / (den * den)];
  }
  const l = Math.log(rs);
  return [A * l + B + C * rs * l + D * rs, A / rs + C * (l + 1) + D];
}

function pzc(rs: number, z: number, out: XcPoint): void {
  const [eu, du] = pzOne(rs, -0.1423, 1.0529, 0.3334, 0.0311, -0.048, 0.002, -0.0116);
  if (z === 0) {
    out.e = eu;
    out.dRs = du;
    out.dZeta = 0;
    return;
  }
  const [ep, dp] = pzOne(rs, -0.0843, 1.3981, 0.2611, 0.01555, -0.0269, 0.0007, -0.0048);
  const [f, df] = fz(z);
  out.e = eu + f * (ep - eu);
  out.dRs = du + f * (dp - du);
  out.dZeta = df * (ep - eu);
}

/** GL's G(x) and G'(x); a series for large x (low density) avoids the cancellation. */
function glG(x: number): [number, number] {
  if (x > 1e3) {
    const i = 1 / x;
    return [0.75 * i - 0.3 * i * i + (1 / 6) * i * i * i, -0.75 * i * i + 0.6 * i * i * i];
  }
  const lg = Math.log1p(1 / x);
  return [(1 + x * x * x) * lg + x / 2 - x * x - 1 / 3, 3 * x * x * lg - 1 / x - 3 * x + 1.5];
}

function glc(rs: number, z: number, out: XcPoint): void {
  const cp = 0.0333;
  const rp = 11.4;
  const [gp, dgp] = glG(rs / rp);
  const eu = -cp * gp;
  const du = (-cp * dgp) / rp;
  if (z === 0) {
    out.e = eu;
    out.dRs = du;
    out.dZeta = 0;
    return;
  }
  const cf = 0.0203;
  const rf = 15.9;
  const [gf, dgf] = glG(rs / rf);
  const ef = -cf * gf;
  const dfr = (-cf * dgf) / rf;
  const [f, df] = fz(z);
  out.e = eu + f * (ef - eu);
  out.dRs = du + f * (dfr - du);
  out.dZeta = df * (ef - eu);
}

/** Exchange-only constant: ε_x(r_s, 0) = −C_X/r_s, C_X = 0.4581652932831429 Ha·bohr. */
export const EXCHANGE_CONSTANT = C_X;

/**
 * ε_xc(r_s, ζ) and derivatives for functional `xc` (Ha, bohr); `out` is overwritten.
 * Set `exchangeOnly` to drop correlation (used by tests).
 */
export function xcPoint(xc: XcName, rs: number, zeta: number, out: XcPoint, exchangeOnly = false): void {
  if (exchangeOnly) {
    out.e = 0;
    out.dRs = 0;
    out.dZeta = 0;
  } else if (xc === 'pw92') pw92c(rs, zeta, out);
  else if (xc === 'pz') pzc(rs, zeta, out);
  else glc(rs, zeta, out);
  // exchange
  if (zeta === 0) {
    out.e += -C_X / rs;
    out.dRs += C_X / (rs * rs);
    return;
  }
  const a = Math.max(1 + zeta, 0);
  const b = Math.max(1 - zeta, 0);
  const a13 = Math.cbrt(a);
  const b13 = Math.cbrt(b);
  const fx = (a * a13 + b * b13) / 2;
  const dfx = ((4 / 3) * (a13 - b13)) / 2;
  out.e += (-C_X / rs) * fx;
  out.dRs += (C_X / (rs * rs)) * fx;
  out.dZeta += (-C_X / rs) * dfx;
}
