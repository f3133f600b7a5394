import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { paymentNameCodes } from "../../lib/core/payment-names";
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

/** The page's words, one text node a line, without code shown on purpose (pre, code). */
async function visibleWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const skip = "script,style,template,noscript,pre,code,kbd,samp";
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const lines: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest(skip)) lines.push(node.textContent ?? "");
    }
    return lines.join("\n");
  });
}

/**
 * No stored code reaches the screen untranslated: a bank or channel code where its
 * name belongs (qris_doku, MANDIRI), a state code or a reason such as "active → paid",
 * a snake_case word, a person as `user <uuid>`, raw JSON, or a note as stored in English.
 */
export async function expectNoRawCodes(page: Page, locale: TestLocale): Promise<void> {
  const names = messages[locale].paymentName as Record<string, string>;
  let text = await visibleWords(page);
  for (const name of Object.values(names)) text = text.replaceAll(name, "");
  // An address shown as text (a payment link, a hosted page) may hold a code in its path.
  text = text.replace(/\bhttps?:\/\/\S+/g, "");
  const states = Object.keys(messages[locale].status).join("|");
  const found = [
    ...paymentNameCodes
      .filter((code) => names[code] !== code)
      .filter((code) => new RegExp(`(^|[^\\w])${code}([^\\w]|$)`).test(text)),
    ...(text.match(new RegExp(`\\b(${states})\\s*→|→\\s*(${states})\\b`, "g")) ?? []),
    ...(text.match(/\b[a-z]+(_[a-z]+)+\b/g) ?? []),
    ...(text.match(/\buser [0-9a-f]{8}-|\{"\w+":/g) ?? []),
    ...[
      "created at Purwantara",
      "found at Purwantara",
      " arrived after ",
      "differs from our record",
      "accepted by a person",
      "stored copy differs",
    ].filter((note) => locale === "id" && text.includes(note)),
  ];
  expect(found, `untranslated codes on ${page.url()}`).toEqual([]);
}

let shot = 0;

/**
 * Everything a screen must pass, in whatever language and viewport the test runs.
 * E2E_SCREENSHOTS=<dir> also keeps a full-page picture of it, to look at.
 */
export async function checkScreen(page: Page, locale: TestLocale): Promise<void> {
  await expectLanguage(page, locale);
  await expectNoRawCodes(page, locale);
  await expectNoSidewaysScroll(page);
  // Live pages re-render while axe reads them (a refresh streams its <title> after the
  // body): a violation that lasts fails, one caught mid-render is read again. One axe
  // pass over a long page (the audit log's sentences) can take ~10 s on a loaded
  // 2-core machine, so the retries get 30 s in all.
  await expect(() => expectAccessible(page)).toPass({ timeout: 30_000 });
  const dir = process.env.E2E_SCREENSHOTS;
  if (dir) {
    const where = new URL(page.url()).pathname.split("/").filter(Boolean).slice(0, 3).join("-");
    const name = `${String(++shot).padStart(3, "0")}-${test.info().project.name}-${locale}-${where || "root"}.png`;
    await page.screenshot({ path: `${dir}/${name}`, fullPage: true });
  }
}
