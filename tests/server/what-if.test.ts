// The live what-if's inputs are kept as JSON until the database changes (server/services/what-if.ts):
// asked again with nothing written, the same answer; after any write, the new state, never a stale one.
import { describe, expect, it } from "vitest";
import { AS_OF_13MSP, testApi } from "./api-helpers.js";

describe("the what-if's inputs", async () => {
  const api = await testApi(AS_OF_13MSP);
  const admin = await api.as("admin");
  const reviewer = await api.as("reviewer");
  const inputs = async () => {
    const res = await reviewer.req("GET", "/api/rounds/13MSP/what-if");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    return res;
  };
  type Req = { id: string; travel: { airTicket: number } };

  it("answers the same text while nothing changes, and the new state after a change", async () => {
    const first = await inputs();
    expect((await inputs()).text).toBe(first.text);
    const request = (await admin.req("GET", "/api/requests/13MSP-002")).json;
    const edited = await admin.req("PUT", "/api/requests/13MSP-002", {
      attributes: { ...request.attributes, id: undefined, travel: { ...request.attributes.travel, airTicket: 4321 } },
      version: request.version,
      reason: "the fare quoted by the travel agent",
    });
    expect(edited.status, edited.text).toBe(200);
    const after = (await inputs()).json;
    expect(after.file.requests.find((r: Req) => r.id === "13MSP-002").travel.airTicket).toBe(4321);
    expect(first.json.file.requests.find((r: Req) => r.id === "13MSP-002").travel.airTicket).not.toBe(4321);
  });

  it("answers 404 for an unknown round, and keeps each round's answer apart", async () => {
    expect((await reviewer.req("GET", "/api/rounds/NO-SUCH/what-if")).status).toBe(404);
    const open = (await reviewer.req("GET", "/api/rounds/DEMO-OPEN/what-if")).json;
    const demo = (await inputs()).json;
    expect(open.file.round.id).toBe("DEMO-OPEN");
    expect(demo.file.round.id).toBe("13MSP");
  });
});
