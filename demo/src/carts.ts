// The storefront's carts. The browser only names a cart; the merchant server (demo/server.ts → resolveOrder) decides
// its amount and content from this same table.
export interface DemoCart {
  reference: string;
  label: string;
  amount: number;
  currency: 'EUR' | 'JPY';
}

export const carts: Record<string, DemoCart> = {
  'cart-eur': { reference: 'cart-eur', label: 'Linen tote bag', amount: 4299, currency: 'EUR' },
  'cart-jpy': { reference: 'cart-jpy', label: 'Matcha tea set', amount: 4299, currency: 'JPY' },
};
