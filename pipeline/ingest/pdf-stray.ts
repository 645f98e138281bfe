/**
 * pdf.js (5.4, fake worker in this process) can leave an internal promise rejected and unhandled on some damaged
 * PDFs — a page tree it repaired, a page it never was asked for — after the read itself has already failed with
 * the same error (an InputError naming the page). Node would then end the process ("UnhandledPromiseRejection",
 * exit 1), taking the rest of the folder with it: found by tests/unit/fuzz-readers.test.ts. Once a PDF has been read
 * in a process, such stray rejections of pdf.js's own exceptions are ignored for the rest of its life — they can come
 * well after the read (a page stopped at maxPdfOperators: AbortException "Page was destroyed.", seen in a full test
 * run after the read had ended); any other unhandled rejection is thrown on as Node would.
 */
const PDFJS_EXCEPTIONS = new Set(['FormatError', 'UnknownErrorException', 'InvalidPDFException', 'MissingPDFException', 'UnexpectedResponseException', 'AbortException', 'ResponseException']);

let listening = false;

function stray(reason: unknown): void {
  const name = (reason as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && PDFJS_EXCEPTIONS.has(name)) return;
  throw reason;
}

/** Run a PDF read with stray pdf.js rejections ignored (the listener is added at the first read, and stays). */
export async function withStrayRejectionsIgnored<T>(read: () => Promise<T>): Promise<T> {
  if (!listening) {
    process.on('unhandledRejection', stray);
    listening = true;
  }
  return read();
}
