/**
 * pdf.js (5.4, fake worker in this process) can leave an internal promise rejected and unhandled on some damaged
 * PDFs — a page tree it repaired, a page it never was asked for — after the read itself has already failed with
 * the same error (an InputError naming the page). Node would then end the process ("UnhandledPromiseRejection",
 * exit 1), taking the rest of the folder with it: found by tests/unit/fuzz-readers.test.ts. While a PDF is being
 * read, such stray rejections of pdf.js's own exceptions are ignored; any other unhandled rejection is thrown on as
 * Node would.
 */
const PDFJS_EXCEPTIONS = new Set(['FormatError', 'UnknownErrorException', 'InvalidPDFException', 'MissingPDFException', 'UnexpectedResponseException', 'AbortException', 'ResponseException']);

let reading = 0;

function stray(reason: unknown): void {
  const name = (reason as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && PDFJS_EXCEPTIONS.has(name)) return;
  throw reason;
}

/** Run a PDF read with stray pdf.js rejections ignored (the listener is there only while some read runs). */
export async function withStrayRejectionsIgnored<T>(read: () => Promise<T>): Promise<T> {
  if (reading++ === 0) process.on('unhandledRejection', stray);
  try {
    return await read();
  } finally {
    // pdf.js rejects its stray promises a few ticks after the read: keep listening until they have come.
    await new Promise((resolve) => setImmediate(resolve));
    if (--reading === 0) process.off('unhandledRejection', stray);
  }
}
