// fxa-common-password-list ships no types: Mozilla's list of the 50,000 most common passwords of 8+ characters.
declare module 'fxa-common-password-list' {
  /** True when the password is on the list, exactly as given. */
  export function test(password: string): boolean;
}
