import { z } from "zod";
import { eventFieldName, relayEventTypes } from "@/lib/core/relay-events";
import { relayUrlRefusal } from "./address";

const refusalMessage = {
  invalid: "urlFormat",
  notHttps: "relayHttpsOnly",
  privateAddress: "relayPrivateAddress",
} as const;

/** An endpoint as the form sends it: URL (checked against the address rules), description, events. */
export function relayEndpointSchema(rules: { allowPrivate: boolean }) {
  return z
    .looseObject({
      url: z.string().trim().min(1, "required").max(2000, "tooLong"),
      description: z.string().trim().max(200, "tooLong").default(""),
    })
    .superRefine((value, ctx) => {
      const refusal = relayUrlRefusal(value.url, rules);
      if (refusal)
        ctx.addIssue({ code: "custom", path: ["url"], message: refusalMessage[refusal] });
      if (!relayEventTypes.some((type) => value[eventFieldName(type)] === "on"))
        ctx.addIssue({ code: "custom", path: ["events"], message: "relayEventsRequired" });
    })
    .transform((value) => ({
      url: value.url,
      description: value.description,
      events: relayEventTypes.filter((type) => value[eventFieldName(type)] === "on"),
    }));
}

export type RelayEndpointInput = z.infer<ReturnType<typeof relayEndpointSchema>>;
