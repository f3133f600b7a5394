import type { GatewayErrorCode } from "../../lib/purwantara/contract";
import type { Fields, JsonObject } from "../http";
import type { Route } from "../router";
import type { Store } from "../store";
import type { ProductKey, Transaction } from "../types";

export interface ApiContext {
  store: Store;
  now(): Date;
  /** Base of buyer-facing URLs (hosted pages), without a trailing slash. */
  publicUrl(): string;
}

export interface ApiCall {
  params: string[];
  /** The parsed body of a POST; empty for a GET. */
  fields: Fields;
}

export type ApiResult =
  | { status: 200 | 201; data: JsonObject }
  | { status: number; code: GatewayErrorCode; message: string; fields?: Record<string, string[]> };

export type ApiHandler = (ctx: ApiContext, call: ApiCall) => ApiResult;

/**
 * Everything the emulator knows about one product: its `/v1/` routes (patterns
 * relative to `/v1/`), how the API shows a transaction, and the callback body.
 * Adding a channel means adding one of these to `channels/index.ts`.
 */
export interface ProductModule {
  product: ProductKey;
  /** Human name for the simulator page. */
  label: string;
  routes: readonly Route<ApiHandler>[];
  view(tx: Transaction): JsonObject;
  callbackPayload(tx: Transaction): JsonObject;
}
