// Cleaning up after a stop (deleting the table, stopping the endpoint) talks to the target that
// may be the reason the run stopped: a target that hangs would hang the exit too. After a stop,
// each step gets a short bound, and what it did not finish is said, so the user can finish it.

/** How long each cleanup step may take once the run was stopped (a signal, an abort rule, a crash). */
export const CLEANUP_AFTER_STOP_MS = 1500;

/** Waits for `work` at most `ms` (forever when ms is undefined); true when it settled in time. Its failure is the caller's to report. */
export async function settlesWithin(work: Promise<unknown>, ms: number | undefined): Promise<boolean> {
  if (ms === undefined) {
    await work;
    return true;
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}
