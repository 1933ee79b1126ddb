/** The explorer's header as the browser tests drive it: its sign-in control, and where focus is. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The explorer's header, where the sign-in control lives. */
export const header = (page: Page) => page.getByRole('banner');

/** What the header says of who is signed in and what that allows. */
export const viewerStatus = (page: Page): Promise<string> =>
  header(page).locator('.viewer-status').innerText();

/** The header's control (the form's submit button has the same name, but opens nothing). */
export const signInButton = (page: Page) =>
  header(page).getByRole('button', { name: 'Sign in' }).and(page.locator('[aria-expanded]'));

export const signOutButton = (page: Page) => header(page).getByRole('button', { name: 'Sign out' });

export const signInForm = (page: Page) => page.getByRole('form', { name: 'Sign in' });

/** The focused element's name: the id of an input, or what a link or button says. */
export async function focused(page: Page): Promise<string> {
  const element = page.locator(':focus');
  return (await element.getAttribute('id')) ?? (await element.innerText());
}

/** Pastes a credential into the sign-in form (opening it) and submits it, all by keyboard. */
export async function signInWith(page: Page, credential: string): Promise<void> {
  if ((await signInForm(page).count()) === 0) {
    await signInButton(page).focus();
    await page.keyboard.press('Enter');
  }
  await expect.poll(() => focused(page)).toBe('sign-in-form-credential');
  await page.keyboard.insertText(credential);
  await page.keyboard.press('Enter');
}
