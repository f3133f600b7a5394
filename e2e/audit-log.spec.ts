import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { createAccount, type TestAccount } from "./support/accounts";
import { databaseUrl } from "./support/env";
import { fill, m } from "./support/i18n";
import { navigate, signIn } from "./support/pages";
import { checkScreen } from "./support/screen-checks";
import { codeAfterPassword, enableTwoFactor, expectWrongCode } from "./support/two-factor";

/**
 * The audit log reads as sentences: who did what to whom, by name, with the details as
 * labelled fields, and a wrong two-step code is put on the person who typed it.
 */
const audit = m.audit;

/** An account with a name of its own, so a sentence can be told from another's. */
async function person(role: "admin" | "operator", name: string): Promise<TestAccount> {
  const account = await createAccount(role);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("update users set name = $2 where email = $1", [account.email, name]);
  } finally {
    await client.end();
  }
  return { ...account, name };
}

async function showAction(page: Page, action: string) {
  await navigate(page, m.nav.audit);
  await page.getByLabel(audit.filters.action).selectOption(action);
  await page.getByRole("button", { name: audit.filters.apply }).click();
}

/** The ICU `select` branch a sentence takes for one reason, its arguments filled in. */
function branch(message: string, reason: string, values: Record<string, string>): string {
  const found = new RegExp(`${reason} \\{(.+?)\\} \\w+ \\{`).exec(message);
  return fill(found?.[1] ?? message, values);
}

test("an admin changes a colleague's role and the log says it in a sentence", async ({ page }) => {
  const tag = randomBytes(3).toString("hex");
  const admin = await person("admin", `Sari Wulandari ${tag}`);
  const member = await person("operator", `Andi Pratama ${tag}`);
  await signIn(page, admin);
  await navigate(page, m.nav.team);
  await page.getByText(fill(m.team.manage.open, { name: member.name })).click();
  const forms = page.locator("details[open]");
  await forms.getByLabel(m.team.manage.role).selectOption("finance");
  await forms.getByRole("button", { name: m.team.manage.changeRole }).click();
  await expect(page.getByText(m.team.done.role).first()).toBeVisible();

  await showAction(page, "user.role_changed");
  const sentence = fill(audit.sentences.user.role_changed, {
    actor: admin.name,
    target: member.name,
    from: m.role.operator,
    to: m.role.finance,
  });
  await expect(page.getByText(sentence, { exact: true }).filter({ visible: true })).toBeVisible();
  // Never an id where a name belongs, never raw JSON.
  await expect(page.getByText(/user [0-9a-f]{8}-/)).toHaveCount(0);
  await expect(page.getByText(/\{"/)).toHaveCount(0);
  await checkScreen(page, "id");
});

test("a wrong two-step code is the person's own in the log, with its details labelled", async ({
  page,
  browser,
}) => {
  const tag = randomBytes(3).toString("hex");
  const owner = await person("admin", `Dewi Lestari ${tag}`);
  await signIn(page, owner);
  await enableTwoFactor(page);
  const elsewhere = await browser.newPage();
  await codeAfterPassword(elsewhere, owner, "000000");
  await expectWrongCode(elsewhere);
  await elsewhere.close();

  await showAction(page, "auth.sign_in_failed");
  const entry = page.getByRole("row").filter({
    hasText: branch(audit.sentences.auth.sign_in_failed, "wrong_code", { actor: owner.name }),
  });
  await expect(entry).toHaveCount(1);
  await expect(entry).not.toContainText(audit.system);
  await expect(
    entry.getByRole("term").filter({ hasText: audit.details.sessionEnded }),
  ).toBeVisible();
  await expect(entry.getByRole("definition").filter({ hasText: audit.no })).toBeVisible();
  await checkScreen(page, "id");
});
