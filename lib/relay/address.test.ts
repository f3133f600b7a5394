import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRelayReceiver, type RelayReceiver } from "@/testing/relay-receiver";
import { relayUrlRefusal } from "./address";
import { newRelaySecret } from "./secret";
import { sendRelayMessage } from "./send";

const production = { allowPrivate: false };
let receiver: RelayReceiver;

beforeAll(async () => {
  receiver = await startRelayReceiver();
});
afterAll(() => receiver.close());

describe("relay endpoint addresses", () => {
  it.each([
    ["http://erp.example.com/hook", "notHttps"],
    ["https://127.0.0.1/hook", "privateAddress"],
    ["https://10.1.2.3/hook", "privateAddress"],
    ["https://192.168.0.10/hook", "privateAddress"],
    ["https://169.254.169.254/latest/meta-data", "privateAddress"],
    ["https://[::1]/hook", "privateAddress"],
    ["https://[::ffff:127.0.0.1]/hook", "privateAddress"],
    ["https://localhost/hook", "privateAddress"],
    ["https://erp.internal/hook", "privateAddress"],
    ["https://user:pw@erp.example.com/hook", "invalid"],
    ["ftp://erp.example.com/hook", "invalid"],
    ["not a url", "invalid"],
  ])("refuses %s in production (%s)", (url, refusal) => {
    expect(relayUrlRefusal(url, production)).toBe(refusal);
  });

  it("takes https on a public name or address in production, and anything http(s) outside it", () => {
    expect(relayUrlRefusal("https://erp.example.com/hooks/purwantara", production)).toBeNull();
    expect(relayUrlRefusal("https://8.8.4.4/hook", production)).toBeNull();
    expect(relayUrlRefusal("http://127.0.0.1:4000/hook", { allowPrivate: true })).toBeNull();
  });

  it("never connects to a private address in production, by literal or by a name resolving to one", async () => {
    const secret = newRelaySecret();
    receiver.secret("/private", secret);
    const message = { id: "msg_1", secret, body: "{}", timeoutMs: 2000 };
    const byAddress = await sendRelayMessage({
      ...message,
      url: `${receiver.origin}/private`,
      allowPrivate: false,
    });
    const byName = await sendRelayMessage({
      ...message,
      url: `${receiver.origin.replace("127.0.0.1", "localhost")}/private`,
      allowPrivate: false,
    });
    expect(byAddress).toMatchObject({ kind: "unreachable", reason: "private address" });
    expect(byName).toMatchObject({ kind: "unreachable", reason: "private address" });
    expect(receiver.received).toEqual([]);
    // Outside production the same receiver is reached, and verifies the signature.
    const allowed = await sendRelayMessage({
      ...message,
      url: `${receiver.origin}/private`,
      allowPrivate: true,
    });
    expect(allowed).toMatchObject({ kind: "answered", status: 200 });
    expect(receiver.received).toMatchObject([{ id: "msg_1", verified: true }]);
  });
});
