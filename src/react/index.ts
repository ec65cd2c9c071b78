// The React layer: provider, i18n, and the XCO signup component with its headless hook.
export { PurseProvider, usePurse, themeToStyle } from './provider/index.ts';
export type { PurseProviderProps, PurseContextValue, PurseTheme } from './provider/index.ts';
export { createTranslator, en, fr } from './i18n/index.ts';
export type { MessageKey, Messages, PurseLocale, Translator } from './i18n/index.ts';
export { LiveRegion } from './shared/parts.tsx';
export * from './xco-signup/index.ts';
export * from './customer-purse/index.ts';
export * from './xco-account/index.ts';
