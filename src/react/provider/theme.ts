// Theme values become CSS custom properties on a wrapper element; styles.css reads them with accessible fallbacks.
import type { CSSProperties } from 'react';

/** Each key sets one custom property of styles.css, e.g. `colorAccent` → `--purse-color-accent`. */
export interface PurseTheme {
  /**
   * Buttons, links and the selected step. Keep a contrast of at least 4.5:1 with `colorBackground`.
   * @defaultValue '#0b57d0'
   */
  colorAccent?: string;
  /**
   * Text on the accent colour (buttons). Keep a contrast of at least 4.5:1 with `colorAccent`.
   * @defaultValue '#ffffff'
   */
  colorOnAccent?: string;
  /**
   * Body text. Keep a contrast of at least 4.5:1 with `colorBackground`.
   * @defaultValue '#1a1a1a'
   */
  colorText?: string;
  /**
   * Hints and secondary text. Keep a contrast of at least 4.5:1 with `colorBackground`.
   * @defaultValue '#595959'
   */
  colorMuted?: string;
  /**
   * Background of fields and cards.
   * @defaultValue '#ffffff'
   */
  colorBackground?: string;
  /**
   * Borders of fields (at least 3:1 with `colorBackground`).
   * @defaultValue '#767676'
   */
  colorBorder?: string;
  /**
   * Error messages and invalid fields.
   * @defaultValue '#b3261e'
   */
  colorError?: string;
  /**
   * Success messages.
   * @defaultValue '#146c2e'
   */
  colorSuccess?: string;
  /**
   * The focus ring (at least 3:1 with `colorBackground`).
   * @defaultValue '#0b57d0'
   */
  colorFocus?: string;
  /**
   * Corner radius of fields, buttons and cards.
   * @defaultValue '8px'
   */
  radius?: string;
  /**
   * Font of every text.
   * @defaultValue "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
   */
  fontFamily?: string;
  /**
   * Base font size.
   * @defaultValue '1rem'
   */
  fontSize?: string;
  /**
   * Base gap between parts.
   * @defaultValue '1rem'
   */
  spacing?: string;
}

const toProperty = (key: string) => `--purse-${key.replace(/[A-Z]/g, '-$&').toLowerCase()}`;

/** `{ colorAccent: '#0a5' }` → `{ '--purse-color-accent': '#0a5' }`; empty values are left out. */
export function themeToStyle(theme: PurseTheme): CSSProperties {
  const style: Record<string, string> = {};
  for (const [key, value] of Object.entries(theme)) {
    if (typeof value === 'string' && value !== '') style[toProperty(key)] = value;
  }
  return style as CSSProperties;
}
