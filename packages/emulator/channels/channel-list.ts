import { callbackEventTypes } from "@purwantara/contract";
import type { Route } from "../router";
import { productModules } from "./index";
import type { ApiHandler } from "./types";

/**
 * `GET /v1/channel` [seen; its shape is not]. [chosen] `data` is an array of
 * `{code, name, type}`: `code` exactly as a request sends it (`bank` for a VA,
 * `payment_channel` elsewhere), `type` the product as callbacks name it in `event.type`.
 */
export const channelListRoute: Route<ApiHandler> = {
  method: "GET",
  pattern: /^channel$/,
  handler: () => ({
    status: 200,
    data: productModules.flatMap((m) =>
      m.channels.map((c) => ({ code: c.code, name: c.name, type: callbackEventTypes[m.product] })),
    ),
  }),
};
