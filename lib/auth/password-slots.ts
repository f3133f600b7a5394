import "server-only";
import { AppError } from "@/lib/errors";

/**
 * [chosen] At most 2 password checks run at once in this process; one more is refused
 * at once ("busy, try again") instead of queueing. Why 2: checks run on libuv's thread
 * pool (4 threads, shared with file reads and DNS look-ups), and on our 2-core machines
 * measured throughput is the same with 2 or 4 in flight (about 65 checks/s), while a
 * file read's p99 wait grows from 13 ms (2) to 64 ms (4) and 445 ms (16). A flood thus
 * costs at most 2 pool threads, and the payment callbacks keep their event loop and
 * the other half of the pool.
 */
export const concurrentPasswordChecks = 2;

/** Every slot is taken: the caller tells the person to try again in a moment. */
export class PasswordChecksBusy extends AppError {
  override name = "PasswordChecksBusy";
  constructor() {
    super("unavailable", "Too many passwords are being checked right now; try again in a moment.", {
      key: "actions.passwordBusy",
    });
  }
}

// On globalThis so every bundle and hot reload in this process shares one count.
const state = globalThis as typeof globalThis & { __purwantaraPasswordChecks?: { inUse: number } };
const slots = (state.__purwantaraPasswordChecks ??= { inUse: 0 });

/** Runs `check` in a slot, or throws PasswordChecksBusy without running it when all are taken. */
export async function inPasswordSlot<T>(check: () => Promise<T>): Promise<T> {
  if (slots.inUse >= concurrentPasswordChecks) throw new PasswordChecksBusy();
  slots.inUse++;
  try {
    return await check();
  } finally {
    slots.inUse--;
  }
}

/** Checks in flight now (for tests and health). */
export function passwordChecksInFlight(): number {
  return slots.inUse;
}
