"use server";
import "server-only";

import { revalidatePath } from "next/cache";

import { revokeFeed } from "@/lib/server/calendar-feed/feed-tokens";

import { success } from "./answers";
import { commandAction } from "./guard";

/** Revokes the signed-in user's feed URL; the profile page then shows a new one. */
export const revokeFeedAction = commandAction({
  permission: "account.manage",
  parse: (_raw: void) => undefined,
  run: async (user) => {
    await revokeFeed(user);
    revalidatePath("/profile");
    return success("The old address no longer works. Subscribe again with the new one.");
  },
});
