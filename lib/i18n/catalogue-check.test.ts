import { describe, expect, it } from "vitest";
import { messagesFor } from "./messages";
import { checkCatalogues, messageArguments } from "./catalogue-check";

describe("the message catalogue", () => {
  it("has every key in both languages, with the same arguments, all translated", () => {
    expect(checkCatalogues(messagesFor("id"), messagesFor("en"))).toEqual([]);
  });

  it("catches a missing key, a changed argument and an untranslated message", () => {
    const problems = checkCatalogues(
      { a: { hello: "Halo {name}", bye: "Sampai jumpa", only: "x" } },
      { a: { hello: "Hello {person}", bye: "Sampai jumpa" } },
    );
    expect(problems).toEqual([
      "en lacks a.only",
      "a.hello takes {name} in id but {person} in en",
      'a.bye reads the same in both languages: "Sampai jumpa" (translate it)',
    ]);
  });

  it("reads ICU arguments and rich-text tags", () => {
    expect(
      messageArguments("{count, plural, one {# item} other {# items}} for <b>{who}</b>"),
    ).toEqual(["<b>", "count", "who"]);
  });

  it("uses the words Indonesian cashiers use", () => {
    const id = messagesFor("id");
    expect(id.status).toMatchObject({
      active: "Menunggu pembayaran",
      paid: "Lunas",
      expired: "Kedaluwarsa",
      cancelled: "Dibatalkan",
    });
    expect(id.channel["payment-link"]).toBe("Tautan pembayaran");
    expect(id.channels["payment-link"].name).toBe("Tautan pembayaran");
  });
});
