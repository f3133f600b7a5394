import type { z } from "zod";
import { errorEnvelopeSchema, normalizeFields, successEnvelopeSchema } from "./envelope";
import { maxGatewayResponseBytes, readBoundedJson, type GatewayBody } from "./bounded-body";
import { kindForStatus, PurwantaraError, type GatewayErrorKind } from "./errors";

/** One call as it went, for a call log: the request, the answer, the time it took. */
export type GatewayCallReport = {
  method: "GET" | "POST";
  path: string;
  requestBody: unknown;
  startedAt: Date;
  latencyMs: number;
  /** Null when no answer came. */
  httpStatus: number | null;
  outcome: "ok" | GatewayErrorKind;
  /** The parsed JSON answer, when there was one. */
  responseBody: unknown;
};

export type PurwantaraClientOptions = {
  /** e.g. `https://api.purwantara.id/v1/` (trailing slash optional). */
  baseUrl: string;
  token: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Told of every call once it ended, success or not; its own failure is ignored. */
  onCall?: (call: GatewayCallReport) => Promise<void> | void;
};

/** A successful call: the validated `data` and the whole body, for the record. */
export type GatewayResult<T> = { data: T; body: unknown; httpStatus: number };

/** Purwantara's REST API: Bearer auth, JSON envelope, typed errors. No retries of POSTs. */
export class PurwantaraClient {
  private readonly baseUrl: string;

  constructor(private readonly options: PurwantaraClientOptions) {
    this.baseUrl = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
  }

  /** A create call (`path` under /v1/); channel modules say which path and body. */
  post<S extends z.ZodType>(path: string, schema: S, body?: unknown) {
    return this.request("POST", path, schema, body);
  }

  /** A read, such as an inquiry. */
  get<S extends z.ZodType>(path: string, schema: S) {
    return this.request("GET", path, schema);
  }

  private async request<S extends z.ZodType>(
    method: "GET" | "POST",
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<GatewayResult<z.infer<S>>> {
    const startedAt = new Date();
    const started = performance.now();
    const report = async (
      rest: Pick<GatewayCallReport, "httpStatus" | "outcome" | "responseBody">,
    ) => {
      const call = { method, path, requestBody: body ?? null, startedAt, ...rest };
      const latencyMs = Math.round(performance.now() - started);
      await (async () => this.options.onCall?.({ ...call, latencyMs }))().catch(() => undefined);
    };
    try {
      const result = await this.call(method, path, schema, body);
      await report({ httpStatus: result.httpStatus, outcome: "ok", responseBody: result.body });
      return result;
    } catch (error) {
      if (error instanceof PurwantaraError) {
        const { httpStatus, kind: outcome, responseBody } = error;
        await report({ httpStatus, outcome, responseBody });
      }
      throw error;
    }
  }

  private async call<S extends z.ZodType>(
    method: "GET" | "POST",
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<GatewayResult<z.infer<S>>> {
    const response = await this.send(method, path, body);
    const answer = await this.readBody(response);
    // Text that is not JSON (a proxy's error page, anything else) is never kept or shown.
    const parsed = answer.kind === "json" ? answer.value : null;
    if (!response.ok) throw errorFromResponse(response.status, parsed);
    if (answer.kind === "too_large" || answer.kind === "not_json") {
      throw new PurwantaraError({
        kind: "invalid_response",
        message:
          answer.kind === "too_large"
            ? `Purwantara answered ${response.status} with more than ${maxGatewayResponseBytes} bytes`
            : `Purwantara answered ${response.status} with a body that is not JSON`,
        httpStatus: response.status,
      });
    }
    const envelope = successEnvelopeSchema.safeParse(parsed);
    const data = envelope.success ? schema.safeParse(envelope.data.data) : null;
    if (!data?.success) {
      throw new PurwantaraError({
        kind: "invalid_response",
        message: `Purwantara answered ${response.status} with a body we could not read`,
        httpStatus: response.status,
        responseBody: parsed,
      });
    }
    return { data: data.data, body: parsed, httpStatus: response.status };
  }

  /** The answer's body, read at most to the size limit (lib/purwantara/bounded-body.ts). */
  private async readBody(response: Response): Promise<GatewayBody> {
    try {
      return await readBoundedJson(response);
    } catch (error) {
      throw this.transportError(error);
    }
  }

  private async send(method: string, path: string, body: unknown): Promise<Response> {
    const doFetch = this.options.fetch ?? fetch;
    let response: Response;
    try {
      response = await doFetch(new URL(path, this.baseUrl), {
        method,
        headers: {
          Authorization: `Bearer ${this.options.token}`,
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
        cache: "no-store",
        // Never followed: a redirect would carry the token, or the server's reach, elsewhere.
        redirect: "manual",
      });
    } catch (error) {
      throw this.transportError(error);
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => undefined);
      throw new PurwantaraError({
        kind: "gateway",
        message: `Purwantara answered with an unexpected redirect (HTTP ${response.status}), not followed`,
        httpStatus: response.status,
      });
    }
    return response;
  }

  private transportError(error: unknown): PurwantaraError {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return new PurwantaraError({
      kind: timedOut ? "timeout" : "network",
      message: timedOut
        ? `Purwantara did not answer within ${this.options.timeoutMs / 1000} s`
        : "Could not reach Purwantara",
      cause: error,
    });
  }
}

function errorFromResponse(status: number, body: unknown): PurwantaraError {
  const envelope = errorEnvelopeSchema.safeParse(body);
  const error = envelope.success ? envelope.data.error : undefined;
  const message =
    error?.message ??
    (envelope.success ? envelope.data.message : undefined) ??
    `Purwantara answered HTTP ${status}`;
  return new PurwantaraError({
    kind: kindForStatus(status),
    message,
    httpStatus: status,
    code: error?.code ?? null,
    fields: normalizeFields(error?.fields),
    responseBody: body,
  });
}
