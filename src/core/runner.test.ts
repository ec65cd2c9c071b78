// The shared runner without React: effects keyed by state, StrictMode's unmount + remount, late results dropped.
import { describe, expect, it, vi } from 'vitest';
import { MachineRunner, type Effect } from './runner.ts';

type State = { step: 'idle' | 'asking' | 'done'; answer?: string; asked: number };
type Event = { type: 'ASK' } | { type: 'ANSWER'; answer: string } | { type: 'CANCEL' };

const reducer = (state: State, event: Event): State => {
  switch (event.type) {
    case 'ASK':
      return state.step === 'asking' ? state : { step: 'asking', asked: state.asked + 1 };
    case 'ANSWER':
      return state.step === 'asking' ? { ...state, step: 'done', answer: event.answer } : state;
    case 'CANCEL':
      return state.step === 'asking' ? { ...state, step: 'idle' } : state;
  }
};

/** A machine whose `asking` state runs one request, answered when the test says. */
function setup() {
  const requests: { resolve: (answer: string) => void; signal: AbortSignal }[] = [];
  const effects = (state: State): Effect<Event>[] =>
    state.step === 'asking'
      ? [
          {
            key: `ask:${state.asked}`,
            run: ({ send, signal }) =>
              new Promise<string>((resolve) => requests.push({ resolve, signal })).then((answer) => send({ type: 'ANSWER', answer })),
          },
        ]
      : [];
  const onEvent = vi.fn();
  const runner = new MachineRunner<State, Event>({ step: 'idle', asked: 0 }, { reducer, effects, onEvent });
  return { runner, requests, onEvent };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('MachineRunner', () => {
  it('runs an effect only while mounted, once however StrictMode unmounts and remounts', async () => {
    const { runner, requests } = setup();
    runner.send({ type: 'ASK' });
    expect(requests).toHaveLength(0); // not mounted yet
    runner.attach();
    runner.detach();
    runner.attach();
    await tick();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.signal.aborted).toBe(false);
  });

  it('stops an effect its state no longer asks for: aborted, and its late answer dropped', async () => {
    const { runner, requests } = setup();
    runner.attach();
    await tick();
    runner.send({ type: 'ASK' });
    runner.send({ type: 'CANCEL' });
    expect(requests[0]!.signal.aborted).toBe(true);
    requests[0]!.resolve('late');
    await tick();
    expect(runner.getState().step).toBe('idle');
    expect(runner.getState().answer).toBeUndefined();
    // A new intent is a new effect.
    runner.send({ type: 'ASK' });
    requests[1]!.resolve('fresh');
    await tick();
    expect(runner.getState()).toMatchObject({ step: 'done', answer: 'fresh' });
  });

  it('stops everything on a real unmount', async () => {
    const { runner, requests } = setup();
    runner.attach();
    await tick();
    runner.send({ type: 'ASK' });
    runner.detach();
    await tick();
    expect(requests[0]!.signal.aborted).toBe(true);
    requests[0]!.resolve('late');
    await tick();
    expect(runner.getState().step).toBe('asking');
  });

  it('tells listeners of changes only, and reports every event', () => {
    const { runner, onEvent } = setup();
    const listener = vi.fn();
    runner.subscribe(listener);
    runner.send({ type: 'ASK' });
    runner.send({ type: 'ASK' }); // ignored by the reducer: same state
    expect(listener).toHaveBeenCalledTimes(1);
    expect(onEvent).toHaveBeenCalledTimes(2);
    expect(onEvent.mock.calls[1]![0]).toBe(onEvent.mock.calls[1]![1]);
  });

  it('resolves settled(key) when the effect finishes', async () => {
    const { runner, requests } = setup();
    runner.attach();
    await tick();
    runner.send({ type: 'ASK' });
    const settled = runner.settled('ask:1');
    let done = false;
    void settled.then(() => (done = true));
    await tick();
    expect(done).toBe(false);
    requests[0]!.resolve('ok');
    await settled;
    expect(runner.getState().answer).toBe('ok');
  });

  it('refresh() applies effects that depend on more than the state (a prop), and keeps those that did not change', async () => {
    let prop = 'a';
    const started: string[] = [];
    const stopped: string[] = [];
    const runner = new MachineRunner<State, Event>(
      { step: 'idle', asked: 0 },
      {
        reducer,
        effects: () => [
          {
            key: `prop:${prop}`,
            run: ({ onStop }) => {
              const value = prop;
              started.push(value);
              onStop(() => stopped.push(value));
            },
          },
          { key: 'fixed', run: () => void started.push('fixed') },
        ],
      },
    );
    runner.attach();
    await tick();
    expect(started).toEqual(['a', 'fixed']);
    prop = 'b';
    runner.refresh();
    expect(started).toEqual(['a', 'fixed', 'b']);
    expect(stopped).toEqual(['a']);
  });
});
