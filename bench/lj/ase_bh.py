"""ASE BasinHopping on an untruncated Lennard-Jones cluster, for bench/search.bench.js.

Reads JSON from stdin: {atoms, positions (3N, σ), seed, steps, target, timeLimit, kT, dr, fmax, optimizer}
and prints JSON: {steps, seconds, best, reached, stepsToBest, secondsToBest}.
ASE's LennardJones calculator truncates at rc = 3σ by default; rc is set far beyond the
cluster so energies are those of the full potential (Cambridge Cluster Database values).
"""
import json
import math
import signal
import sys
import time

import numpy as np
from ase import Atoms
from ase.calculators.lj import LennardJones
from ase.optimize import FIRE, LBFGS
from ase.optimize.basin import BasinHopping


class Stop(Exception):
    pass


def main():
    cfg = json.load(sys.stdin)
    n = cfg["atoms"]
    np.random.seed(cfg["seed"])
    atoms = Atoms("Ar%d" % n, positions=np.array(cfg["positions"], dtype=float).reshape(n, 3))
    atoms.calc = LennardJones(epsilon=1.0, sigma=1.0, rc=1.0e4)
    target = cfg.get("target")
    tol = 1e-6 * max(1.0, abs(target)) if target is not None else 0.0
    t0 = time.perf_counter()
    state = {"step": 0, "best": None, "stepsToBest": 0, "secondsToBest": 0.0, "last": t0, "durations": []}

    class BH(BasinHopping):
        def log(self, step, En, Emin):
            # step −1 is the relaxation of the starting cluster (called from __init__)
            state["step"] = step + 1
            now = time.perf_counter()
            if step >= 0:
                state["durations"].append(now - state["last"])
            state["last"] = now
            if state["best"] is None or Emin < state["best"] - 1e-9:
                state["best"] = Emin
                state["stepsToBest"] = step + 1
                state["secondsToBest"] = time.perf_counter() - t0
            if step < 0:
                return
            if target is not None and Emin <= target + tol:
                raise Stop()
            if time.perf_counter() - t0 > cfg["timeLimit"]:
                raise Stop()

    opt = LBFGS if cfg.get("optimizer", "FIRE") == "LBFGS" else FIRE
    bh = BH(atoms, temperature=cfg["kT"], dr=cfg["dr"], fmax=cfg["fmax"], optimizer=opt,
            logfile=None, trajectory=None, optimizer_logfile=None, local_minima_trajectory=None)
    def on_alarm(signum, frame):
        raise Stop()

    # the time limit must also interrupt a single long step: once ASE's walk has drifted
    # apart (it keeps unrelaxed coordinates), one local relaxation can take minutes
    signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(max(1, math.ceil(cfg["timeLimit"] - (time.perf_counter() - t0))))
    try:
        if not (target is not None and bh.Emin <= target + tol):
            bh.run(cfg["steps"])
    except Stop:
        pass
    signal.alarm(0)
    best = float(bh.Emin)
    print(json.dumps({
        "steps": state["step"],
        "seconds": time.perf_counter() - t0,
        "best": best,
        "reached": bool(target is not None and best <= target + tol),
        "stepsToBest": state["stepsToBest"],
        "secondsToBest": state["secondsToBest"],
        "medianStepSeconds": float(np.median(state["durations"])) if state["durations"] else None,
        "durations": [round(d, 6) for d in state["durations"]],
    }))


if __name__ == "__main__":
    main()
