// The round picker, and a form to create a round (admin).
import { Badge, Button, Card, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { zodResolver } from "@hookform/resolvers/zod";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { Link, useNavigate } from "react-router-dom";
import { z } from "zod";
import { DEFAULT_POLICY, DEFAULT_WEIGHTS, RoundSchema, ROUND_STATUS, ROUND_STATUS_SHADE } from "../../../../scoring/domain/index.js";
import { day } from "../../format.js";
import { api, call } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { useSession } from "../accounts/index.js";
import { keys } from "../../query-keys.js";
import { useRounds } from "./api.js";
import { MeetingInOtherLanguages, OTHER_LANGUAGES } from "./MeetingInOtherLanguages.js";

// Dark shades: white text on them passes WCAG AA contrast.

export function RoundsPage() {
  const rounds = useRounds();
  const session = useSession();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Rounds</Title>
        {session.data?.role === "admin" && <Button onClick={open}>New round</Button>}
      </Group>
      {rounds.isPending && <Loading label="Loading the rounds" />}
      {rounds.isError && <ErrorAlert error={rounds.error} />}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {rounds.data?.map((r) => (
          <Card key={r.id} withBorder component={Link} to={`/rounds/${r.id}`}>
            <Group justify="space-between" mb="xs">
              <Text fw={700}>{r.id}</Text>
              <Badge color={ROUND_STATUS_SHADE[r.status]}>{ROUND_STATUS.say(r.status)}</Badge>
            </Group>
            <Text size="sm">{r.meeting}</Text>
            <Text size="sm" c="dimmed">
              {r.venue}, {day(r.startDate)} to {day(r.endDate)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Modal closeButtonProps={{ "aria-label": "Close" }} opened={opened} onClose={close} title="New round" size="lg">
        <NewRoundForm onDone={close} />
      </Modal>
    </Stack>
  );
}

// The round schema of scoring/ (the server's own), its defaults made explicit for the form.
const NewRound = z
  .object(RoundSchema.shape)
  .omit({ status: true, carryOver: true })
  .extend({ reserve: z.number().min(0), adminEstimate: z.number().min(0) })
  .refine((r) => !r.startDate || !r.endDate || r.endDate >= r.startDate, { path: ["endDate"], message: "must not be before the first day" })
  .refine((r) => !r.windowOpens || !r.windowCloses || r.windowCloses >= r.windowOpens, {
    path: ["windowCloses"],
    message: "must not be before the window opens",
  });
type NewRound = z.infer<typeof NewRound>;

function NewRoundForm({ onDone }: { onDone: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<NewRound>({
    resolver: zodResolver(NewRound),
    defaultValues: {
      id: "",
      meeting: "",
      venue: "Geneva",
      startDate: "",
      endDate: "",
      windowOpens: "",
      windowCloses: "",
      allowanceRate: 350,
      nights: 5,
      reserve: 0,
      adminEstimate: 0,
    },
  });
  const create = useMutation({
    mutationFn: (v: NewRound) =>
      call(
        api.api.rounds.$post({
          json: {
            round: v,
            weights: DEFAULT_WEIGHTS,
            policy: DEFAULT_POLICY,
          },
        }),
      ),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: keys.rounds() });
      onDone();
      navigate(`/rounds/${r.id}`);
    },
  });
  const e = form.formState.errors;
  type Field = keyof NewRound & string;
  const text = (name: Field, label: string, type = "text") => (
    <TextInput label={label} type={type} {...form.register(name)} error={e[name]?.message} />
  );
  const num = (name: Field, label: string) => (
    <Controller
      name={name}
      control={form.control}
      render={({ field }) => (
        <NumberInput
          label={label}
          value={typeof field.value === "number" ? field.value : ""}
          onChange={(v) => field.onChange(typeof v === "number" ? v : 0)}
          error={e[name]?.message}
          thousandSeparator="'"
          min={0}
        />
      )}
    />
  );
  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} noValidate aria-label="New round">
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text("id", "Round id (e.g. 14MSP)")}
          {text("venue", "Venue")}
        </SimpleGrid>
        {text("meeting", "Meeting")}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text("startDate", "First day", "date")}
          {text("endDate", "Last day", "date")}
          {text("windowOpens", "Applications open", "date")}
          {text("windowCloses", "Applications close", "date")}
          {num("allowanceRate", "Daily allowance (CHF)")}
          {num("nights", "Nights")}
          {num("reserve", "Reserve (CHF)")}
          {num("adminEstimate", "Admin estimate (CHF)")}
        </SimpleGrid>
        <MeetingInOtherLanguages>
          {OTHER_LANGUAGES.map(([name, label]) => (
            <TextInput
              key={name}
              label={label}
              {...form.register(name, { setValueAs: (v: string) => v.trim() || null })}
              error={e[name]?.message}
            />
          ))}
        </MeetingInOtherLanguages>
        {create.isError && <ErrorAlert title="The round was not created" error={create.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
