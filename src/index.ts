// purse-react-kit: the React components and hooks. Never imports server/ or mock-server/.
export * from './core/index.ts';
