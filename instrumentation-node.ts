import http from "node:http";
import { peerHeader, peerStamp, warnOnceIfForwardedUntrusted } from "./lib/http/peer-address";

/**
 * Stamps every incoming request with its socket address (lib/http/peer-address.ts),
 * which Next.js does not otherwise pass on, so the sign-in limits count the real client
 * and not whatever X-Forwarded-For claims. Any stamp a client sent is overwritten.
 * Forwarded headers from a peer outside TRUSTED_PROXIES are ignored, and said so once.
 */
const proto = http.Server.prototype as unknown as {
  emit: (event: string | symbol, ...args: unknown[]) => boolean;
  __purwantaraPeer?: boolean;
};
if (!proto.__purwantaraPeer) {
  proto.__purwantaraPeer = true;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event, ...args) {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      const peer = request.socket?.remoteAddress;
      request.headers[peerHeader] = peerStamp(
        peer,
        Boolean((request.socket as { encrypted?: boolean })?.encrypted),
      );
      warnOnceIfForwardedUntrusted(request.headers, peer);
    }
    return emit.call(this, event, ...args);
  };
}
