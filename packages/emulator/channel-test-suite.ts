import { describe, expect, it } from "vitest";
import {
  encodings,
  microsUtc,
  read,
  send,
  uniqueRef,
  verifiedCallbackBody,
  withCallbackEmulator,
  type Body,
  type Data,
} from "./channel-test-kit";
import { postJson } from "@purwantara/emulator/testing";

export interface ChannelSpec {
  /** The create path, like `/v1/virtual-account`. */
  path: string;
  /** The merchant reference field, unique per product. */
  referenceField: "external_id" | "order_id";
  /** Every field the SDK's tests and the uptime bot send, with plausible values. */
  body(reference: string): Body;
  /** Fields that make a 422 when missing. */
  required: readonly string[];
  /** The exact keys of the create answer's `data`. */
  createdKeys: readonly string[];
  /** Checks of the create answer beyond its keys. */
  checkCreated(data: Data, body: Body): void;
  /** `GET` paths, for channels that have them. */
  inquiryPath?: (uuid: string) => string;
  listPath?: string;
  callback: { type: string; channel: string; keys: readonly string[] };
}

/**
 * The behaviour every channel shares: the seen field sets answered 201 in three
 * encodings, 401, 422 per missing field, 409 on a reused reference, inquiry and
 * list, and a signed, PHP-encoded callback on payment.
 */
export function describeChannelApi(spec: ChannelSpec) {
  const emulator = withCallbackEmulator();
  const { url } = emulator;
  const create = async (body: Body) => {
    const res = await send(url(spec.path), body);
    if (res.status !== 201) throw new Error(`create failed: ${JSON.stringify(res.body)}`);
    return res.body.data as Data;
  };

  describe(`POST ${spec.path}`, () => {
    it.each(encodings)("answers 201 to the seen field set sent as %s", async (encoding) => {
      const body = spec.body(uniqueRef(encoding));
      const res = await send(url(spec.path), body, encoding);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 201, success: true });
      const data = res.body.data as Data;
      expect(Object.keys(data)).toEqual(spec.createdKeys);
      expect(data.uuid).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      spec.checkCreated(data, body);
    });

    it("answers 401 without a Bearer token", async () => {
      const res = await send(url(spec.path), spec.body(uniqueRef("noauth")), "json", {});
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ success: false, error: { code: "UNAUTHENTICATED" } });
    });

    it("answers 422 naming each missing required field", async () => {
      const res = await send(url(spec.path), {});
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({
        status: 422,
        success: false,
        error: { code: "VALIDATION_ERROR" },
      });
      const expected = Object.fromEntries(
        spec.required.map((field) => [
          field,
          [`The ${field.replace(/_/g, " ")} field is required.`],
        ]),
      );
      expect(res.body.error?.fields).toEqual(expected);
    });

    it(`answers 409 DUPLICATE_EXTERNAL_ID when the ${spec.referenceField} was used`, async () => {
      const reference = uniqueRef("dup");
      await create(spec.body(reference));
      const again = await send(url(spec.path), spec.body(reference), "urlencoded");
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        status: 409,
        success: false,
        error: { code: "DUPLICATE_EXTERNAL_ID" },
      });
      expect(again.body.error?.message).toContain(spec.referenceField.replace("_", " "));
    });
  });

  const { inquiryPath, listPath } = spec;
  if (inquiryPath && listPath) {
    describe("inquiry and list", () => {
      it("reads a transaction back, before and after payment, and lists it", async () => {
        const reference = uniqueRef("read");
        const { uuid } = await create(spec.body(reference));
        const before = await read(url(inquiryPath(String(uuid))));
        expect(before.status).toBe(200);
        expect(before.body).toMatchObject({ status: 200, success: true });
        expect(before.body.data).toMatchObject({
          uuid,
          external_id: reference,
          status: "ACTIVE",
          paid_at: null,
        });

        await postJson(url(`/control/transactions/${String(uuid)}/pay`), {});
        const after = (await read(url(inquiryPath(String(uuid))))).body.data as Data;
        expect(after.status).toBe("PAID");
        expect(after.paid_at).toMatch(microsUtc);

        const list = await read(url(listPath));
        expect(list.body).toMatchObject({ status: 200, success: true });
        const rows = list.body.data as Data[];
        expect(Array.isArray(rows)).toBe(true);
        expect(rows.find((row) => row.uuid === uuid)).toEqual(after);
      });

      it("answers 404 for an unknown uuid or another product's uuid", async () => {
        const unknown = await read(url(inquiryPath("00000000-0000-4000-8000-000000000000")));
        expect(unknown.status).toBe(404);
        expect(unknown.body).toMatchObject({ error: { code: "NOT_FOUND" } });
        const link = await send(url("/v1/payment-link"), { amount: 5000, title: "Other product" });
        const other = await read(url(inquiryPath(String((link.body.data as Data).uuid))));
        expect(other.status).toBe(404);
      });
    });
  }

  describe("callback", () => {
    it(`sends a signed ${spec.callback.type} callback via ${spec.callback.channel} on payment`, async () => {
      const reference = uniqueRef("cb");
      const body = spec.body(reference);
      const { uuid } = await create(body);
      const paid = await postJson(url(`/control/transactions/${String(uuid)}/pay`), {});
      expect(paid.status).toBe(200);
      const [request] = await emulator.callbacksFor(String(uuid));
      if (!request) throw new Error("no callback");
      const callback = verifiedCallbackBody(request);
      expect(Object.keys(callback)).toEqual(spec.callback.keys);
      expect(callback).toMatchObject({
        uuid,
        event: { type: spec.callback.type, channel: spec.callback.channel },
        external_id: reference,
        status: "PAID",
        settle_at: null,
      });
      expect(callback.amount).toMatch(/^\d+\.0000$/);
      expect(callback.paid_at).toMatch(microsUtc);
      expect(callback.created_at).toMatch(microsUtc);
    });
  });

  return emulator;
}
