// What the pages show of a product: its texts and picture. Prices are in catalog.ts.
import matchaImage from './assets/matcha.svg';
import toteImage from './assets/tote.svg';
import type { ProductId } from './catalog.ts';
import type { DemoKey } from './i18n/index.ts';

export const PRODUCT_VIEWS: Record<ProductId, { name: DemoKey; description: DemoKey; image: string; alt: DemoKey }> = {
  tote: { name: 'product.tote.name', description: 'product.tote.description', image: toteImage, alt: 'product.tote.image' },
  matcha: { name: 'product.matcha.name', description: 'product.matcha.description', image: matchaImage, alt: 'product.matcha.image' },
};
