// Who makes a change: the signed-in user's id (null for the system or an applicant) and the name the audit log shows.
export interface Actor {
  id: number;
  name: string;
  /** A replay of past records (the 2024 year): its changes tell no one (no messages). */
  silent?: boolean;
}
