/** The `handoff` messages the WhatsApp text is written with. */
type ShareTranslate = (
  key: "shareText" | "shareTextFrom",
  values: Record<string, string>,
) => string;

/**
 * The WhatsApp message: who asks (the business name, when set), the amount, what for,
 * how to pay (the channel's words) and the deadline, all already written out.
 */
export function composeShareText(
  t: ShareTranslate,
  facts: {
    shop: string | null;
    amount: string;
    title: string;
    instructions: string;
    deadline: string;
  },
): string {
  const { shop, ...values } = facts;
  return shop ? t("shareTextFrom", { ...values, shop }) : t("shareText", values);
}
