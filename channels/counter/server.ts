import { z } from "zod";
import { toZonedIso, type TimeZone } from "@/lib/core/time";
import {
  futureDateTimeSchema,
  optionalText,
  requiredText,
  rupiahAmountSchema,
  wholeRupiah,
} from "../shared/fields";
import { defineChannel, type GatewayFacts } from "../shared/types";
import { counterChannel, counterSchema, type CounterRequest } from "./gateway";

/** [chosen by the emulator] Alfamart's usual floor for a bill payment, whole rupiah. */
export const counterMinAmount = 10_000;

/** A code the buyer reads out at an Alfamart till and pays in cash [seen]. */
export const counterFormSchema = (zone: TimeZone) =>
  z.object({
    idempotencyKey: z.uuid("formOutdated"),
    // The buyer's name: the cashier may check it against the bill.
    name: requiredText(255, "required"),
    amount: rupiahAmountSchema(counterMinAmount),
    description: optionalText(1000),
    expiresAt: futureDateTimeSchema(zone),
  });
export type CounterForm = z.infer<ReturnType<typeof counterFormSchema>>;

/** How the row reads in the transactions list: what it is for, else whose bill it is. */
const titleOf = (form: CounterForm) => form.description ?? `${counterChannel} · ${form.name}`;

/** What a counter callback carries beyond status and times; an odd field is skipped. */
const callbackFactsSchema = z.object({
  payment_code: z.string().min(1).max(64).optional().catch(undefined),
});

export const counter = defineChannel<CounterForm>({
  channel: "counter",
  minAmount: counterMinAmount,
  defaultExpiryMs: 24 * 60 * 60 * 1000,
  formSchema: counterFormSchema,
  draft: (form) => ({
    title: titleOf(form),
    description: form.description,
    paymentChannel: counterChannel,
    customerName: form.name,
    expiresAt: form.expiresAt,
  }),
  createRequest: (form, reference) => {
    const body: CounterRequest = {
      expected_amount: Number(form.amount),
      name: form.name,
      description: form.description ?? titleOf(form),
      expired_at: toZonedIso(form.expiresAt),
      external_id: reference,
      merchant_trx_id: reference,
      payment_channel: counterChannel,
    };
    return { path: "counter", body };
  },
  readCreated: (data) => {
    const parsed = counterSchema.safeParse(data);
    if (!parsed.success) return null;
    const d = parsed.data;
    const facts: GatewayFacts = { paymentCode: d.payment_code };
    if (d.payment_channel) facts.paymentChannel = d.payment_channel;
    const expiresAt = d.expired_at ? new Date(d.expired_at) : null;
    if (expiresAt && !Number.isNaN(expiresAt.getTime())) facts.expiresAt = expiresAt;
    // The create answer has no status [chosen]: a code just made is open for payment.
    return { uuid: d.uuid, status: d.status ?? "ACTIVE", facts };
  },
  gatewayFields: {
    expected_amount: "amount",
    expired_at: "expiresAt",
    name: "name",
    description: "description",
  },
  prefill: (row) => ({
    name: row.customerName ?? "",
    amount: wholeRupiah(row.amount),
    description: row.description ?? "",
  }),
  inquiryPath: (uuid) => `counter/inquiry/${encodeURIComponent(uuid)}`,
  listPath: "counter/list",
  callbackFacts: (p) => {
    const c = callbackFactsSchema.parse(p);
    const facts: GatewayFacts = {};
    if (c.payment_code) facts.paymentCode = c.payment_code;
    return facts;
  },
});
