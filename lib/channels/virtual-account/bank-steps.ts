import type { VaBank } from "./gateway";

/**
 * How a buyer pays a VA at each bank: its ATM, its app and its internet banking have
 * their own menus, named here as the banks name them (as known; banks rename menus, so
 * each list ends with the check that never changes: the name and amount on screen).
 * `{number}` is the VA number. Kept as lists here; the catalogue gets s1, s2, … keys.
 */
type Method = "atm" | "mobile" | "internet";
type Steps = { steps: string[] };
type BankSteps = Record<VaBank, Record<Method, Steps>>;

const id: BankSteps = {
  BCA: {
    atm: {
      steps: [
        "Masukkan kartu ATM BCA dan PIN.",
        "Pilih Transaksi Lainnya, lalu Transfer, lalu ke Rek BCA Virtual Account.",
        "Masukkan nomor VA {number}, lalu pilih Benar.",
        "Cek nama dan jumlah, lalu pilih Ya.",
      ],
    },
    mobile: {
      steps: [
        "Buka BCA mobile dan pilih m-BCA, lalu masukkan kode akses.",
        "Pilih m-Transfer, lalu BCA Virtual Account.",
        "Masukkan nomor VA {number}, lalu OK.",
        "Cek nama dan jumlah, lalu masukkan PIN m-BCA.",
      ],
    },
    internet: {
      steps: [
        "Masuk ke KlikBCA Individual.",
        "Pilih Transfer Dana, lalu Transfer ke BCA Virtual Account.",
        "Masukkan nomor VA {number}, lalu Lanjutkan.",
        "Cek nama dan jumlah, lalu konfirmasi dengan respon KeyBCA.",
      ],
    },
  },
  MANDIRI: {
    atm: {
      steps: [
        "Masukkan kartu ATM Mandiri dan PIN.",
        "Pilih Bayar/Beli, lalu Lainnya, lalu Multi Payment.",
        "Masukkan nomor VA {number}, lalu Benar.",
        "Cek nama dan jumlah, tekan 1 untuk memilih tagihan, lalu Ya.",
      ],
    },
    mobile: {
      steps: [
        "Buka Livin' by Mandiri dan masuk.",
        "Pilih Bayar, lalu cari Virtual Account (atau Multipayment).",
        "Masukkan nomor VA {number}, lalu Lanjutkan.",
        "Cek nama dan jumlah, lalu masukkan PIN Livin'.",
      ],
    },
    internet: {
      steps: [
        "Masuk ke internet banking Mandiri.",
        "Pilih Pembayaran, lalu Multipayment.",
        "Masukkan nomor VA {number}, lalu Lanjut.",
        "Cek nama dan jumlah, lalu konfirmasi dengan kode OTP atau token.",
      ],
    },
  },
  BNI: {
    atm: {
      steps: [
        "Masukkan kartu ATM BNI dan PIN.",
        "Pilih Menu Lainnya, lalu Transfer, lalu Virtual Account Billing.",
        "Masukkan nomor VA {number}, lalu Benar.",
        "Cek nama dan jumlah, lalu pilih Ya.",
      ],
    },
    mobile: {
      steps: [
        "Buka aplikasi BNI dan masuk.",
        "Pilih Transfer, lalu Virtual Account Billing.",
        "Masukkan nomor VA {number}, lalu Lanjut.",
        "Cek nama dan jumlah, lalu masukkan password transaksi atau PIN.",
      ],
    },
    internet: {
      steps: [
        "Masuk ke BNI Internet Banking.",
        "Pilih Transfer, lalu Virtual Account Billing.",
        "Masukkan nomor VA {number}, lalu Lanjut.",
        "Cek nama dan jumlah, lalu konfirmasi dengan kode BNI e-Secure atau token.",
      ],
    },
  },
  BRI: {
    atm: {
      steps: [
        "Masukkan kartu ATM BRI dan PIN.",
        "Pilih Transaksi Lain, lalu Pembayaran, lalu Lainnya, lalu BRIVA.",
        "Masukkan nomor BRIVA {number}, lalu Benar.",
        "Cek nama dan jumlah, lalu pilih Ya.",
      ],
    },
    mobile: {
      steps: [
        "Buka BRImo dan masuk.",
        "Pilih BRIVA.",
        "Masukkan nomor BRIVA {number}, lalu Lanjutkan.",
        "Cek nama dan jumlah, lalu masukkan PIN BRImo.",
      ],
    },
    internet: {
      steps: [
        "Masuk ke Internet Banking BRI.",
        "Pilih Pembayaran, lalu BRIVA.",
        "Masukkan nomor BRIVA {number}, lalu Kirim.",
        "Cek nama dan jumlah, lalu masukkan password dan kode mToken.",
      ],
    },
  },
  PERMATA: {
    atm: {
      steps: [
        "Masukkan kartu ATM Permata dan PIN.",
        "Pilih Transaksi Lainnya, lalu Pembayaran, lalu Pembayaran Lainnya, lalu Virtual Account.",
        "Masukkan nomor VA {number}, lalu Benar.",
        "Cek nama dan jumlah, lalu pilih Ya.",
      ],
    },
    mobile: {
      steps: [
        "Buka PermataMobile X dan masuk.",
        "Pilih Bayar Tagihan, lalu Virtual Account.",
        "Masukkan nomor VA {number}.",
        "Cek nama dan jumlah, lalu konfirmasi dengan PIN atau kode respons.",
      ],
    },
    internet: {
      steps: [
        "Masuk ke PermataNet.",
        "Pilih Pembayaran Tagihan, lalu Virtual Account.",
        "Masukkan nomor VA {number}.",
        "Cek nama dan jumlah, lalu konfirmasi dengan kode token atau SMS.",
      ],
    },
  },
  CIMB: {
    atm: {
      steps: [
        "Masukkan kartu ATM CIMB Niaga dan PIN.",
        "Pilih Pembayaran, lalu Virtual Account.",
        "Masukkan nomor VA {number}, lalu Benar.",
        "Cek nama dan jumlah, lalu pilih Ya.",
      ],
    },
    mobile: {
      steps: [
        "Buka OCTO Mobile dan masuk.",
        "Pilih Transfer, lalu pilih rekening tujuan Virtual Account.",
        "Masukkan nomor VA {number}, lalu Lanjut.",
        "Cek nama dan jumlah, lalu masukkan PIN atau mPIN.",
      ],
    },
    internet: {
      steps: [
        "Masuk ke OCTO Clicks.",
        "Pilih Pembayaran Tagihan, lalu Virtual Account.",
        "Masukkan nomor VA {number}, lalu Lanjut.",
        "Cek nama dan jumlah, lalu konfirmasi dengan mPIN atau kode SMS.",
      ],
    },
  },
  BSI: {
    atm: {
      steps: [
        "Masukkan kartu ATM BSI dan PIN.",
        "Pilih Pembayaran/Pembelian, lalu Institusi.",
        "Masukkan nomor VA {number}, lalu Benar.",
        "Cek nama dan jumlah, lalu pilih Ya.",
      ],
    },
    mobile: {
      steps: [
        "Buka aplikasi BSI dan masuk.",
        "Pilih Bayar, lalu Institusi (atau E-Commerce).",
        "Masukkan nomor VA {number}, lalu Lanjut.",
        "Cek nama dan jumlah, lalu masukkan PIN.",
      ],
    },
    internet: {
      steps: [
        "Masuk ke BSI Net Banking.",
        "Pilih Pembayaran, lalu Institusi.",
        "Masukkan nomor VA {number}.",
        "Cek nama dan jumlah, lalu konfirmasi dengan kode OTP.",
      ],
    },
  },
  DANAMON: {
    atm: {
      steps: [
        "Masukkan kartu ATM Danamon dan PIN.",
        "Pilih Pembayaran, lalu Lainnya, lalu Virtual Account.",
        "Masukkan nomor VA {number}, lalu Benar.",
        "Cek nama dan jumlah, lalu pilih Ya.",
      ],
    },
    mobile: {
      steps: [
        "Buka D-Bank PRO dan masuk.",
        "Pilih Bayar & Beli, lalu Virtual Account.",
        "Masukkan nomor VA {number}, lalu Lanjut.",
        "Cek nama dan jumlah, lalu konfirmasi dengan PIN atau kode OTP.",
      ],
    },
    internet: {
      steps: [
        "Masuk ke internet banking Danamon.",
        "Pilih Pembayaran, lalu Virtual Account.",
        "Masukkan nomor VA {number}.",
        "Cek nama dan jumlah, lalu konfirmasi dengan token atau kode OTP.",
      ],
    },
  },
};

