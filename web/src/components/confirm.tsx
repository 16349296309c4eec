// A confirmation before an action that cannot be taken back (or only by another step): it names the
// consequence in words, and the action's button says what it does.
import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { ErrorAlert } from "./status.js";

export function Confirm({
  opened,
  title,
  children,
  confirm,
  onConfirm,
  onCancel,
  pending = false,
  error = null,
  cancel = "Go back",
}: {
  opened: boolean;
  title: string;
  /** The consequence, in words. */
  children: ReactNode;
  /** The action's button ("Approve and publish"). */
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
  error?: unknown;
  cancel?: string;
}) {
  return (
    <Modal closeButtonProps={{ "aria-label": "Close" }} opened={opened} onClose={onCancel} title={title}>
      <Stack>
        {typeof children === "string" ? <Text>{children}</Text> : children}
        {error ? <ErrorAlert title="Not done" error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {cancel}
          </Button>
          <Button onClick={onConfirm} loading={pending}>
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
