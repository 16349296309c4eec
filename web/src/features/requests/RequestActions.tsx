// Staff acting on a person's behalf (administrators): edit a request as the applicant asked (by e-mail,
// by phone, through their mission), or withdraw it. Each says why; the reason and the fields changed stay
// in the request's history. The server checks everything again (versions, the lifecycle, every field).
import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { GENDER, MEETING_ROLE, REQUEST_STATUS, requestMoveRefused, stateName, SUPPORT_LEVEL } from "../../../../scoring/domain/index.js";
import { api, call, type Answer } from "../../api.js";
import { ReasonForm } from "../../components/reason-form.js";
import { keys } from "../../query-keys.js";
import { useStates } from "../rounds/index.js";

type RequestDetail = Answer<(typeof api.api.requests)[":requestId"]["$get"]>;
type Attributes = RequestDetail["attributes"];

const LANGUAGE_CODES = ["en", "fr", "es"] as const;
const LANGUAGES = [
  { value: "en", label: "English" },
  { value: "fr", label: "French" },
  { value: "es", label: "Spanish" },
];

/** Why, at least 3 characters (the server's rule): the field's own message while it is too short. */
const TOO_SHORT = "Say why (at least 3 characters): it stays in the request's history.";

export function RequestActions({ roundId, request }: { roundId: string; request: RequestDetail }) {
  const canWithdraw = requestMoveRefused(request.id, request.status, "withdrawn") === null;
  return (
    <Group gap="xs">
      <EditRequest roundId={roundId} request={request} />
      {canWithdraw && <WithdrawRequest roundId={roundId} request={request} />}
    </Group>
  );
}

function useDone(roundId: string, requestId: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: keys.request(requestId) });
    void qc.invalidateQueries({ queryKey: keys.requests(roundId) });
    void qc.invalidateQueries({ queryKey: keys.scores(roundId) });
  };
}

