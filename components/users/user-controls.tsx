"use client";

import { AlertTriangle, KeyRound, UserCheck, UserX } from "lucide-react";
import { useState } from "react";

import type { LinkState } from "@/lib/action-state";
import { ROLE_NAMES, ROLES, type Role } from "@/lib/domain/stages";
import type { UserDto } from "@/lib/types/user";

import { AlertBox } from "../ui/alert-box";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { CopyField } from "../ui/copy-field";
import { FormStatus } from "../ui/form-status";
import { Select } from "../ui/input";
import { Modal } from "../ui/modal";
import { useActionRunner } from "../ui/use-action-runner";

export type UserCommands = {
  update: (command: { id: string; role?: Role; isActive?: boolean }) => Promise<LinkState>;
  resetPassword: (command: { id: string; revokeAccess?: boolean }) => Promise<LinkState>;
};

/** A user's role, changed in place (the last active admin stays one: the server says so). */
export function RoleSelect({ user, update }: { user: UserDto; update: UserCommands["update"] }) {
  const { run, isPending, problem } = useActionRunner();
  return (
    <div className="space-y-1">
      <label htmlFor={`role-${user.id}`} className="sr-only">
        Role of {user.name}
      </label>
      <Select
        id={`role-${user.id}`}
        value={user.role}
        disabled={isPending}
        onChange={(event) => run(() => update({ id: user.id, role: event.target.value as Role }))}
        fieldSize="sm"
        className="w-48"
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_NAMES[role]}
          </option>
        ))}
      </Select>
      {problem && <FormStatus state={problem} />}
    </div>
  );
}

/** Deactivate or reactivate, and force a password reset (which hands over a new link). */
export function UserActions({ user, commands }: { user: UserDto; commands: UserCommands }) {
  const { run, isPending, problem } = useActionRunner();
  const [link, setLink] = useState<string | null>(null);
  const [revokeAccess, setRevokeAccess] = useState(false);

  function resetPassword() {
    run(async () => {
      const result = await commands.resetPassword({ id: user.id, revokeAccess });
      if (result.setPasswordUrl) setLink(result.setPasswordUrl);
      return result;
    });
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        {user.isActive ? (
          <ConfirmDialog
            title={`Deactivate ${user.name}?`}
            description="They are signed out at once; their sessions, API tokens and calendar feed stop working. Their decisions and history stay."
            confirmLabel="Deactivate"
            tone="danger"
            onConfirm={() => run(() => commands.update({ id: user.id, isActive: false }))}
            trigger={
              <Button variant="secondary-danger" size="sm" disabled={isPending}>
                <UserX aria-hidden />
                Deactivate
              </Button>
            }
          />
        ) : (
          <Button
            variant="secondary"
            size="sm"
            disabled={isPending}
            onClick={() => run(() => commands.update({ id: user.id, isActive: true }))}
          >
            <UserCheck aria-hidden />
            Reactivate
          </Button>
        )}
        <ConfirmDialog
          title={`Reset the password of ${user.name}?`}
          description="Their password stops working and their sessions end. You get a one-time link (valid 7 days) to hand over, with which they set a new one."
          confirmLabel="Reset password"
          tone="danger"
          onConfirm={resetPassword}
          onOpenChange={(open) => open && setRevokeAccess(false)}
          trigger={
            <Button variant="secondary" size="sm" disabled={isPending || !user.isActive}>
              <KeyRound aria-hidden />
              Reset password
            </Button>
          }
        >
          <label className="flex items-start gap-2 text-sm text-fg">
            <input
              type="checkbox"
              checked={revokeAccess}
              onChange={(event) => setRevokeAccess(event.target.checked)}
              className="mt-0.5 size-4 accent-(--color-accent)"
            />
            <span>
              Also revoke their API tokens and calendar feed
              <span className="block text-muted">
                When the account may have been taken over: scripts and calendar subscriptions stop
                working until they create new ones.
              </span>
            </span>
          </label>
        </ConfirmDialog>
      </div>
      {problem && <FormStatus state={problem} />}
      <Modal
        open={link !== null}
        onOpenChange={(open) => !open && setLink(null)}
        title={`New password for ${user.name}`}
        description="Hand this link over safely. It works once, within 7 days."
      >
        <div className="space-y-4">
          <AlertBox tone="warning" icon={AlertTriangle}>
            It is shown only now.
          </AlertBox>
          <CopyField id={`reset-link-${user.id}`} label="Set-password link" value={link ?? ""} />
        </div>
      </Modal>
    </div>
  );
}
