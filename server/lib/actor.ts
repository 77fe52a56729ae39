import type { AccessRole, AdminGrant } from '../../common/roles.ts';

/**
 * Who is making a request, loaded once per request from the session: the user, their district,
 * and the scopes their access comes from. Policies are pure functions over this and loaded rows.
 */
export interface Actor {
  userId: string;
  personId: string;
  districtId: string;
  adminGrant: AdminGrant | null;
  /** Highest access among the admin grant and current role assignments. */
  access: AccessRole;
  /** Org units where the person currently holds a school-leader role. */
  leaderOrgUnitIds: string[];
  /** Org units where the person currently holds a coach role. */
  coachOrgUnitIds: string[];
  /** People on the person's coaching caseload. */
  caseloadPersonIds: string[];
  /**
   * Set for a vendor or developer partner's guest account: the one initiative it may reach (its
   * fidelity tool and aggregate fidelity). Every other route answers a guest 404 (policies/implementation.ts).
   */
  guestInitiativeId?: string | null;
  /** For a guest: the framework of its initiative's practice profile (the fidelity tool it may edit). */
  guestFrameworkId?: string | null;
}
