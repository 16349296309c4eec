// The colour of each round status, as the rounds list and the dashboard show it.
export const STATUS_COLOR: Record<string, string> = {
  draft: "gray.7",
  open: "teal.9",
  review: "grape.8",
  decided: "blue.8",
  closed: "dark.6",
};
