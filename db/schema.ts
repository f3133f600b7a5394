import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { channels } from "@/lib/core/channels";
import { gatewayModes } from "@/lib/core/modes";
import { paymentStates } from "@/lib/core/payment-states";
import { relayDeliveryStates, relayPauseReasons } from "../lib/core/relay-events";
import { refundMethods, refundReasons, refundStates } from "../lib/core/refund-terms";
import { emailStates, emailTemplates } from "../lib/core/email-kinds";
import { smtpTlsModes } from "../lib/core/smtp-tls";

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
    /** The language the invitation email is written in (the invitee has no account yet). */
    locale: userLocale("locale").notNull().default("id"),
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

export const gatewayMode = pgEnum("gateway_mode", gatewayModes);

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
    /** How buyers reach the shop (phone, address, site), one line on slips and receipts. */
    businessContact: text("business_contact"),
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
    /** Email a receipt to the buyer when a payment is paid and their email is known. */
    emailReceipts: boolean("email_receipts").notNull().default(true),
    /** The language buyers' receipts are written in. */
    receiptLocale: userLocale("receipt_locale").notNull().default("id"),
    updatedBy: uuid("updated_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check("merchant_settings_single_row", sql`${t.id} = 1`),
    index("merchant_settings_updated_by_idx").on(t.updatedBy),
  ],
);

export const smtpTlsMode = pgEnum("smtp_tls_mode", smtpTlsModes);

/**
 * The SMTP server saved from Settings > Email: one row (id = 1). The password is sealed
 * (lib/crypto/secret-box.ts); SMTP_URL and MAIL_FROM in the environment win over it.
 */
export const smtpSettings = pgTable(
  "smtp_settings",
  {
    id: integer("id").primaryKey().default(1),
    host: text("host").notNull(),
    port: integer("port").notNull(),
    tls: smtpTlsMode("tls").notNull(),
    username: text("username"),
    passwordSealed: text("password_sealed"),
    fromName: text("from_name"),
    fromAddress: text("from_address").notNull(),
    updatedBy: uuid("updated_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    check("smtp_settings_single_row", sql`${t.id} = 1`),
    index("smtp_settings_updated_by_idx").on(t.updatedBy),
  ],
);

/** Channels and states are said once, in lib/core (channels.ts, payment-states.ts). */
export const transactionChannel = pgEnum("transaction_channel", channels);

export const transactionState = pgEnum("transaction_state", paymentStates);

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
    /**
     * Another payment of the same bill (same external_id, another uuid: one bill at two
     * banks, a VA then a QRIS, a link's second payment): the bill's first row.
     */
    billId: uuid("bill_id").references((): AnyPgColumn => transactions.id),
    /** A form's one-time key, so a double submit never makes two payments. */
    idempotencyKey: text("idempotency_key"),
    title: text("title"),
    description: text("description"),
    amount: money("amount").notNull(),
    /** What Purwantara last said the amount is: its create answer or a signed callback's. */
    confirmedAmount: money("confirmed_amount"),
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
    /** Unticked on the create form: no emailed receipt for this payment (lib/notices). */
    emailReceipt: boolean("email_receipt").notNull().default(true),
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
    // Identity is per mode: test data never blocks live money. An external_id names one
    // bill within a mode; further payments of it are rows linked to its first (bill_id).
    uniqueIndex("transactions_mode_external_id_key")
      .on(t.mode, t.externalId)
      .where(sql`${t.billId} is null`),
    uniqueIndex("transactions_mode_purwantara_uuid_key").on(t.mode, t.purwantaraUuid),
    index("transactions_bill_id_idx")
      .on(t.billId)
      .where(sql`${t.billId} is not null`),
    uniqueIndex("transactions_idempotency_key").on(t.createdBy, t.idempotencyKey),
    // The transactions table: one mode at a time, newest first, keyset on (created_at, id).
    index("transactions_mode_created_at_id_idx").on(t.mode, t.createdAt, t.id),
    index("transactions_state_idx").on(t.state, t.createdAt),
    // It carries mode, state, money and bank (INCLUDE, migration 0025) for the totals of
    // a window with a channel.
    index("transactions_channel_idx").on(t.channel, t.createdAt),
    index("transactions_created_by_idx").on(t.createdBy),
    // The list's other sorts and time filters, each mode apart (issue 8); the paid-time
    // sort and the word search use expression indexes written in the migration.
    // It carries state and fee (INCLUDE, written in migration 0022: drizzle cannot say
    // it) for an amount range's totals.
    index("transactions_mode_amount_id_idx").on(t.mode, t.amount, t.id),
    // Paid and settled time ranges use the covering partial indexes of migration 0007
    // (transactions_mode_paid_at_idx, transactions_mode_settled_at_idx), written by hand,
    // as is the overview's median index, transactions_mode_channel_paid_idx (0010).
    // Exact-id search: our reference, a VA number, a counter payment code or a phone is
    // found by equality (the unique external_id key above leaves out a bill's further
    // payments, so it cannot answer the search alone).
    index("transactions_external_id_idx")
      .on(t.externalId)
      .where(sql`${t.externalId} is not null`),
    index("transactions_va_number_idx")
      .on(t.vaNumber)
      .where(sql`${t.vaNumber} is not null`),
    index("transactions_payment_code_idx")
      .on(t.paymentCode)
      .where(sql`${t.paymentCode} is not null`),
    index("transactions_customer_phone_idx")
      .on(t.customerPhone)
      .where(sql`${t.customerPhone} is not null`),
    // Maybe paid twice (lib/payments/double-payments.ts): a payment becoming paid looks
    // up its buyer's other paid payments near its paid time, within the mode.
    index("transactions_mode_phone_paid_at_idx")
      .on(t.mode, t.customerPhone, t.paidAt)
      .concurrently()
      .where(sql`${t.customerPhone} is not null and ${t.paidAt} is not null`),
    index("transactions_flags_idx")
      .using("gin", t.flags)
      .where(sql`${t.flags} <> '{}'::text[]`),
  ],
);

