/** What the dashboard says about DANA, in each language. */
const id = {
  name: "DANA",
  summary:
    "Halaman pembayaran DANA: pembeli membukanya lalu menyetujui pembayaran di aplikasi DANA.",
  handoff: {
    title: "Tautan DANA untuk pembeli",
    linkLabel: "Tautan pembayaran DANA",
    copy: "Salin tautan",
    qrLabel: "Kode QR tautan DANA",
  },
};

export const messages = {
  id,
  en: {
    name: "DANA",
    summary: "A DANA checkout page: the buyer opens it and approves the payment in the DANA app.",
    handoff: {
      title: "DANA link for the buyer",
      linkLabel: "DANA payment link",
      copy: "Copy link",
      qrLabel: "QR code of the DANA link",
    },
  } satisfies typeof id,
};
