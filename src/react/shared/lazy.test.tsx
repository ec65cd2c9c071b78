import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyModule, lazyView } from './lazy.tsx';

const Real = ({ name }: { name: string }) => <p>Real view for {name}</p>;
const Fallback = ({ name }: { name: string }) => <p>Fallback for {name}</p>;

describe('lazyView', () => {
  it('renders the view once downloaded', async () => {
    const View = lazyView(async () => Real, Fallback);
    render(
      <Suspense fallback={<p>Loading</p>}>
        <View name="Ada" />
      </Suspense>,
    );
    expect(await screen.findByText('Real view for Ada')).toBeInTheDocument();
  });

  it('renders the fallback, not an error, when the download fails', async () => {
    const View = lazyView<{ name: string }>(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')), Fallback);
    render(
      <Suspense fallback={<p>Loading</p>}>
        <View name="Ada" />
      </Suspense>,
    );
    expect(await screen.findByText('Fallback for Ada')).toBeInTheDocument();
  });

  it('downloads again at render when an earlier preload failed', async () => {
    let calls = 0;
    const View = lazyView<{ name: string }>(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('offline');
      return Real;
    }, Fallback);
    await View.preload();
    render(
      <Suspense fallback={<p>Loading</p>}>
        <View name="Ada" />
      </Suspense>,
    );
    expect(await screen.findByText('Real view for Ada')).toBeInTheDocument();
    expect(calls).toBe(2);
  });
});

describe('lazyModule', () => {
  it('an idle preload never takes away a failure the shopper reads; only their own attempt downloads again', async () => {
    let calls = 0;
    const words = lazyModule(async () => {
      calls += 1;
      if (calls === 1) throw new TypeError('offline');
      return { hello: 'Hello' };
    });
    function Words() {
      const loaded = words.useModule();
      return <p>{loaded ? loaded.hello : loaded === false ? 'Could not load' : 'On its way'}</p>;
    }
    render(<Words />);
    await act(() => words.load());
    expect(screen.getByText('Could not load')).toBeInTheDocument();

    await act(() => words.preload());
    expect(screen.getByText('Could not load')).toBeInTheDocument();
    expect(calls).toBe(1);

    await act(() => words.load());
    expect(screen.getByText('Hello')).toBeInTheDocument();
    expect(calls).toBe(2);
  });
});
