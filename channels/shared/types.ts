import type { z } from "zod";
import type { NewTransaction, Transaction } from "@/db/schema";
import type { CallbackPayload } from "@purwantara/contract/callback";
import type { TimeZone } from "@/lib/core/time";
import type { CreatableChannel } from "../messages";

/** What every create form carries, whatever the channel. */
export type BaseForm = { idempotencyKey: string; amount: bigint };

/** The row's own fields, stored (state `creating`) before the gateway is called. */
export type ChannelDraft = Pick<
  NewTransaction,
  | "title"
  | "description"
  | "bank"
  | "paymentChannel"
  | "customerName"
  | "customerEmail"
  | "customerPhone"
  | "returnUrl"
  | "expiresAt"
>;

/** What the buyer needs and what the gateway confirmed, in our columns. */
export type GatewayFacts = Partial<
  Pick<
    Transaction,
    | "vaNumber"
    | "qrString"
    | "paymentLinkUrl"
    | "checkoutUrl"
    | "paymentCode"
    | "paymentChannel"
    | "bank"
    | "fee"
    | "total"
    | "customerPhone"
    | "expiresAt"
  >
>;

/** A create answer read by its channel: the gateway's id and status, and the facts. */
export type CreatedPayment = { uuid: string; status: string; facts: GatewayFacts };

/**
 * Everything the app knows about one Purwantara channel. Adding a channel is its key and
 * facts in lib/core/channels.ts (and a migration), a folder channels/<channel>/ (this
 * module, its gateway shapes, words, form fields and hand-off), an emulator module, and
 * one line in each registry (channels/server.ts, client.ts, messages.ts).
 */
export interface ChannelModule<F extends BaseForm = BaseForm> {
  channel: CreatableChannel;
  /** Whole rupiah, for the form's hint (the schema enforces it). */
  minAmount: number;
  /** The form's default expiry, from now. */
  defaultExpiryMs: number;
  /** The form, validated on the server; the request is built from what it returns. */
  formSchema(zone: TimeZone): z.ZodType<F>;
  draft(form: F): ChannelDraft;
  /** The create call: path under /v1/ and body, field names exactly as the contract has them. */
  createRequest(form: F, reference: string): { path: string; body: Record<string, unknown> };
  /** Reads the create (and inquiry) answer's `data`; null when it is not what we expect. */
  readCreated(data: unknown): CreatedPayment | null;
  /** The gateway's request field names → the form's, so a 422 lands beside the right field. */
  gatewayFields: Readonly<Record<string, string>>;
  /** The GET path that asks about one payment, when the contract has one. */
  inquiryPath?: (uuid: string) => string;
  /**
   * The GET path listing the channel's payments, when the contract has one: how a
   * status check finds a payment whose create answer never came (no uuid yet).
   */
  listPath?: string;
  /** The POST path that cancels an open payment, when the contract has one (VA only). */
  cancelPath?: (uuid: string) => string;
  /** A form's starting values from an earlier payment ("create again with these details"). */
  prefill(row: Transaction): Record<string, string>;
  /** What this channel's callbacks carry beyond status and times. */
  callbackFacts(payload: CallbackPayload): GatewayFacts;
}

/**
 * Registers a channel under the common type. Sound because the flow only ever hands
 * a module the form its own `formSchema` produced.
 */
export function defineChannel<F extends BaseForm>(module: ChannelModule<F>): ChannelModule {
  return module as unknown as ChannelModule;
}
