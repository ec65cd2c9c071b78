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

/** A person's gender in the Payment API. */
export type PaymentGender = OpenEnum<'MALE' | 'FEMALE'>;

/** A postal address with the person at it. */
export interface PaymentAddress {
  /** Company name, for a business address. */
  company_name?: string;
  /** The person's gender. */
  gender?: PaymentGender;
  /** Given name. */
  first_name?: string;
  /** Middle name. */
  middle_name?: string;
  /** Family name. */
  last_name?: string;
  /** Street lines, in order. */
  address_lines?: string[];
  /** The city. */
  city?: string;
  /** The postal code. */
  postal_code?: string;
  /** ISO 3166-1 alpha-2 ("FR"). */
  country_code?: string;
  /** ISO 3166-2 ("FR-HDF"). */
  province_code?: string;
  /** E.164. */
  phone_number?: string;
  /** Mobile phone, E.164. */
  mobile_phone_number?: string;
  /** Work phone, E.164. */
  work_phone_number?: string;
}

/** A delivery address. */
export interface ShippingAddress extends PaymentAddress {
  /** The pickup point or locker name. */
  delivery_point_name?: string;
}

/** A physical item or shipping fees. */
export type ItemLineType = OpenEnum<'PHYSICAL' | 'SHIPPING_FEES'>;

/** One line of a shipment. */
export interface ItemLine {
  /** Its type. */
  type: ItemLineType;
  /** Its name. */
  name: string;
  /** How many. */
  quantity: number;
  /** Price of one unit, taxes included, in minor units. */
  unit_gross_price: MinorUnits;
  /** Amount in minor units. */
  net_amount: MinorUnits;
  /** The merchant's SKU. */
  sku_reference?: string;
  /** The product's brand. */
  brand?: string;
  /** Discount in minor units. */
  discount_amount?: MinorUnits;
  /** Tax in minor units. */
  tax_amount?: MinorUnits;
  /** Percent (20 = 20 %). */
  tax_rate?: number;
  /** The marketplace seller's reference. */
  seller_reference?: string;
  /** The marketplace seller's name. */
  seller_name?: string;
  /** Sold by a marketplace seller rather than the merchant. */
  is_marketplace_seller?: boolean;
  /** Product categories. */
  categories?: string[];
  /** The product page URL. */
  product_uri?: string;
  /** The product image URL. */
  image_uri?: string;
}

/** How the order reaches the shopper. */
export type DeliveryType = OpenEnum<'USER_DELIVERY' | 'EXTERNAL_PICKUP'>;
/** How fast. */
export type DeliveryQuickness = OpenEnum<'REGULAR' | 'EXPRESS'>;

/** Items shipped together. */
export interface Shipment {
  /** Amount in minor units. */
  net_amount: MinorUnits;
  /** The items of the shipment. */
  item_lines: ItemLine[];
  /** Home delivery or pickup. */
  delivery_type?: DeliveryType;
  /** Regular or express. */
  delivery_quickness?: DeliveryQuickness;
  /** The merchant's delivery method. */
  delivery_method_reference?: string;
  /** ISO 8601 date-time. */
  estimated_delivery_date_time?: string;
  /** Where it is delivered. */
  shipping_address?: ShippingAddress;
}

/** A discount on the order. */
export interface OrderDiscount {
  /** Amount in minor units. */
  net_amount: MinorUnits;
  /** Tax in minor units. */
  tax_amount?: MinorUnits;
  /** The coupon that gave the discount. */
  coupon_code?: string;
  /** The marketplace seller's reference. */
  seller_reference?: string;
}

/** A marketplace seller of the order. */
export interface MarketplaceSeller {
  /** Its name. */
  name: string;
  /** The merchant's reference. */
  reference: string;
  /** Sales of the seller so far. */
  total_sales_count?: number;
  /** Sales amount of the seller so far, in minor units. */
  total_sales_amount?: MinorUnits;
  /** When the seller registered (ISO 8601). */
  registration_date_time?: string;
  /** When the seller was last updated (ISO 8601). */
  last_update_date_time?: string;
}

