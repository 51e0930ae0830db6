import { z } from 'zod';
import { roles } from '../../../access/policy.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new role and team for a membership; team '' is no team. Whether the actor may give the role is checked after parsing. */
export const membershipForm = z.object({
  role: z.enum(roles),
  team: z.string().refine((v) => v === '' || uuidPattern.test(v), 'form.error.choice').default(''),
});

/** Ending a membership: an optional reason, and the box that confirms it (the confirmation step without JavaScript). */
export const endMembershipForm = z.object({
  reason: z.string().trim().max(500).default(''),
  confirm: z.literal('yes', 'members.confirmRequired'),
});

export const teamForm = z.object({
  name: z.string().trim().min(1).max(120),
});