const en: BankSteps = {
  BCA: {
    atm: {
      steps: [
        "Insert your BCA ATM card and enter your PIN.",
        "Choose Other Transactions, then Transfer, then To BCA Virtual Account.",
        "Enter VA number {number} and choose Correct.",
        "Check the name and amount, then choose Yes.",
      ],
    },
    mobile: {
      steps: [
        "Open BCA mobile, choose m-BCA and enter your access code.",
        "Choose m-Transfer, then BCA Virtual Account.",
        "Enter VA number {number}, then OK.",
        "Check the name and amount, then enter your m-BCA PIN.",
      ],
    },
    internet: {
      steps: [
        "Log in to KlikBCA Individual.",
        "Choose Fund Transfer, then Transfer to BCA Virtual Account.",
        "Enter VA number {number}, then Continue.",
        "Check the name and amount, then confirm with your KeyBCA response.",
      ],
    },
  },
  MANDIRI: {
    atm: {
      steps: [
        "Insert your Mandiri ATM card and enter your PIN.",
        "Choose Pay/Buy, then Others, then Multi Payment.",
        "Enter VA number {number}, then Correct.",
        "Check the name and amount, press 1 to select the bill, then Yes.",
      ],
    },
    mobile: {
      steps: [
        "Open Livin' by Mandiri and log in.",
        "Choose Pay, then look for Virtual Account (or Multipayment).",
        "Enter VA number {number}, then Continue.",
        "Check the name and amount, then enter your Livin' PIN.",
      ],
    },
    internet: {
      steps: [
        "Log in to Mandiri internet banking.",
        "Choose Payment, then Multipayment.",
        "Enter VA number {number}, then Next.",
        "Check the name and amount, then confirm with the OTP or token code.",
      ],
    },
  },
  BNI: {
    atm: {
      steps: [
        "Insert your BNI ATM card and enter your PIN.",
        "Choose Other Menu, then Transfer, then Virtual Account Billing.",
        "Enter VA number {number}, then Correct.",
        "Check the name and amount, then choose Yes.",
      ],
    },
    mobile: {
      steps: [
        "Open the BNI app and log in.",
        "Choose Transfer, then Virtual Account Billing.",
        "Enter VA number {number}, then Next.",
        "Check the name and amount, then enter your transaction password or PIN.",
      ],
    },
    internet: {
      steps: [
        "Log in to BNI Internet Banking.",
        "Choose Transfer, then Virtual Account Billing.",
        "Enter VA number {number}, then Next.",
        "Check the name and amount, then confirm with your BNI e-Secure or token code.",
      ],
    },
  },
  BRI: {
    atm: {
      steps: [
        "Insert your BRI ATM card and enter your PIN.",
        "Choose Other Transactions, then Payment, then Others, then BRIVA.",
        "Enter BRIVA number {number}, then Correct.",
        "Check the name and amount, then choose Yes.",
      ],
    },
    mobile: {
      steps: [
        "Open BRImo and log in.",
        "Choose BRIVA.",
        "Enter BRIVA number {number}, then Continue.",
        "Check the name and amount, then enter your BRImo PIN.",
      ],
    },
    internet: {
      steps: [
        "Log in to BRI Internet Banking.",
        "Choose Payment, then BRIVA.",
        "Enter BRIVA number {number}, then Send.",
        "Check the name and amount, then enter your password and mToken code.",
      ],
    },
  },
  PERMATA: {
    atm: {
      steps: [
        "Insert your Permata ATM card and enter your PIN.",
        "Choose Other Transactions, then Payment, then Other Payments, then Virtual Account.",
        "Enter VA number {number}, then Correct.",
        "Check the name and amount, then choose Yes.",
      ],
    },
    mobile: {
      steps: [
        "Open PermataMobile X and log in.",
        "Choose Pay Bills, then Virtual Account.",
        "Enter VA number {number}.",
        "Check the name and amount, then confirm with your PIN or response code.",
      ],
    },
    internet: {
      steps: [
        "Log in to PermataNet.",
        "Choose Bill Payment, then Virtual Account.",
        "Enter VA number {number}.",
        "Check the name and amount, then confirm with the token or SMS code.",
      ],
    },
  },
  CIMB: {
    atm: {
      steps: [
        "Insert your CIMB Niaga ATM card and enter your PIN.",
        "Choose Payment, then Virtual Account.",
        "Enter VA number {number}, then Correct.",
        "Check the name and amount, then choose Yes.",
      ],
    },
    mobile: {
      steps: [
        "Open OCTO Mobile and log in.",
        "Choose Transfer, then a Virtual Account as the destination.",
        "Enter VA number {number}, then Next.",
        "Check the name and amount, then enter your PIN or mPIN.",
      ],
    },
    internet: {
      steps: [
        "Log in to OCTO Clicks.",
        "Choose Bill Payment, then Virtual Account.",
        "Enter VA number {number}, then Next.",
        "Check the name and amount, then confirm with your mPIN or SMS code.",
      ],
    },
  },
  BSI: {
    atm: {
      steps: [
        "Insert your BSI ATM card and enter your PIN.",
        "Choose Payment/Purchase, then Institution.",
        "Enter VA number {number}, then Correct.",
        "Check the name and amount, then choose Yes.",
      ],
    },
    mobile: {
      steps: [
        "Open the BSI app and log in.",
        "Choose Pay, then Institution (or E-Commerce).",
        "Enter VA number {number}, then Next.",
        "Check the name and amount, then enter your PIN.",
      ],
    },
    internet: {
      steps: [
        "Log in to BSI Net Banking.",
        "Choose Payment, then Institution.",
        "Enter VA number {number}.",
        "Check the name and amount, then confirm with the OTP code.",
      ],
    },
  },
  DANAMON: {
    atm: {
      steps: [
        "Insert your Danamon ATM card and enter your PIN.",
        "Choose Payment, then Others, then Virtual Account.",
        "Enter VA number {number}, then Correct.",
        "Check the name and amount, then choose Yes.",
      ],
    },
    mobile: {
      steps: [
        "Open D-Bank PRO and log in.",
        "Choose Pay & Buy, then Virtual Account.",
        "Enter VA number {number}, then Next.",
        "Check the name and amount, then confirm with your PIN or OTP code.",
      ],
    },
    internet: {
      steps: [
        "Log in to Danamon internet banking.",
        "Choose Payment, then Virtual Account.",
        "Enter VA number {number}.",
        "Check the name and amount, then confirm with the token or OTP code.",
      ],
    },
  },
};

