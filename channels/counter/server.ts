import { z } from "zod";
import type { TimeZone } from "@/lib/core/time";
import {
  answeredExpiry,
  closedAmountBody,
  closedAmountDraft,
  closedAmountFormFields,
  closedAmountGatewayFields,
  closedAmountPaths,
  closedAmountPrefill,
} from "../closed-amount/server";
import { defineChannel, type GatewayFacts } from "../shared/types";
import { counterChannel, counterSchema, type CounterRequest } from "./gateway";

/** [chosen by the emulator] Alfamart's usual floor for a bill payment, whole rupiah. */
export const counterMinAmount = 10_000;

/** A code the buyer reads out at an Alfamart till and pays in cash [seen]. */
export const counterFormSchema = (zone: TimeZone) =>
  z.object(closedAmountFormFields(counterMinAmount, zone, {}));
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
  draft: (form) => ({ ...closedAmountDraft(form, titleOf(form)), paymentChannel: counterChannel }),
  createRequest: (form, reference) => {
    const body: CounterRequest = closedAmountBody(form, reference, titleOf(form), {}, {
      payment_channel: counterChannel,
    } as const);
    return { path: "counter", body };
  },
  readCreated: (data) => {
    const parsed = counterSchema.safeParse(data);
    if (!parsed.success) return null;
    const d = parsed.data;
    const facts: GatewayFacts = { paymentCode: d.payment_code, ...answeredExpiry(d.expired_at) };
    if (d.payment_channel) facts.paymentChannel = d.payment_channel;
    // The create answer has no status [chosen]: a code just made is open for payment.
    return { uuid: d.uuid, status: d.status ?? "ACTIVE", facts };
  },
  gatewayFields: closedAmountGatewayFields,
  prefill: closedAmountPrefill,
  ...closedAmountPaths("counter"),
  callbackFacts: (p) => {
    const c = callbackFactsSchema.parse(p);
    const facts: GatewayFacts = {};
    if (c.payment_code) facts.paymentCode = c.payment_code;
    return facts;
  },
});