/**
 * A summary row's fees: `fee` sums the fees Purwantara has reported; a payment whose
 * fee is not reported yet (fee IS NULL) is counted in `unknownFeeCount` and adds
 * nothing to `fee` (unknown is not zero). `knownFeeAmount` sums the amounts of the
 * payments whose fee is known, so net over the known part is knownFeeAmount − fee.
 * Kept by the same triggers as the rest of the row (migration 0013).
 */
const feeKnowledge = {
  unknownFeeCount: bigint("unknown_fee_count", { mode: "number" }).notNull().default(0),
  knownFeeAmount: numeric("known_fee_amount", { precision: 24, scale: 4 }).notNull().default("0"),
};

/**
 * Exact totals per mode, slot, channel and state, kept by statement triggers in the same
 * transaction as every insert, update or delete of transactions (migration 0004), so
 * the list's totals for a whole period read a few thousand rows instead of millions.
 * A slot starts at 15:00, 16:00 or 17:00 UTC (midnight in WIT, WITA, WIB): every day
 * in any of the three zones is three whole slots.
 */
export const transactionSlotTotals = pgTable(
  "transaction_slot_totals",
  {
    mode: gatewayMode("mode").notNull(),
    slot: timestamp("slot", { withTimezone: true }).notNull(),
    channel: transactionChannel("channel").notNull(),
    state: transactionState("state").notNull(),
    count: bigint("count", { mode: "number" }).notNull().default(0),
    amount: numeric("amount", { precision: 24, scale: 4 }).notNull().default("0"),
    fee: numeric("fee", { precision: 24, scale: 4 }).notNull().default("0"),
    ...feeKnowledge,
  },
  (t) => [primaryKey({ columns: [t.mode, t.slot, t.channel, t.state] })],
);

/**
 * Exact totals per mode, state, channel, bank and payment channel over all time, kept by
 * statement triggers in the same transaction as every write to transactions (migration
 * 0023): the totals of a filter with no window (unfiltered, a status, a channel, a bank)
 * read a few hundred rows, not every slot or every row's bank.
 */
export const transactionMethodTotals = pgTable(
  "transaction_method_totals",
  {
    mode: gatewayMode("mode").notNull(),
    state: transactionState("state").notNull(),
    channel: transactionChannel("channel").notNull(),
    bank: text("bank"),
    paymentChannel: text("payment_channel"),
    count: bigint("count", { mode: "number" }).notNull().default(0),
    amount: numeric("amount", { precision: 24, scale: 4 }).notNull().default("0"),
    fee: numeric("fee", { precision: 24, scale: 4 }).notNull().default("0"),
    ...feeKnowledge,
  },
  (t) => [
    // The triggers' ON CONFLICT target; a missing bank is one value, not many.
    unique("transaction_method_totals_key")
      .on(t.mode, t.state, t.channel, t.bank, t.paymentChannel)
      .nullsNotDistinct(),
  ],
);

