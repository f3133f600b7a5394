/** What the dashboard says about Alfamart counter payments, in each language. */
const id = {
  name: "Bayar di Alfamart",
  summary: "Pembeli membayar di kasir Alfamart dengan menunjukkan kode bayar.",
  fields: {
    name: "Nama pelanggan",
    nameHint: "Nama pemilik tagihan; kasir bisa mencocokkannya.",
  },
  handoff: {
    title: "Kode bayar untuk pembeli",
    codeLabel: "Kode bayar Alfamart",
    copy: "Salin kode",
    tellCashier: "Tunjukkan kode ini ke kasir Alfamart.",
    amount: "Jumlah yang dibayar",
    deadline: "Bayar sebelum {time}",
    countdown: "Sisa waktu {days, plural, =0 {} other {# hari }}{clock}",
    ended: "Waktu bayar sudah habis",
    stepsTitle: "Cara bayar di Alfamart",
    s1: "Datang ke gerai Alfamart mana saja.",
    s2: "Bilang ke kasir mau bayar tagihan, lalu tunjukkan kode {code}.",
    s3: "Bayar {amount} di kasir.",
    s4: "Simpan struknya sebagai bukti bayar.",
    share: "Bayar di kasir Alfamart dengan kode {code}.",
  },
};

export const messages = {
  id,
  en: {
    name: "Alfamart counter",
    summary: "The buyer pays at an Alfamart till by showing a payment code.",
    fields: {
      name: "Customer name",
      nameHint: "Whose bill this is; the cashier may check it.",
    },
    handoff: {
      title: "Payment code for the buyer",
      codeLabel: "Alfamart payment code",
      copy: "Copy code",
      tellCashier: "Show this code to the Alfamart cashier.",
      amount: "Amount to pay",
      deadline: "Pay before {time}",
      countdown: "{days, plural, =0 {} one {# day } other {# days }}{clock} left",
      ended: "The time to pay is over",
      stepsTitle: "How to pay at Alfamart",
      s1: "Go to any Alfamart store.",
      s2: "Tell the cashier you want to pay a bill and show code {code}.",
      s3: "Pay {amount} at the till.",
      s4: "Keep the receipt as proof of payment.",
      share: "Pay at an Alfamart till with code {code}.",
    },
  } satisfies typeof id,
};
