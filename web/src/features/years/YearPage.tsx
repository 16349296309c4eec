// A programme year: its Table 3, its rounds, its ledger, the first year's opening balance (entered with a
// note), the year's note, and its close (after a confirmation; refused, in words, while a figure may change).
import { Alert, Badge, Button, Group, Modal, NumberInput, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { capitalised, YEAR_STATUS } from "../../../../scoring/domain/index.js";
import { api, call } from "../../api.js";
import { ErrorAlert, Loading } from "../../components/status.js";
import { chf, day } from "../../format.js";
import { keys } from "../../query-keys.js";
import { useSession } from "../accounts/index.js";
import { PrintFrame, Table3View } from "../decisions/index.js";
import { useYearStatement } from "./api.js";
import { Ledger } from "./Ledger.js";
import { openingWords } from "./YearsPage.js";

export function YearPage() {
  const { year = "" } = useParams();
  const st = useYearStatement(year);
  const admin = useSession().data?.role === "admin";
  if (st.isPending) return <Loading label="Loading the year" />;
  if (st.isError) return <ErrorAlert error={st.error} />;
  const y = st.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Programme year {y.year}</Title>
        <Badge size="lg" color={y.status === "closed" ? "gray.7" : "teal.9"}>
          {capitalised(YEAR_STATUS.say(y.status))}
          {y.status === "closed" && ": figures locked"}
        </Badge>
      </Group>
      <Text>Opening balance: {openingWords(y.opening)}</Text>
      {y.note && <Alert title="Note on the figures">{y.note}</Alert>}
      <Table3View
        t={y}
        title={`${y.year} CCM Sponsorship Programme expenditures and revenues`}
        exports={{ path: `/api/years/${y.year}/statement`, file: `${y.year}-statement`, print: `/years/${y.year}/statement` }}
      />
      <Title order={3} size="h4">
        Rounds
      </Title>
      <Table aria-label="The year's rounds">
        <Table.Tbody>
          {y.rounds.map((r) => (
            <Table.Tr key={r.roundId}>
              <Table.Td>
                <Link to={`/rounds/${r.roundId}`}>{r.meeting}</Link> ({day(r.startDate)})
              </Table.Td>
              <Table.Td>starts from {chf(r.deferredFrom)}</Table.Td>
              <Table.Td>leaves {chf(r.deferredTo)}</Table.Td>
              <Table.Td>{r.provisional ? "provisional" : "final"}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {admin && y.status === "open" && (
        <YearActions year={y.year} version={y.version} firstYear={y.opening.carriedFrom === null} note={y.note} />
      )}
      <Ledger year={year} />
    </Stack>
  );
}

function YearActions({ year, version, firstYear, note }: { year: number; version: number; firstYear: boolean; note: string }) {
  const qc = useQueryClient();
  const [amount, setAmount] = useState<number | "">("");
  const [openingNote, setOpeningNote] = useState("");
  const [text, setText] = useState(note);
  const [confirm, setConfirm] = useState(false);
  const refresh = () => {
    for (const k of [keys.years(), keys.yearStatement(String(year)), keys.ledger(String(year))]) void qc.invalidateQueries({ queryKey: k });
  };
  const opening = useMutation({
    mutationFn: () =>
      call(
        api.api.years[":year"].opening.$put({
          param: { year: String(year) },
          json: { amount: amount === "" ? 0 : amount, note: openingNote, version },
        }),
      ),
    onSuccess: refresh,
  });
  const saveNote = useMutation({
    mutationFn: () => call(api.api.years[":year"].note.$put({ param: { year: String(year) }, json: { note: text, version } })),
    onSuccess: refresh,
  });
  const close = useMutation({
    mutationFn: () => call(api.api.years[":year"].close.$post({ param: { year: String(year) }, json: { version } })),
    onSuccess: () => (setConfirm(false), refresh()),
  });
  return (
    <Stack>
      {firstYear && (
        <Group align="flex-end" component="form" onSubmit={(e) => (e.preventDefault(), opening.mutate())}>
          <NumberInput
            label="Opening balance (CHF): the first year's"
            w={220}
            min={0}
            thousandSeparator="'"
            value={amount}
            onChange={(v) => setAmount(typeof v === "number" ? v : "")}
          />
          <Textarea
            label="Where it comes from"
            w={360}
            autosize
            value={openingNote}
            onChange={(e) => setOpeningNote(e.currentTarget.value)}
          />
          <Button type="submit" variant="default">
            Save the opening balance
          </Button>
          {opening.isError && <ErrorAlert title="Not saved" error={opening.error} />}
        </Group>
      )}
      <Group align="flex-end" component="form" onSubmit={(e) => (e.preventDefault(), saveNote.mutate())}>
        <Textarea label="Note on the year's figures" w={560} autosize value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <Button type="submit" variant="default">
          Save the note
        </Button>
        {saveNote.isError && <ErrorAlert title="Not saved" error={saveNote.error} />}
      </Group>
      <Group>
        <Button color="red.8" onClick={() => setConfirm(true)}>
          Close the year {year}
        </Button>
      </Group>
      {close.isError && <ErrorAlert title={`${year} was not closed`} error={close.error} />}
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={`Close the programme year ${year}?`}>
        <Text size="sm">
          Its figures will be locked and what it defers becomes the opening balance of the next year. This cannot be undone.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setConfirm(false)}>
            Cancel
          </Button>
          <Button color="red.8" loading={close.isPending} onClick={() => close.mutate()}>
            Close the year
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

/** The year's Table 3 alone, for printing. */
export function YearStatementPrintPage() {
  const { year = "" } = useParams();
  const st = useYearStatement(year);
  return (
    <PrintFrame back={`/years/${year}`}>
      {st.isPending ? (
        <Loading />
      ) : st.isError ? (
        <ErrorAlert error={st.error} />
      ) : (
        <>
          <Table3View t={st.data} title={`${st.data.year} CCM Sponsorship Programme expenditures and revenues (CHF)`} printable />
          {st.data.note && (
            <Text size="sm" mt="sm">
              Note: {st.data.note}
            </Text>
          )}
        </>
      )}
    </PrintFrame>
  );
}