/** Which time of a payment a row of transaction_payment_totals counts it under. */
export const totalsBasis = pgEnum("totals_basis", ["paid", "settled"]);

/**
 * Exact totals per mode, paid or settled time (`basis`), slot of that time, state,
 * channel, bank and payment channel, kept by statement triggers in the same transaction
 * as every insert, update or delete of transactions (migration 0010). A row counts
 * under `paid` when it has a paid time and under `settled` when it has a settled time.
 * Slots as in transaction_slot_totals. The overview and the reconciliation read their
 * paid and settled figures here (db/queries/transaction-totals.ts), as does the list's
 * totals line for a paid or settled time window.
 */
export const transactionPaymentTotals = pgTable(
  "transaction_payment_totals",
  {
    mode: gatewayMode("mode").notNull(),
    basis: totalsBasis("basis").notNull(),
    slot: timestamp("slot", { withTimezone: true }).notNull(),
    state: transactionState("state").notNull(),
    channel: transactionChannel("channel").notNull(),
    bank: text("bank"),
    paymentChannel: text("payment_channel"),
    count: bigint("count", { mode: "number" }).notNull().default(0),
    amount: numeric("amount", { precision: 24, scale: 4 }).notNull().default("0"),
    fee: numeric("fee", { precision: 24, scale: 4 }).notNull().default("0"),
    ...feeKnowledge,
  },
  (t) => [
    // The triggers' ON CONFLICT target; a missing bank is one value, not many. Migration
    // 0010 adds (mode, basis, state, slot) by hand, for one state over all time.
    unique("transaction_payment_totals_key")
      .on(t.mode, t.basis, t.slot, t.state, t.channel, t.bank, t.paymentChannel)
      .nullsNotDistinct(),
  ],
);

/**
 * What a word search looks in, one row per transaction, kept by statement triggers in
 * the same transaction as every write to transactions (migration 0010): the document
 * is `lower()` of the text transactions_search_trgm_idx indexes (title, description,
 * customer name, email and phone, our reference), beside the few columns totals need.
 * The totals of a word search read these narrow rows (a sixth of a transaction's
 * width, the document already folded to lower case) instead of the transactions.
 */
