/** Trains off the main thread: every message is one request of protocol.ts, answered with one reply. */
import { createTrainingSession, type TrainerRequest } from './protocol';

const session = createTrainingSession();

self.onmessage = (event: MessageEvent<TrainerRequest>) => {
  self.postMessage(session.handle(event.data));
};
