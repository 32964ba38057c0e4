/**
 * Fetches the lab's data file (built by scripts/pack-mnist.ts into /data/), reading the body as a
 * stream so a progress bar can follow the bytes, and checks it before anything trains on it.
 */
import { decodeMnistPack, type MnistPack, type PackProblem } from '../../../engine/models/mnist-pack';

export const DATA_FILE = 'data/mnist-digits.bin';

export type DataProblem = PackProblem | 'missing' | 'network';

export function dataFileUrl(): string {
  return new URL(`${import.meta.env.BASE_URL ?? '/'}${DATA_FILE}`.replace(/\/{2,}/g, '/'), location.href).href;
}

/** The file's bytes and what they hold, or why they cannot be used; `onProgress` gets bytes so far and the total (0 when unknown). */
export async function loadDataFile(onProgress: (loaded: number, total: number) => void): Promise<{ bytes: Uint8Array; pack: MnistPack } | { problem: DataProblem }> {
  let response: Response;
  try {
    response = await fetch(dataFileUrl());
  } catch {
    return { problem: 'network' };
  }
  if (!response.ok) return { problem: response.status === 404 ? 'missing' : 'network' };
  // A gzip-encoded response reports its compressed length; the bar then runs on what arrives.
  const total = response.headers.get('content-encoding') ? 0 : Number(response.headers.get('content-length') ?? 0);
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  try {
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      onProgress(loaded, total);
    }
  } catch {
    return { problem: 'network' };
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  const decoded = decodeMnistPack(bytes);
  return 'problem' in decoded ? decoded : { bytes, pack: decoded.pack };
}
