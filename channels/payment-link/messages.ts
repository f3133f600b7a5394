/** What the dashboard says about payment links, in each language. */
const id = {
  name: "Tautan pembayaran",
  summary: "Halaman pembayaran tempat pembeli memilih sendiri cara membayar.",
  fields: {
    title: "Judul",
    titleHint: "Pembeli melihat judul ini di halaman pembayaran.",
  },
  handoff: {
    title: "Tautan pembayaran untuk pembeli",
    linkLabel: "Tautan pembayaran",
    copy: "Salin tautan",
    qrLabel: "Kode QR tautan pembayaran",
  },
};

export const messages = {
  id,
  en: {
    name: "Payment link",
    summary: "A hosted page where the buyer picks how to pay.",
    fields: {
      title: "Title",
      titleHint: "The buyer sees this on the payment page.",
    },
    handoff: {
      title: "Payment link for the buyer",
      linkLabel: "Payment link",
      copy: "Copy link",
      qrLabel: "QR code of the payment link",
    },
  } satisfies typeof id,
};
