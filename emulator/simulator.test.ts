import { describe, expect, it } from "vitest";
import { authHeader, createLink, withEmulator } from "./test-support";

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