export const transactionSearch = pgTable(
  "transaction_search",
  {
    id: uuid("id").primaryKey(),
    mode: gatewayMode("mode").notNull(),
    state: transactionState("state").notNull(),
    amount: money("amount").notNull(),
    fee: money("fee"),
    document: text("document").notNull(),
  },
  (t) => [
    index("transaction_search_document_trgm_idx").using("gin", t.document.op("gin_trgm_ops")),
    // A search that names an amount ("150.000") finds it beside the words.
    index("transaction_search_amount_idx").on(t.amount),
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

export const reconciliationStatus = pgEnum("reconciliation_status", [
  /** Marked reconciled by a finance user (the maker); waits for a second person. */
  "awaiting_approval",
  /** Approved by a second finance user or an admin (the checker): the day is closed. */
  "approved",
  /** Sent back by the checker with a note; the maker may mark it again. */
  "rejected",
]);

/**
 * A day's closing, maker-checker, per mode. The day is a calendar day in the maker's
 * zone (kept in `time_zone`). One row per mode and day; its history is the audit log
 * (reconciliation.marked / approved / rejected), written in the same transaction.
 * Further indexes on transactions for the overview and settlement view are written
 * by hand at the end of this table's migration (covering, partial).
 */
export const reconciliationDays = pgTable(
  "reconciliation_days",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mode: gatewayMode("mode").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    timeZone: userTimeZone("time_zone").notNull(),
    status: reconciliationStatus("status").notNull(),
    markedBy: uuid("marked_by")
      .notNull()
      .references(() => users.id),
    markedAt: timestamp("marked_at", { withTimezone: true }).notNull().defaultNow(),
    markNote: text("mark_note").notNull(),
    /** The day's figures as the maker saw them, so the checker approves exactly those. */
    figures: jsonb("figures").$type<Record<string, unknown>>().notNull().default({}),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewNote: text("review_note"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("reconciliation_days_mode_day_key").on(t.mode, t.day),
    index("reconciliation_days_marked_by_idx").on(t.markedBy),
    index("reconciliation_days_reviewed_by_idx").on(t.reviewedBy),
  ],
);

/**
 * A finance user's or admin's review of a closed day whose figures moved after it was
 * marked (a payment, settlement or fee that landed in it later). `after` is what they
 * looked at; the day is flagged again only when its figures move past it.
 */
export const reconciliationAdjustments = pgTable(
  "reconciliation_adjustments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dayId: uuid("day_id")
      .notNull()
      .references(() => reconciliationDays.id),
    before: jsonb("before").$type<Record<string, unknown>>().notNull(),
    after: jsonb("after").$type<Record<string, unknown>>().notNull(),
    reviewedBy: uuid("reviewed_by")
      .notNull()
      .references(() => users.id),
    note: text("note").notNull(),
    ...timestamps,
  },
  (t) => [
    index("reconciliation_adjustments_day_id_idx").on(t.dayId, t.createdAt),
    index("reconciliation_adjustments_reviewed_by_idx").on(t.reviewedBy),
  ],
);

export type ReconciliationAdjustment = typeof reconciliationAdjustments.$inferSelect;

export const refundReason = pgEnum("refund_reason", refundReasons);
export const refundMethod = pgEnum("refund_method", refundMethods);
export const refundState = pgEnum("refund_state", refundStates);

/**
 * Money given back against a paid or settled transaction of the same mode, partial
 * allowed. Requested and approved refunds together never exceed what was paid (the
 * transaction's row is locked while a request is checked: lib/payments/refunds.ts).
 * Its history is the audit log (refund.requested / approved / rejected).
 */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mode: gatewayMode("mode").notNull(),
    transactionId: uuid("transaction_id")
      .notNull()
      .references(() => transactions.id),
    amount: money("amount").notNull(),
    reason: refundReason("reason").notNull(),
    /** Required for reason `other`; free words otherwise. */
    note: text("note"),
    method: refundMethod("method").notNull(),
    /** The buyer's bank and account for a bank transfer; the e-wallet number for one. */
    bank: text("bank"),
    account: text("account"),
    /** The calendar day the money went back; the refund counts on this day. */
    refundedOn: date("refunded_on", { mode: "string" }).notNull(),
    state: refundState("state").notNull().default("requested"),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionNote: text("decision_note"),
    ...timestamps,
  },
  (t) => [
    check("refunds_amount_positive", sql`${t.amount} > 0`),
    check("refunds_decider_not_requester", sql`${t.decidedBy} <> ${t.requestedBy}`),
    index("refunds_transaction_id_idx").on(t.transactionId),
    index("refunds_requested_by_idx").on(t.requestedBy),
    index("refunds_decided_by_idx").on(t.decidedBy),
    index("refunds_mode_day_state_idx").on(t.mode, t.refundedOn, t.state),
  ],
);

/**
 * The proof a refund was made (a photo of the transfer slip, a PDF receipt), kept with
 * it: its type as its bytes prove it, never as the browser claimed. Shown only to
 * finance and admins.
 */
export const refundProofs = pgTable(
  "refund_proofs",
  {
    refundId: uuid("refund_id")
      .primaryKey()
      .references(() => refunds.id),
    contentType: text("content_type").notNull(),
    bytes: bytea("bytes").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    ...timestamps,
  },
  (t) => [index("refund_proofs_uploaded_by_idx").on(t.uploadedBy)],
);

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
    // A delivery id is handled once per mode (a test delivery never makes a live one
    // with the same id a duplicate); rejected and failed attempts may be retried.
    // Duplicates and conflicts (both bodies kept) and replays sit outside it.
    uniqueIndex("webhook_deliveries_handled_key")
      .on(t.mode, t.deliveryId)
      // delivery_is_handled(): applied, stale, unmatched or needs_review (migration 0004).
      .where(sql`delivery_is_handled(${t.outcome}) and ${t.replayOf} is null`),
    index("webhook_deliveries_received_at_idx").on(t.receivedAt),
    index("webhook_deliveries_transaction_id_idx").on(t.transactionId),
    index("webhook_deliveries_outcome_idx").on(t.outcome, t.receivedAt),
    index("webhook_deliveries_mode_received_at_idx").on(t.mode, t.receivedAt),
  ],
);

