import { sql, type Kysely } from "kysely";

// Order timestamps are UTC epoch milliseconds (compact indexes, cheap range scans); the
// Auth.js tables keep the ISO strings its adapter writes for SQLite.
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`CREATE TABLE "User" (
      id TEXT PRIMARY KEY, name TEXT, email TEXT UNIQUE, "emailVerified" TEXT, image TEXT)`,
    sql`CREATE TABLE "Account" (
      id TEXT PRIMARY KEY DEFAULT (lower(hex(randomblob(16)))),
      "userId" TEXT NOT NULL REFERENCES "User"(id) ON DELETE CASCADE,
      type TEXT NOT NULL, provider TEXT NOT NULL, "providerAccountId" TEXT NOT NULL,
      refresh_token TEXT, access_token TEXT, expires_at INTEGER, token_type TEXT, scope TEXT,
      id_token TEXT, session_state TEXT,
      UNIQUE (provider, "providerAccountId"))`,
    sql`CREATE INDEX account_user ON "Account"("userId")`,
    sql`CREATE TABLE "Session" (
      id TEXT PRIMARY KEY DEFAULT (lower(hex(randomblob(16)))),
      "sessionToken" TEXT NOT NULL UNIQUE,
      "userId" TEXT NOT NULL REFERENCES "User"(id) ON DELETE CASCADE,
      expires TEXT NOT NULL)`,
    sql`CREATE TABLE "VerificationToken" (
      identifier TEXT NOT NULL, token TEXT NOT NULL UNIQUE, expires TEXT NOT NULL,
      PRIMARY KEY (identifier, token))`,
    sql`CREATE TABLE credentials (
      user_id TEXT PRIMARY KEY REFERENCES "User"(id) ON DELETE CASCADE,
      password_hash TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)`,
    sql`CREATE TABLE auth_throttle (
      key TEXT PRIMARY KEY, failures INTEGER NOT NULL, window_started_at INTEGER NOT NULL,
      locked_until INTEGER)`,

    sql`CREATE TABLE workspaces (
      id TEXT PRIMARY KEY, name TEXT NOT NULL,
      api_time_zone TEXT NOT NULL DEFAULT 'America/Los_Angeles',
      last_order_number INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL)`,
    sql`CREATE TABLE memberships (
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES "User"(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('owner','admin','member')),
      created_at INTEGER NOT NULL,
      PRIMARY KEY (workspace_id, user_id))`,
    sql`CREATE INDEX memberships_user ON memberships(user_id)`,

    sql`CREATE TABLE stores (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      platform TEXT NOT NULL CHECK (platform IN ('manual','shopify','woocommerce','amazon','bigcommerce','custom_store')),
      name TEXT NOT NULL, base_url TEXT, credentials TEXT, status_mapping TEXT,
      active INTEGER NOT NULL DEFAULT 1, auto_import INTEGER NOT NULL DEFAULT 1,
      cursor TEXT, last_import_at INTEGER, last_new_order_at INTEGER, next_import_at INTEGER,
      lease_owner TEXT, lease_until INTEGER, consecutive_failures INTEGER NOT NULL DEFAULT 0,
      last_error TEXT, created_at INTEGER NOT NULL, modified_at INTEGER NOT NULL)`,
    sql`CREATE INDEX stores_workspace ON stores(workspace_id, name)`,
    sql`CREATE INDEX stores_due ON stores(next_import_at) WHERE active = 1 AND auto_import = 1`,

    sql`CREATE TABLE orders (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      store_id INTEGER NOT NULL REFERENCES stores(id),
      order_key TEXT NOT NULL, order_number TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('awaiting_payment','awaiting_shipment','pending_fulfillment','shipped','on_hold','cancelled')),
      active INTEGER NOT NULL DEFAULT 1,
      order_date INTEGER NOT NULL, payment_date INTEGER, ship_by_date INTEGER, ship_date INTEGER, hold_until_date INTEGER,
      customer_username TEXT, customer_email TEXT,
      bill_to_name TEXT, bill_to_company TEXT, bill_to_street1 TEXT, bill_to_street2 TEXT, bill_to_street3 TEXT,
      bill_to_city TEXT, bill_to_state TEXT, bill_to_postal_code TEXT, bill_to_country TEXT, bill_to_phone TEXT,
      bill_to_residential INTEGER,
      ship_to_name TEXT, ship_to_company TEXT, ship_to_street1 TEXT, ship_to_street2 TEXT, ship_to_street3 TEXT,
      ship_to_city TEXT, ship_to_state TEXT, ship_to_postal_code TEXT, ship_to_country TEXT, ship_to_phone TEXT,
      ship_to_residential INTEGER,
      order_total INTEGER NOT NULL DEFAULT 0, amount_paid INTEGER NOT NULL DEFAULT 0,
      tax_amount INTEGER NOT NULL DEFAULT 0, shipping_amount INTEGER NOT NULL DEFAULT 0,
      currency TEXT NOT NULL DEFAULT 'USD',
      weight_oz REAL, dim_length REAL, dim_width REAL, dim_height REAL, dim_units TEXT,
      requested_shipping_service TEXT, carrier_code TEXT, service_code TEXT, package_code TEXT, confirmation TEXT,
      customer_notes TEXT, internal_notes TEXT, gift INTEGER NOT NULL DEFAULT 0, gift_message TEXT, payment_method TEXT,
      custom_field1 TEXT, custom_field2 TEXT, custom_field3 TEXT, source TEXT,
      extra TEXT,
      channel_modified_at INTEGER,
      created_at INTEGER NOT NULL, modified_at INTEGER NOT NULL,
      reactivated_in_channel_at INTEGER,
      replaced_by_order_id INTEGER REFERENCES orders(id),
      UNIQUE (store_id, order_key))`,
    // The list's views: status tab or All, optionally one store, sorted by one of three dates.
    // The rowid (id) ends every index, which is the keyset tiebreaker.
    sql`CREATE INDEX orders_status_order_date ON orders(workspace_id, status, order_date)`,
    sql`CREATE INDEX orders_status_modified ON orders(workspace_id, status, modified_at)`,
    sql`CREATE INDEX orders_status_created ON orders(workspace_id, status, created_at)`,
    sql`CREATE INDEX orders_order_date ON orders(workspace_id, order_date)`,
    sql`CREATE INDEX orders_modified ON orders(workspace_id, modified_at)`,
    sql`CREATE INDEX orders_created ON orders(workspace_id, created_at)`,
    sql`CREATE INDEX orders_store_status_order_date ON orders(store_id, status, order_date)`,
    sql`CREATE INDEX orders_store_order_date ON orders(store_id, order_date)`,
    sql`CREATE INDEX orders_number ON orders(workspace_id, order_number)`,
    // Words of customer name, email, username and item SKUs/names; rowid = orders.id.
    sql`CREATE VIRTUAL TABLE orders_search USING fts5(body, content='', contentless_delete=1, detail=none,
      tokenize="unicode61 remove_diacritics 2 tokenchars '-_@.'")`,
    // Live tab counts, kept by the write path in the same transaction as the orders.
    sql`CREATE TABLE order_counts (
      workspace_id TEXT NOT NULL, store_id INTEGER NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (workspace_id, store_id, status)) WITHOUT ROWID`,

    sql`CREATE TABLE order_items (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      line_item_key TEXT, sku TEXT, name TEXT NOT NULL, image_url TEXT, weight_oz REAL,
      quantity INTEGER NOT NULL, unit_price INTEGER NOT NULL DEFAULT 0,
      tax_amount INTEGER, shipping_amount INTEGER, warehouse_location TEXT, options TEXT,
      product_id TEXT, fulfillment_sku TEXT, adjustment INTEGER NOT NULL DEFAULT 0, upc TEXT)`,
    sql`CREATE INDEX order_items_order ON order_items(order_id, position)`,

    sql`CREATE TABLE order_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
      workspace_id TEXT NOT NULL, at INTEGER NOT NULL, action TEXT NOT NULL, source TEXT NOT NULL,
      actor TEXT, import_run_id INTEGER, change_set TEXT)`,
    sql`CREATE INDEX order_events_order ON order_events(order_id, at)`,

    sql`CREATE TABLE import_runs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      store_id INTEGER REFERENCES stores(id),
      kind TEXT NOT NULL CHECK (kind IN ('store','csv','api','manual')),
      trigger TEXT NOT NULL CHECK (trigger IN ('manual','schedule','webhook','api')),
      started_at INTEGER NOT NULL, finished_at INTEGER,
      status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running','succeeded','failed','partial')),
      fetched INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL DEFAULT 0,
      unchanged INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0,
      cursor_before TEXT, cursor_after TEXT, error TEXT)`,
    sql`CREATE INDEX import_runs_store ON import_runs(workspace_id, store_id, started_at)`,
    sql`CREATE TABLE import_errors (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
      ref TEXT, code TEXT NOT NULL, message TEXT NOT NULL)`,
    sql`CREATE INDEX import_errors_run ON import_errors(run_id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "import_errors", "import_runs", "order_events", "order_items", "order_counts", "orders_search", "orders",
    "stores", "memberships", "workspaces", "auth_throttle", "credentials",
    "VerificationToken", "Session", "Account", "User",
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
