// The error summary of the request form (the GOV.UK pattern): after a refused submit, a box at the top
// says there is a problem and lists each answer to correct, each a link to its field; the focus moves to
// the box, so that a phone's screen and a screen reader start there.
import { Alert, List } from "@mantine/core";
import { useEffect, useRef } from "react";
import type { FieldErrors } from "react-hook-form";
import { useTranslation } from "react-i18next";
import type { FormValues } from "./ApplyPage.js";

/** The fields in the order the form shows them. */
const ORDER: (keyof FormValues)[] = [
  "state",
  "gender",
  "name",
  "email",
  "title",
  "organisation",
  "role",
  "expertise",
  "interestEvidence",
  "justification",
  "airTicket",
  "acceptedLevels",
];

/** The id of a field's input, for the summary's links. */
export const fieldId = (name: string): string => `field-${name}`;

export function ErrorSummary({ errors, focusKey }: { errors: FieldErrors<FormValues>; focusKey: number }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const problems = ORDER.flatMap((f) => (errors[f]?.message ? [{ field: f, message: errors[f].message }] : []));
  // Focused at each refused submit, once the problems are there to read.
  const shown = problems.length > 0;
  useEffect(() => {
    if (shown) box.current?.focus();
  }, [focusKey, shown]);
  if (problems.length === 0) return null;
  return (
    <Alert ref={box} tabIndex={-1} color="red" variant="outline" role="alert" title={t("invalid.summary")} data-testid="error-summary">
      <List size="sm">
        {problems.map((p) => (
          <List.Item key={p.field}>
            <a
              href={`#${fieldId(p.field)}`}
              onClick={(e) => {
                e.preventDefault();
                const input = document.getElementById(fieldId(p.field));
                input?.scrollIntoView({ block: "center" });
                input?.focus();
              }}
            >
              {p.message}
            </a>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
