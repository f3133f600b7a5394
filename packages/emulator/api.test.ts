import { describe, expect, it } from "vitest";
import { authHeader, createLink, postJson, withEmulator } from "@purwantara/emulator/testing";

type Envelope = {
  status: number;
  success: boolean;
  data?: Record<string, unknown>;
  error?: { code: string; message: string; fields?: Record<string, string[]> };
};

const emulator = withEmulator();

const { url } = emulator;
const parse = (text: string) => JSON.parse(text) as Envelope;
const microsUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

describe("POST /v1/payment-link", () => {
  it("creates a link and answers 201 in Purwantara's envelope, PHP-encoded", async () => {
    const res = await postJson(url("/v1/payment-link"), {
      amount: 25000,
      title: "Kaos / Merah",
      description: "Ukuran L",
      external_id: "order-create-1",
      return_url: "https://shop.example/thanks",
      expires_at: "2099-01-31T23:59:00+07:00",
    });
    expect(res.status).toBe(201);
    expect(res.text).toContain('"title":"Kaos \\/ Merah"');
    const body = parse(res.text);
    expect(body).toMatchObject({ status: 201, success: true });
    expect(body.data).toMatchObject({
      external_id: "order-create-1",
      amount: "25000.0000",
      title: "Kaos / Merah",
      description: "Ukuran L",
      status: "ACTIVE",
      expires_at: "2099-01-31T16:59:00.000000Z",
      return_url: "https://shop.example/thanks",
    });
    const uuid = String(body.data?.uuid);
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(body.data?.created_at).toMatch(microsUtc);
    expect(body.data?.payment_link_url).toBe(`${emulator.baseUrl()}/share/payment-links/${uuid}`);
  });

  it("accepts a numeric-string amount and defaults the expiry to a day ahead", async () => {
    const link = await createLink(emulator.baseUrl(), { amount: "1000", title: "Minimum" });
    expect(link.amount).toBe("1000.0000");
    const hoursAhead = (Date.parse(String(link.expires_at)) - Date.now()) / 3_600_000;
    expect(hoursAhead).toBeGreaterThan(23.9);
    expect(hoursAhead).toBeLessThan(24.1);
  });

  it("accepts urlencoded and multipart bodies", async () => {
    const form = await fetch(url("/v1/payment-link"), {
      method: "POST",
      headers: authHeader,
      body: new URLSearchParams({ amount: "15000", title: "From a form" }),
    });
    expect(form.status).toBe(201);
    expect((await form.json()) as Envelope).toMatchObject({
      data: { title: "From a form", amount: "15000.0000" },
    });

    const multipart = new FormData();
    multipart.set("amount", "16000");
    multipart.set("title", "From multipart");
    const res = await fetch(url("/v1/payment-link"), {
      method: "POST",
      headers: authHeader,
      body: multipart,
    });
    expect(res.status).toBe(201);
    expect((await res.json()) as Envelope).toMatchObject({
      data: { title: "From multipart", amount: "16000.0000" },
    });
  });

  it("answers 422 with a message per invalid field", async () => {
    const res = await postJson(url("/v1/payment-link"), {
      amount: 999,
      title: "",
      expires_at: "2001-01-01T00:00:00+07:00",
      return_url: "javascript:alert(1)",
    });
    expect(res.status).toBe(422);
    expect(parse(res.text)).toEqual({
      status: 422,
      success: false,
      error: {
        code: "VALIDATION_ERROR",
        message: "The given data was invalid.",
        fields: {
          amount: ["The amount must be at least 1000."],
          title: ["The title field is required."],
          expires_at: ["The expires at must be a date after now."],
          return_url: ["The return url must be a valid URL."],
        },
      },
    });
  });

  it("rejects a fractional amount and a title over 255 characters", async () => {
    const res = await postJson(url("/v1/payment-link"), { amount: 1500.5, title: "x".repeat(256) });
    expect(parse(res.text).error?.fields).toEqual({
      amount: ["The amount must be an integer."],
      title: ["The title must not be greater than 255 characters."],
    });
  });

  it("answers 409 DUPLICATE_EXTERNAL_ID when the external_id was used", async () => {
    await createLink(emulator.baseUrl(), { external_id: "order-dup" });
    const res = await postJson(url("/v1/payment-link"), {
      amount: 5000,
      title: "Again",
      external_id: "order-dup",
    });
    expect(res.status).toBe(409);
    expect(parse(res.text).error?.code).toBe("DUPLICATE_EXTERNAL_ID");
  });

  it("answers 400 for a JSON body that does not parse", async () => {
    const res = await fetch(url("/v1/payment-link"), {
      method: "POST",
      headers: { ...authHeader, "content-type": "application/json" },
      body: '{"amount": 1000,',
    });
    expect(res.status).toBe(400);
    expect((await res.json()) as Envelope).toMatchObject({
      success: false,
      error: { code: "VALIDATION_ERROR" },
    });
  });
});

describe("auth and routing", () => {
  it.each([
    ["no token", {}],
    ["a wrong token", { authorization: "Bearer not-the-token" }],
    ["a non-Bearer scheme", { authorization: "Basic bG9jYWw6bG9jYWw=" }],
  ])("answers 401 UNAUTHENTICATED with %s", async (_name, headers) => {
    const res = await postJson(url("/v1/payment-link"), { amount: 10000, title: "x" }, headers);
    expect(res.status).toBe(401);
    expect(parse(res.text)).toMatchObject({
      status: 401,
      success: false,
      error: { code: "UNAUTHENTICATED" },
    });
  });

  it("answers 404 for unknown paths and uuids, 405 for a wrong method", async () => {
    const unknown = await fetch(url("/v1/refunds"), { headers: authHeader });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()) as Envelope).toMatchObject({ error: { code: "NOT_FOUND" } });
    const missing = await fetch(url("/v1/payment-link/00000000-0000-4000-8000-000000000000"), {
      headers: authHeader,
    });
    expect(missing.status).toBe(404);
    const wrongMethod = await fetch(url("/v1/payment-link"), { headers: authHeader });
    expect(wrongMethod.status).toBe(405);
  });
});

describe("GET /v1/payment-link/{uuid}", () => {
  it("reads the link back with its payment times and current status", async () => {
    const link = await createLink(emulator.baseUrl(), {
      title: "Read me",
      external_id: "order-read",
    });
    const before = (await (
      await fetch(url(`/v1/payment-link/${link.uuid}`), { headers: authHeader })
    ).json()) as Envelope;
    expect(before).toMatchObject({ status: 200, success: true });
    expect(before.data).toMatchObject({
      uuid: link.uuid,
      title: "Read me",
      status: "ACTIVE",
      paid_at: null,
    });

    expect((await postJson(url(`/control/transactions/${link.uuid}/pay`), {})).status).toBe(200);
    const after = (await (
      await fetch(url(`/v1/payment-link/${link.uuid}`), { headers: authHeader })
    ).json()) as Envelope;
    expect(after.data?.status).toBe("PAID");
    expect(after.data?.paid_at).toMatch(microsUtc);
  });
});
