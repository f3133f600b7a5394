import type { ProductKey } from "../types";
import { paymentLink } from "./payment-link";
import type { ProductModule } from "./types";

/** The products the emulator serves; the other channels join this list one module each. */
export const productModules: readonly ProductModule[] = [paymentLink];

export function productModule(product: ProductKey): ProductModule | undefined {
  return productModules.find((m) => m.product === product);
}
