// Passwords that attackers try first: the common-password list of zxcvbn-ts (about 49,000 from
// public breach corpora), bundled, no network. A new password is refused when it is on the list,
// or is a listed one with digits or symbols around it ("password1234!"), or repeats a listed one
// ("qwertyqwerty"). Server side only: the list is 380 KB, never shipped to a browser.
import { dictionary } from "@zxcvbn-ts/language-common";

let listed: ReadonlySet<string> | undefined;

function commonPasswords(): ReadonlySet<string> {
  listed ??= new Set(dictionary["passwords-common"]);
  return listed;
}

/** The word a password dresses up: lower case, without digits and symbols around it. */
function core(password: string): string {
  return password
    .toLowerCase()
    .replace(/^[\d\W_]+|[\d\W_]+$/gu, "")
    .trim();
}

/** A password repeating one piece (`abcabcabc`): the piece, else the password itself. */
function repeated(password: string): string {
  const match = /^(.+?)\1+$/su.exec(password);
  return match ? match[1]! : password;
}

export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  const candidates = [lower, core(lower), repeated(lower), core(repeated(lower))];
  // A bare core of one or two characters says nothing ("!!11" is refused by length anyway).
  return candidates.some((candidate) => candidate.length >= 3 && list.has(candidate));
}

export const COMMON_PASSWORD_MESSAGE =
  "This password is on a list of commonly breached passwords: choose one nobody would guess.";
