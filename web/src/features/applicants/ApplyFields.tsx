// The request form's fields, by section (you, your role at the meeting, travel), with each problem shown
// beside its field.
import { Checkbox, NativeSelect, NumberInput, SimpleGrid, Stack, Textarea, TextInput, Title } from "@mantine/core";
import { Controller, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ROLES } from "../../../../scoring/criteria/index.js";
import { stateName } from "../../../../scoring/domain/index.js";
import type { FormValues } from "./ApplyPage.js";
import { fieldId } from "./ErrorSummary.js";

export function ApplyFields({ form, states }: { form: UseFormReturn<FormValues>; states: readonly { iso3: string; name: string }[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "fr" || i18n.language === "es" ? i18n.language : "en";
  const e = form.formState.errors;
  // The States by their names in the page's language, in that language's order.
  const named = states
    .map((s) => ({ value: s.iso3, label: stateName(s.iso3, lang, s.name) }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
  const text = (name: keyof FormValues, opts: { required?: boolean; type?: string } = {}) => (
    <TextInput
      id={fieldId(name)}
      label={t(`field.${name}`)}
      type={opts.type ?? "text"}
      withAsterisk={opts.required}
      {...form.register(name)}
      error={e[name]?.message}
    />
  );
  const check = (name: "operationalExpertise" | "survivor" | "firstParticipation") => (
    <Checkbox label={t(`field.${name}`)} {...form.register(name)} />
  );
  return (
    <>
      <Title order={2} size="h4">
        {t("section.you")}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Controller
          name="state"
          control={form.control}
          render={({ field }) => (
            <NativeSelect
              id={fieldId("state")}
              label={t("field.state")}
              withAsterisk
              data={[{ value: "", label: "—" }, ...named]}
              value={field.value}
              onChange={(ev) => field.onChange(ev.currentTarget.value)}
              onBlur={field.onBlur}
              error={e.state?.message}
            />
          )}
        />
        <Controller
          name="gender"
          control={form.control}
          render={({ field }) => (
            <NativeSelect
              id={fieldId("gender")}
              label={t("field.gender")}
              withAsterisk
              data={[{ value: "", label: "—" }, ...(["F", "M", "X"] as const).map((g) => ({ value: g, label: t(`gender.${g}`) }))]}
              value={field.value}
              onChange={(ev) => field.onChange(ev.currentTarget.value)}
              onBlur={field.onBlur}
              error={e.gender?.message}
            />
          )}
        />
        {text("name")}
        {text("email", { type: "email" })}
        {text("title")}
        {text("organisation")}
      </SimpleGrid>
      <Title order={2} size="h4">
        {t("section.role")}
      </Title>
      <Controller
        name="role"
        control={form.control}
        render={({ field }) => (
          <NativeSelect
            id={fieldId("role")}
            label={t("field.role")}
            data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            value={field.value}
            onChange={(ev) => field.onChange(ev.currentTarget.value)}
          />
        )}
      />
      {text("expertise")}
      {check("operationalExpertise")}
      {check("survivor")}
      {check("firstParticipation")}
      <Textarea
        id={fieldId("interestEvidence")}
        label={t("field.interestEvidence")}
        autosize
        minRows={2}
        {...form.register("interestEvidence")}
        error={e.interestEvidence?.message}
      />
      <Textarea
        id={fieldId("justification")}
        label={t("field.justification")}
        autosize
        minRows={3}
        {...form.register("justification")}
        error={e.justification?.message}
      />
      <Title order={2} size="h4">
        {t("section.travel")}
      </Title>
      <Controller
        name="airTicket"
        control={form.control}
        render={({ field }) => (
          <NumberInput
            id={fieldId("airTicket")}
            label={t("field.airTicket")}
            withAsterisk
            min={0}
            thousandSeparator="'"
            value={field.value}
            onChange={(v) => field.onChange(typeof v === "number" ? v : "")}
            onBlur={field.onBlur}
            error={e.airTicket?.message}
          />
        )}
      />
      <Controller
        name="acceptedLevels"
        control={form.control}
        render={({ field }) => (
          <Checkbox.Group label={t("field.acceptedLevels")} value={field.value} onChange={field.onChange} error={e.acceptedLevels?.message}>
            <Stack gap="xs" mt="xs">
              {(["full", "ticket", "allowance"] as const).map((l, k) => (
                <Checkbox key={l} id={k === 0 ? fieldId("acceptedLevels") : undefined} value={l} label={t(`level.${l}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
      />
    </>
  );
}
