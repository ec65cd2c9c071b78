// The XcoAccount part of the public API: purse-react-kit/xco-account (with common.ts) and the root entry.

export * from '../xco-account/index.ts';
export type { XcoAccountState, XcoAccountStatus } from '../../core/xco-account/types.ts';