/** Information regarding the order and the items to be purchased. */
export interface PaymentOrder {
  /** The merchant's order reference. */
  reference: string;
  /** Amount in minor units. */
  net_amount?: MinorUnits;
  /** Tax in minor units. */
  tax_amount?: MinorUnits;
  /** Discount in minor units. */
  discount_amount?: MinorUnits;
  /** The billing address. */
  billing_address?: PaymentAddress;
  /** What is shipped, and where. */
  shipments?: Shipment[];
  /** Order-level discounts. */
  discounts?: OrderDiscount[];
  /** The marketplace sellers of the order. */
  marketplace_sellers?: MarketplaceSeller[];
  /** Free merchant data, echoed back. */
  additional_data?: Record<string, unknown>;
}

/** The order part of a capture, refund or void: only what some payment methods need per operation. */
export type PaymentOperationOrder = Pick<Partial<PaymentOrder>, 'shipments' | 'discounts' | 'additional_data'>;

/** A person (or other kinds Purse may add). */
export type CustomerType = OpenEnum<'PERSON'>;
/** How long ago something happened to the account. */
export type AccountPeriodIndicator = OpenEnum<'MORE_60_DAYS'>;

/** The shopper's account at the merchant; feeds 3DS risk analysis. Dates are ISO 8601 date-times. */
export interface CustomerAccount {
  /** When the account was created. */
  creation_date_time?: string;
  /** When the account was last changed. */
  update_date_time?: string;
  /** When the password was last changed. */
  password_update_date_time?: string;
  /** Purchases in the last 24 hours. */
  purchase_count_last_day?: number;
  /** Purchases in the last six months. */
  purchase_count_last_six_months?: number;
  /** Purchases in the last year. */
  purchase_count_last_year?: number;
  /** Different cards used in the last 24 hours. */
  different_card_count_last_day?: number;
  /** How the shopper signed in. */
  authentication_method?: OpenEnum<'MERCHANT_CREDENTIALS'>;
  /** When the shopper signed in. */
  authentication_date_time?: string;
  /** How old the account is. */
  age_indicator?: AccountPeriodIndicator;
  /** How long ago the account last changed. */
  change_indicator?: AccountPeriodIndicator;
  /** How long ago the password last changed. */
  password_change_indicator?: AccountPeriodIndicator;
  /** The merchant's trust in the account. */
  trust_indicator?: OpenEnum<'GOOD'>;
  /** Total purchases, in minor units. */
  purchase_total_amount?: MinorUnits;
  /** When the first purchase was made. */
  first_purchase_date_time?: string;
  /** When the previous purchase was made. */
  prior_purchase_date_time?: string;
}

/** Information regarding the customer purchasing the order. */
export interface PaymentCustomer {
  /** The merchant's customer reference. Set by the merchant server, never taken from the browser. */
  reference?: string;
  /** Its type. */
  type?: CustomerType;
  /** Email address. */
  email?: string;
  /** The person's gender. */
  gender?: PaymentGender;
  /** Given name. */
  first_name?: string;
  /** Middle name. */
  middle_name?: string;
  /** Family name. */
  last_name?: string;
  /** A national identity number, where a method needs one. */
  national_identifier?: string;
  /** ISO date ("1995-08-25"). */
  birth_date?: string;
  /** The shopper's IP address. */
  ip_address?: string;
  /** BCP 47 ("fr-FR"). */
  locale?: string;
  /** The shopper's account at the merchant. */
  account?: CustomerAccount;
}

/** Browser information collected for 3DS (create payment only). */
export interface BrowserInfo {
  /** The browser's Accept header. */
  accept_header?: string;
  /** Screen color depth in bits. */
  color_depth?: number;
  /** Java is enabled. */
  java_enabled?: boolean;
  /** JavaScript is enabled. */
  javascript_enabled?: boolean;
  /** BCP 47 locale. */
  locale?: string;
  /** The referring page. */
  referrer?: string;
  /** Screen height in pixels. */
  screen_height?: number;
  /** Screen width in pixels. */
  screen_width?: number;
  /** The browser's User-Agent. */
  user_agent?: string;
  /** Offset from UTC in minutes. */
  utc_time_zone?: number;
}