/**
 * Requests refused before any secret verified them (bad or missing signature, too
 * large, wrong method), counted per reason per minute: a flood adds to a count, not
 * a row per request. No mode: no secret proved one.
 */
export const callbackRejections = pgTable(
  "callback_rejections",
  {
    minute: timestamp("minute", { withTimezone: true }).notNull(),
    reason: text("reason").notNull(),
    count: integer("count").notNull().default(0),
    lastAt: timestamp("last_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.minute, t.reason] })],
);

/** A few refused requests kept to investigate (at most 5 per reason per hour, 1 KiB of body). */
export const callbackRejectionSamples = pgTable(
  "callback_rejection_samples",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    reason: text("reason").notNull(),
    method: text("method").notNull(),
    /** Request headers, secrets and cookies left out. */
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    /** The first 1 KiB of the body; `bodyBytes` says how long it was. */
    bodyStart: bytea("body_start").notNull(),
    bodyBytes: integer("body_bytes").notNull(),
  },
  (t) => [index("callback_rejection_samples_reason_at_idx").on(t.reason, t.at)],
);

/**
 * Every signed delivery, on disk before it is answered (lib/webhooks/inbox.ts). The
 * insert is the dedupe: the same bytes under the same delivery id in one mode are one
 * row, so a retry is free. A row is applied once (`applied_at`), inline when there is
 * room, otherwise by a drainer on any instance (`FOR UPDATE SKIP LOCKED`).
 */
export const callbackInbox = pgTable(
  "callback_inbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mode: gatewayMode("mode").notNull(),
    deliveryId: text("delivery_id"),
    /** SHA-256 of the raw body: with the delivery id, what makes a retry the same delivery. */
    bodyHash: bytea("body_hash").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    rawBody: bytea("raw_body").notNull(),
    verifiedWith: text("verified_with"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set in the same transaction as the apply's writes: an applied row is never re-run. */
    appliedAt: timestamp("applied_at", { withTimezone: true }),
    outcome: deliveryOutcome("outcome"),
    /** The webhook_deliveries row the apply wrote. */
    deliveryRowId: uuid("delivery_row_id"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
  },
  (t) => [
    uniqueIndex("callback_inbox_delivery_key")
      .on(t.mode, t.deliveryId, t.bodyHash)
      .where(sql`${t.deliveryId} is not null`),
    index("callback_inbox_pending_idx")
      .on(t.nextAttemptAt, t.receivedAt)
      .where(sql`${t.appliedAt} is null`),
    index("callback_inbox_received_at_idx").on(t.receivedAt),
  ],
);

/**
 * Deliveries with a well-formed signature that no secret verified, kept whole so that
 * after a secret is fixed an admin can re-verify and apply them (bounded per hour,
 * oldest dropped first; see lib/webhooks/quarantine.ts). Not trusted: no mode.
 */
export const callbackQuarantine = pgTable(
  "callback_quarantine",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    deliveryId: text("delivery_id"),
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    rawBody: bytea("raw_body").notNull(),
    bytes: integer("bytes").notNull(),
    /** Set when a re-verification moved it into the inbox (or found it matches no secret still). */
    releasedAt: timestamp("released_at", { withTimezone: true }),
    inboxId: uuid("inbox_id"),
  },
  (t) => [index("callback_quarantine_received_at_idx").on(t.receivedAt)],
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
    // The notice scan (lib/notices/scan.ts) reads the paid and expired moves by time.
    index("transaction_events_notice_idx")
      .on(t.createdAt)
      .where(sql`${t.toState} in ('paid', 'expired')`),
  ],
);

/**
 * When the status sweep last asked Purwantara about an open transaction, what it
 * learned, and when to ask again (backing off while nothing changes). Kept apart from
 * `transactions` so a check that changes nothing does not move the change marker.
 * Read only by primary key, joined from the open transactions (found through
 * transactions_state_idx).
 */
export const paymentSyncChecks = pgTable("payment_sync_checks", {
  transactionId: uuid("transaction_id")
    .primaryKey()
    .references(() => transactions.id, { onDelete: "cascade" }),
  mode: gatewayMode("mode").notNull(),
  checkedAt: timestamp("checked_at", { withTimezone: true }).notNull(),
  /** updated, unchanged, not_found_at_gateway, skipped or error. */
  outcome: text("outcome").notNull(),
  /** For an error: the gateway error's kind and code, never a payload. */
  error: text("error"),
  /** Checks in a row that changed nothing (or failed): the backoff's exponent. */
  attempts: integer("attempts").notNull().default(0),
  nextCheckAt: timestamp("next_check_at", { withTimezone: true }).notNull(),
});

