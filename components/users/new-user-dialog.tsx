"use client";

import { CheckCircle2, Loader2, UserPlus } from "lucide-react";
import { useActionState, useState } from "react";

import { IDLE, type LinkState, submitted } from "@/lib/action-state";
import { PASSWORD_MAX_BYTES, PASSWORD_MIN_BYTES } from "@/lib/domain/people";
import { ROLE_NAMES, ROLES } from "@/lib/domain/stages";

import { AlertBox } from "../ui/alert-box";
import { Button } from "../ui/button";
import { CopyField } from "../ui/copy-field";
import { Field } from "../ui/field";
import { FormStatus } from "../ui/form-status";
import { Select } from "../ui/input";
import { Modal } from "../ui/modal";
import { SegmentedControl } from "../ui/segmented-control";
import { TextField } from "../ui/text-field";

/**
 * An administrator adds a person: name, email, role, and either a password now or a one-time link
 * (valid 7 days) that lets them set their own; the link is shown once, to hand over.
 */
export function NewUserDialog({
  create,
}: {
  create: (previous: LinkState, form: FormData) => Promise<LinkState>;
}) {
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<"link" | "password">("link");
  const [state, action, isPending] = useActionState<LinkState, FormData>(create, IDLE);
  const error = (field: string) => state.fieldErrors?.[field];
  const link = state.status === "success" ? state.setPasswordUrl : undefined;

  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      title="New user"
      description="They sign in with their email. The role decides what they may do."
      trigger={
        <Button>
          <UserPlus aria-hidden />
          New user
        </Button>
      }
    >
      {link ? (
        <div className="space-y-4">
          <AlertBox tone="success" icon={CheckCircle2}>
            {state.message}
          </AlertBox>
          <CopyField id="new-user-link" label="Set-password link" value={link} />
          <div className="flex justify-end">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Done
            </Button>
          </div>
        </div>
      ) : (
        <form action={action} noValidate className="space-y-4" key={state.at ?? "form"}>
          <TextField
            id="user-name"
            label="Name"
            name="name"
            required
            maxLength={120}
            autoComplete="off"
            defaultValue={submitted(state, "name", "")}
            error={error("name")}
          />
          <TextField
            id="user-email"
            label="Email"
            name="email"
            type="email"
            required
            maxLength={254}
            autoComplete="off"
            defaultValue={submitted(state, "email", "")}
            error={error("email")}
          />
          <Field id="user-role" label="Role" error={error("role")}>
            {(control) => (
              <Select {...control} name="role" defaultValue={submitted(state, "role", "QA")}>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {ROLE_NAMES[role]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <input type="hidden" name="mode" value={mode} />
          <div className="space-y-2">
            <SegmentedControl
              label="How they get a password"
              value={mode}
              onChange={setMode}
              options={[
                { value: "link", label: "Give them a link" },
                { value: "password", label: "Set a password now" },
              ]}
              fullWidth
            />
            {mode === "password" ? (
              <TextField
                id="user-password"
                label="Password"
                name="password"
                type="password"
                autoComplete="new-password"
                description={`${PASSWORD_MIN_BYTES} to ${PASSWORD_MAX_BYTES} bytes. Tell it to them safely; they can change it on their profile.`}
                error={error("password")}
              />
            ) : (
              <p className="text-xs text-muted">
                You get a one-time link to hand over; it lets them set their own password within 7
                days.
              </p>
            )}
          </div>
          <FormStatus state={state} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isPending}>
              {isPending && <Loader2 aria-hidden className="animate-spin" />}
              Add user
            </Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
