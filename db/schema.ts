import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** 0/1 in SQLite. */
type Flag = number;

export interface UserTable {
  id: string;
  name: string | null;
  email: string;
  emailVerified: string | null;
  image: string | null;
}

export interface AccountTable {
  id: Generated<string>;
  userId: string;
  type: string;
  provider: string;
  providerAccountId: string;
  refresh_token: string | null;
  access_token: string | null;
  expires_at: number | null;
  token_type: string | null;
  scope: string | null;
  id_token: string | null;
  session_state: string | null;
}

export interface SessionTable {
  id: Generated<string>;
  sessionToken: string;
  userId: string;
  expires: string;
}

export interface VerificationTokenTable {
  identifier: string;
  token: string;
  expires: string;
}

export interface CredentialsTable {
  user_id: string;
  password_hash: string;
  created_at: number;
  updated_at: number;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  window_started_at: number;
  locked_until: number | null;
}

export interface WorkspaceTable {
  id: string;
  name: string;
  api_time_zone: Generated<string>;
  last_order_number: Generated<number>;
  /** Bumped whenever the workspace's rate cards or USPS zone charts change (rating caches compare it). */
  rating_version: Generated<number>;
  /** 1 once the built-in sample rate cards were given to the workspace (lib/rating/rate-cards.ts). */
  rate_cards_seeded: Generated<Flag>;
  created_at: number;
}

export type Role = "owner" | "admin" | "member";

export interface MembershipTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: number;
}

/** A link that adds its holder to a workspace: single-use, revocable, expiring; only the token's hash is stored. */
export interface WorkspaceInvitationTable {
  id: Generated<number>;
  workspace_id: string;
  /** Lowercased, as sign-up stores emails: the signed-in user's email must be this one. */
  email: string;
  role: Role;
  token_hash: string;
  invited_by: string | null;
  created_at: number;
  expires_at: number;
  accepted_at: Generated<number | null>;
  accepted_by: Generated<string | null>;
  revoked_at: Generated<number | null>;
}

export type StoreErrorKind = "auth" | "rate_limited" | "unavailable" | "bad_response" | "not_found" | "internal";

export type Platform = "manual" | "shopify" | "woocommerce" | "amazon" | "bigcommerce" | "custom_store";

export interface StoreTable {
  id: Generated<number>;
  workspace_id: string;
  platform: Platform;
  name: string;
  base_url: string | null;
  credentials: string | null;
  status_mapping: string | null;
  active: Generated<Flag>;
  auto_import: Generated<Flag>;
  cursor: string | null;
  last_import_at: number | null;
  last_new_order_at: number | null;
  next_import_at: number | null;
  lease_owner: string | null;
  lease_until: number | null;
  consecutive_failures: Generated<number>;
  last_error: string | null;
  /** What the scheduler has learned of the store: lib/imports/schedule.ts's StoreHistory, as JSON. */
  schedule: Generated<string | null>;
  /** Why `next_import_at` is when it is (a ScheduleReason, as JSON), for the Stores page. */
  next_import_reason: Generated<string | null>;
  /** The store's expected orders an hour when it was scheduled: the tick's ordering reads it. */
  orders_per_hour: Generated<number>;
  /** The kind of the last import's error (ConnectorError's), so the merchant is told what to do. */
  last_error_kind: Generated<StoreErrorKind | null>;
  /** When the store's last week (or a range the merchant asked for) was last read again. */
  last_sweep_at: Generated<number | null>;
  /** How many orders that sweep created: orders the incremental pulls had missed. */
  last_sweep_missed: Generated<number | null>;
  created_at: number;
  modified_at: number;
  /** Set when the merchant deleted the store: it is gone from the Stores page and the API, its orders stay. */
  deleted_at: Generated<number | null>;
  /** When the store's saved settings were last tested (Test connection or Save); null: never. */
  connection_tested_at: Generated<number | null>;
  /** That test's failure in plain words; null when it worked. */
  connection_error: Generated<string | null>;
}

