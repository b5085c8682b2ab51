import "server-only";

import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

import { isPrivateAddress } from "@/lib/domain/network";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Refuses a webhook URL whose host is (or resolves to) a loopback or private address, unless
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS is set. Checked when the webhook is added and again before every
 * delivery, so that a name re-pointed at an internal address later (DNS rebinding) is caught.
 */
export async function assertPublicUrl(url: string): Promise<void> {
  if (getEnv().WEBHOOK_ALLOW_PRIVATE_NETWORKS) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true })).map((entry) => entry.address);
    } catch {
      throw new AppError("UNPROCESSABLE", "URL_NOT_ALLOWED", `${host} cannot be resolved.`, {
        host,
      });
    }
  }
  const blocked = addresses.find(isPrivateAddress);
  if (blocked) {
    throw new AppError(
      "UNPROCESSABLE",
      "URL_NOT_ALLOWED",
      `${host} is a loopback or private-network address (${blocked}); webhooks go to public addresses only.`,
      { host, address: blocked },
    );
  }
}
