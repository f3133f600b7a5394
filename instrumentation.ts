/**
 * Runs once when the server starts. Stamps every incoming request with its socket
 * address (lib/http/peer-address.ts), which Next.js does not otherwise pass on, so the
 * sign-in limits can count the real client and not whatever X-Forwarded-For claims.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const http = await import("node:http");
  const { peerHeader, peerStamp } = await import("./lib/http/peer-address");
  const proto = http.Server.prototype as unknown as {
    emit: (event: string | symbol, ...args: unknown[]) => boolean;
    __purwantaraPeer?: boolean;
  };
  if (proto.__purwantaraPeer) return;
  proto.__purwantaraPeer = true;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event, ...args) {
    if (event === "request") {
      const request = args[0] as import("node:http").IncomingMessage;
      request.headers[peerHeader] = peerStamp(request.socket?.remoteAddress);
    }
    return emit.call(this, event, ...args);
  };
}
