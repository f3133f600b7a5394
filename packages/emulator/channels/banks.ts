import { randomInt } from "node:crypto";

/**
 * The VA banks [seen: the codes], with the emulator's choices [chosen] for what
 * nothing public says: a plausible company-code prefix per bank, the fee per paid
 * VA (whole rupiah), and the display name.
 */
export const vaBanks = {
  CIMB: { name: "CIMB Niaga", prefix: "5919", fee: "4000" },
  PERMATA: { name: "Bank Permata", prefix: "8214", fee: "4000" },
  MANDIRI: { name: "Bank Mandiri", prefix: "88908", fee: "4000" },
  BSI: { name: "Bank Syariah Indonesia", prefix: "9347", fee: "4000" },
  BCA: { name: "Bank Central Asia", prefix: "70012", fee: "4500" },
  BNI: { name: "Bank Negara Indonesia", prefix: "8808", fee: "4000" },
  BRI: { name: "Bank Rakyat Indonesia", prefix: "26215", fee: "4000" },
  DANAMON: { name: "Bank Danamon", prefix: "7915", fee: "4000" },
} as const satisfies Record<string, { name: string; prefix: string; fee: string }>;

export type VaBank = keyof typeof vaBanks;

export const vaBankCodes = Object.keys(vaBanks) as VaBank[];

/** [chosen] Every VA number has 16 digits: the bank's prefix, then the suffix. */
export const vaNumberLength = 16;

/** The longest custom suffix (`payment_code`) that fits after every bank's prefix. */
export const maxPaymentCodeDigits =
  vaNumberLength - Math.max(...vaBankCodes.map((code) => vaBanks[code].prefix.length));

export function randomDigits(count: number): string {
  let digits = "";
  for (let i = 0; i < count; i++) digits += String(randomInt(10));
  return digits;
}

/** The bank's prefix, then the custom code zero-padded, or random digits. */
export function vaNumber(bank: VaBank, paymentCode: string | null): string {
  const prefix = vaBanks[bank].prefix;
  const width = vaNumberLength - prefix.length;
  return prefix + (paymentCode === null ? randomDigits(width) : paymentCode.padStart(width, "0"));
}
