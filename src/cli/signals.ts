/**
 * Ctrl-C and SIGTERM during a batch: one place that listens for them while
 * the batch runs, lets them go when it ends, and keeps them prompt during a
 * long synchronous step, when no listener could run.
 */

import { createContext, Script } from "node:vm";

/** The signals that stop a batch, and the exit status each gives (128 + the signal's number). */
export const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

export type StopSignal = keyof typeof STOP_SIGNALS;

/** Runs `step()` in a context of its own: the one way Node lets SIGINT interrupt synchronous code. */
const STEP = new Script("step()");

/** Calls `stop` on SIGINT or SIGTERM until {@link release} is called. */
export class StopSignals {
  private readonly listener = (signal: NodeJS.Signals): void => this.stop(signal as StopSignal);
  private context: ReturnType<typeof createContext> | undefined;

  constructor(private readonly stop: (signal: StopSignal) => void) {
    process.on("SIGINT", this.listener);
    process.on("SIGTERM", this.listener);
  }

  /**
   * Runs a long synchronous step so that a signal takes effect at once:
   * SIGINT interrupts it and calls `stop`; SIGTERM, which nothing can catch
   * inside a step, ends the process as its default does (status 143 to a
   * shell). Nothing must be written to a file inside a step.
   */
  run<T>(step: () => T): T {
    this.context ??= createContext({});
    const context = this.context as { step?: (() => T) | undefined };
    context.step = step;
    process.removeListener("SIGTERM", this.listener);
    try {
      return STEP.runInContext(this.context, { breakOnSigint: true }) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_SCRIPT_EXECUTION_INTERRUPTED") this.stop("SIGINT");
      throw error;
    } finally {
      context.step = undefined;
      process.on("SIGTERM", this.listener);
    }
  }

  release(): void {
    process.removeListener("SIGINT", this.listener);
    process.removeListener("SIGTERM", this.listener);
  }
}
