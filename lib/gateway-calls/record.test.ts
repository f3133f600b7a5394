import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pruneGatewayCalls } from "@/db/queries/gateway-calls";
import { virtualAccount, type VirtualAccountForm } from "@/channels/virtual-account/server";
import { cancelPayment } from "@/lib/payments/cancel-payment";
import { checkPaymentStatus } from "@/lib/payments/check-status";
import { createPayment } from "@/lib/payments/create-payment";
import { queryTestDb } from "@/testing/database";
import { withGatewayTestbed } from "@/testing/gateway-testbed";
import { listGatewayCallPage } from "./list";
import { redacted } from "./redact";

const { db, control, user } = withGatewayTestbed({ email: "calls@example.com" });

const form = (): VirtualAccountForm => ({
  idempotencyKey: randomUUID(),
  bank: "BCA",
  name: "Sari Wulandari",
  amount: 65_000n,
  description: "Kain tenun untuk Bu Sari",
  expiresAt: new Date(Date.now() + 86_400_000),
});

type CallRow = {
  trigger: string;
  method: string;
  endpoint: string;
  http_status: number | null;
  outcome: string;
  latency_ms: number;
  request: Record<string, unknown> | null;
  response: unknown;
};

const callsOf = (transactionId: string) =>
  queryTestDb<CallRow>(
    db.url(),
    "select * from gateway_calls where transaction_id = $1 order by id",
    [transactionId],
  );

describe("the gateway call log", () => {
  it("records every call a payment causes, with its trigger, status and latency, redacted", async () => {
    const created = await createPayment(virtualAccount, form(), user());
    expect(created.ok).toBe(true);
    const id = created.transaction.id;
    expect(await checkPaymentStatus(id, "local", "sweep")).toBe("unchanged");
    await cancelPayment(id, user());
    const calls = await callsOf(id);
    expect(calls.map((c) => [c.trigger, c.method, c.outcome, c.http_status])).toEqual([
      ["create", "POST", "ok", 201],
      ["sweep", "GET", "ok", 200],
      ["cancel", "POST", "ok", 200],
    ]);
    expect(calls[1]?.endpoint).toMatch(/:id$/);
    expect(calls.every((c) => c.latency_ms >= 0)).toBe(true);
    const stored = JSON.stringify(calls);
    for (const personal of ["Sari", "Kain tenun", "local-emulator-token"]) {
      expect(stored).not.toContain(personal);
    }
    expect(calls[0]?.request).toMatchObject({ bank: "BCA", name: redacted });
  });

  it("records a refused call with the gateway's status and error, and none goes unlogged", async () => {
    await control("fail-next", { count: 1, status: 503 });
    const failed = await createPayment(virtualAccount, form(), user());
    expect(failed.ok).toBe(false);
    const [call] = await callsOf(failed.transaction.id);
    expect(call).toMatchObject({ trigger: "create", outcome: "gateway", http_status: 503 });
  });

  it("lists calls by status and endpoint, newest first, and drops those past retention", async () => {
    const failures = await listGatewayCallPage(
      { status: "failed", endpoint: undefined, transaction: undefined, before: undefined },
      "local",
    );
    expect(failures.items.length).toBeGreaterThan(0);
    expect(failures.items.every((c) => c.outcome !== "ok")).toBe(true);
    expect(failures.endpoints.length).toBeGreaterThan(1);
    const endpoint = failures.items[0]!.endpoint;
    const byEndpoint = await listGatewayCallPage(
      { status: undefined, endpoint, transaction: undefined, before: undefined },
      "local",
    );
    expect(byEndpoint.items.every((c) => c.endpoint === endpoint)).toBe(true);
    const ids = byEndpoint.items.map((c) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const onePayment = failures.items[0]!.transactionId!;
    const ofPayment = await listGatewayCallPage(
      { status: undefined, endpoint: undefined, transaction: onePayment, before: undefined },
      "local",
    );
    expect(ofPayment.items.length).toBeGreaterThan(0);
    expect(ofPayment.items.every((c) => c.transactionId === onePayment)).toBe(true);
    expect(
      await listGatewayCallPage(
        { status: undefined, endpoint: undefined, transaction: undefined, before: undefined },
        "sandbox",
      ),
    ).toMatchObject({ items: [] });

    await queryTestDb(db.url(), "update gateway_calls set called_at = now() - interval '31 days'");
    expect(await pruneGatewayCalls(30)).toBeGreaterThan(0);
    expect(await queryTestDb(db.url(), "select 1 from gateway_calls")).toEqual([]);
  });
});
