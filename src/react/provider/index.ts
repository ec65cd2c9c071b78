export { PurseProvider, type PurseProviderProps } from './PurseProvider.tsx';
export { usePurse, type PurseContextValue } from './context.ts';
export { themeToStyle, type PurseTheme } from './theme.ts';
