import type { CallbackAnswer } from "./ingest";

type Answers = {
  [K in CallbackAnswer["kind"]]: (a: Extract<CallbackAnswer, { kind: K }>) => Response;
};

/** Each answer to Purwantara, in one table: any 2xx means "delivered", a 503 "try again". */
const answers: Answers = {
  applied: (a) => Response.json({ ok: true, outcome: a.outcome }),
  received: () => Response.json({ ok: true, outcome: "received" }),
  duplicate: () => Response.json({ ok: true, outcome: "duplicate" }),
  self_test: (a) => Response.json({ ok: true, outcome: "self_test", mode: a.mode }),
  not_a_callback: (a) => Response.json({ ok: false, error: a.reason }, { status: 400 }),
  bad_signature: () => Response.json({ ok: false, error: "invalid signature" }, { status: 401 }),
  too_large: () => Response.json({ ok: false, error: "body too large" }, { status: 413 }),
  too_slow: () =>
    Response.json(
      { ok: false, error: "body not received in time" },
      { status: 408, headers: { Connection: "close" } },
    ),
  unavailable: () =>
    Response.json({ ok: false, error: "temporarily unavailable" }, { status: 503 }),
};

export function answerResponse(answer: CallbackAnswer): Response {
  return (answers[answer.kind] as (a: CallbackAnswer) => Response)(answer);
}