export type OrderStatus = "awaiting_payment" | "awaiting_shipment" | "pending_fulfillment" | "shipped" | "on_hold" | "cancelled";

export interface OrderTable {
  id: Generated<number>;
  workspace_id: string;
  store_id: number;
  order_key: string;
  order_number: string;
  status: OrderStatus;
  active: Flag;
  order_date: number;
  payment_date: number | null;
  ship_by_date: number | null;
  ship_date: number | null;
  hold_until_date: number | null;
  customer_username: string | null;
  customer_email: string | null;
  bill_to_name: string | null;
  bill_to_company: string | null;
  bill_to_street1: string | null;
  bill_to_street2: string | null;
  bill_to_street3: string | null;
  bill_to_city: string | null;
  bill_to_state: string | null;
  bill_to_postal_code: string | null;
  bill_to_country: string | null;
  bill_to_phone: string | null;
  bill_to_residential: Flag | null;
  ship_to_name: string | null;
  ship_to_company: string | null;
  ship_to_street1: string | null;
  ship_to_street2: string | null;
  ship_to_street3: string | null;
  ship_to_city: string | null;
  ship_to_state: string | null;
  ship_to_postal_code: string | null;
  ship_to_country: string | null;
  ship_to_phone: string | null;
  ship_to_residential: Flag | null;
  order_total: number;
  amount_paid: number;
  tax_amount: number;
  shipping_amount: number;
  currency: string;
  weight_oz: number | null;
  /** Not `length`: @libsql/client's rows are array-like and a column named length is lost. */
  dim_length: number | null;
  dim_width: number | null;
  dim_height: number | null;
  dim_units: string | null;
  requested_shipping_service: string | null;
  carrier_code: string | null;
  service_code: string | null;
  package_code: string | null;
  confirmation: string | null;
  customer_notes: string | null;
  internal_notes: string | null;
  gift: Flag;
  gift_message: string | null;
  payment_method: string | null;
  custom_field1: string | null;
  custom_field2: string | null;
  custom_field3: string | null;
  source: string | null;
  /** JSON of the ShipStation fields without a column (insurance, international, advanced options, tag ids). */
  extra: string | null;
  channel_modified_at: number | null;
  created_at: number;
  modified_at: number;
  reactivated_in_channel_at: number | null;
  replaced_by_order_id: number | null;
  /** Set by DELETE /orders/{id}: hidden from lists and counts, history kept. */
  deleted_at: Generated<number | null>;
  tracking_number: Generated<string | null>;
  /**
   * What the source that last wrote the order sent, digested, in the column for its kind (see
   * DIGEST_COLUMNS in lib/orders/merge.ts); the other two are null.
   */
  order_digest: Generated<string | null>;
  api_digest: Generated<string | null>;
  csv_fingerprint: Generated<string | null>;
  /** The fingerprint of the CSV AUTO row that created the order, kept for good: a re-import of that row finds the order. */
  csv_auto_row: Generated<string | null>;
  /** 1 when order_total is Shipdeck's items + tax + shipping (recomputed on edits), 0 when it is the channel's figure as sent. */
  order_total_computed: Generated<Flag>;
}

export interface OrderItemTable {
  id: Generated<number>;
  order_id: number;
  position: number;
  line_item_key: string | null;
  sku: string | null;
  name: string;
  image_url: string | null;
  weight_oz: number | null;
  quantity: number;
  unit_price: number;
  tax_amount: number | null;
  shipping_amount: number | null;
  warehouse_location: string | null;
  options: string | null;
  product_id: string | null;
  fulfillment_sku: string | null;
  adjustment: Flag;
  upc: string | null;
}

export interface OrderEventTable {
  id: Generated<number>;
  order_id: number;
  workspace_id: string;
  at: number;
  action: string;
  source: string;
  actor: string | null;
  import_run_id: number | null;
  change_set: string | null;
}

