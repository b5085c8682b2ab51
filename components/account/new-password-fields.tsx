import { TextField } from "../ui/text-field";

/** A new password, typed twice (the confirmation is checked on the server, beside the field). */
export function NewPasswordFields({
  error,
  description,
  autoFocus = false,
}: {
  error: (field: string) => string | undefined;
  description?: string;
  autoFocus?: boolean;
}) {
  return (
    <>
      <TextField
        id="new-password"
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        autoFocus={autoFocus}
        description={description}
        error={error("newPassword")}
      />
      <TextField
        id="confirm-password"
        label="New password again"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        error={error("confirmPassword")}
      />
    </>
  );
}
