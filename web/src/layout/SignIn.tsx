/** Replaced by the sign-in control. */
export function SignIn() {
  return null;
}