export interface OrderCountTable {
  workspace_id: string;
  store_id: number;
  status: OrderStatus;
  n: number;
}

export interface ImportRunTable {
  id: Generated<number>;
  workspace_id: string;
  store_id: number | null;
  kind: "store" | "csv" | "api" | "manual";
  trigger: "manual" | "schedule" | "webhook" | "api";
  started_at: number;
  finished_at: number | null;
  status: Generated<"running" | "succeeded" | "failed" | "partial">;
  fetched: Generated<number>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  skipped: Generated<number>;
  failed: Generated<number>;
  cursor_before: string | null;
  cursor_after: string | null;
  error: string | null;
  /** Pages of the platform read so far: a running import's progress. */
  pages: Generated<number>;
  /** Set on a sweep: the window it read again (a scheduled sweep's last week, or the merchant's range). */
  sweep_from: Generated<number | null>;
  sweep_until: Generated<number | null>;
}

export interface ImportErrorTable {
  id: Generated<number>;
  run_id: number;
  ref: string | null;
  code: string;
  message: string;
}

export interface ApiKeyTable {
  id: Generated<number>;
  workspace_id: string;
  name: string;
  /** The public half, sent as the Basic auth user name. */
  key: string;
  /** SHA-256 of the secret, base64url. */
  secret_hash: string;
  created_by: string | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface RateLimitWindowTable {
  key: string;
  window_start: number;
  count: number;
}

export interface WebhookDeliveryTable {
  store_id: number;
  delivery_id: string;
  received_at: number;
}

export type CsvImportStatus = "running" | "succeeded" | "partial" | "failed";

export interface CsvImportTable {
  id: string;
  workspace_id: string;
  store_id: number;
  run_id: number;
  file_name: string;
  /** JSON: timeZone, dateOrder, weightUnit, blankCells. */
  options: string;
  /** JSON: column index → field key or null. */
  mapping: string;
  /** JSON: the file's header row. */
  headers: string;
  total_chunks: number;
  total_rows: number;
  /** Rows the browser could not read into orders (each reported to the merchant), never sent. */
  rows_left_out: Generated<number>;
  status: Generated<CsvImportStatus>;
  created: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  skipped: Generated<number>;
  failed: Generated<number>;
  created_at: number;
  finished_at: number | null;
}

/** A chunk applied: written in the transaction that applied it, so a chunk is applied once. */
export interface CsvImportChunkTable {
  import_id: string;
  chunk_index: number;
  /** JSON: the chunk's counts and the orders it reports one by one (CsvChunkRecord). */
  results: string;
  applied_at: number;
}

export interface CsvMappingTable {
  id: Generated<number>;
  workspace_id: string;
  name: string;
  headers_signature: string;
  /** JSON: column index → field key or null. */
  mapping: string;
  /** JSON: the import options it was saved with (SavedCsvOptions); null for mappings saved before options were kept. */
  options: string | null;
  /** JSON: the file's header row when the mapping was saved; null for mappings saved before headers were kept. */
  headers: Generated<string | null>;
  created_at: number;
}

export interface ShipFromLocationTable {
  id: Generated<number>;
  workspace_id: string;
  name: string;
  company: string | null;
  street1: string;
  street2: string | null;
  city: string;
  state: string | null;
  postal_code: string;
  country: string;
  phone: string | null;
  is_default: Flag;
  created_at: number;
  updated_at: number;
}

/** A USPS domestic zone chart for one origin ZIP3, as of its effective date (YYYY-MM-DD). */
export interface UspsZoneChartTable {
  workspace_id: string;
  origin_zip3: string;
  effective_date: string;
  /** "usps_service" (fetched) or "upload" (the merchant's copy of the service's JSON). */
  source: string;
  source_url: string | null;
  fetched_at: number;
  /** JSON: the normalized chart (lib/rating/usps-zone-chart.ts). */
  chart: string;
}

/** The last ask of the USPS zone service for an origin: when, and the failure's reason (null when it worked). */
export interface UspsZoneChartCheckTable {
  workspace_id: string;
  origin_zip3: string;
  checked_at: number;
  error: string | null;
}

export interface RateCardTable {
  id: Generated<number>;
  workspace_id: string;
  carrier_code: string;
  carrier_name: string;
  service_code: string;
  service_name: string;
  package_code: Generated<string>;
  /** YYYY-MM-DD, inclusive. */
  effective_from: string;
  effective_until: string | null;
  sample_prices: Generated<Flag>;
  active: Generated<Flag>;
  /** "card" (rate_zones) or "usps" (the workspace's USPS zone charts). */
  zone_source: string;
  /** Which USPS 5-digit exceptions apply when zone_source is "usps": "priority" or "ground_advantage". */
  usps_service: string | null;
  /** JSON: origin country, price zones in order, weight rounding, DIM rule, max weight (lib/rating/rate-cards.ts). */
  rules: string;
  /** JSON: zone → days. */
  delivery_days: string;
  created_at: number;
  updated_at: number;
}

export interface RateZoneTable {
  card_id: number;
  workspace_id: string;
  /** "zip3" (ranges of origin and destination ZIP3s), "zip5" (destination exceptions) or "country". */
  kind: string;
  origin_from: string;
  origin_to: string;
  dest_from: string;
  dest_to: string;
  zone: string;
}

export interface RatePriceTable {
  card_id: number;
  workspace_id: string;
  /** The weight break: this price applies up to and including this weight. */
  max_weight_oz: number;
  zone: string;
  cents: number;
}

export interface RateSurchargeTable {
  card_id: number;
  workspace_id: string;
  kind: string;
  cents: Generated<number>;
  percent: Generated<number>;
  /** JSON: the surcharge's conditions (ZIP list, thresholds). */
  params: string | null;
}

/** One row: the last auto-import tick (GET /api/health reads it). */
export interface SchedulerHeartbeatTable {
  id: number;
  last_tick_at: number;
  last_tick_ms: number;
  last_tick_claimed: number;
  last_tick_failed: number;
}

export interface Database {
  User: UserTable;
  Account: AccountTable;
  Session: SessionTable;
  VerificationToken: VerificationTokenTable;
  credentials: CredentialsTable;
  auth_throttle: AuthThrottleTable;
  workspaces: WorkspaceTable;
  memberships: MembershipTable;
  workspace_invitations: WorkspaceInvitationTable;
  stores: StoreTable;
  orders: OrderTable;
  orders_search: { rowid: number; body: string; orders_search: ColumnType<string, never, never> };
  order_counts: OrderCountTable;
  order_items: OrderItemTable;
  order_events: OrderEventTable;
  import_runs: ImportRunTable;
  import_errors: ImportErrorTable;
  webhook_deliveries: WebhookDeliveryTable;
  api_keys: ApiKeyTable;
  rate_limit_windows: RateLimitWindowTable;
  csv_imports: CsvImportTable;
  csv_import_chunks: CsvImportChunkTable;
  csv_mappings: CsvMappingTable;
  ship_from_locations: ShipFromLocationTable;
  usps_zone_charts: UspsZoneChartTable;
  usps_zone_chart_checks: UspsZoneChartCheckTable;
  rate_cards: RateCardTable;
  rate_zones: RateZoneTable;
  rate_prices: RatePriceTable;
  rate_surcharges: RateSurchargeTable;
  scheduler_heartbeat: SchedulerHeartbeatTable;
}

export type OrderRow = Selectable<OrderTable>;
export type NewOrderRow = Insertable<OrderTable>;
export type OrderItemRow = Selectable<OrderItemTable>;
export type StoreRow = Selectable<StoreTable>;
export type OrderUpdate = Updateable<OrderTable>;
