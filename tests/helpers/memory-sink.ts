/** An OutputSink that keeps every file in memory (path → text), measuring each as the folder sink does. */
import { createHash } from 'node:crypto';
import type { OutputSink } from '../../pipeline/adapters/output.ts';

export function memorySink(): OutputSink & { files: Map<string, string> } {
  const files = new Map<string, string>();
  const stat = (path: string, text: string, mediaType: string) => {
    const bytes = Buffer.from(text, 'utf8');
    return { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), mediaType };
  };
  return {
    files,
    async open(path, mediaType) {
      let text = '';
      return {
        async write(chunk: string | Uint8Array) {
          text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        },
        async close() {
          files.set(path, text);
          return stat(path, text, mediaType);
        },
      };
    },
    async write(path, content, mediaType) {
      if (files.has(path)) throw new Error(`memory sink: ${path} written twice`);
      const text = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
      files.set(path, text);
      return stat(path, text, mediaType);
    },
  };
}
