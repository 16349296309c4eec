// Loading and error states: every screen shows one or the other while it has no data, never a blank page.
import { Alert, Center, Loader, List } from "@mantine/core";
import { ApiError } from "../api.js";
import { fieldInWords } from "../../../scoring/policy/index.js";

export function Loading({ label = "Loading" }: { label?: string }) {
  return (
    <Center p="xl" role="status" aria-live="polite">
      {/* A spinner is an image with a name (a bare span may not carry aria-label). */}
      <Loader role="img" aria-label={label} />
    </Center>
  );
}

export function ErrorAlert({ error, title = "Something went wrong" }: { error: unknown; title?: string }) {
  const e = error instanceof ApiError ? error : null;
  const message = e ? e.message : error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" title={title} role="alert" my="sm">
      {message}
      {e?.details?.problems?.length ? (
        <List size="sm" mt="xs">
          {e.details.problems.map((p, i) => (
            <List.Item key={i}>
              <strong>{"path" in p ? fieldInWords(p.path) : `row ${p.row}, ${fieldInWords(p.column)}`}</strong>: {p.message}
            </List.Item>
          ))}
        </List>
      ) : null}
    </Alert>
  );
}

/** The message the server gave for a field, for react-hook-form's errors. */
export function problemsByPath(error: unknown): Map<string, string> {
  const m = new Map<string, string>();
  if (error instanceof ApiError) for (const p of error.details?.problems ?? []) if ("path" in p) m.set(p.path, p.message);
  return m;
}
