/**
 * The lab trains its two networks in two workers, one each, and merges their replies to every
 * request into one. Here the two sessions run in-process: their merged replies must tell the page
 * what one session training both networks tells it.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/core/random';
import { DEFAULT_LAB_SETTINGS, LAB_LOSSES } from '../../src/engine/models/mnist-lab';
import { encodeMnistPack } from '../../src/engine/models/mnist-pack';
import { createLabSession, mergeReplies, type LabReply, type LabRequest } from '../../src/components/widgets/mnist-lab/protocol';

function syntheticPack(count: number, trainCount: number): ArrayBuffer {
  const rng = createRng(5);
  const pixels = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 10;
    // A bright band whose place depends on the label, over noise: learnable, not trivial.
    for (let k = 0; k < 784; k++) pixels[i * 784 + k] = Math.floor(rng() * 60) + (Math.floor(k / 78) === labels[i] ? 180 : 0);
  }
  return encodeMnistPack(pixels, labels, trainCount).slice().buffer;
}

const settings = { ...DEFAULT_LAB_SETTINGS, trainSize: 120, batchSize: 40, hidden: 8, epochs: 3 };
/** A clock that moves 1 ms per reading, so a chunk's budget is counted in batches, the same everywhere. */
const steppingClock = () => {
  let t = 0;
  return () => t++;
};

function conversation(handle: (request: LabRequest) => LabReply): LabReply[] {
  const replies = [handle({ type: 'data', bytes: syntheticPack(200, 150) }), handle({ type: 'start', generation: 1, settings })];
  for (let chunk = 0; chunk < 40; chunk++) {
    const reply = handle({ type: 'train', generation: 1, budgetMs: 2 });
    replies.push(reply);
    if (reply.type === 'progress' && reply.finished) break;
  }
  return replies;
}

const progressOf = (replies: LabReply[]) => replies.filter((reply) => reply.type === 'progress');

describe('two sessions, one network each, merged', () => {
  const both = createLabSession(steppingClock());
  const single = conversation((request) => both.handle(request));
  const sessions = LAB_LOSSES.map(() => createLabSession(steppingClock()));
  const merged = conversation((request) =>
    mergeReplies(sessions.map((session, i) => session.handle(request.type === 'start' ? { ...request, losses: [LAB_LOSSES[i]] } : request))),
  );

  it('report the same epochs, with the same numbers, as one session training both', () => {
    const reports = (replies: LabReply[]) =>
      progressOf(replies).flatMap((reply) => reply.reports).sort((a, b) => a.epoch - b.epoch || a.loss.localeCompare(b.loss));
    expect(reports(merged)).toHaveLength(2 * settings.epochs);
    expect(reports(merged)).toEqual(reports(single));
  });

  it('say where both networks are in every reply, and finish together', () => {
    for (const reply of progressOf(merged)) expect(reply.positions.map((position) => position.loss)).toEqual([...LAB_LOSSES]);
    expect(progressOf(merged).at(-1)).toMatchObject({ finished: true });
    expect(progressOf(merged).filter((reply) => reply.finished)).toHaveLength(1);
  });

  it('hand over the same final weights', () => {
    const last = (replies: LabReply[], loss: (typeof LAB_LOSSES)[number]) =>
      progressOf(replies).filter((reply) => reply.networks?.[loss]).at(-1)!.networks![loss]!;
    for (const loss of LAB_LOSSES) expect(last(merged, loss)).toEqual(last(single, loss));
  });

  it('pass on a refusal from either session', () => {
    const refused: LabReply = { type: 'refused', generation: 3, reason: 'not-started' };
    const progress = progressOf(merged)[0];
    expect(mergeReplies([progress, refused])).toBe(refused);
    expect(mergeReplies([refused, progress])).toBe(refused);
  });
});
