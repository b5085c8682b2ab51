"use server";

import { revalidatePath } from "next/cache";

import type { ActionState } from "@/lib/action-state";
import { getCurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { failure, success } from "@/lib/server/actions/action-state";
import { revokeFeed } from "@/lib/server/calendar-feed/feed-tokens";

/** Revokes the signed-in user's feed URL; the profile page then shows a new one. */
export async function revokeFeedAction(): Promise<ActionState> {
  try {
    const user = await getCurrentUser();
    if (!user)
      throw new AppError(
        "UNAUTHENTICATED",
        "UNAUTHENTICATED",
        "Your session has ended. Sign in again.",
      );
    await revokeFeed(user);
    revalidatePath("/profile");
    return success("The old address no longer works. Subscribe again with the new one.");
  } catch (error) {
    return failure(error);
  }
}
