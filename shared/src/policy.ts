/**
 * Who may do what: one table, read by the server to guard every route and by the tests to
 * generate the access matrix. Scope (own province, own border unit) is checked per object.
 */
export const ROLES = ['commander', 'border_unit', 'planner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'read',
  'assessment.write',
  'progress.write',
  'hotspot.write',
  'crossing.write',
  'event.write',
  'plan.write',
  'user.manage',
  'audit.read',
  'unit.manage',
  'campaign.write',
  'figures.write',
  'alert.write',
  'border.configure',
  /** Steps toward recognition as drug-free; which step by which role: shared/src/state/recognition.ts. */
  'plan.step',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const POLICY: Record<Role, readonly Permission[]> = {
  commander: [
    'read',
    'assessment.write',
    'progress.write',
    'hotspot.write',
    'campaign.write',
    'border.configure',
    'plan.step',
  ],
  border_unit: ['read', 'crossing.write', 'event.write', 'alert.write'],
  planner: ['read', 'plan.write', 'figures.write', 'plan.step'],
  admin: ['read', 'user.manage', 'audit.read', 'unit.manage'],
};

export const can = (role: Role, permission: Permission) => POLICY[role].includes(permission);

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Every guarded API route and the permission it needs; `:id` segments are objects in scope. */
export const ROUTE_POLICY: { method: Method; path: string; permission: Permission }[] = [
  { method: 'GET', path: '/api/provinces', permission: 'read' },
  { method: 'GET', path: '/api/units', permission: 'read' },
  { method: 'GET', path: '/api/units/:id', permission: 'read' },
  { method: 'GET', path: '/api/assessments', permission: 'read' },
  { method: 'GET', path: '/api/borders', permission: 'read' },
  { method: 'GET', path: '/api/routes', permission: 'read' },
  { method: 'GET', path: '/api/basemap', permission: 'read' },
  { method: 'GET', path: '/api/hotspots', permission: 'read' },
  { method: 'GET', path: '/api/crossings', permission: 'read' },
  { method: 'GET', path: '/api/crossings/:id', permission: 'read' },
  { method: 'GET', path: '/api/events', permission: 'read' },
  { method: 'GET', path: '/api/campaigns', permission: 'read' },
  { method: 'GET', path: '/api/campaigns/:id', permission: 'read' },
  { method: 'GET', path: '/api/campaigns/:id/report', permission: 'read' },
  { method: 'GET', path: '/api/campaigns/:id/lists/:list', permission: 'read' },
  { method: 'GET', path: '/api/meta', permission: 'read' },
  { method: 'GET', path: '/api/openapi.json', permission: 'read' },
  { method: 'GET', path: '/api/docs', permission: 'read' },
  { method: 'GET', path: '/api/docs/:file', permission: 'read' },
  { method: 'POST', path: '/api/assessments', permission: 'assessment.write' },
  { method: 'POST', path: '/api/quotas/:id/progress', permission: 'progress.write' },
  { method: 'POST', path: '/api/hotspots', permission: 'hotspot.write' },
  { method: 'GET', path: '/api/hotspots/template', permission: 'hotspot.write' },
  { method: 'POST', path: '/api/hotspots/import', permission: 'hotspot.write' },
  { method: 'POST', path: '/api/boundaries/import', permission: 'unit.manage' },
  { method: 'PATCH', path: '/api/hotspots/:id', permission: 'hotspot.write' },
  { method: 'POST', path: '/api/hotspots/:id/eliminate', permission: 'hotspot.write' },
  { method: 'POST', path: '/api/hotspots/:id/re-emerge', permission: 'hotspot.write' },
  { method: 'POST', path: '/api/crossings', permission: 'crossing.write' },
  { method: 'PATCH', path: '/api/crossings/:id', permission: 'crossing.write' },
  { method: 'POST', path: '/api/crossings/:id/seizures', permission: 'crossing.write' },
  { method: 'PATCH', path: '/api/seizures/:id', permission: 'crossing.write' },
  { method: 'POST', path: '/api/events', permission: 'event.write' },
  { method: 'PATCH', path: '/api/events/:id', permission: 'event.write' },
  { method: 'GET', path: '/api/coordination', permission: 'read' },
  { method: 'PATCH', path: '/api/follow-ups/:id', permission: 'event.write' },
  { method: 'POST', path: '/api/events/:id/attachments', permission: 'event.write' },
  { method: 'GET', path: '/api/events/:id/attachments/:file', permission: 'read' },
  { method: 'GET', path: '/api/border/sectors', permission: 'read' },
  { method: 'GET', path: '/api/border/alerts', permission: 'read' },
  { method: 'PATCH', path: '/api/border/alerts/:id', permission: 'alert.write' },
  { method: 'GET', path: '/api/border/rule', permission: 'read' },
  { method: 'PUT', path: '/api/border/rule', permission: 'border.configure' },
  { method: 'GET', path: '/api/plans', permission: 'read' },
  { method: 'POST', path: '/api/plans', permission: 'plan.write' },
  { method: 'PATCH', path: '/api/plans/:id', permission: 'plan.write' },
  { method: 'GET', path: '/api/plans/:id/history', permission: 'read' },
  { method: 'GET', path: '/api/plans/:id/export', permission: 'read' },
  { method: 'POST', path: '/api/plans/:id/steps', permission: 'plan.step' },
  { method: 'POST', path: '/api/checks/:id/evidence', permission: 'plan.write' },
  { method: 'GET', path: '/api/checks/:id/evidence/:file', permission: 'read' },
  { method: 'POST', path: '/api/plans/:id/tasks', permission: 'plan.write' },
  { method: 'POST', path: '/api/campaigns/:id/tasks', permission: 'plan.write' },
  { method: 'PATCH', path: '/api/tasks/:id', permission: 'plan.write' },
  { method: 'POST', path: '/api/campaigns', permission: 'campaign.write' },
  { method: 'PATCH', path: '/api/campaigns/:id', permission: 'campaign.write' },
  { method: 'PUT', path: '/api/campaigns/:id', permission: 'campaign.write' },
  { method: 'POST', path: '/api/campaigns/:id/copy', permission: 'campaign.write' },
  { method: 'POST', path: '/api/campaigns/:id/phases', permission: 'campaign.write' },
  { method: 'PATCH', path: '/api/phases/:id', permission: 'campaign.write' },
  { method: 'POST', path: '/api/campaigns/:id/quotas', permission: 'campaign.write' },
  { method: 'PATCH', path: '/api/quotas/:id', permission: 'campaign.write' },
  { method: 'POST', path: '/api/campaigns/:id/deadlines', permission: 'campaign.write' },
  { method: 'PATCH', path: '/api/deadlines/:id', permission: 'campaign.write' },
  { method: 'GET', path: '/api/figures', permission: 'read' },
  { method: 'PUT', path: '/api/figures', permission: 'figures.write' },
  { method: 'GET', path: '/api/figures/template', permission: 'figures.write' },
  { method: 'POST', path: '/api/figures/import', permission: 'figures.write' },
  { method: 'GET', path: '/api/agencies', permission: 'read' },
  { method: 'POST', path: '/api/agencies', permission: 'unit.manage' },
  { method: 'PATCH', path: '/api/agencies/:id', permission: 'unit.manage' },
  { method: 'PUT', path: '/api/plans/:id/criteria/:n', permission: 'plan.write' },
  { method: 'GET', path: '/api/users', permission: 'user.manage' },
  { method: 'POST', path: '/api/users', permission: 'user.manage' },
  { method: 'PATCH', path: '/api/users/:id', permission: 'user.manage' },
  { method: 'GET', path: '/api/audit', permission: 'audit.read' },
  { method: 'GET', path: '/api/audit/export', permission: 'audit.read' },
];

/** Session lifetimes (issue 3): 30 minutes idle, 12 hours absolute. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;

/**
 * The sign-in policy (README "Sign-in policy"). Failures are counted in the database over a sliding window, so it holds
 * across server processes.
 * - One client and one username: from the 3rd failure in 15 minutes each further try waits 1 s, 2 s, 4 s … 15 minutes.
 * - One client, any usernames: the same growing waits from its 10th failure in 15 minutes.
 * - One username, from clients it has not signed in on: 5 failures in 15 minutes lock the account for those clients
 *   for 15 minutes, doubling for each further lock within a day, 24 hours at most; an administrator (or the
 *   reset-password command) unlocks it at once.
 * - A browser that signed in as the user in the last 90 days carries a device cookie: the lock does not stop it (so an
 *   outsider cannot lock an administrator out), and 5 failures from it in 15 minutes revoke its trust.
 */
export const SIGN_IN = {
  windowMs: 15 * 60_000,
  clientUserFreeFailures: 3,
  clientFreeFailures: 10,
  maxWaitMs: 15 * 60_000,
  lockFailures: 5,
  firstLockMs: 15 * 60_000,
  maxLockMs: 24 * 3600_000,
  streakResetMs: 24 * 3600_000,
  deviceMaxAgeMs: 90 * 86_400_000,
  deviceFailures: 5,
} as const;

/** How long a client waits after `failures` failures when the first `free` cost nothing: 1 s, 2 s, 4 s … capped. */
export function signInWaitMs(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(1000 * 2 ** (failures - free), SIGN_IN.maxWaitMs);
}

/** The length of the n-th lock in a row (n ≥ 1): 15 minutes, 30, 1 hour … 24 hours at most. */
export function lockLengthMs(streak: number): number {
  return Math.min(SIGN_IN.firstLockMs * 2 ** Math.max(0, streak - 1), SIGN_IN.maxLockMs);
}