/** One status sweep of one mode: what it found and did, for the health panel. */
export const sweepRuns = pgTable(
  "sweep_runs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** The pg-boss job that ran it; null when called directly. */
    jobId: text("job_id"),
    mode: gatewayMode("mode").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    candidates: integer("candidates").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    notFound: integer("not_found").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    /** Why it stopped before its last candidate: rate_limited, gateway_down, stopping, time_budget. */
    stoppedEarly: text("stopped_early"),
  },
  (t) => [index("sweep_runs_mode_started_at_idx").on(t.mode, t.startedAt)],
);

/**
 * One call the app made to Purwantara (lib/purwantara/client.ts), for the admins'
 * gateway call log: what was asked, what came back (both redacted: no token, no
 * customer's name, email or phone, no free text), how long it took and why it was made.
 * Kept for GATEWAY_CALL_RETENTION_DAYS; the status sweep prunes older rows.
 */
export const gatewayCalls = pgTable(
  "gateway_calls",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    mode: gatewayMode("mode").notNull(),
    calledAt: timestamp("called_at", { withTimezone: true }).notNull().defaultNow(),
    method: text("method").notNull(),
    /** The path with its ids replaced (`virtual-account/inquiry/:id`): what the filter offers. */
    endpoint: text("endpoint").notNull(),
    path: text("path").notNull(),
    /** Null when no answer came (timeout, network). */
    httpStatus: integer("http_status"),
    /** `ok`, or the gateway error's kind (lib/purwantara/errors.ts). */
    outcome: text("outcome").notNull(),
    latencyMs: integer("latency_ms").notNull(),
    /** What made the call (lib/gateway-calls/triggers.ts). */
    trigger: text("trigger").notNull(),
    transactionId: uuid("transaction_id").references(() => transactions.id, {
      onDelete: "set null",
    }),
    request: jsonb("request"),
    response: jsonb("response"),
  },
  (t) => [
    index("gateway_calls_called_at_idx").on(t.calledAt),
    index("gateway_calls_transaction_id_idx").on(t.transactionId, t.calledAt),
    index("gateway_calls_endpoint_idx").on(t.endpoint, t.calledAt),
    index("gateway_calls_outcome_idx").on(t.outcome, t.calledAt),
  ],
);

