/**
 * Checks the message catalogue: both languages have the same keys, each message takes
 * the same arguments in both, none is empty, and none is left in the other language
 * (the same text in both) unless it is a name that reads the same everywhere.
 */
type Catalogue = { [key: string]: string | Catalogue };

/** Names and words that are the same in Indonesian and English. */
const sameInBoth = new Set([
  "common.none",
  "channel.virtual-account",
  "channel.qris",
  "channel.ewallet-ovo",
  "channel.ewallet-shopeepay",
  "channel.ewallet-dana",
  "channel.counter",
  "channels.qris.name",
  "channels.ewallet-ovo.name",
  "channels.ewallet-shopeepay.name",
  "channels.ewallet-dana.name",
  "language.id",
  "language.en",
  "login.email",
  "passwordReset.email",
  "setup.email",
  "transaction.customer.email",
  "security.device.tablet",
  "mode.production",
  "modeSwitch.live",
  "transaction.facts.mode",
  "role.admin",
  "role.operator",
  "transactions.columns.status",
  "export.columns.mode",
  "export.columns.bank",
  "export.columns.state",
  "export.refundColumns.state",
  "live.titleCount",
  "live.changed",
  "timeline.source.api",
  "flows.brandShort",
]);

/** Whole sections of proper names (banks, wallets), the same in every language. */
const namesInBoth = ["paymentName."];

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === "string") entries.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) entries.set(k, v);
  }
  return entries;
}

/** The ICU arguments and rich-text tags a message uses ("{count, plural, …}" → count). */
export function messageArguments(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)) names.add(match[1]!);
  for (const match of message.matchAll(/<([A-Za-z]\w*)>/g)) names.add(`<${match[1]}>`);
  return [...names].sort();
}

export function checkCatalogues(id: Catalogue, en: Catalogue): string[] {
  const a = flatten(id);
  const b = flatten(en);
  const problems: string[] = [];
  for (const key of a.keys()) if (!b.has(key)) problems.push(`en lacks ${key}`);
  for (const key of b.keys()) if (!a.has(key)) problems.push(`id lacks ${key}`);
  for (const [key, idText] of a) {
    const enText = b.get(key);
    if (enText === undefined) continue;
    if (!idText.trim() || !enText.trim()) problems.push(`${key} is empty`);
    const [argsId, argsEn] = [messageArguments(idText), messageArguments(enText)];
    if (argsId.join() !== argsEn.join())
      problems.push(`${key} takes {${argsId.join(", ")}} in id but {${argsEn.join(", ")}} in en`);
    const isName = namesInBoth.some((section) => key.startsWith(section));
    if (idText === enText && !sameInBoth.has(key) && !isName)
      problems.push(`${key} reads the same in both languages: "${idText}" (translate it)`);
  }
  return problems;
}
