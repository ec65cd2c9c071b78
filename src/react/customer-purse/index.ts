export { CustomerPurse, CustomerPurseView } from './CustomerPurse.tsx';
export type { CustomerPurseProps, CustomerPurseViewProps } from './CustomerPurse.tsx';
export { useCustomerPurse } from './useCustomerPurse.ts';
export type { CustomerPurseApi, UseCustomerPurseOptions } from './useCustomerPurse.ts';