/**
 * Sign-in sessions: the id rides in the Auth.js JWT and every request checks the row
 * (lib/auth/session.ts), so sign-out, a password change, a disable or a role change
 * ends a session at once. `expiresAt` is the idle deadline (pushed forward as the
 * session is used, never past `absoluteExpiresAt`).
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
    /** Set while the password has passed but the two-factor code has not yet. */
    twoFactorPendingUntil: timestamp("two_factor_pending_until", { withTimezone: true }),
    /** Wrong codes entered in this session's second step. */
    twoFactorFailures: integer("two_factor_failures").notNull().default(0),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** Why: sign_out, password_changed, ended_by_user, role_changed, disabled, ... */
    revokedReason: text("revoked_reason"),
    /** A short summary such as "Chrome on Android", never the raw header. */
    userAgent: text("user_agent"),
    ip: text("ip"),
  },
  (t) => [index("sessions_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Sign-in counters, so limits hold across app instances (lib/auth/login-limits.ts).
 * One row per key (`pair:`, `ip:`, `account:`, `code:`), counted atomically by upsert.
 */
export const loginCounters = pgTable(
  "login_counters",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull().default(0),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
    /** Last successful sign-in for a pair: a known address skips the account's slow-down. */
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
  },
  (t) => [index("login_counters_window_idx").on(t.windowStartedAt)],
);

/** A person's TOTP secret, sealed (lib/crypto/secret-box.ts); enabled once a code confirms it. */
export const userTwoFactor = pgTable("user_two_factor", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretSealed: text("secret_sealed").notNull(),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  /** The last accepted time step: a code is never accepted twice. */
  lastTimeStep: bigint("last_time_step", { mode: "number" }),
  /**
   * Set after too many wrong codes in a day (lib/auth/second-step.ts): the second step
   * refuses every code until the password is changed or an admin forces a reset.
   */
  lockedAt: timestamp("locked_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes, stored as SHA-256 digests (the codes are random, 50+ bits). */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("recovery_codes_user_hash_key").on(t.userId, t.codeHash)],
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

export const emailTemplate = pgEnum("email_template", emailTemplates);
export const emailState = pgEnum("email_state", emailStates);

/**
 * Every email is a row first (lib/mail/outbox.ts), written in the transaction of what
 * caused it, then sent by a pg-boss job. A row is claimed before it is sent (state
 * `sending`, with a lease), so two runners never send it twice; the dedupe key makes a
 * second request for the same event and recipient the same row.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipient: text("recipient").notNull(),
    template: emailTemplate("template").notNull(),
    /** The template's values that may be shown to an admin (names, roles, times). */
    data: jsonb("data").$type<Record<string, string>>().notNull().default({}),
    /** Values that must not sit in clear (a link carrying a one-time token), sealed. */
    secretsSealed: text("secrets_sealed"),
    locale: userLocale("locale").notNull(),
    /** The event this email is for, e.g. `invitation:<id>`: unique with the recipient. */
    dedupeKey: text("dedupe_key").notNull(),
    state: emailState("state").notNull().default("pending"),
    tries: integer("tries").notNull().default(0),
    lastError: text("last_error"),
    /** When the next try is due; a row overdue by long has lost its job (the sweep re-queues it). */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** While `sending`: after this a stuck try counts as failed and the row is tried again. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /** The Message-ID the app gave it and the server's answer on acceptance. */
    messageId: text("message_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** Who caused it (an admin inviting, an admin's resend); null for a person not signed in. */
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("email_outbox_dedupe_key").on(t.dedupeKey, sql`lower(${t.recipient})`),
    index("email_outbox_created_at_idx").on(t.createdAt, t.id),
    index("email_outbox_state_idx").on(t.state, t.createdAt),
    index("email_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.state} in ('pending', 'sending')`),
    index("email_outbox_created_by_idx").on(t.createdBy),
  ],
);

/**
 * A "forgot password" link: only the token's SHA-256 is stored; it works once, for a
 * short while (lib/auth/password-reset.ts), and using it ends every session.
 */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    requestedIp: text("requested_ip"),
  },
  (t) => [
    uniqueIndex("password_reset_tokens_token_hash_key").on(t.tokenHash),
    index("password_reset_tokens_user_id_idx").on(t.userId, t.createdAt),
  ],
);

export const relayDeliveryState = pgEnum("relay_delivery_state", relayDeliveryStates);
export const relayPauseReason = pgEnum("relay_pause_reason", relayPauseReasons);

/**
 * An admin's endpoint for the signed relay (lib/relay): another system that hears of
 * this mode's payment events. Its Standard Webhooks secret is sealed at rest.
 */
export const relayEndpoints = pgTable(
  "relay_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    mode: gatewayMode("mode").notNull(),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    /** Event types it asks for (lib/core/relay-events.ts). */
    events: text("events").array().notNull(),
    secretSealed: text("secret_sealed").notNull(),
    /** After a rotation, the old secret still signs beside the new one until `previousSecretUntil`. */
    previousSecretSealed: text("previous_secret_sealed"),
    previousSecretUntil: timestamp("previous_secret_until", { withTimezone: true }),
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    pausedReason: relayPauseReason("paused_reason"),
    /** The first failed try since its last delivery; a day of it pauses the endpoint. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index("relay_endpoints_mode_idx").on(t.mode, t.createdAt),
    index("relay_endpoints_created_by_idx").on(t.createdBy),
  ],
);

/**
 * One event for one endpoint, written in the transaction of its cause, sent by a
 * pg-boss job (claimed with a lease, like the email outbox). `seq` orders a payment's
 * events: one is not sent while an earlier one for the same endpoint is still open.
 */
export const relayDeliveries = pgTable(
  "relay_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => relayEndpoints.id, { onDelete: "cascade" }),
    mode: gatewayMode("mode").notNull(),
    eventType: text("event_type").notNull(),
    /** The cause, e.g. `payment.paid:<event id>`: with the endpoint, what makes it once. */
    eventKey: text("event_key").notNull(),
    transactionId: uuid("transaction_id").references(() => transactions.id, {
      onDelete: "set null",
    }),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    state: relayDeliveryState("state").notNull().default("pending"),
    tries: integer("tries").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /** After this it is given up (three days after it was written, or after a replay). */
    giveUpAt: timestamp("give_up_at", { withTimezone: true }).notNull(),
    lastStatus: integer("last_status"),
    /** The receiver's answer, capped; or why there was none. */
    lastAnswer: text("last_answer"),
    lastLatencyMs: integer("last_latency_ms"),
    lastTriedAt: timestamp("last_tried_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("relay_deliveries_event_key").on(t.endpointId, t.eventKey),
    index("relay_deliveries_endpoint_idx").on(t.endpointId, t.createdAt),
    index("relay_deliveries_order_idx").on(t.endpointId, t.transactionId, t.seq),
    index("relay_deliveries_transaction_idx").on(t.transactionId),
    index("relay_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.state} in ('pending', 'sending')`),
  ],
);

/** Every try of a relay delivery (the delivery row keeps only the last): the log shows them all. */
export const relayTries = pgTable(
  "relay_tries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => relayDeliveries.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    status: integer("status"),
    /** The receiver's answer, capped; or why there was none. */
    answer: text("answer").notNull(),
    latencyMs: integer("latency_ms"),
  },
  (t) => [index("relay_tries_delivery_idx").on(t.deliveryId, t.at)],
);

export type RelayTry = typeof relayTries.$inferSelect;
export type SmtpSettingsRow = typeof smtpSettings.$inferSelect;

/** A person's notice choices (lib/core/notice-kinds.ts), read through its zod schema. */
export const noticePreferences = pgTable("notice_preferences", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  preferences: jsonb("preferences").$type<Record<string, unknown>>().notNull(),
  ...timestamps,
});

/**
 * How far each notice scan has read (lib/notices/scan.ts): locked and advanced in the
 * transaction that writes the outbox rows, so two runners never read the same stretch.
 */
export const noticeCursors = pgTable("notice_cursors", {
  source: text("source").primaryKey(),
  scannedUntil: timestamp("scanned_until", { withTimezone: true }).notNull(),
});

/**
 * A notice waiting for its person's hourly digest; one per event and person. The digest
 * (lib/notices/digest.ts) stamps `digested_at` in the transaction that writes its email.
 */
export const noticeDigestItems = pgTable(
  "notice_digest_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Null for a notice about the person, not about a mode's data (security). */
    mode: gatewayMode("mode"),
    kind: text("kind").notNull(),
    eventKey: text("event_key").notNull(),
    data: jsonb("data").$type<Record<string, string>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    digestedAt: timestamp("digested_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notice_digest_items_event_key").on(t.userId, t.eventKey),
    index("notice_digest_items_waiting_idx")
      .on(t.userId, t.createdAt)
      .where(sql`${t.digestedAt} is null`),
  ],
);

