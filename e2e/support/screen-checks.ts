import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { messages, type TestLocale } from "./i18n";

/** axe on the page as it stands: no critical or serious violation of WCAG 2.1 A/AA. */
export async function expectAccessible(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const blocking = violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
  expect(blocking, `axe on ${page.url()}`).toEqual([]);
}

/** The page never scrolls sideways at the current width. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `sideways scroll on ${page.url()} at ${innerWidth}px`).toBeLessThanOrEqual(
    innerWidth,
  );
}

function sentences(catalogue: object): string[] {
  return Object.values(catalogue).flatMap((value) =>
    typeof value === "string" ? [value] : sentences(value as object),
  );
}

/**
 * `<html lang>` names the language, and no sentence of the other language's catalogue
 * shows on the page (a string left untranslated, or rendered outside the catalogue).
 */
export async function expectLanguage(page: Page, locale: TestLocale): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  const own = new Set(sentences(messages[locale]));
  const other = sentences(messages[locale === "id" ? "en" : "id"]).filter(
    // Whole sentences only: a short word may be the same in both.
    (text) => !own.has(text) && !/[{<]/.test(text) && text.split(" ").length >= 3,
  );
  const text = await page.locator("body").innerText();
  const leaked = other.filter((sentence) => text.includes(sentence));
  expect(leaked, `other-language text on ${page.url()}`).toEqual([]);
}

let shot = 0;

/**
 * Everything a screen must pass, in whatever language and viewport the test runs.
 * E2E_SCREENSHOTS=<dir> also keeps a full-page picture of it, to look at.
 */
export async function checkScreen(page: Page, locale: TestLocale): Promise<void> {
  await expectLanguage(page, locale);
  await expectNoSidewaysScroll(page);
  // Live pages re-render while axe reads them (a refresh streams its <title> after the
  // body): a violation that lasts fails, one caught mid-render is read again.
  await expect(() => expectAccessible(page)).toPass({ timeout: 10_000 });
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) {
    const where = new URL(page.url()).pathname.split("/").filter(Boolean).slice(0, 3).join("-");
    const name = `${String(++shot).padStart(3, "0")}-${test.info().project.name}-${locale}-${where || "root"}.png`;
    await page.screenshot({ path: `${dir}/${name}`, fullPage: true });
  }
}
