import { Field } from "./field";
import { Input } from "./input";

/**
 * A labelled one-line text input with its description and inline error: the most common field of
 * the app's forms. Anything an `<input>` takes passes through; `aria-describedby` adds to the
 * field's own (e.g. a hint shared by several fields).
 */
export function TextField({
  id,
  label,
  description,
  error,
  className,
  inputClassName,
  "aria-describedby": describedBy,
  ...input
}: Omit<React.ComponentProps<typeof Input>, "id" | "className"> & {
  id: string;
  label: React.ReactNode;
  description?: React.ReactNode;
  error?: string;
  /** For the field (label, input, messages). */
  className?: string;
  inputClassName?: string;
}) {
  return (
    <Field id={id} label={label} description={description} error={error} className={className}>
      {(control) => (
        <Input
          {...control}
          {...input}
          aria-describedby={
            [control["aria-describedby"], describedBy].filter(Boolean).join(" ") || undefined
          }
          className={inputClassName}
        />
      )}
    </Field>
  );
}
