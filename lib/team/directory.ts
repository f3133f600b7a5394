import "server-only";
import {
  listPendingInvitations,
  listTeamMembers,
  type PendingInvitation,
  type TeamMember,
} from "@/db/queries/team";

export type { PendingInvitation, TeamMember };

/** Everything the team page lists: members and the invitations still open. */
export async function getTeamDirectory(): Promise<{
  members: TeamMember[];
  invitations: PendingInvitation[];
}> {
  const [members, invitations] = await Promise.all([listTeamMembers(), listPendingInvitations()]);
  return { members, invitations };
}
