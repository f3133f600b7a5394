/** `npm run check`: the two languages of messages/ must match (see lib/i18n/catalogue-check.ts). */
import en from "../messages/en.json";
import id from "../messages/id.json";
import { checkCatalogues } from "../lib/i18n/catalogue-check";

const problems = checkCatalogues(id, en);
for (const problem of problems) console.error(`messages: ${problem}`);
if (problems.length) process.exit(1);
console.log("messages: id and en match");
