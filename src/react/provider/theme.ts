// Theme values become CSS custom properties on a wrapper element; styles.css reads them with accessible fallbacks.
import type { CSSProperties } from 'react';

/** Each key sets one custom property of styles.css, e.g. `colorAccent` → `--purse-color-accent`. */
export interface PurseTheme {
  colorAccent?: string;
  /** Text on the accent colour (buttons). Keep a contrast of at least 4.5:1 with `colorAccent`. */
  colorOnAccent?: string;
  colorText?: string;
  colorMuted?: string;
  colorBackground?: string;
  colorBorder?: string;
  colorError?: string;
  colorSuccess?: string;
  colorFocus?: string;
  radius?: string;
  fontFamily?: string;
  fontSize?: string;
  spacing?: string;
}

const toProperty = (key: string) => `--purse-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** `{ colorAccent: '#0a5' }` → `{ '--purse-color-accent': '#0a5' }`; empty values are left out. */
export function themeToStyle(theme: PurseTheme): CSSProperties {
  const style: Record<string, string> = {};
  for (const [key, value] of Object.entries(theme)) {
    if (typeof value === 'string' && value !== '') style[toProperty(key)] = value;
  }
  return style as CSSProperties;
}
