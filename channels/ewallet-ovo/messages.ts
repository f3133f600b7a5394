/** What the dashboard says about OVO, in each language. */
const id = {
  name: "OVO",
  summary: "Tagihan dikirim ke aplikasi OVO pembeli, lalu pembeli menyetujuinya di sana.",
  fields: {
    phoneHint: "Nomor yang terdaftar di OVO, misalnya 0812 3456 7890 atau +62 812 3456 7890.",
  },
  handoff: {
    title: "Tagihan sudah dikirim ke OVO pembeli",
    sentTo:
      "Terkirim ke <number>{phone}</number>: minta pembeli menyetujui pembayaran di aplikasi OVO.",
    phoneLabel: "Nomor OVO pembeli",
    amount: "Jumlah",
    deadline: "Harus disetujui sebelum {time}",
    countdown: "Sisa waktu {days, plural, =0 {} other {# hari }}{clock}",
    ended: "Waktu menyetujui sudah habis",
    liveNote:
      "Status halaman ini berubah sendiri: begitu pembeli menyetujui, bukti bayar muncul di sini. Tidak perlu memuat ulang.",
  },
  slip: {
    approve:
      "Tagihan ini sudah dikirim ke OVO nomor {phone}. Buka aplikasi OVO dan setujui pembayarannya.",
  },
};

export const messages = {
  id,
  en: {
    name: "OVO",
    summary: "A bill pushed to the buyer's OVO app, approved there.",
    fields: {
      phoneHint: "The number registered with OVO, e.g. 0812 3456 7890 or +62 812 3456 7890.",
    },
    handoff: {
      title: "The bill was sent to the buyer's OVO",
      sentTo: "Sent to <number>{phone}</number>: ask the customer to approve in the OVO app.",
      phoneLabel: "Buyer's OVO number",
      amount: "Amount",
      deadline: "Must be approved before {time}",
      countdown: "{days, plural, =0 {} one {# day } other {# days }}{clock} left",
      ended: "The time to approve is over",
      liveNote:
        "The status on this page updates by itself: once the buyer approves, the receipt appears here. No need to reload.",
    },
    slip: {
      approve:
        "This bill was sent to OVO number {phone}. Open the OVO app and approve the payment.",
    },
  } satisfies typeof id,
};
