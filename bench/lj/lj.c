/* The Lennard-Jones energy + force loop of src/potential/lennard-jones.ts
 * (ljEnergyForces, the JS reference kernel), transcribed line for line. Compiled by
 * bench/lj-kernel.bench.js with gcc -O3, -O3 -ffast-math and -O3 -march=native -ffast-math
 * in the same run.
 * usage: lj <positions.bin> <n> <repeats>   (positions: 3n little-endian doubles)
 * prints: <seconds per evaluation> <energy>
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double lj(const double *x, int n, double *f) {
  double e6 = 0, e12 = 0;
  for (int k = 0; k < 3 * n; k++) f[k] = 0;
  for (int i = 0; i < n; i++) {
    double xi = x[3 * i], yi = x[3 * i + 1], zi = x[3 * i + 2];
    double fxi = 0, fyi = 0, fzi = 0;
    for (int j = i + 1; j < n; j++) {
      double dx = xi - x[3 * j], dy = yi - x[3 * j + 1], dz = zi - x[3 * j + 2];
      double s = 1 / (dx * dx + dy * dy + dz * dz);
      double s3 = s * s * s, s6 = s3 * s3;
      e6 += s3;
      e12 += s6;
      double g = (48 * s6 - 24 * s3) * s;
      double gx = g * dx, gy = g * dy, gz = g * dz;
      fxi += gx; fyi += gy; fzi += gz;
      f[3 * j] -= gx; f[3 * j + 1] -= gy; f[3 * j + 2] -= gz;
    }
    f[3 * i] += fxi; f[3 * i + 1] += fyi; f[3 * i + 2] += fzi;
  }
  return 4 * (e12 - e6);
}

int main(int argc, char **argv) {
  if (argc < 4) return 2;
  int n = atoi(argv[2]);
  long reps = atol(argv[3]);
  double *x = malloc(sizeof(double) * 3 * n), *f = malloc(sizeof(double) * 3 * n);
  FILE *fp = fopen(argv[1], "rb");
  if (!fp || fread(x, sizeof(double), 3 * n, fp) != (size_t)(3 * n)) return 3;
  fclose(fp);
  volatile double sink = 0;
  for (long r = 0; r < reps / 10 + 1; r++) sink += lj(x, n, f); /* warm-up */
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (long r = 0; r < reps; r++) { x[0] += 1e-15; sink += lj(x, n, f); }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  double secs = (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec);
  printf("%.9e %.9f\n", secs / reps, lj(x, n, f));
  return sink == 12345.0;
}
