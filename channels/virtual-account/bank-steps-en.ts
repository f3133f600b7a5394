import type { BankSteps } from "./bank-steps";

/** English: menus as the banks name them in their English interfaces. */
export const en: BankSteps = {
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
