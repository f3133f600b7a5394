import { describe, expect, it } from "vitest";
import { renderEmail } from "./render";

const invitation = {
  template: "invitation" as const,
  data: {
    inviterName: "Budi",
    role: "finance",
    expiresAt: "2026-11-25T09:43:00.000Z",
    timeZone: "Asia/Jakarta",
  },
  secrets: { link: "https://pay.example.com/invite/abc" },
  businessName: "Toko Kopi Nusantara",
};

describe("email templates", () => {
  it("writes the invitation in the recipient's language, the business name on top, times in their zone", async () => {
    const id = await renderEmail({ ...invitation, locale: "id" });
    expect(id.subject).toBe("Budi mengundang Anda ke Toko Kopi Nusantara");
    expect(id.html).toContain('lang="id"');
    expect(id.html).toContain("Toko Kopi Nusantara");
    expect(id.html).toContain('href="https://pay.example.com/invite/abc"');
    expect(id.text).toContain("Keuangan");
    expect(id.text).toContain("25 Nov 2026 16.43 WIB");
    expect(id.text).toContain("https://pay.example.com/invite/abc");
    expect(id.text.indexOf("Toko Kopi Nusantara")).toBe(0);

    const en = await renderEmail({ ...invitation, locale: "en" });
    expect(en.subject).toBe("Budi invites you to Toko Kopi Nusantara");
    expect(en.text).toContain("Nov 25, 2026, 4:43 PM WIB");
  });

  it("names the dashboard neutrally when no business name is saved", async () => {
    const email = await renderEmail({
      template: "test",
      locale: "en",
      data: { senderName: "Sari", sentAt: "2026-01-01T00:00:00Z", timeZone: "Asia/Makassar" },
      secrets: {},
      businessName: null,
    });
    expect(email.subject).toBe("Test email from Payments dashboard");
    expect(email.text).toContain("WITA");
  });
});
