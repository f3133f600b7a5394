import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/session";
import { insertTestUser } from "@/testing/accounts";
import { queryTestDb, withTestDatabase } from "@/testing/database";

const caller = vi.hoisted(() => ({ current: null as CurrentUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => caller.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace?: string) => (key: string) =>
    namespace ? `${namespace}.${key}` : key,
  getLocale: async () => "en",
  getTimeZone: async () => "Asia/Jakarta",
}));

const db = withTestDatabase();
// What a polyglot carries after the image's end: a page and a zip's signature.
const payload = Buffer.from(
  "<html><script>alert(document.cookie)</script>PK\u0003\u0004",
  "latin1",
);

beforeAll(async () => {
  const email = `logo-${randomUUID().slice(0, 8)}@example.com`;
  const id = await insertTestUser(db.url(), { email, password: "admin password", role: "admin" });
  caller.current = {
    id,
    email,
    name: "Admin",
    role: "admin",
    locale: "en",
    timeZone: "Asia/Jakarta",
    sessionId: randomUUID(),
    twoFactorEnabled: false,
  };
});

async function upload(bytes: Buffer, name: string, type: string) {
  const { uploadLogoAction } = await import("@/app/(dashboard)/settings/actions");
  const form = new FormData();
  form.set("logo", new File([new Uint8Array(bytes)], name, { type }));
  return uploadLogoAction({ status: "idle" }, form);
}

async function stored() {
  const [row] = await queryTestDb<{ logo: Buffer | null; logo_type: string | null }>(
    db.url(),
    "select logo, logo_type from merchant_settings where id = 1",
  );
  return row;
}

const red = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#c0392b" } });

describe("a logo uploaded in Settings is re-encoded, not stored as sent", () => {
  it("a PNG with a page and a zip after its end is stored as a clean PNG of the same pixels", async () => {
    const png = await red(40, 20).png().toBuffer();
    const polyglot = Buffer.concat([png, payload]);
    expect(await upload(polyglot, "logo.png", "image/png")).toMatchObject({ status: "success" });
    const row = await stored();
    expect(row!.logo_type).toBe("image/png");
    const bytes = row!.logo!;
    expect(bytes.equals(polyglot)).toBe(false);
    expect(bytes.includes(Buffer.from("<script>"))).toBe(false);
    expect(bytes.includes(Buffer.from("PK\u0003\u0004", "latin1"))).toBe(false);
    // Nothing after the IEND chunk (its 4-byte type, then a 4-byte CRC).
    expect(bytes.subarray(-8, -4).toString("latin1")).toBe("IEND");
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: "png", width: 40, height: 20 });
  });

  it("a JPEG with trailing bytes and EXIF is stored without either, scaled to fit 512 px", async () => {
    const jpeg = await red(1200, 600)
      .jpeg()
      .withMetadata({ exif: { IFD0: { Copyright: "secret-exif-marker" } } })
      .toBuffer();
    const polyglot = Buffer.concat([jpeg, payload]);
    expect(await upload(polyglot, "logo.jpg", "image/jpeg")).toMatchObject({ status: "success" });
    const row = await stored();
    expect(row!.logo_type).toBe("image/jpeg");
    const bytes = row!.logo!;
    expect(bytes.includes(Buffer.from("<script>"))).toBe(false);
    expect(bytes.includes(Buffer.from("secret-exif-marker"))).toBe(false);
    expect(bytes.subarray(-2).equals(Buffer.from([0xff, 0xd9]))).toBe(true);
    expect(await sharp(bytes).metadata()).toMatchObject({
      format: "jpeg",
      width: 512,
      height: 256,
    });
  });

  it("refuses bytes that only start like an image, and keeps the logo it had", async () => {
    const before = await stored();
    const magicOnly = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      payload,
    ]);
    expect(await upload(magicOnly, "logo.png", "image/png")).toMatchObject({
      status: "error",
      message: "settings.errors.logoType",
    });
    expect((await stored())!.logo!.equals(before!.logo!)).toBe(true);
  });
});
