/**
 * EMVCo merchant-presented QR payloads as Indonesia's QRIS uses them: a string
 * of TLV fields (2-digit tag, 2-digit length, value) ending in a CRC over
 * everything before it, "6304" included.
 */

/** CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR. */
export function crc16CcittFalse(text: string): number {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, "latin1")) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

export function tlv(tag: string, value: string): string {
  if (!/^\d{2}$/.test(tag)) throw new Error(`EMV tag must be two digits, got ${tag}`);
  if (value.length > 99) throw new Error(`EMV tag ${tag} value is over 99 characters`);
  return tag + String(value.length).padStart(2, "0") + value;
}

/** EMV's "ans" set is printable ASCII; anything else is dropped, and values are capped. */
export function emvText(text: string, max: number): string {
  return text.replace(/[^\x20-\x7e]/g, "").slice(0, max);
}

/** The Luhn check digit that completes a merchant PAN. */
export function luhnDigit(digits: string): string {
  let sum = 0;
  [...digits].reverse().forEach((char, i) => {
    const d = Number(char) * (i % 2 === 0 ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  });
  return String((10 - (sum % 10)) % 10);
}

export interface QrisAcquirer {
  /** Reverse-domain globally unique id of the acquirer, for tag 26. */
  guid: string;
  /** The acquirer's 8-digit National Numbering System code, the start of the merchant PAN. */
  nns: string;
}

export interface QrisPayloadInput {
  acquirer: QrisAcquirer;
  /** Whole rupiah as decimal digits. */
  amount: string;
  /** The merchant's reference, printed in the additional data (bill number). */
  reference: string;
}

/**
 * [chosen] The emulator's one merchant: identifiers shaped like real QRIS ones
 * (NMID `ID` + 13 digits, criteria UMI = micro business), but not registered anywhere.
 */
export const qrisMerchant = {
  number: "0000012345",
  id: "PWTEMU0000001",
  nmid: "ID1024000012345",
  criteria: "UMI",
  mcc: "5999",
  name: "PURWANTARA EMULATOR",
  city: "JAKARTA PUSAT",
  postalCode: "10110",
} as const;

/** A dynamic (one-payment) QRIS payload for `amount`, CRC included. */
export function qrisPayload(input: QrisPayloadInput): string {
  const m = qrisMerchant;
  const panBody = input.acquirer.nns + m.number;
  const body = [
    tlv("00", "01"),
    tlv("01", "12"),
    tlv(
      "26",
      tlv("00", input.acquirer.guid) +
        tlv("01", panBody + luhnDigit(panBody)) +
        tlv("02", m.id) +
        tlv("03", m.criteria),
    ),
    tlv("51", tlv("00", "ID.CO.QRIS.WWW") + tlv("02", m.nmid) + tlv("03", m.criteria)),
    tlv("52", m.mcc),
    tlv("53", "360"),
    tlv("54", input.amount),
    tlv("58", "ID"),
    tlv("59", m.name),
    tlv("60", m.city),
    tlv("61", m.postalCode),
    tlv("62", tlv("01", emvText(input.reference, 25) || "-") + tlv("07", "PWTEMU01")),
  ].join("");
  const signed = `${body}6304`;
  return signed + crc16CcittFalse(signed).toString(16).toUpperCase().padStart(4, "0");
}
