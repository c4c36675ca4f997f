/**
 * Debian's Chromium driven by playwright-core, as the browser tests and a
 * scraper use it: no browser download, the system binary.
 */

import { execFileSync } from "node:child_process";
import { type Browser, chromium } from "playwright-core";

/** The flags a headless run in a container needs, and nothing that phones home. */
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** `$CHROMIUM`, or `chromium` on the PATH. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("no chromium on the PATH: install Debian's chromium package, or set CHROMIUM to a Chromium binary");
  }
}

/** Launches headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true });
}
