// A form whose action keeps a reason in a record's history (an edit or a withdrawal on a person's behalf,
// a lifted conflict of interest): what it is about, the reason at least `minimum` characters long (the
// server's rule, said at the field before it is asked), the refusal if any, and its two buttons.
import { Button, Group, Stack, Textarea } from "@mantine/core";
import { useState, type ReactNode } from "react";
import { ErrorAlert } from "./status.js";

export function ReasonForm({
  name,
  label,
  description,
  minimum,
  tooShort,
  children,
  onSubmit,
  onCancel,
  pending,
  error,
  errorTitle,
  cancel,
  submit,
  color,
}: {
  /** The form's accessible name. */
  name: string;
  label: string;
  description?: string;
  minimum: number;
  /** The field's message while the reason is shorter than `minimum`. */
  tooShort: string;
  /** What comes before the reason (fields, or the consequence in words). */
  children?: ReactNode;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
  pending: boolean;
  error: unknown;
  errorTitle: string;
  cancel: string;
  submit: string;
  color?: string;
}) {
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  return (
    <Stack
      component="form"
      aria-label={name}
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (reason.trim().length >= minimum) onSubmit(reason);
      }}
    >
      {children}
      <Textarea
        label={label}
        description={description}
        withAsterisk
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={tried && reason.trim().length < minimum ? tooShort : null}
      />
      {error ? <ErrorAlert title={errorTitle} error={error} /> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {cancel}
        </Button>
        <Button type="submit" loading={pending} {...(color ? { color } : {})}>
          {submit}
        </Button>
      </Group>
    </Stack>
  );
}
