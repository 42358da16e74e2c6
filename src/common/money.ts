/**
 * Money in whole Vietnamese đồng, shared by the server's documents and the web's screens: amounts
 * are integers; quantities and coefficients are kept in thousandths so that no sum drifts.
 */

/** "1.234.567 đ" (Vietnamese grouping with dots; a minus sign before negative amounts). */
export function formatVnd(amount: number, withUnit = true): string {
  const whole = Math.round(amount);
  const digits = Math.abs(whole)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${whole < 0 ? '-' : ''}${digits}${withUnit ? ' đ' : ''}`;
}

/** Thousandths written the Vietnamese way: 300 → "0,3", 1500 → "1,5", 2000 → "2". */
export function formatMilli(milli: number): string {
  const text = (milli / 1000).toFixed(3).replace(/\.?0+$/, '');
  return text.replace('.', ',');
}

/** A line's amount: quantity (thousandths) × unit price, to the nearest đồng. */
export function lineAmount(quantityMilli: number, unitPrice: number): number {
  return Math.round((quantityMilli * unitPrice) / 1000);
}

/** Rounded up to the next multiple of `step` (award money: to tens of thousands of đồng). */
export function roundUpTo(amount: number, step: number): number {
  return Math.ceil(amount / step) * step;
}

/** The most a single amount may be (the column is a 32-bit integer): two billion đồng. */
export const MAX_AMOUNT = 2_000_000_000;
