/**
 * Small-cell suppression for every published count (page, API, exports): a count from 1 to
 * `minimumShown - 1` is hidden, and so is enough of its group that it cannot be worked back out
 * of a published total. A hidden count is `null` ("fewer than 5").
 */
export const minimumShown = 5;

export type Count = number | null;

const isSmall = (value: number) => value > 0 && value < minimumShown;

/** A cell on its own (no published total it adds up to). */
export const suppressCell = (value: number): Count => (isSmall(value) ? null : value);

/**
 * Cells that add up to a published parent. Primary: small cells. Complementary: while exactly one
 * cell is hidden, also hide the smallest other non-zero cell (parent − visible ones would reveal
 * it). A hidden parent hides the whole group (the visible children would add up to it).
 */
export const suppressGroup = (values: readonly number[], parentHidden = false): Count[] => {
  if (parentHidden) return values.map((value) => (value === 0 ? 0 : null));
  const hidden = values.map(isSmall);
  const hiddenCount = () => hidden.filter(Boolean).length;
  while (hiddenCount() === 1) {
    let pick = -1;
    values.forEach((value, index) => {
      if (!hidden[index] && value > 0 && (pick < 0 || value < values[pick])) pick = index;
    });
    if (pick < 0) break;
    hidden[pick] = true;
  }
  return values.map((value, index) => (hidden[index] ? null : value));
};
