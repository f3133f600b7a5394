import { Script } from "node:vm";
import { describe, expect, it } from "vitest";
import { authHeader, createLink, postJson, withEmulator } from "@purwantara/emulator/testing";

const emulator = withEmulator();

const page = async (path = "/") => (await fetch(`${emulator.baseUrl()}${path}`)).text();

/** The table row holding `text`, so assertions look at one transaction only. */
function rowWith(html: string, text: string): string {
  const row = html.split("<tr>").find((r) => r.includes(text));
  if (!row) throw new Error(`no row with ${text}`);
  return row.split("</tr>")[0] ?? "";
}

async function submit(path: string): Promise<Response> {
  return fetch(`${emulator.baseUrl()}${path}`, { method: "POST", redirect: "manual" });
}

describe("simulator page", () => {
  it("lists a created link with its amount in rupiah and the actions it allows", async () => {
    const link = await createLink(emulator.baseUrl(), {
      title: "Batik <Parang>",
      amount: 150000,
      external_id: "order-sim-1",
    });
    const html = await page();
    expect(html).toContain("<title>Purwantara payment simulator</title>");
    const row = rowWith(html, link.uuid);
    expect(row).toContain("Batik &lt;Parang&gt;");
    expect(row).toMatch(/Rp\s150\.000/);
    expect(row).toContain("order-sim-1");
    expect(row).toContain(`action="/simulator/transactions/${link.uuid}/pay"`);
    expect(row).toContain(">Expire</button>");
    expect(row).toContain(">Fail</button>");
    expect(row).not.toContain(">Settle</button>");
  });

  it("pays through the Pay form, redirecting back to a page that shows PAID", async () => {
    const link = await createLink(emulator.baseUrl(), { title: "Pay me from the page" });
    const res = await submit(`/simulator/transactions/${link.uuid}/pay`);
    expect(res.status).toBe(303);
    const location = res.headers.get("location") ?? "";
    expect(location).toMatch(/^\/\?message=/);

    const html = await page(location);
    expect(html).toContain("is now PAID");
    const row = rowWith(html, link.uuid);
    expect(row).toContain(">PAID</span>");
    expect(row).toContain(">Settle</button>");
    expect(row).not.toContain(">Pay</button>");

    const api = await fetch(`${emulator.baseUrl()}/v1/payment-link/${link.uuid}`, {
      headers: authHeader,
    });
    expect(((await api.json()) as { data: { status: string } }).data.status).toBe("PAID");
  });

  it("refuses a transition that is not allowed, with a message and no change", async () => {
    const link = await createLink(emulator.baseUrl(), { title: "Not settleable" });
    const res = await submit(`/simulator/transactions/${link.uuid}/settle`);
    const html = await page(res.headers.get("location") ?? "/");
    expect(html).toContain("Cannot settle “Not settleable”: it is ACTIVE.");
    expect(rowWith(html, link.uuid)).toContain(">ACTIVE</span>");
  });

  it("serves the hosted checkout page at payment_link_url, and its Pay button pays", async () => {
    const link = await createLink(emulator.baseUrl(), {
      title: "Checkout me",
      amount: 75000,
      return_url: "https://shop.example/back",
    });
    const checkoutUrl = String(link.payment_link_url);
    const before = await (await fetch(checkoutUrl)).text();
    expect(before).toContain("Checkout me");
    expect(before).toMatch(/Rp\s75\.000/);
    expect(before).toContain(">Pay</button>");

    const res = await fetch(`${checkoutUrl}/pay`, { method: "POST", redirect: "manual" });
    expect(res.status).toBe(303);
    const after = await (await fetch(checkoutUrl)).text();
    expect(after).toContain(">PAID</span>");
    expect(after).not.toContain(">Pay</button>");
    expect(after).toContain('href="https://shop.example/back"');
  });
});

/** One transaction per channel, each with the seen field set. */
const everyChannel = [
  {
    path: "/v1/virtual-account",
    body: { expected_amount: 12000, name: "Sim VA", bank: "DANAMON", external_id: "sim-va" },
    label: "Virtual account",
    detail: /DANAMON 7915\d{12}/,
  },
  {
    path: "/v1/qris",
    body: {
      amount: 13000,
      transaction_description: "Sim QRIS",
      payment_channel: "qrisdana",
      payment_method: "wallet",
      order_id: "sim-qris",
    },
    label: "QRIS",
    detail: /qrisdana/,
  },
  {
    path: "/v1/ewallet/ovo",
    body: {
      amount: 14000,
      customer_phone: "081298765432",
      payment_channel: "OVO",
      external_id: "sim-ovo",
      description: "Sim OVO",
    },
    label: "OVO",
    detail: /081298765432/,
  },
  {
    path: "/v1/ewallet/shopeepay",
    body: {
      amount: 15000,
      transaction_description: "Sim ShopeePay",
      payment_channel: "shopee_pay",
      external_id: "sim-shopee",
    },
    label: "ShopeePay",
    detail: null,
  },
  {
    path: "/v1/counter",
    body: {
      expected_amount: 16000,
      name: "Sim counter",
      payment_channel: "Alfamart",
      external_id: "sim-counter",
    },
    label: "Counter",
    detail: /Alfamart PWT\d{10}/,
  },
] as const;

describe("simulator page with every channel", () => {
  it("lists each channel's transaction with its reference, amount, status and buttons", async () => {
    for (const channel of everyChannel) {
      const res = await postJson(`${emulator.baseUrl()}${channel.path}`, channel.body);
      expect(res.status).toBe(201);
    }
    const html = await page();
    expect(html).toContain('<html lang="en">');
    for (const [i, channel] of everyChannel.entries()) {
      const reference =
        "external_id" in channel.body ? channel.body.external_id : channel.body.order_id;
      const row = rowWith(html, `>${reference}<`);
      expect(row).toContain(`<td class="nowrap">${channel.label}`);
      if (channel.detail) expect(row).toMatch(channel.detail);
      expect(row).toMatch(new RegExp(`Rp\\s1${2 + i}\\.000`));
      expect(row).toContain(">ACTIVE</span>");
      expect(row).toMatch(/<th scope="row" class="title">Sim /);
      for (const button of ["Pay", "Expire", "Fail"]) expect(row).toContain(`>${button}</button>`);
      expect(row.includes(">Cancel</button>")).toBe(channel.label === "Virtual account");
      const hosted = ["QRIS", "ShopeePay"].includes(channel.label);
      expect(row.includes(">buyer page</a>")).toBe(hosted);
    }
  });

  it("serves the table alone for the page's refresh script, which the page loads", async () => {
    const html = await page();
    expect(html).toContain('<div id="transactions">');
    expect(html).toContain('fetch("/simulator/table"');
    const fragment = await page("/simulator/table");
    expect(fragment.startsWith('<div class="card"><table>')).toBe(true);
    expect(fragment).not.toContain("<html");
    expect(html).toContain(fragment);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(() => new Script(script)).not.toThrow();
  });

  it("shows a dropped callback as such", async () => {
    const link = await createLink(emulator.baseUrl(), { title: "Dropped one" });
    await postJson(`${emulator.baseUrl()}/control/drop-callbacks`, { count: 1, uuid: link.uuid });
    const res = await submit(`/simulator/transactions/${link.uuid}/pay`);
    const html = await page(res.headers.get("location") ?? "/");
    expect(html).toContain("is now PAID; callback dropped.");
    expect(rowWith(html, link.uuid)).toContain("dropped (not sent)");
  });
});
