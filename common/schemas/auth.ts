import { z } from 'zod';
import { ACCESS_ROLES, ADMIN_GRANTS } from '../roles.ts';

export const LOCALES = ['en', 'es'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** Passwords: long enough to resist guessing; no composition rules (NIST 800-63B). */
export const NewPassword = z.string().min(10).max(200);

export const SignInInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

export const PasswordResetRequestInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
});

export const PasswordResetConfirmInput = z.object({
  token: z.string().min(20).max(200),
  password: NewPassword,
});

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: NewPassword,
});

export const UpdateMeInput = z.object({ locale: Locale });

/** What the signed-in user may do across the app; the UI reads these, never re-derives them. */
export const AppAbilities = z.object({
  viewPeople: z.boolean(),
  managePeople: z.boolean(),
  manageOrgUnits: z.boolean(),
  importRoster: z.boolean(),
  viewAudit: z.boolean(),
  viewOutbox: z.boolean(),
  /** See the district's background jobs and retry failed ones (district admins). */
  manageJobs: z.boolean(),
  /** Set the district's reminder and digest hour and e-mail language (district admins). */
  manageNotificationSettings: z.boolean(),
  /** Create and edit frameworks, scales, pathways and rubrics (HR and district admins). */
  manageFrameworks: z.boolean(),
  /** Start observations (coaches, school leaders, HR, admins). */
  observe: z.boolean(),
  /** Has a coaching caseload (coaches and team leads). */
  coach: z.boolean(),
  /** Open school trackers (school leaders for their schools, coaches for their caseload, HR and admins for all). */
  viewTracker: z.boolean(),
  /** See the district view that aggregates the trackers by school (HR and admins). */
  viewDistrictTracker: z.boolean(),
  /** Non-negotiables, observation types, the action-step library and the school calendar (HR and admins). */
  manageObservationSettings: z.boolean(),
  /** Define teams and assign caseloads (HR and admins; school leaders for their schools). */
  manageTeams: z.boolean(),
  /** Open the caseloads page: coaches and team leads (their own) and those who assign them. */
  caseloads: z.boolean(),
  /** Open and manage performance cycles, plan templates, professionalism expectations (HR and admins). */
  managePerformance: z.boolean(),
  /** See performance completion: HR and admins over the district, school leaders over their schools. */
  viewPerformanceCompletion: z.boolean(),
  /** Record initiatives: practice profile, coverage, waves, funding, partner guests (HR and admins). */
  manageInitiatives: z.boolean(),
  /** Raise practice-policy barriers and follow their answers (everyone on staff; not a vendor guest). */
  raiseBarriers: z.boolean(),
});
export type AppAbilities = z.infer<typeof AppAbilities>;

export const Me = z.object({
  id: z.uuid(),
  email: z.string(),
  /** The language the person picked on their account page; null until they pick one (the browser's language is used). */
  locale: Locale.nullable(),
  person: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() }),
  /** `timeZone`: every date and time is shown in it (common/clock.ts). */
  district: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
  access: z.enum(ACCESS_ROLES),
  adminGrant: z.enum(ADMIN_GRANTS).nullable(),
  schoolIds: z.array(z.uuid()),
  abilities: AppAbilities,
  /**
   * Two-factor sign-in: `required` by the user's HR / admin grant; `satisfied` once this session
   * passed it. Required and not satisfied: the grant gives nothing until the session is verified.
   */
  secondFactor: z.object({ required: z.boolean(), satisfied: z.boolean() }),
  /**
   * A partner's vendor guest (issue 14): the one initiative it may open; null for the district's staff.
   * The web shows a guest only that initiative and its account (the API answers it 404 elsewhere).
   */
  guest: z.object({ initiativeId: z.uuid() }).nullable(),
});
export type Me = z.infer<typeof Me>;

export const SessionResponse = z.object({ user: Me, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponse>;
