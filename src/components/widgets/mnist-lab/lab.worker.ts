/** Trains the lab's two networks off the main thread: one reply per request, weights transferred. */
import { createLabSession, transferables, type LabRequest } from './protocol';

const session = createLabSession();

self.onmessage = (event: MessageEvent<LabRequest>) => {
  const reply = session.handle(event.data);
  self.postMessage(reply, { transfer: transferables(reply) });
};
