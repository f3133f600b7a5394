/** What the dashboard says about ShopeePay, in each language. */
const id = {
  name: "ShopeePay",
  summary: "Halaman pembayaran ShopeePay: pembeli membukanya lalu membayar di aplikasi Shopee.",
  handoff: {
    title: "Tautan ShopeePay untuk pembeli",
    linkLabel: "Tautan pembayaran ShopeePay",
    copy: "Salin tautan",
    qrLabel: "Kode QR tautan ShopeePay",
  },
};

export const messages = {
  id,
  en: {
    name: "ShopeePay",
    summary: "A ShopeePay checkout page: the buyer opens it and pays in the Shopee app.",
    handoff: {
      title: "ShopeePay link for the buyer",
      linkLabel: "ShopeePay payment link",
      copy: "Copy link",
      qrLabel: "QR code of the ShopeePay link",
    },
  } satisfies typeof id,
};
