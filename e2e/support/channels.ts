import { expect, type Page } from "@playwright/test";
import jsQR from "jsqr";
import { emulatorUrl } from "./env";
import { m } from "./i18n";

/** Opens the picker and the channel's form. */
export async function openChannelForm(page: Page, name: string): Promise<void> {
  await page.goto("/payments/new");
  await page.getByRole("link", { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
}

/** Our reference for the payment on screen, as the details list shows it. */
export async function referenceOnPage(page: Page): Promise<string> {
  const term = page.locator("dt", { hasText: m.transaction.facts.reference });
  return (await term.locator("xpath=following-sibling::dd[1]").innerText()).trim();
}

/** The buyer pays on the emulator's simulator page, in another tab. */
export async function payInSimulator(page: Page, reference: string): Promise<void> {
  const simulator = await page.context().newPage();
  await simulator.goto(emulatorUrl);
  const row = simulator.locator("tr", { hasText: reference });
  await row.getByRole("button", { name: "Pay" }).click();
  await expect(simulator.locator("tr", { hasText: reference })).toContainText("PAID");
  await simulator.close();
}

/** Reads the QR image the page shows (drawn by our server) back to its text. */
export async function decodeQr(page: Page, alt: string): Promise<string | null> {
  const image = page.getByRole("img", { name: alt });
  await expect(image).toBeVisible();
  const pixels = await image.evaluate((img: HTMLImageElement) => {
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext("2d")!;
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height);
    // As base64, not a number array: 1.3 M numbers as JSON took ~13 s over the protocol.
    let binary = "";
    for (let i = 0; i < data.data.length; i += 0x8000)
      binary += String.fromCharCode(...data.data.subarray(i, i + 0x8000));
    return { width: data.width, height: data.height, base64: btoa(binary) };
  });
  const bytes = new Uint8ClampedArray(Buffer.from(pixels.base64, "base64"));
  const code = jsQR(bytes, pixels.width, pixels.height);
  return code?.data ?? null;
}
