/** The shape of a filter's totals: what db/queries/transaction-totals.ts sums and every screen shows. */
/** The sums of a filtered set (or of one group of it), not one page. Amounts are exact decimal strings. */
export type SummedTotals = {
  count: number;
  /** Paid or settled: what buyers paid. */
  paidCount: number;
  paidAmount: string;
  /** The fees Purwantara has reported, of the paid payments whose fee is known. */
  fees: string;
  /**
   * Paid payments whose fee Purwantara has not reported yet (unknown, not zero): they
   * are in `paidAmount` but not in `fees` or `net`.
   */
  unknownFeeCount: number;
  /** Net over the known part: the amounts of the paid payments with a known fee − fees. */
  net: string;
  /** Awaiting payment or unconfirmed: what may still come in. */
  openCount: number;
  openAmount: string;
};

/** The list's totals line: the sums, and the money given back on the set's payments. */
export type TransactionListTotals = SummedTotals & {
  /** Payments of the set with approved refunds, and the sum of those refunds. */
  refundedCount: number;
  refunded: string;
};
