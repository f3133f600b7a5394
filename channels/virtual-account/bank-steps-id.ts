import type { BankSteps } from "./bank-steps";

/** Indonesian: menus as the banks name them in Indonesian. */
export const id: BankSteps = {
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
