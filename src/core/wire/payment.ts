// Payment API v2 wire types: the order and customer objects, client sessions, payments and payment links.
export * from './payment-order.ts';
export * from './payment-session.ts';
export * from './payment-result.ts';
export * from './payment-link.ts';
