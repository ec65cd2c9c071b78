import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyView } from './lazy.tsx';

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
