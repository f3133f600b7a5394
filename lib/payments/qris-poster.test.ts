import jsQR from "jsqr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { renderQrisPoster, wrapText } from "./qris-poster";

/** An EMV QRIS payload as the emulator makes them: long enough for a version 6+ code. */
const qrString =
  "00020101021226670016ID.CO.PURWANTARA0118936000000000000010215ID10243000000010303UMI51440014ID.CO.QRIS.WWW0215ID20243000000010303UMI5204549953033605406880005802ID5920Toko Kopi Nusantara6007JAKARTA61051011062070703A0163044B1E";

async function decode(png: Buffer): Promise<string | null> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
}

const text = {
  shopName: "Toko Kopi Nusantara",
  title: "Kopi susu gula aren 2 gelas",
  amount: "Rp 88.000",
  payWith: "Bayar dengan QRIS",
  scanWith: "Pindai dengan aplikasi QRIS apa saja",
  deadline: "Berlaku sampai 9 Des 2026 10.00 WIB",
};

describe("the QRIS poster", () => {
  it("is a PNG whose QR decodes back to the payment's QR string", async () => {
    const png = await renderQrisPoster(text, qrString, null);
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBe(1080);
    expect(await decode(png)).toBe(qrString);
  });

  it("still decodes with a logo, a long shop name and no deadline", async () => {
    const logo = await sharp({
      create: { width: 400, height: 200, channels: 3, background: "#b45309" },
    })
      .png()
      .toBuffer();
    const png = await renderQrisPoster(
      {
        ...text,
        shopName: "Koperasi Serba Usaha Karyawan Perkebunan Kopi Arabika Gayo Nusantara Sejahtera",
        deadline: null,
      },
      qrString,
      logo,
    );
    expect(await decode(png)).toBe(qrString);
    // The logo's colour is on the poster, above the QR.
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data.subarray((y * info.width + x) * info.channels);
    expect([...at(540, 140).subarray(0, 3)]).toEqual([0xb4, 0x53, 0x09]);
  });

  it("a logo that does not decode is left out, not an error", async () => {
    const png = await renderQrisPoster(text, qrString, Buffer.from("not an image"));
    expect(await decode(png)).toBe(qrString);
  });
});

describe("wrapText", () => {
  it("wraps on words and ends the last kept line, within its width, with an ellipsis", () => {
    expect(wrapText("Toko Kopi Nusantara", 26, 2)).toEqual(["Toko Kopi Nusantara"]);
    expect(wrapText("aaa bbb ccc ddd", 7, 2)).toEqual(["aaa bbb", "ccc ddd"]);
    expect(wrapText("aaa bbb ccc ddd eee", 7, 2)).toEqual(["aaa bbb", "ccc dd…"]);
    expect(wrapText("x".repeat(30), 10, 1)).toEqual(["xxxxxxxxx…"]);
  });
});
