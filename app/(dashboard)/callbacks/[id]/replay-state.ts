import type { ReplayResult } from "@/lib/webhooks/replay";

/** What a replay, accept or dismiss action answers: the ActionState shape, with the result. */
export type ReplayState =
  | { status: "idle" }
  | { status: "success"; message: string; result?: ReplayResult; values?: Record<string, string> }
  | {
      status: "error";
      message: string;
      fieldErrors?: Record<string, string[]>;
      values?: Record<string, string>;
    };
