/** What seeded rows are made of: weighted by repetition. */
export const seedWords = {
  /** Hours of the day payments are made (WIB), busier at lunch and in the evening. */
  hours: [
    0, 1, 6, 7, 7, 8, 8, 9, 9, 9, 10, 10, 10, 11, 11, 11, 11, 12, 12, 12, 12, 12, 13, 13, 13, 14,
    14, 15, 15, 16, 16, 17, 17, 18, 18, 19, 19, 19, 19, 20, 20, 20, 20, 21, 21, 21, 22, 22, 23,
  ],
  vaBanks: [
    "BCA", "BCA", "BCA", "BCA", "MANDIRI", "MANDIRI", "MANDIRI", "BNI", "BNI", "BRI", "BRI",
    "BRI", "PERMATA", "CIMB", "BSI", "DANAMON",
  ],
  qrisChannels: ["qris_doku", "qris_doku", "shopeepay", "qrisdana", "qrisdana"],
  /** What a buyer paid a payment link with (the callback's event.channel). */
  linkPaidWith: ["OVO", "BCA", "MANDIRI", "qris_doku", "shopee_pay", "BRI", "qrisdana"],
  firstNames: [
    "Andi", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita", "Hendra", "Indah", "Joko", "Kartika",
    "Lestari", "Made", "Nur", "Putri", "Rizky", "Sari", "Teguh", "Utami", "Wahyu", "Yuni",
    "Agus", "Bayu", "Dian", "Fitri", "Hadi", "Intan", "Kurniawan", "Maya", "Nanda", "Oktavia",
    "Rudi", "Siti", "Tri", "Wulan", "Yoga", "Ayu", "Bambang", "Dimas", "Ketut",
  ],
  lastNames: [
    "Santoso", "Wijaya", "Pratama", "Saputra", "Lestari", "Hidayat", "Nugroho", "Susanto",
    "Kusuma", "Setiawan", "Wibowo", "Gunawan", "Siregar", "Nasution", "Simanjuntak", "Harahap",
    "Sihombing", "Putra", "Rahayu", "Permata", "Halim", "Tanjung", "Sembiring", "Manurung",
    "Purnomo", "Utomo", "Hartono", "Suryadi", "Firmansyah", "Ramadhan",
  ],
  items: [
    "Kopi Susu Gula Aren", "Paket Nasi Box 20 porsi", "Langganan Bulanan", "Sewa Tenda Pernikahan",
    "Kaos Polos Hitam L", "Tiket Seminar UMKM", "Kursus Bahasa Inggris", "Servis AC Rumah",
    "Katering Harian", "Pembayaran Invoice", "Batik Tulis Pekalongan", "Sepatu Lari",
    "Paket Data 30 GB", "Kue Lapis Legit", "Jasa Desain Logo", "Sewa Mobil Harian",
    "Madu Hutan 500 ml", "Tas Rotan", "Les Privat Matematika", "Voucher Belanja",
  ],
};
