// Payment API v2 wire types, part 1: the order and customer objects shared by client sessions, payments, payment
// links and eligible solutions (snake_case, as in purse-docs/payment-api-v2-samples.txt).
//
// The reference marks only top-level fields as required; for nested objects it publishes samples, not schemas. Fields
// present in every sample that a request cannot sensibly omit are required here, the rest optional. Enumerations that
// the docs only show through sample values are "open": the known values plus any other string.

/** Known values of an enumeration that Purse does not publish in full; other strings stay assignable. */
export type OpenEnum<Known extends string> = Known | (string & {});

/** Amounts are integers in the currency's minor unit (4299 = 42.99 EUR). */
export type MinorUnits = number;

export type PaymentGender = OpenEnum<'MALE' | 'FEMALE'>;

export interface PaymentAddress {
  company_name?: string;
  gender?: PaymentGender;
  first_name?: string;
  middle_name?: string;
  last_name?: string;
  address_lines?: string[];
  city?: string;
  postal_code?: string;
  /** ISO 3166-1 alpha-2 ("FR"). */
  country_code?: string;
  /** ISO 3166-2 ("FR-HDF"). */
  province_code?: string;
  /** E.164. */
  phone_number?: string;
  mobile_phone_number?: string;
  work_phone_number?: string;
}

export interface ShippingAddress extends PaymentAddress {
  delivery_point_name?: string;
}

export type ItemLineType = OpenEnum<'PHYSICAL' | 'SHIPPING_FEES'>;

export interface ItemLine {
  type: ItemLineType;
  name: string;
  quantity: number;
  unit_gross_price: MinorUnits;
  net_amount: MinorUnits;
  sku_reference?: string;
  brand?: string;
  discount_amount?: MinorUnits;
  tax_amount?: MinorUnits;
  /** Percent (20 = 20 %). */
  tax_rate?: number;
  seller_reference?: string;
  seller_name?: string;
  is_marketplace_seller?: boolean;
  categories?: string[];
  product_uri?: string;
  image_uri?: string;
}

export type DeliveryType = OpenEnum<'USER_DELIVERY' | 'EXTERNAL_PICKUP'>;
export type DeliveryQuickness = OpenEnum<'REGULAR' | 'EXPRESS'>;

export interface Shipment {
  net_amount: MinorUnits;
  item_lines: ItemLine[];
  delivery_type?: DeliveryType;
  delivery_quickness?: DeliveryQuickness;
  delivery_method_reference?: string;
  /** ISO 8601 date-time. */
  estimated_delivery_date_time?: string;
  shipping_address?: ShippingAddress;
}

export interface OrderDiscount {
  net_amount: MinorUnits;
  tax_amount?: MinorUnits;
  coupon_code?: string;
  seller_reference?: string;
}

export interface MarketplaceSeller {
  name: string;
  reference: string;
  total_sales_count?: number;
  total_sales_amount?: MinorUnits;
  registration_date_time?: string;
  last_update_date_time?: string;
}

/** Information regarding the order and the items to be purchased. */
export interface PaymentOrder {
  /** The merchant's order reference. */
  reference: string;
  net_amount?: MinorUnits;
  tax_amount?: MinorUnits;
  discount_amount?: MinorUnits;
  billing_address?: PaymentAddress;
  shipments?: Shipment[];
  discounts?: OrderDiscount[];
  marketplace_sellers?: MarketplaceSeller[];
  /** Free merchant data, echoed back. */
  additional_data?: Record<string, unknown>;
}

/** The order part of a capture, refund or void: only what some payment methods need per operation. */
export type PaymentOperationOrder = Pick<Partial<PaymentOrder>, 'shipments' | 'discounts' | 'additional_data'>;

export type CustomerType = OpenEnum<'PERSON'>;
export type AccountPeriodIndicator = OpenEnum<'MORE_60_DAYS'>;

/** The shopper's account at the merchant; feeds 3DS risk analysis. Dates are ISO 8601 date-times. */
export interface CustomerAccount {
  creation_date_time?: string;
  update_date_time?: string;
  password_update_date_time?: string;
  purchase_count_last_day?: number;
  purchase_count_last_six_months?: number;
  purchase_count_last_year?: number;
  different_card_count_last_day?: number;
  authentication_method?: OpenEnum<'MERCHANT_CREDENTIALS'>;
  authentication_date_time?: string;
  age_indicator?: AccountPeriodIndicator;
  change_indicator?: AccountPeriodIndicator;
  password_change_indicator?: AccountPeriodIndicator;
  trust_indicator?: OpenEnum<'GOOD'>;
  purchase_total_amount?: MinorUnits;
  first_purchase_date_time?: string;
  prior_purchase_date_time?: string;
}

/** Information regarding the customer purchasing the order. */
export interface PaymentCustomer {
  /** The merchant's customer reference. Set by the merchant server, never taken from the browser. */
  reference?: string;
  type?: CustomerType;
  email?: string;
  gender?: PaymentGender;
  first_name?: string;
  middle_name?: string;
  last_name?: string;
  national_identifier?: string;
  /** ISO date ("1995-08-25"). */
  birth_date?: string;
  ip_address?: string;
  /** BCP 47 ("fr-FR"). */
  locale?: string;
  account?: CustomerAccount;
}

/** Browser information collected for 3DS (create payment only). */
export interface BrowserInfo {
  accept_header?: string;
  color_depth?: number;
  java_enabled?: boolean;
  javascript_enabled?: boolean;
  locale?: string;
  referrer?: string;
  screen_height?: number;
  screen_width?: number;
  user_agent?: string;
  utc_time_zone?: number;
}
