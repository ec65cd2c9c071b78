// An AbortSignal that tracks the 'abort' listeners it still holds: a long-lived signal (a page's, a component's) must
// not collect one per request, sleep or script load.
export function countingSignal() {
  const controller = new AbortController();
  const { signal } = controller;
  const live = new Set<unknown>();
  const add = signal.addEventListener.bind(signal);
  const remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
    live.add(listener);
    add(type, listener, options);
  };
  signal.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) => {
    live.delete(listener);
    remove(type, listener, options);
  };
  return { controller, signal, live };
}
