import { describe, expect, it } from 'vitest';
import { EngineClient } from './client';
import { NOT_KEPT, type DecodeRequest, type PageInput, type WorkerResponse } from './protocol';

/** A Worker stand-in that answers decode requests as `answer` says, recording what was posted. */
function fakeEngine(answer: (request: DecodeRequest) => 'decoded' | 'not kept') {
  const posted: { request: DecodeRequest; transfer: readonly Transferable[] }[] = [];
  let listener: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  const worker = {
    addEventListener(type: string, fn: (event: MessageEvent<WorkerResponse>) => void) {
      if (type === 'message') listener = fn;
    },
    postMessage(request: DecodeRequest, transfer: Transferable[] = []) {
      posted.push({ request, transfer });
      const reply: WorkerResponse =
        answer(request) === 'decoded'
          ? { type: 'result', id: request.id, result: { kind: 'decoded', input: { name: request.name } as unknown as PageInput } }
          : { type: 'failure', id: request.id, message: NOT_KEPT };
      queueMicrotask(() => listener?.({ data: reply } as MessageEvent<WorkerResponse>));
    },
    terminate() {},
  } as unknown as Worker;
  return { client: new EngineClient(() => worker), posted };
}

describe('EngineClient.decode: the bytes the engine kept when it read the file', () => {
  const bytes = new Uint8Array([1, 2, 3]);

  it.each([
    ['kept, and the engine still holds them', 'sha-a', 'decoded', [[null, 'sha-a', 0]], 'nothing is copied or sent from the page'],
    ['kept, but the engine no longer holds them', 'sha-a', 'not kept', [[null, 'sha-a', 0], [3, undefined, 1]], 'restarted or evicted: a copy of the bytes is sent, transferred'],
    ['not read by the engine (pasted text)', undefined, 'decoded', [[3, undefined, 1]], 'the bytes are sent as before'],
  ] as const)('%s', async (_what, kept, engineHas, expected, why) => {
    const { client, posted } = fakeEngine((r) => (r.bytes === null ? (engineHas === 'decoded' ? 'decoded' : 'not kept') : 'decoded'));
    const input = await client.decode('a.pem', bytes, [], undefined, undefined, kept);
    expect(input.name).toBe('a.pem');
    expect(posted.map((p) => [p.request.bytes?.length ?? null, p.request.kept, p.transfer.length]), why).toEqual(expected);
    expect(bytes.length, "the caller's bytes stay whole").toBe(3);
  });

  it('passes on any other failure', async () => {
    let listener: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
    const worker = {
      addEventListener: (type: string, fn: typeof listener) => {
        if (type === 'message') listener = fn;
      },
      postMessage: (request: DecodeRequest) => queueMicrotask(() => listener?.({ data: { type: 'failure', id: request.id, message: 'MALFORMED: no' } } as MessageEvent<WorkerResponse>)),
      terminate() {},
    } as unknown as Worker;
    await expect(new EngineClient(() => worker).decode('a.pem', bytes, [], undefined, undefined, 'sha-a')).rejects.toThrow('MALFORMED: no');
  });
});

describe('EngineClient: the page says when it is idle, so the engine takes turns with it (page-pace.ts)', () => {
  /** A Worker stand-in that paces itself as the engine does: after a completeAnswers request, each page idle signal brings the next of `batches` batches, then the result. */
  function pacedEngine(batches: number) {
    const posted: string[] = [];
    let listener: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
    const send = (message: WorkerResponse) => setTimeout(() => listener?.({ data: message } as MessageEvent<WorkerResponse>), 1);
    let sweep: { id: number; sent: number } | null = null;
    const worker = {
      addEventListener(type: string, fn: typeof listener) {
        if (type === 'message') listener = fn;
      },
      postMessage(request: { type: string; id: number }) {
        posted.push(request.type);
        if (request.type === 'completeAnswers') sweep = { id: request.id, sent: 0 };
        if (request.type === 'pageIdle' && sweep) {
          if (sweep.sent < batches) {
            sweep.sent++;
            send({ type: 'progress', id: sweep.id, phase: 'answers', done: sweep.sent, total: batches, answered: [] });
          } else {
            send({ type: 'result', id: sweep.id, result: { kind: 'answersCompleted', count: batches } });
            sweep = null;
          }
        }
        if (request.type === 'analyze') send({ type: 'result', id: request.id, result: { kind: 'analyzed', analysis: { id: request.id } as never } });
      },
      terminate() {},
    } as unknown as Worker;
    return { client: new EngineClient(() => worker), posted };
  }
  const tasks = (n: number) => new Promise((resolve) => setTimeout(resolve, n));

  it('one signal when the answers are asked for, and one after each batch the page took', async () => {
    const { client, posted } = pacedEngine(3);
    const batches: number[] = [];
    // Resolves only if every batch was followed by the page's signal: the engine waits for it.
    await expect(client.completeAnswers(7, (p) => batches.push(p.done))).resolves.toBe(3);
    expect(batches).toEqual([1, 2, 3]);
    expect(posted).toEqual(['completeAnswers', 'pageIdle', 'pageIdle', 'pageIdle', 'pageIdle']);
  });

  it('asked for many times before the page idles: one signal', async () => {
    const { client, posted } = pacedEngine(0);
    client.pageIdleSoon();
    client.pageIdleSoon();
    client.pageIdleSoon();
    expect(posted).toEqual([]);
    await tasks(2);
    expect(posted).toEqual(['pageIdle']);
    client.pageIdleSoon();
    await tasks(2);
    expect(posted).toEqual(['pageIdle', 'pageIdle']);
  });

  it('a hidden page says it is idle at once, and a page hidden while a signal waits sends it then', async () => {
    const page = Object.assign(new EventTarget(), { visibilityState: 'hidden' as DocumentVisibilityState });
    const g = globalThis as { document?: unknown };
    g.document = page;
    try {
      const { client, posted } = pacedEngine(0);
      client.pageIdleSoon();
      expect(posted, 'hidden: nothing to render, and idle callbacks and timers are throttled').toEqual(['pageIdle']);
      page.visibilityState = 'visible';
      client.pageIdleSoon();
      expect(posted).toEqual(['pageIdle']);
      page.visibilityState = 'hidden';
      page.dispatchEvent(new Event('visibilitychange'));
      expect(posted, 'hidden before the idle period came').toEqual(['pageIdle', 'pageIdle']);
      await tasks(3);
      expect(posted, 'the idle callback it replaced sends nothing more').toEqual(['pageIdle', 'pageIdle']);
    } finally {
      delete g.document;
    }
  });

  it('an analysis is followed by a signal, so a big one starts once the page is idle', async () => {
    const { client, posted } = pacedEngine(0);
    await client.analyze(['a'], null, '2026-06-01T00:00:00Z', []);
    await tasks(2);
    expect(posted).toEqual(['analyze', 'pageIdle']);
  });
});
