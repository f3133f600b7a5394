/** "Chrome on Android": enough to recognise a device in the sessions list, nothing more. */
export function summarizeUserAgent(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const ua = userAgent.slice(0, 512);
  const browser =
    (/Edg\//.test(ua) && "Edge") ||
    (/OPR\/|Opera/.test(ua) && "Opera") ||
    (/Firefox\//.test(ua) && "Firefox") ||
    (/SamsungBrowser\//.test(ua) && "Samsung Internet") ||
    (/Chrome\/|Chromium\/|CriOS\//.test(ua) && "Chrome") ||
    (/Safari\//.test(ua) && "Safari") ||
    null;
  const system =
    (/Android/.test(ua) && "Android") ||
    (/iPhone|iPad|iPod/.test(ua) && "iOS") ||
    (/Windows/.test(ua) && "Windows") ||
    (/Mac OS X|Macintosh/.test(ua) && "macOS") ||
    (/CrOS/.test(ua) && "ChromeOS") ||
    (/Linux/.test(ua) && "Linux") ||
    null;
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? ua.replace(/[^\x20-\x7e]/g, "").slice(0, 40);
}
