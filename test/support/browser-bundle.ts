/**
 * The library entry bundled for browsers with esbuild, with no Node
 * polyfills: an import of a Node built-in anywhere in the core fails the
 * build. The bundle is a script that sets the global `filmListing`.
 */

import { fileURLToPath } from "node:url";
import { build, type Metafile } from "esbuild";

/** A built bundle and esbuild's account of its inputs. */
export interface BrowserBundle {
  readonly code: string;
  readonly metafile: Metafile;
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Bundles `src/index.ts` for `platform: "browser"` as a script defining `filmListing`. */
export async function bundleForBrowser(): Promise<BrowserBundle> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: ["src/index.ts"],
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "filmListing",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error("esbuild wrote no bundle");
  return { code: output.text, metafile: result.metafile };
}
