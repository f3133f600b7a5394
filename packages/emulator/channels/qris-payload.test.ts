import { describe, expect, it } from "vitest";
import { parseTlv, tlvValue } from "../channel-test-kit";
import { crc16CcittFalse, luhnDigit, qrisPayload } from "./qris-payload";

const acquirer = { guid: "ID.CO.DOKU.WWW", nns: "93600899" };
const payload = qrisPayload({ acquirer, amount: "25000", reference: "INV/2024/0001" });
const fields = parseTlv(payload);
const sub = (tag: string) => parseTlv(tlvValue(fields, tag) ?? "");

describe("CRC-16/CCITT-FALSE", () => {
  it("matches the catalogue check value", () => {
    expect(crc16CcittFalse("123456789")).toBe(0x29b1);
    expect(crc16CcittFalse("")).toBe(0xffff);
  });
});

describe("QRIS payload", () => {
  it("is a well-formed TLV string with the EMVCo fields in order", () => {
    expect(fields.map((f) => f.tag)).toEqual([
      "00",
      "01",
      "26",
      "51",
      "52",
      "53",
      "54",
      "58",
      "59",
      "60",
      "61",
      "62",
      "63",
    ]);
    expect(tlvValue(fields, "00")).toBe("01");
    expect(tlvValue(fields, "01")).toBe("12");
    expect(tlvValue(fields, "52")).toMatch(/^\d{4}$/);
    expect(tlvValue(fields, "53")).toBe("360");
    expect(tlvValue(fields, "54")).toBe("25000");
    expect(tlvValue(fields, "58")).toBe("ID");
    expect(tlvValue(fields, "59")?.length).toBeLessThanOrEqual(25);
    expect(tlvValue(fields, "60")?.length).toBeLessThanOrEqual(15);
  });

  it("names the acquirer and QRIS in the merchant account information", () => {
    const merchant = sub("26");
    expect(tlvValue(merchant, "00")).toBe("ID.CO.DOKU.WWW");
    const pan = tlvValue(merchant, "01") ?? "";
    expect(pan).toMatch(/^93600899\d{11}$/);
    expect(luhnDigit(pan.slice(0, -1))).toBe(pan.slice(-1));
    const qris = sub("51");
    expect(tlvValue(qris, "00")).toBe("ID.CO.QRIS.WWW");
    expect(tlvValue(qris, "02")).toMatch(/^ID\d{13}$/);
  });

  it("carries the order reference as the bill number", () => {
    expect(tlvValue(sub("62"), "01")).toBe("INV/2024/0001");
    const long = qrisPayload({
      acquirer,
      amount: "1000",
      reference: "ä-order-0123456789-0123456789",
    });
    expect(tlvValue(parseTlv(tlvValue(parseTlv(long), "62") ?? ""), "01")).toBe(
      "-order-0123456789-0123456",
    );
  });

  it("ends in a CRC over everything before it, 6304 included", () => {
    const crc = tlvValue(fields, "63") ?? "";
    expect(crc).toMatch(/^[0-9A-F]{4}$/);
    expect(payload.endsWith(`6304${crc}`)).toBe(true);
    expect(parseInt(crc, 16)).toBe(crc16CcittFalse(payload.slice(0, -4)));
    const tampered = payload.replace("5405250005802", "5405990005802");
    expect(tampered).not.toBe(payload);
    expect(crc16CcittFalse(tampered.slice(0, -4))).not.toBe(parseInt(crc, 16));
  });
});
