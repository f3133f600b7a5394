/** What went wrong when calling Purwantara, as the app needs to tell it apart. */
export type GatewayErrorKind =
  | "validation"
  | "auth"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "refused"
  | "rate_limited"
  | "gateway"
  | "timeout"
  | "network"
  | "invalid_response";

export class PurwantaraError extends Error {
  override name = "PurwantaraError";
  readonly kind: GatewayErrorKind;
  /** HTTP status from the gateway, when one was received. */
  readonly httpStatus: number | null;
  /** The envelope's `error.code`, when the gateway sent one. */
  readonly code: string | null;
  /** Per-field messages, keyed by the gateway's field names. */
  readonly fields: Record<string, string[]>;
  /** The parsed response body, kept for the record on the transaction row. */
  readonly responseBody: unknown;

  constructor(init: {
    kind: GatewayErrorKind;
    message: string;
    httpStatus?: number | null;
    code?: string | null;
    fields?: Record<string, string[]>;
    responseBody?: unknown;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    this.httpStatus = init.httpStatus ?? null;
    this.code = init.code ?? null;
    this.fields = init.fields ?? {};
    this.responseBody = init.responseBody ?? null;
  }

  /**
   * True when the gateway may have acted on the request although it did not say so:
   * no answer, an unreadable one, or a 5xx (a proxy's 504 can follow a create that succeeded).
   */
  get outcomeUnknown(): boolean {
    return ["timeout", "network", "invalid_response", "gateway"].includes(this.kind);
  }
}

export function kindForStatus(status: number): GatewayErrorKind {
  if (status === 400 || status === 422) return "validation";
  if (status === 401) return "auth";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 429) return "rate_limited";
  // 402 "valid but failed", and any other 4xx: the gateway said no.
  return status >= 500 ? "gateway" : "refused";
}
