import { en } from "./bank-steps-en";
import { id } from "./bank-steps-id";
import type { VaBank } from "./gateway";

/**
 * How a buyer pays a VA at each bank: its ATM, its app and its internet banking have
 * their own menus, named here as the banks name them (as known; banks rename menus, so
 * each list ends with the check that never changes: the name and amount on screen).
 * `{number}` is the VA number. Kept as lists here; the catalogue gets s1, s2, … keys.
 */
export type StepMethod = "atm" | "mobile" | "internet";
type Method = StepMethod;
/** Each bank's steps per method; `{number}` is the VA number. */
export type BankSteps = Record<VaBank, Record<Method, { steps: string[] }>>;

/** What each bank calls its ATM, its app and its internet banking. */
const products: Record<VaBank, Record<Method, string>> = {
  BCA: { atm: "BCA", mobile: "BCA mobile (m-BCA)", internet: "KlikBCA" },
  MANDIRI: { atm: "Mandiri", mobile: "Livin' by Mandiri", internet: "Mandiri" },
  BNI: { atm: "BNI", mobile: "wondr by BNI / BNI Mobile Banking", internet: "BNI" },
  BRI: { atm: "BRI", mobile: "BRImo", internet: "BRI" },
  PERMATA: { atm: "Permata", mobile: "PermataMobile X", internet: "PermataNet" },
  CIMB: { atm: "CIMB Niaga", mobile: "OCTO Mobile", internet: "OCTO Clicks" },
  BSI: { atm: "BSI", mobile: "BYOND by BSI / BSI Mobile", internet: "BSI Net Banking" },
  DANAMON: { atm: "Danamon", mobile: "D-Bank PRO", internet: "Danamon" },
};

const titles: Record<"id" | "en", Record<Method, (product: string) => string>> = {
  id: {
    atm: (p) => `ATM ${p}`,
    mobile: (p) => `Aplikasi ${p}`,
    internet: (p) => `Internet banking ${p}`,
  },
  en: {
    atm: (p) => `${p} ATM`,
    mobile: (p) => `${p} app`,
    internet: (p) => `${p} internet banking`,
  },
};

/** One method's words as catalogue keys: `title`, `s1`, `s2`, … */
type CatalogueSteps = Record<VaBank, Record<Method, Record<string, string>>>;

function asCatalogue(banks: BankSteps, locale: "id" | "en"): CatalogueSteps {
  const entries = Object.entries(banks).map(([bank, methods]) => [
    bank,
    Object.fromEntries(
      Object.entries(methods).map(([method, { steps }]) => {
        const title = titles[locale][method as Method](products[bank as VaBank][method as Method]);
        return [
          method,
          Object.fromEntries([["title", title], ...steps.map((s, i) => [`s${i + 1}`, s])]),
        ];
      }),
    ),
  ]);
  return Object.fromEntries(entries) as CatalogueSteps;
}

export const bankStepMessages = { id: asCatalogue(id, "id"), en: asCatalogue(en, "en") };
export const stepMethods = ["atm", "mobile", "internet"] as const;
