import type { ComponentType } from "react";
import type { TransactionState } from "@/db/schema";
import type { PayFacts } from "@/lib/payments/slip";

/** Binds a form field to the last action state (see fieldBinder). */
export type BindField = (name: string) => {
  name: string;
  defaultValue: string | undefined;
  error: string | undefined;
};

/** What a channel's form fields need besides the binder. */
export type FieldsContext = {
  zoneName: string;
  defaultExpiry: string;
  minAmount: string;
  /** What was typed before, for fields that are not plain inputs. */
  values: Record<string, string> | undefined;
};

/** The row as the hand-off sees it: plain strings, safe to hand to the browser. */
export type HandoffTransaction = {
  id: string;
  state: TransactionState;
  amount: string;
  title: string | null;
  description: string | null;
  bank: string | null;
  paymentChannel: string | null;
  vaNumber: string | null;
  qrString: string | null;
  paymentLinkUrl: string | null;
  checkoutUrl: string | null;
  paymentCode: string | null;
  customerPhone: string | null;
  expiresAt: string | null;
};

export type ChannelViews = {
  /** The channel's own fields inside the one payment form. */
  Fields: ComponentType<{ field: BindField; context: FieldsContext }>;
  /** What the merchant hands the buyer while the payment is open. */
  Handoff: ComponentType<{ transaction: HandoffTransaction; qr: QrImage | null }>;
  /** How to pay, on the printed slip: for the buyer, nothing internal. */
  Slip: ComponentType<SlipPartProps>;
  /** The text a QR code carries, if this channel shows one (drawn on the server). */
  qrText?: (pay: PayFacts) => string | null;
};

/** A channel's part of the slip: its pay facts, the amount as written, its QR if any. */
export type SlipPartProps = { pay: PayFacts; amount: string; qr: QrImage | null };

/** A QR code drawn on our server: never a remote image. */
export type QrImage = { dataUrl: string; text: string };