export type NoticeDigestItem = typeof noticeDigestItems.$inferSelect;
export type RelayEndpoint = typeof relayEndpoints.$inferSelect;
export type RelayDelivery = typeof relayDeliveries.$inferSelect;
export type NewRelayDelivery = typeof relayDeliveries.$inferInsert;
export type EmailOutboxRow = typeof emailOutbox.$inferSelect;
export type NewEmailOutboxRow = typeof emailOutbox.$inferInsert;
export type PasswordResetToken = typeof passwordResetTokens.$inferSelect;
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
export type CallbackInboxRow = typeof callbackInbox.$inferSelect;
export type CallbackQuarantineRow = typeof callbackQuarantine.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type NewWebhookDelivery = typeof webhookDeliveries.$inferInsert;
export type DeliveryOutcome = (typeof deliveryOutcome.enumValues)[number];
export type CallbackRejectionSample = typeof callbackRejectionSamples.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
export type ReconciliationDay = typeof reconciliationDays.$inferSelect;
export type ReconciliationStatus = (typeof reconciliationStatus.enumValues)[number];
export type TransactionEvent = typeof transactionEvents.$inferSelect;
export type Refund = typeof refunds.$inferSelect;
export type { RefundMethod, RefundReason, RefundState } from "../lib/core/refund-terms";
export type PaymentSyncCheck = typeof paymentSyncChecks.$inferSelect;
export type SweepRun = typeof sweepRuns.$inferSelect;
export type GatewayCall = typeof gatewayCalls.$inferSelect;
export type NewGatewayCall = typeof gatewayCalls.$inferInsert;
export type NewTransactionEvent = typeof transactionEvents.$inferInsert;
