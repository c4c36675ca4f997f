/**
 * The playground's worker: reads each text it is sent off the page's main
 * thread and answers with what the page shows of it. The build inlines it,
 * with the library, into the page's scripts, so that the page starts it
 * from a Blob URL and works from `file://` too.
 */

import { inspectListing } from "../../src/index";
import { readListing } from "./reading";

/** What the page sends: a text and its number. */
interface Request {
  readonly id: number;
  readonly text: string;
}

self.addEventListener("message", (event: MessageEvent<Request>) => {
  const { id, text } = event.data;
  try {
    self.postMessage(readListing(inspectListing, text, id));
  } catch (error) {
    // inspectListing never throws; what can is memory, for a text far
    // past any listing's size.
    self.postMessage({ id, failure: error instanceof Error ? error.message : String(error) });
  }
});

// The page reads a failure after this as a crash, before it as a browser
// where the worker cannot run.
self.postMessage({ ready: true });
