"use client";

import type { ActionState } from "@/lib/action-state";

import { ActionGroup } from "./action-group";
import { Button, type ButtonVariants } from "./button";
import { ConfirmDialog } from "./confirm-dialog";
import { useActionRunner } from "./use-action-runner";

/**
 * A button that sends one command to a server action (the page refreshes after it) and shows what
 * went wrong under it; with `confirm`, asked first. For server components: they pass the action,
 * its command and the label (icon included) already rendered, and stay on the server.
 */
export function CommandButton<Command>({
  action,
  command,
  confirm,
  variant = "secondary",
  size = "sm",
  className,
  align,
  "aria-label": ariaLabel,
  children,
}: ButtonVariants & {
  action: (command: Command) => Promise<ActionState>;
  command: Command;
  confirm?: { title: string; description: string; confirmLabel: string };
  className?: string;
  align?: React.ComponentProps<typeof ActionGroup>["align"];
  /** The button's name when its label is an icon only. */
  "aria-label"?: string;
  children: React.ReactNode;
}) {
  const { run, isPending, problem } = useActionRunner();
  const send = () => run(() => action(command));
  const button = (
    <Button
      variant={variant}
      size={size}
      className={className}
      aria-label={ariaLabel}
      disabled={isPending}
      onClick={confirm ? undefined : send}
    >
      {children}
    </Button>
  );
  return (
    <ActionGroup problem={problem} align={align}>
      {confirm ? (
        <ConfirmDialog {...confirm} tone="danger" onConfirm={send} trigger={button} />
      ) : (
        button
      )}
    </ActionGroup>
  );
}
