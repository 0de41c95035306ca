import type { Page } from 'playwright-core';

/**
 * First run of the staff area on a fresh data folder: opens it, sets the admin PIN twice and
 * closes the recovery code shown once, then waits for the admin's tabs.
 */
export const setUpAdmin = async (page: Page, pin: string): Promise<void> => {
  await page.click('#staff-toggle');
  await page.fill('#staff-setup-pin', pin);
  await page.fill('#staff-setup-pin-again', pin);
  await page.click('#staff-setup-submit');
  await page.click('#staff-recovery-done');
  await page.waitForSelector('#staff-shell[data-role="admin"]');
};
