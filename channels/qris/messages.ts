/** What the dashboard says about QRIS, in each language. */
const id = {
  name: "QRIS",
  summary: "Kode QR untuk satu pembayaran, dibayar dari aplikasi QRIS apa saja.",
  fields: {
    acquirer: "Penyedia QRIS",
    acquirerHint:
      "Pihak yang memproses kode QR ini. Pembeli tetap bisa bayar dari aplikasi apa saja.",
    amountHint: "Rupiah bulat, minimal {min} dan maksimal {max}.",
  },
  handoff: {
    title: "Minta pembeli memindai kode QR ini",
    qrLabel: "Kode QRIS untuk pembayaran ini",
    scanWith: "Pindai dengan aplikasi QRIS apa saja (GoPay, OVO, DANA, ShopeePay, m-banking).",
    amount: "Jumlah",
    deadline: "Berlaku sampai {time}",
    countdown: "Sisa waktu {days, plural, =0 {} other {# hari }}{clock}",
    ended: "Kode QR ini sudah tidak berlaku",
    shareInstructions: "Pindai kode QRIS yang kami kirim dengan aplikasi QRIS apa saja.",
  },
};

export const messages = {
  id,
  en: {
    name: "QRIS",
    summary: "A QR code for one payment, paid from any QRIS app.",
    fields: {
      acquirer: "QRIS provider",
      acquirerHint: "Who processes this QR code. The buyer can still pay from any app.",
      amountHint: "Whole rupiah, at least {min} and at most {max}.",
    },
    handoff: {
      title: "Ask the buyer to scan this QR code",
      qrLabel: "QRIS code for this payment",
      scanWith: "Scan with any QRIS app (GoPay, OVO, DANA, ShopeePay, m-banking).",
      amount: "Amount",
      deadline: "Valid until {time}",
      countdown: "{days, plural, =0 {} one {# day } other {# days }}{clock} left",
      ended: "This QR code is no longer valid",
      shareInstructions: "Scan the QRIS code we sent with any QRIS app.",
    },
  } satisfies typeof id,
};
