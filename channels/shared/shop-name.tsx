"use client";

import { createContext, useContext, type ReactNode } from "react";

const ShopNameContext = createContext<string | null>(null);

/** The business name (Settings), for the words a hand-off sends the buyer. */
export function ShopNameProvider({ name, children }: { name: string | null; children: ReactNode }) {
  return <ShopNameContext.Provider value={name}>{children}</ShopNameContext.Provider>;
}

export function useShopName(): string | null {
  return useContext(ShopNameContext);
}
