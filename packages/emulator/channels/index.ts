import type { ProductKey } from "../types";
import { counter } from "./counter";
import { ewalletOvo } from "./ewallet-ovo";
import { ewalletShopeepay } from "./ewallet-shopeepay";
import { ewalletDana } from "./ewallet-dana";
import { paymentLink } from "./payment-link";
import { qris } from "./qris";
import type { ProductModule } from "./types";
import { virtualAccount } from "./virtual-account";

/** The products the emulator serves, one module each. */
export const productModules: readonly ProductModule[] = [
  paymentLink,
  virtualAccount,
  qris,
  ewalletOvo,
  ewalletShopeepay,
  ewalletDana,
  counter,
];

export function productModule(product: ProductKey): ProductModule | undefined {
  return productModules.find((m) => m.product === product);
}
