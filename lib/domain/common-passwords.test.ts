import { describe, expect, it } from "vitest";

import { isCommonPassword } from "./common-passwords";

describe("commonly breached passwords", () => {
  it.each([
    "1qaz2wsx3edc4rfv",
    "1q2w3e4r5t6y",
    "Password1234",
    "!!password2024!!",
    "iloveyou12345",
    "qwertyqwertyqwerty",
    "monkeymonkey",
    "DRAGON-1234567",
  ])("%s is refused", (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each([
    "correct horse battery staple",
    "a fine new passphrase",
    "omar's new passphrase",
    "Tr4ck-the-release-7",
    "demo-admin-2027-xyz",
  ])("%s is fine", (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});
