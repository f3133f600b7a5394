import type { GatewayErrorCode } from "@purwantara/contract";
import type { Fields, JsonObject } from "../http";
import type { LifecycleDeps } from "../lifecycle";
import type { Route } from "../router";
import type { ProductKey, Transaction } from "../types";

/** What a `/v1/` handler may use: the store, the clock, and the lifecycle (for cancel). */
export interface ApiContext extends LifecycleDeps {
  /** Base of buyer-facing URLs (hosted pages), without a trailing slash. */
  publicUrl(): string;
}

export interface ApiCall {
  params: string[];
  /** The parsed body of a POST; empty for a GET. */
  fields: Fields;
}

export type ApiResult =
  | { status: 200 | 201; data: JsonObject | JsonObject[] }
  | { status: number; code: GatewayErrorCode; message: string; fields?: Record<string, string[]> };

export type ApiHandler = (ctx: ApiContext, call: ApiCall) => ApiResult;

/** One entry of `GET /v1/channel`: a value a request may send as its bank or channel. */
export interface ChannelInfo {
  /** Exactly as requests send it (`bank` for VAs, `payment_channel` elsewhere). */
  code: string;
  name: string;
}

/**
 * Everything the emulator knows about one product: its `/v1/` routes (patterns
 * relative to `/v1/`), how the API shows a transaction, and the callback body.
 * Adding a channel means adding one of these to `channels/index.ts`.
 */
export interface ProductModule {
  product: ProductKey;
  /** Human name for the simulator page. */
  label: string;
  /** The codes this product accepts, for `GET /v1/channel`. */
  channels: readonly ChannelInfo[];
  routes: readonly Route<ApiHandler>[];
  /** The fullest API view of a transaction (inquiry, list, test controls). */
  view(tx: Transaction): JsonObject;
  callbackPayload(tx: Transaction): JsonObject;
  /** The bank, acquirer or channel of one transaction, for the simulator's table. */
  detail?(tx: Transaction): string | null;
  /** Where the buyer-facing page lives, `<prefix>/<uuid>`, for products that have one. */
  hostedPagePrefix?: string;
}
