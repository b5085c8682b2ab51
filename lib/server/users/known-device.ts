import "server-only";

// A known device: the browser a person signed in with before carries a cookie naming it, signed
// for that person's email (HMAC with the session secret). Its attempts count on the device's own
// key, not the email's (lib/server/users/sign-in-throttle.ts): a stranger guessing at an admin's
// email locks out strangers, never the admin's own browser. The cookie says nothing about the
// person to anyone else; it grants nothing but a separate count, and the password is still needed.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

import { getEnv } from "@/lib/env";

export const KNOWN_DEVICE_COOKIE = "rc-known-device";
const MAX_AGE_SECONDS = 180 * 24 * 3600;

function signatureOf(device: string, email: string): Buffer {
  return createHmac("sha256", getEnv().NEXTAUTH_SECRET ?? "")
    .update(`known-device\0${device}\0${email.trim().toLowerCase()}`)
    .digest();
}

function cookieValue(cookieHeader: string | null | undefined): string | null {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === KNOWN_DEVICE_COOKIE) return value.join("=");
  }
  return null;
}

/** The id of this browser when its cookie was issued for this email, else null. */
export function knownDeviceOf(
  cookieHeader: string | null | undefined,
  email: string,
): string | null {
  const [device, signature] = (cookieValue(cookieHeader) ?? "").split(".");
  if (!device || !signature || !/^[\w-]{22}$/.test(device)) return null;
  const given = Buffer.from(signature, "base64url");
  const expected = signatureOf(device, email);
  return given.length === expected.length && timingSafeEqual(given, expected) ? device : null;
}

/** The Set-Cookie header that makes this browser a known device of this email. */
export function knownDeviceCookie(email: string, secure: boolean, device?: string | null): string {
  const id = device ?? randomBytes(16).toString("base64url");
  const value = `${id}.${signatureOf(id, email).toString("base64url")}`;
  return [
    `${KNOWN_DEVICE_COOKIE}=${value}`,
    "Path=/api/auth",
    `Max-Age=${MAX_AGE_SECONDS}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}
