export { XcoAccount, XcoAccountView } from './XcoAccount.tsx';
export type { XcoAccountProps, XcoAccountViewProps } from './XcoAccount.tsx';
export { useXcoAccount } from './useXcoAccount.ts';
export type { UseXcoAccountOptions, XcoAccountApi } from './useXcoAccount.ts';
