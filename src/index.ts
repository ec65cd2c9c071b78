// purse-react-kit: the React components and hooks, plus everything of purse-react-kit/core.
// Never imports server/ or mock-server/.
export * from './core/index.ts';
export * from './react/index.ts';
