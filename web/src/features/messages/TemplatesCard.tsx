// The messages' templates (files in server/mail/templates/), each previewed in each of its languages,
// filled with an example request, as an applicant (or the ISU) would receive it.
import { Card, Group, SegmentedControl, Select, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { ErrorAlert, Loading } from "../../components/status.js";
import { useTemplatePreview, useTemplates, type Language, type TemplateKind } from "./api.js";
import { LANGUAGE_NAMES } from "./words.js";

export function TemplatesCard() {
  const templates = useTemplates();
  const [kind, setKind] = useState<TemplateKind | null>(null);
  const [language, setLanguage] = useState<Language>("en");
  const chosen = templates.data?.find((t) => t.kind === kind) ?? templates.data?.[0];
  const languages = chosen?.languages ?? ["en"];
  const lang = languages.includes(language) ? language : "en";
  const preview = useTemplatePreview(chosen?.kind ?? null, lang);
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        Templates
      </Title>
      <Text size="sm" mb="sm">
        Each message is a text file per language in the server&apos;s mail templates folder. The preview fills it with an example request.
      </Text>
      {templates.isPending && <Loading label="Loading the templates" />}
      {templates.isError && <ErrorAlert error={templates.error} />}
      {templates.data && chosen && (
        <Stack>
          <Group align="flex-end">
            <Select
              label="Message"
              data={templates.data.map((t) => ({ value: t.kind, label: t.about }))}
              value={chosen.kind}
              onChange={(v) => setKind(templates.data.find((t) => t.kind === v)?.kind ?? null)}
              allowDeselect={false}
              w={360}
            />
            <SegmentedControl
              aria-label="Language"
              data={languages.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
              value={lang}
              onChange={(v) => setLanguage(languages.find((l) => l === v) ?? "en")}
            />
          </Group>
          {preview.isPending && <Loading label="Filling the template" />}
          {preview.isError && <ErrorAlert error={preview.error} />}
          {preview.data && (
            <Card withBorder bg="gray.0" data-testid="template-preview">
              <Text fw={700} lang={lang}>
                {preview.data.subject}
              </Text>
              <Text component="pre" size="sm" lang={lang} style={{ whiteSpace: "pre-wrap", fontFamily: "inherit" }}>
                {preview.data.body}
              </Text>
            </Card>
          )}
        </Stack>
      )}
    </Card>
  );
}
