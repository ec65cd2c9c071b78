// purse-react-kit: the browser entry (see react/index.ts for what it holds). Never imports server/ or mock-server/.
export * from './react/index.ts';
