/**
 * Ctrl-C and SIGTERM during a batch: one place that listens for them while
 * the batch runs, and lets them go when it ends.
 */

/** The signals that stop a batch, and the exit status each gives (128 + the signal's number). */
export const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

export type StopSignal = keyof typeof STOP_SIGNALS;

/**
 * Calls `stop` on SIGINT or SIGTERM until the returned function is called.
 */
export function onStopSignal(stop: (signal: StopSignal) => void): () => void {
  const signals = Object.keys(STOP_SIGNALS) as StopSignal[];
  const listener = (signal: NodeJS.Signals): void => stop(signal as StopSignal);
  for (const signal of signals) process.on(signal, listener);
  return () => {
    for (const signal of signals) process.removeListener(signal, listener);
  };
}