function EditRequest({ roundId, request }: { roundId: string; request: RequestDetail }) {
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<Attributes>(request.attributes);
  const states = useStates(roundId);
  const done = useDone(roundId, request.id);
  const save = useMutation({
    mutationFn: (reason: string) => {
      const { id: _id, ...attributes } = draft;
      return call(
        api.api.requests[":requestId"].$put({ param: { requestId: request.id }, json: { attributes, version: request.version, reason } }),
      );
    },
    onSuccess: () => (done(), setOpened(false)),
  });
  const set = <K extends keyof Attributes>(k: K, v: Attributes[K]) => setDraft({ ...draft, [k]: v });
  const text = (k: "name" | "title" | "organisation" | "email", label: string) => (
    <TextInput label={label} value={draft[k] ?? ""} onChange={(e) => set(k, e.currentTarget.value || undefined)} />
  );
  const open = () => (setDraft(request.attributes), save.reset(), setOpened(true));
  return (
    <>
      <Button size="xs" variant="default" onClick={open}>
        Edit on the applicant's behalf
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Edit ${request.id}`}
        size="xl"
        closeButtonProps={{ "aria-label": "Close" }}
      >
        <ReasonForm
          name="Edit the request"
          label="Why you edit it (kept in the request's history)"
          description="For example: the applicant's e-mail of 3 July asks to correct the fare."
          minimum={3}
          tooShort={TOO_SHORT}
          onSubmit={(reason) => save.mutate(reason)}
          onCancel={() => setOpened(false)}
          pending={save.isPending}
          error={save.isError ? save.error : null}
          errorTitle="The request was not saved"
          cancel="Cancel"
          submit="Save the request"
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="State"
              searchable
              value={draft.state}
              onChange={(v) => v && set("state", v)}
              data={(states.data?.states ?? [{ iso3: draft.state }]).map((s) => ({ value: s.iso3, label: stateName(s.iso3) }))}
            />
            {text("name", "Name")}
            {text("title", "Title")}
            {text("organisation", "Organisation")}
            {text("email", "E-mail")}
            <Select
              label="Language of the messages"
              value={draft.language ?? null}
              onChange={(v) =>
                set(
                  "language",
                  LANGUAGE_CODES.find((l) => l === v),
                )
              }
              data={LANGUAGES}
              clearable
            />
            <Select
              label="Gender"
              value={draft.gender}
              onChange={(v) => v && GENDER.is(v) && set("gender", v)}
              data={GENDER.codes.map((g) => ({ value: g, label: GENDER.say(g) }))}
            />
            <Select
              label="Role at the meeting"
              value={draft.role}
              onChange={(v) => v && MEETING_ROLE.is(v) && set("role", v)}
              data={MEETING_ROLE.codes.map((r) => ({ value: r, label: MEETING_ROLE.say(r) }))}
            />
            <NumberInput
              label="Air ticket (CHF)"
              min={0}
              thousandSeparator="'"
              value={draft.travel.airTicket}
              onChange={(v) => set("travel", { ...draft.travel, airTicket: typeof v === "number" ? v : 0 })}
            />
            <MultiSelect
              label="Support levels accepted"
              value={draft.acceptedLevels}
              onChange={(v) =>
                set(
                  "acceptedLevels",
                  v.filter((l) => SUPPORT_LEVEL.is(l)),
                )
              }
              data={SUPPORT_LEVEL.codes.map((l) => ({ value: l, label: SUPPORT_LEVEL.say(l) }))}
            />
          </SimpleGrid>
          <MoreFields draft={draft} set={set} />
        </ReasonForm>
      </Modal>
    </>
  );
}

function WithdrawRequest({ roundId, request }: { roundId: string; request: RequestDetail }) {
  const [opened, setOpened] = useState(false);
  const done = useDone(roundId, request.id);
  const withdraw = useMutation({
    mutationFn: (reason: string) =>
      call(
        api.api.requests[":requestId"].status.$post({
          param: { requestId: request.id },
          json: { status: "withdrawn", note: reason, version: request.version },
        }),
      ),
    onSuccess: () => (done(), setOpened(false)),
  });
  return (
    <>
      <Button size="xs" color="red.8" variant="outline" onClick={() => (withdraw.reset(), setOpened(true))}>
        Withdraw the request
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={`Withdraw ${request.id}?`}
        closeButtonProps={{ "aria-label": "Close" }}
      >
        <ReasonForm
          name="Withdraw the request"
          label="Why (kept in the request's history)"
          description="For example: the mission's note of 5 July names another delegate."
          minimum={3}
          tooShort={TOO_SHORT}
          onSubmit={(reason) => withdraw.mutate(reason)}
          onCancel={() => setOpened(false)}
          pending={withdraw.isPending}
          error={withdraw.isError ? withdraw.error : null}
          errorTitle="The request was not withdrawn"
          cancel="Keep the request"
          submit="Withdraw it"
          color="red.8"
        >
          <Text size="sm">
            The request leaves the allocation: its status becomes “{REQUEST_STATUS.say("withdrawn")}”, and no message goes to the applicant:
            a request is withdrawn when the applicant or their State asks for it.
          </Text>
        </ReasonForm>
      </Modal>
    </>
  );
}

/** The request's expertise, its yes/no facts and its texts. */
function MoreFields({ draft, set }: { draft: Attributes; set: <K extends keyof Attributes>(k: K, v: Attributes[K]) => void }) {
  return (
    <>
      <TagsInput label="Areas of expertise" value={draft.expertise} onChange={(v) => set("expertise", v)} />
      <Group>
        <Checkbox
          label="Operational expertise"
          checked={draft.operationalExpertise}
          onChange={(e) => set("operationalExpertise", e.currentTarget.checked)}
        />
        <Checkbox
          label="Survivor or affected community"
          checked={draft.survivor}
          onChange={(e) => set("survivor", e.currentTarget.checked)}
        />
        <Checkbox
          label="First participation"
          checked={draft.firstParticipation}
          onChange={(e) => set("firstParticipation", e.currentTarget.checked)}
        />
      </Group>
      <Textarea
        label="Evidence of interest in accession"
        autosize
        minRows={2}
        value={draft.interestEvidence}
        onChange={(e) => set("interestEvidence", e.currentTarget.value)}
      />
      <Textarea
        label="Justification"
        autosize
        minRows={2}
        value={draft.justification}
        onChange={(e) => set("justification", e.currentTarget.value)}
      />
    </>
  );
}
