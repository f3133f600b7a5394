import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/** Money is exact: numeric, read and written as decimal strings, never floats. */
const money = (name: string) => numeric(name, { precision: 20, scale: 4 });

export const userRole = pgEnum("user_role", ["admin", "operator", "finance"]);
/** What the header's switch shows: test data (local or sandbox) or live (production). */
export const userActiveView = pgEnum("user_active_view", ["test", "live"]);
export const userLocale = pgEnum("user_locale", ["id", "en"]);
/** WIB, WITA, WIT: the zone every time on screen and in exports is shown in. */
export const userTimeZone = pgEnum("user_time_zone", [
  "Asia/Jakarta",
  "Asia/Makassar",
  "Asia/Jayapura",
]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    locale: userLocale("locale").notNull().default("id"),
    timeZone: userTimeZone("time_zone").notNull().default("Asia/Jakarta"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /** Written by a successful sign-in; shown on the team page. */
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    /** Set by an admin's "force a password reset": the next sign-in must choose a new one. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    /** The header's test/live switch, remembered per person (lib/gateway/config.ts actingMode). */
    activeView: userActiveView("active_view").notNull().default("test"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`),
    index("users_role_idx").on(t.role),
  ],
);

/**
 * A one-time link an admin gives a colleague. Only the token's sha256 is stored; the
 * link works once, until it expires (72 hours) or is revoked.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    role: userRole("role").notNull(),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedUserId: uuid("accepted_user_id").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    index("invitations_email_idx").on(sql`lower(${t.email})`),
    index("invitations_invited_by_idx").on(t.invitedBy),
    index("invitations_accepted_user_id_idx").on(t.acceptedUserId),
    index("invitations_revoked_by_idx").on(t.revokedBy),
    index("invitations_created_at_idx").on(t.createdAt),
  ],
);

export const gatewayMode = pgEnum("gateway_mode", ["local", "sandbox", "production"]);

/**
 * Gateway credentials saved from the settings page, one row per mode. Secrets are
 * sealed with AES-256-GCM (lib/crypto/secret-box.ts); environment variables win over them.
 */
export const gatewaySettings = pgTable(
  "gateway_settings",
  {
    mode: gatewayMode("mode").primaryKey(),
    /** Null: the mode's default address. */
    baseUrl: text("base_url"),
    tokenSealed: text("token_sealed"),
    callbackSecretSealed: text("callback_secret_sealed"),
    /** The secret being retired during a rotation: still accepted until then. */
    previousSecretSealed: text("previous_secret_sealed"),
    rotationStartedAt: timestamp("rotation_started_at", { withTimezone: true }),
    updatedBy: uuid("updated_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [index("gateway_settings_updated_by_idx").on(t.updatedBy)],
);

/** The merchant's own settings: one row (id = 1). */
export const merchantSettings = pgTable(
  "merchant_settings",
  {
    id: integer("id").primaryKey().default(1),
    businessName: text("business_name"),
    defaultTimeZone: userTimeZone("default_time_zone").notNull().default("Asia/Jakarta"),
    /** Expected settlement delay in days per channel; missing channels use the defaults. */
    settlementDelays: jsonb("settlement_delays")
      .$type<Record<string, number>>()
      .notNull()
      .default({}),
    requireAdminTwoFactor: boolean("require_admin_two_factor").notNull().default(false),
    logo: bytea("logo"),
    logoType: text("logo_type"),
    logoUpdatedAt: timestamp("logo_updated_at", { withTimezone: true }),
    updatedBy: uuid("updated_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check("merchant_settings_single_row", sql`${t.id} = 1`),
    index("merchant_settings_updated_by_idx").on(t.updatedBy),
  ],
);

export const transactionChannel = pgEnum("transaction_channel", [
  "virtual-account",
  "qris",
  "ewallet-ovo",
  "ewallet-shopeepay",
  "payment-link",
  "counter",
]);

export const transactionState = pgEnum("transaction_state", [
  "creating",
  "failed_to_create",
  /** The create call got no clear answer: the payment may exist at Purwantara. */
  "unconfirmed",
  "active",
  "paid",
  "settled",
  "expired",
  "cancelled",
  "failed",
]);

export const transactions = pgTable(
  "transactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mode: gatewayMode("mode").notNull(),
    channel: transactionChannel("channel").notNull(),
    bank: text("bank"),
    paymentChannel: text("payment_channel"),
    externalId: text("external_id"),
    purwantaraUuid: text("purwantara_uuid"),
    /** A form's one-time key, so a double submit never makes two payments. */
    idempotencyKey: text("idempotency_key"),
    title: text("title"),
    description: text("description"),
    amount: money("amount").notNull(),
    fee: money("fee"),
    total: money("total"),
    /** The status string exactly as Purwantara last sent it. */
    rawStatus: text("raw_status"),
    state: transactionState("state").notNull(),
    customerName: text("customer_name"),
    customerEmail: text("customer_email"),
    customerPhone: text("customer_phone"),
    vaNumber: text("va_number"),
    qrString: text("qr_string"),
    paymentLinkUrl: text("payment_link_url"),
    checkoutUrl: text("checkout_url"),
    paymentCode: text("payment_code"),
    returnUrl: text("return_url"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    settledAt: timestamp("settled_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    lastResponse: jsonb("last_response"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    errorFields: jsonb("error_fields").$type<Record<string, string[]>>(),
    /**
     * What finance should look at, set in the same transaction as the change that
     * raised it (see lib/payments/flags.ts for the vocabulary); never moves the state.
     */
    flags: text("flags")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ...timestamps,
  },
  // Ascending indexes on purpose: PostgreSQL scans them backwards for the newest-first
  // pages (ORDER BY … DESC means NULLS FIRST, which a DESC NULLS LAST index cannot serve).
  (t) => [
    uniqueIndex("transactions_external_id_key").on(t.externalId),
    uniqueIndex("transactions_purwantara_uuid_key").on(t.purwantaraUuid),
    uniqueIndex("transactions_idempotency_key").on(t.createdBy, t.idempotencyKey),
    // The transactions table: one mode at a time, newest first, keyset on (created_at, id).
    index("transactions_mode_created_at_id_idx").on(t.mode, t.createdAt, t.id),
    index("transactions_state_idx").on(t.state, t.createdAt),
    index("transactions_channel_idx").on(t.channel, t.createdAt),
    index("transactions_created_by_idx").on(t.createdBy),
    index("transactions_flags_idx")
      .using("gin", t.flags)
      .where(sql`${t.flags} <> '{}'::text[]`),
  ],
);

/**
 * One row per mode whose `version` moves in the same transaction as any insert or
 * update of that mode's transactions (statement triggers in migration 0003), so a
 * poll can answer "nothing changed" exactly from one primary-key read.
 */
export const changeMarkers = pgTable("change_markers", {
  mode: gatewayMode("mode").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(0),
  changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
});

export const deliveryOutcome = pgEnum("delivery_outcome", [
  "applied",
  "duplicate",
  "stale",
  "unmatched",
  "rejected",
  "error",
  /** Signed and stored, but odd: held for a person to decide, the transaction untouched. */
  "needs_review",
  /** A delivery id seen before with a different body; both bodies are kept. */
  "conflict",
]);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** `X-PPN-Delivery`; null when a request came without one. */
    deliveryId: text("delivery_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    rawBody: bytea("raw_body").notNull(),
    signatureValid: boolean("signature_valid").notNull(),
    outcome: deliveryOutcome("outcome").notNull(),
    reason: text("reason"),
    purwantaraUuid: text("purwantara_uuid"),
    rawStatus: text("raw_status"),
    transactionId: uuid("transaction_id").references(() => transactions.id),
    /** The mode whose secret verified this delivery; null when no secret did. */
    mode: gatewayMode("mode"),
    /** Which of that mode's secrets verified it: current, or previous during a rotation. */
    verifiedWith: text("verified_with"),
    /** A person's decision on a needs_review or conflict delivery. */
    resolution: text("resolution"),
    resolutionNote: text("resolution_note"),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    /** Set on a row written by a replay: the stored delivery it replayed. */
    replayOf: uuid("replay_of"),
  },
  (t) => [
    // A delivery id is processed once; rejected and failed attempts may be retried.
    uniqueIndex("webhook_deliveries_processed_key")
      .on(t.deliveryId)
      .where(sql`${t.outcome} in ('applied', 'stale', 'unmatched')`),
    index("webhook_deliveries_received_at_idx").on(t.receivedAt),
    index("webhook_deliveries_transaction_id_idx").on(t.transactionId),
    index("webhook_deliveries_outcome_idx").on(t.outcome, t.receivedAt),
    index("webhook_deliveries_mode_received_at_idx").on(t.mode, t.receivedAt),
  ],
);

export const eventSource = pgEnum("event_source", ["api", "webhook", "sync", "user"]);

export const transactionEvents = pgTable(
  "transaction_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    transactionId: uuid("transaction_id")
      .notNull()
      .references(() => transactions.id),
    source: eventSource("source").notNull(),
    fromState: transactionState("from_state"),
    toState: transactionState("to_state").notNull(),
    rawStatus: text("raw_status"),
    deliveryId: uuid("delivery_id").references(() => webhookDeliveries.id),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("transaction_events_transaction_id_idx").on(t.transactionId, t.createdAt),
    index("transaction_events_delivery_id_idx").on(t.deliveryId),
  ],
);

/** Sign-in attempts, so limits hold across app instances (see lib/auth/login-limits.ts). */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    ip: text("ip"),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("login_attempts_email_idx").on(t.email, t.attemptedAt),
    index("login_attempts_ip_idx").on(t.ip, t.attemptedAt),
  ],
);

/**
 * Who did what, when: written in the same transaction as the change it records
 * (lib/audit/record.ts). Rows cannot be updated or deleted (trigger in migration 0003).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Null for the system (the sweep) or an unknown person (a failed sign-in). */
    actorId: uuid("actor_id").references(() => users.id),
    /** A dotted verb from lib/audit/actions.ts, e.g. `export.csv`, `user.role_changed`. */
    action: text("action").notNull(),
    /** The mode the action was taken in, when it concerns gateway data. */
    mode: gatewayMode("mode"),
    targetType: text("target_type"),
    targetId: text("target_id"),
    /** The client address as the sign-in limits see it. */
    ip: text("ip"),
    /** Facts about the action: filter, row count, sha256, changed field names. Never secrets. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_at_idx").on(t.actorId, t.at),
    index("audit_log_action_at_idx").on(t.action, t.at),
  ],
);

export type User = typeof users.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type GatewaySettingsRow = typeof gatewaySettings.$inferSelect;
export type MerchantSettingsRow = typeof merchantSettings.$inferSelect;
export type UserActiveView = (typeof userActiveView.enumValues)[number];
export type NewUser = typeof users.$inferInsert;
export type UserRole = (typeof userRole.enumValues)[number];
export type Transaction = typeof transactions.$inferSelect;
export type NewTransaction = typeof transactions.$inferInsert;
export type TransactionState = (typeof transactionState.enumValues)[number];
export type TransactionChannel = (typeof transactionChannel.enumValues)[number];
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type NewWebhookDelivery = typeof webhookDeliveries.$inferInsert;
export type DeliveryOutcome = (typeof deliveryOutcome.enumValues)[number];
export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
export type TransactionEvent = typeof transactionEvents.$inferSelect;
export type NewTransactionEvent = typeof transactionEvents.$inferInsert;
