import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { bindFormatter } from "@/lib/format";
import { messagesFor } from "@/lib/i18n/messages";
import { auditActions } from "./actions";
import { auditPeopleIds, describeAuditEntry, type AuditRowView } from "./sentence";

const sari = "11111111-1111-4111-8111-111111111111";
const andi = "22222222-2222-4222-8222-222222222222";
const names = new Map([
  [sari, "Sari Wulandari"],
  [andi, "Andi Pratama"],
]);
const setup = (locale: "id" | "en") =>
  [
    createTranslator({ locale, messages: messagesFor(locale) }),
    bindFormatter(locale, "Asia/Jakarta"),
  ] as const;
const entry = (row: Partial<AuditRowView>): AuditRowView => ({
  action: "user.role_changed",
  actorName: "Sari Wulandari",
  targetType: "user",
  targetId: andi,
  details: {},
  ...row,
});

describe("the audit log in sentences", () => {
  it("says a role change with both people by name and the roles in words", () => {
    const row = entry({ details: { from: "operator", to: "finance" } });
    const [id, fid] = setup("id");
    const said = describeAuditEntry(id, fid, row, names);
    expect(said.sentence).toBe(
      "Sari Wulandari mengubah peran Andi Pratama dari Operator menjadi Keuangan",
    );
    expect(said.fields).toEqual([]);
    const [en, fen] = setup("en");
    expect(describeAuditEntry(en, fen, row, names).sentence).toBe(
      "Sari Wulandari changed the role of Andi Pratama from Operator to Finance",
    );
  });

  it("puts a wrong two-step code on the person, also in entries without an actor", () => {
    const [t, f] = setup("id");
    const row = entry({
      action: "auth.sign_in_failed",
      actorName: null,
      details: { reason: "wrong_code", sessionEnded: false },
    });
    const said = describeAuditEntry(t, f, row, names);
    expect(said.person).toBe("Andi Pratama");
    expect(said.sentence).toBe("Andi Pratama salah memasukkan kode masuk dua langkah");
    expect(said.fields).toEqual([{ label: "Sesi diakhiri", value: "Tidak" }]);
    // A wrong password is not the person's own: anyone may have typed it.
    const password = describeAuditEntry(
      t,
      f,
      { ...row, details: { reason: "wrong_password" } },
      names,
    );
    expect(password.person).toBe("Sistem atau orang tak dikenal");
    expect(password.sentence).toBe("Kata sandi salah dimasukkan untuk akun Andi Pratama");
  });

  it("shows details as labelled fields in words: people, settings, times, amounts", () => {
    const [t, f] = setup("id");
    const settings = describeAuditEntry(
      t,
      f,
      entry({
        action: "settings.changed",
        targetType: "merchant_settings",
        targetId: "1",
        details: { fields: ["businessName", "settlementDelays.qris", "somethingNew"] },
      }),
      names,
    );
    expect(settings.sentence).toBe("Sari Wulandari mengubah pengaturan");
    expect(settings.fields).toEqual([
      { label: "Yang diubah", value: "Nama usaha, Waktu pencairan QRIS, somethingNew" },
    ]);
    const refund = describeAuditEntry(
      t,
      f,
      entry({
        action: "refund.approved",
        targetType: "refund",
        targetId: "r1",
        details: { amount: "150000.0000", requestedBy: andi, reason: "paid_twice" },
      }),
      names,
    );
    expect(refund.sentence).toBe("Sari Wulandari menyetujui pengembalian dana Rp 150.000");
    expect(refund.fields).toEqual([
      { label: "Diajukan oleh", value: "Andi Pratama" },
      { label: "Alasan", value: "Dibayar dua kali" },
    ]);
  });

  it("says recorded codes in words and keeps identifiers as code", () => {
    const [t, f] = setup("id");
    const replay = describeAuditEntry(
      t,
      f,
      entry({
        action: "callback.replayed",
        targetType: "webhook_delivery",
        targetId: "d1",
        details: { outcome: "needs_review", stateFrom: "active", replayId: "r-1" },
      }),
      names,
    );
    expect(replay.fields).toEqual([
      { label: "Hasil", value: "Perlu ditinjau" },
      { label: "Status sebelum", value: "Menunggu pembayaran" },
      { label: "replayId", value: "r-1", code: true },
    ]);
    const signIn = describeAuditEntry(
      t,
      f,
      entry({ action: "auth.sign_in", details: { method: "recovery_code" } }),
      names,
    );
    expect(signIn.fields).toEqual([{ label: "Cara masuk", value: "Kode pemulihan" }]);
  });

  it("falls back gracefully for an action it does not know", () => {
    const [t, f] = setup("id");
    const said = describeAuditEntry(
      t,
      f,
      entry({ action: "robot.danced", details: { moves: 3 } }),
      names,
    );
    expect(said.sentence).toBe("Sari Wulandari: robot.danced");
    expect(said.fields).toEqual([{ label: "moves", value: "3" }]);
  });

  it("has a sentence for every action in both languages", () => {
    for (const locale of ["id", "en"] as const) {
      const [t, f] = setup(locale);
      for (const action of auditActions) {
        const said = describeAuditEntry(t, f, entry({ action }), names);
        expect(said.sentence, `${locale} ${action}`).not.toMatch(/audit\.|[{}]/);
        expect(said.sentence, `${locale} ${action}`).not.toContain(action);
      }
    }
  });

  it("collects the people an entry names by id", () => {
    expect(
      auditPeopleIds([
        entry({ details: { requestedBy: sari, markedBy: "nobody" } }),
        entry({ targetType: "refund", targetId: "r1" }),
      ]).sort(),
    ).toEqual([sari, andi].sort());
  });
});
