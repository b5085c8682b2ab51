import "server-only";

import type { ActionState } from "@/lib/action-state";
import { AppError } from "@/lib/errors";
import { assertCan, type Permission } from "@/lib/permissions";
import { getCurrentUser } from "@/lib/server/auth/session";
import type { SessionUser } from "@/lib/types/user";

import { failure } from "./answers";

/** The signed-in user of a server action, who must hold the permission; never from its arguments. */
async function actingUser(permission: Permission): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) {
    throw new AppError(
      "UNAUTHENTICATED",
      "UNAUTHENTICATED",
      "Your session has ended. Sign in again.",
    );
  }
  assertCan(user.role, permission);
  return user;
}

type Run<Input, State> = (user: SessionUser, input: Input) => Promise<State>;

/**
 * A server action behind a form (`useActionState`): session, permission, then `parse` turns the
 * FormData into the use case's input (a zod parse: field errors come back per field), then `run`.
 * Whatever fails becomes a form answer that refills the fields; nothing is half-done.
 */
export function formAction<Input, State extends ActionState = ActionState>(options: {
  permission: Permission;
  parse: (form: FormData) => Input;
  run: Run<Input, State>;
}): (previous: State, form: FormData) => Promise<State> {
  return async (_previous, form) => {
    try {
      const user = await actingUser(options.permission);
      return await options.run(user, options.parse(form));
    } catch (error) {
      // Every field a State adds to ActionState is optional, so a plain failure is one.
      return failure(error, form) as State;
    }
  };
}

/** A server action called with arguments (a button, a dialog): the same guard without a form. */
export function commandAction<Raw, Input, State extends ActionState = ActionState>(options: {
  permission: Permission;
  parse: (raw: Raw) => Input;
  run: Run<Input, State>;
}): (raw: Raw) => Promise<State> {
  return async (raw) => {
    try {
      const user = await actingUser(options.permission);
      return await options.run(user, options.parse(raw));
    } catch (error) {
      return failure(error) as State;
    }
  };
}

/**
 * A form anyone may submit (setting a password from a one-time link): no session, the rest of the
 * guard (zod parse, errors as answers). Whatever authorises it must be in the input itself.
 */
export function publicFormAction<Input, State extends ActionState = ActionState>(options: {
  parse: (form: FormData) => Input;
  run: (input: Input) => Promise<State>;
}): (previous: State, form: FormData) => Promise<State> {
  return async (_previous, form) => {
    try {
      return await options.run(options.parse(form));
    } catch (error) {
      return failure(error, form) as State;
    }
  };
}
