import { bankStepMessages } from "./bank-steps";

/** What the dashboard says about virtual accounts, in each language. */
const id = {
  name: "Transfer ke virtual account",
  summary:
    "Pembeli mentransfer ke nomor VA khusus untuk pembayaran ini, lewat ATM atau aplikasi bank.",
  fields: {
    bank: "Bank tujuan",
    bankPlaceholder: "Pilih bank",
    name: "Nama pelanggan",
    nameHint: "Tampil di VA: pembeli melihat nama ini di aplikasi banknya sebelum transfer.",
  },
  handoff: {
    title: "Nomor VA untuk pembeli",
    vaLabel: "Nomor virtual account {bank}",
    copy: "Salin nomor VA",
    amount: "Jumlah transfer (harus pas)",
    deadline: "Bayar sebelum {time}",
    countdown: "Sisa waktu {days, plural, =0 {} other {# hari }}{clock}",
    ended: "Waktu bayar sudah habis",
    stepsTitle: "Cara bayar",
    bankSteps: bankStepMessages.id,
    share: "Transfer ke VA {bank} {number}.",
    steps: {
      atm: {
        title: "ATM {bank}",
        s1: "Masukkan kartu ATM {bank} dan PIN.",
        s2: "Pilih Transfer atau Pembayaran, lalu Virtual Account.",
        s3: "Masukkan nomor VA {number}.",
        s4: "Cek nama dan jumlah, lalu konfirmasi.",
      },
      mobile: {
        title: "Mobile banking {bank}",
        s1: "Buka aplikasi mobile banking {bank} dan masuk.",
        s2: "Pilih Transfer atau Bayar, lalu Virtual Account.",
        s3: "Masukkan nomor VA {number}.",
        s4: "Cek nama dan jumlah, lalu masukkan PIN.",
      },
      internet: {
        title: "Internet banking {bank}",
        s1: "Masuk ke internet banking {bank}.",
        s2: "Pilih Transfer ke Virtual Account.",
        s3: "Masukkan nomor VA {number}, lalu cek nama dan jumlah.",
        s4: "Konfirmasi dengan token atau kode OTP.",
      },
    },
  },
};

export const messages = {
  id,
  en: {
    name: "Virtual account",
    summary:
      "The buyer transfers to a VA number made for this payment, at an ATM or in a bank app.",
    fields: {
      bank: "Bank",
      bankPlaceholder: "Choose a bank",
      name: "Customer name",
      nameHint: "Shown on the VA: the buyer sees it in their bank app before transferring.",
    },
    handoff: {
      title: "VA number for the buyer",
      vaLabel: "{bank} virtual account number",
      copy: "Copy VA number",
      amount: "Amount to transfer (exactly)",
      deadline: "Pay before {time}",
      countdown: "{days, plural, =0 {} one {# day } other {# days }}{clock} left",
      ended: "The time to pay is over",
      stepsTitle: "How to pay",
      bankSteps: bankStepMessages.en,
      share: "Transfer to {bank} VA {number}.",
      steps: {
        atm: {
          title: "{bank} ATM",
          s1: "Insert your {bank} ATM card and enter your PIN.",
          s2: "Choose Transfer or Payment, then Virtual Account.",
          s3: "Enter VA number {number}.",
          s4: "Check the name and amount, then confirm.",
        },
        mobile: {
          title: "{bank} mobile banking",
          s1: "Open the {bank} mobile banking app and log in.",
          s2: "Choose Transfer or Pay, then Virtual Account.",
          s3: "Enter VA number {number}.",
          s4: "Check the name and amount, then enter your PIN.",
        },
        internet: {
          title: "{bank} internet banking",
          s1: "Log in to {bank} internet banking.",
          s2: "Choose Transfer to Virtual Account.",
          s3: "Enter VA number {number}, then check the name and amount.",
          s4: "Confirm with your token or OTP code.",
        },
      },
    },
  } satisfies typeof id,
};