/** What each bank calls its ATM, its app and its internet banking. */
const products: Record<VaBank, Record<Method, string>> = {
  BCA: { atm: "BCA", mobile: "BCA mobile (m-BCA)", internet: "KlikBCA" },
  MANDIRI: { atm: "Mandiri", mobile: "Livin' by Mandiri", internet: "Mandiri" },
  BNI: { atm: "BNI", mobile: "wondr by BNI / BNI Mobile Banking", internet: "BNI" },
  BRI: { atm: "BRI", mobile: "BRImo", internet: "BRI" },
  PERMATA: { atm: "Permata", mobile: "PermataMobile X", internet: "PermataNet" },
  CIMB: { atm: "CIMB Niaga", mobile: "OCTO Mobile", internet: "OCTO Clicks" },
  BSI: { atm: "BSI", mobile: "BYOND by BSI / BSI Mobile", internet: "BSI Net Banking" },
  DANAMON: { atm: "Danamon", mobile: "D-Bank PRO", internet: "Danamon" },
};

const titles: Record<"id" | "en", Record<Method, (product: string) => string>> = {
  id: {
    atm: (p) => `ATM ${p}`,
    mobile: (p) => `Aplikasi ${p}`,
    internet: (p) => `Internet banking ${p}`,
  },
  en: {
    atm: (p) => `${p} ATM`,
    mobile: (p) => `${p} app`,
    internet: (p) => `${p} internet banking`,
  },
};

/** One method's words as catalogue keys: `title`, `s1`, `s2`, … */
type CatalogueSteps = Record<VaBank, Record<Method, Record<string, string>>>;

function asCatalogue(banks: BankSteps, locale: "id" | "en"): CatalogueSteps {
  const entries = Object.entries(banks).map(([bank, methods]) => [
    bank,
    Object.fromEntries(
      Object.entries(methods).map(([method, { steps }]) => {
        const title = titles[locale][method as Method](products[bank as VaBank][method as Method]);
        return [
          method,
          Object.fromEntries([["title", title], ...steps.map((s, i) => [`s${i + 1}`, s])]),
        ];
      }),
    ),
  ]);
  return Object.fromEntries(entries) as CatalogueSteps;
}

export const bankStepMessages = { id: asCatalogue(id, "id"), en: asCatalogue(en, "en") };
export const stepMethods = ["atm", "mobile", "internet"] as const;
