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
import { vaBanks, virtualAccountSchema, type VirtualAccountRequest } from "./gateway";

/** [chosen by the emulator] Banks' usual floor for a closed-amount VA, whole rupiah. */
export const virtualAccountMinAmount = 10_000;

/** A bank transfer to a number made for this one payment [seen]. */
export const virtualAccountFormSchema = (zone: TimeZone) =>
  z.object(
    closedAmountFormFields(virtualAccountMinAmount, zone, {
      bank: z.string().trim().min(1, "choiceRequired").pipe(z.enum(vaBanks, "invalidChoice")),
    }),
  );
export type VirtualAccountForm = z.infer<ReturnType<typeof virtualAccountFormSchema>>;

/** How the row reads in the transactions list: what it is for, else the bank and the name. */
const titleOf = (form: VirtualAccountForm) => form.description ?? `VA ${form.bank} · ${form.name}`;

/** A money string numeric(20,4) holds exactly; anything else is left out, not guessed. */
const moneyText = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().regex(/^\d{1,16}(?:\.\d{1,4})?$/));

/** What a VA callback carries beyond status and times; an odd field is skipped, not fatal. */
const callbackFactsSchema = z.object({
  va_number: z.string().min(1).max(64).optional().catch(undefined),
  fee: moneyText.optional().catch(undefined),
  total: moneyText.optional().catch(undefined),
  bank: z.enum(vaBanks).optional().catch(undefined),
});

export const virtualAccount = defineChannel<VirtualAccountForm>({
  channel: "virtual-account",
  minAmount: virtualAccountMinAmount,
  defaultExpiryMs: 24 * 60 * 60 * 1000,
  formSchema: virtualAccountFormSchema,
  draft: (form) => ({ ...closedAmountDraft(form, titleOf(form)), bank: form.bank }),
  createRequest: (form, reference) => {
    const body: VirtualAccountRequest = closedAmountBody(
      form,
      reference,
      titleOf(form),
      { bank: form.bank },
      { payment_code: null },
    );
    return { path: "virtual-account", body };
  },
  readCreated: (data) => {
    const parsed = virtualAccountSchema.safeParse(data);
    if (!parsed.success) return null;
    const d = parsed.data;
    const facts: GatewayFacts = { vaNumber: d.va_number };
    if (d.fee) facts.fee = d.fee;
    if (d.total) facts.total = d.total;
    if (d.bank) facts.bank = d.bank;
    Object.assign(facts, answeredExpiry(d.expired_at));
    return { uuid: d.uuid, status: d.status, facts };
  },
  gatewayFields: { ...closedAmountGatewayFields, bank: "bank" },
  prefill: (row) => ({ bank: row.bank ?? "", ...closedAmountPrefill(row) }),
  ...closedAmountPaths("virtual-account"),
  cancelPath: (uuid) => `virtual-account/cancel/${encodeURIComponent(uuid)}`,
  callbackFacts: (p) => {
    const c = callbackFactsSchema.parse(p);
    const facts: GatewayFacts = {};
    if (c.va_number) facts.vaNumber = c.va_number;
    if (c.fee) facts.fee = c.fee;
    if (c.total) facts.total = c.total;
    if (c.bank) facts.bank = c.bank;
    return facts;
  },
});
