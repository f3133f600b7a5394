/** `npm run check`: the two languages of messages/ must match (see lib/i18n/catalogue-check.ts). */
import { checkCatalogues } from "../lib/i18n/catalogue-check";
import { messagesFor } from "../lib/i18n/messages";

const problems = checkCatalogues(messagesFor("id"), messagesFor("en"));
for (const problem of problems) console.error(`messages: ${problem}`);
if (problems.length) process.exit(1);
console.log("messages: id and en match");
