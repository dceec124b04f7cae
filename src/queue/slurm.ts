/**
 * Clusters without Redis: a SLURM job array and a plain shell fan-out that run the same jobs
 * (`superatom screen run-job <id>`) into the same store. Each task writes its result once per job
 * id, so re-running the array (or a task twice) never duplicates a result. The store must be
 * reachable from every node: a PostgreSQL URL, or a SQLite file on a local disk for the shell
 * fan-out on one machine (SQLite over NFS is not safe).
 */

export interface ExportOptions {
  readonly screenName: string;
  readonly screenId: string;
  readonly jobIds: readonly string[];
  /** The store every task writes to. */
  readonly db: string;
  /** How to call superatom on the nodes, e.g. `superatom` or `/usr/bin/node /opt/superatom/bin/superatom.js`. */
  readonly command: string;
  /** Array tasks at most (SLURM's MaxArraySize is 1001 by default): tasks run several jobs each. */
  readonly maxTasks?: number;
  /** Array tasks running at once (`%` throttle). */
  readonly concurrent?: number;
  /** Wall time per task, SLURM format. */
  readonly time?: string;
  /** Processes at once in the shell fan-out. */
  readonly parallel?: number;
}

/** Single-quote a word for sh. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function jobsFile(jobIds: readonly string[]): string {
  return jobIds.map((j) => `${j}\n`).join('');
}

/** The sbatch script: task k runs the lines of jobs.txt with (line − 1) mod tasks = k. */
export function slurmScript(o: ExportOptions): string {
  const tasks = Math.max(1, Math.min(o.jobIds.length, o.maxTasks ?? 1000));
  const throttle = o.concurrent ? `%${o.concurrent}` : '';
  return `#!/bin/bash
# superatom screen "${o.screenName}" (${o.screenId.slice(0, 12)}): ${o.jobIds.length} jobs in ${tasks} array tasks.
# Submit from this folder: sbatch screen.slurm   (results: superatom screen results ${o.screenId.slice(0, 12)} --db …)
#SBATCH --job-name=superatom-${o.screenName.replace(/[^\w.-]/g, '_')}
#SBATCH --array=0-${tasks - 1}${throttle}
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#SBATCH --time=${o.time ?? '01:00:00'}
#SBATCH --output=slurm-%A_%a.out
set -u
export OMP_NUM_THREADS=1
export SUPERATOM_DB=${shQuote(o.db)}
cd "\${SLURM_SUBMIT_DIR:-.}"
status=0
while read -r job; do
  ${o.command} screen run-job "$job" --db "$SUPERATOM_DB" || status=1
done < <(awk -v k="\${SLURM_ARRAY_TASK_ID}" -v n=${tasks} '(NR - 1) % n == k' jobs.txt)
exit $status
`;
}

/** The same jobs with xargs on one machine. */
export function fanoutScript(o: ExportOptions): string {
  return `#!/bin/sh
# superatom screen "${o.screenName}" (${o.screenId.slice(0, 12)}): ${o.jobIds.length} jobs, ${o.parallel ?? 2} at a time.
# Run from this folder: sh fanout.sh   (safe to run again: finished jobs are skipped)
set -u
export OMP_NUM_THREADS=1
export SUPERATOM_DB=${shQuote(o.db)}
cd "$(dirname "$0")"
xargs -P ${o.parallel ?? 2} -n 1 ${o.command} screen run-job --db "$SUPERATOM_DB" < jobs.txt
`;
}
