/** Shapes of the membership admin API (src/api/admin/members, member-tiers, member-earn-rules, member-program). */

export const ENTRY_KINDS = ["earn", "redeem", "expire", "adjust", "reverse"] as const
export type EntryKind = (typeof ENTRY_KINDS)[number]

export const IDENTITY_KINDS = ["phone", "wechat_unionid", "wechat_openid", "douyin_openid", "pos_card"] as const
export type IdentityKind = (typeof IDENTITY_KINDS)[number]

export type TierRef = {
  id: string
  code: string
  name: string
  name_en: string | null
  rank: number
  points_multiplier: number
  free_shipping_threshold: number | null
  presale_priority: number
}

export type Tier = TierRef & {
  qualify_spend: number | null
  qualify_points: number | null
  customer_group_id: string | null
  birthday_promotion_id: string | null
  member_count?: number
}

export type CustomerRef = {
  id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  phone?: string | null
  groups?: { id: string; name: string }[]
}

export type MemberRow = {
  id: string
  customer_id: string
  status: string
  tier_id: string | null
  joined_at: string
  joined_via: string | null
  points_available: number
  points_pending: number
  points_held: number
  /** Masked in lists: +86 138****0001. */
  phone: string | null
  customer: CustomerRef | null
}

export type Balances = {
  available: number
  pending: number
  held: number
  spendable: number
  expiring_soon: number
  expiring_next_at: string | null
}

export type Progress = {
  next_tier_id: string | null
  spend_needed: number | null
  points_needed: number | null
  next_tier: TierRef | null
  spend_12m: number
  points_12m: number
}

export type Identity = { kind: IdentityKind; app_id: string | null; value: string; verified_at: string | null }

export type TierChange = {
  id: string
  from_tier_id: string | null
  to_tier_id: string | null
  reason: string
  spend_12m: number | null
  points_12m: number | null
  actor?: string | null
  created_at: string
}

export type PointsHold = {
  id: string
  cart_id: string
  points: number
  amount: number
  currency_code: string
  code: string
  status: string
  expires_at: string
  created_at: string
}

export type MemberCoupon = { id: string; code: string; promotion_id: string; source: string; expires_at: string | null }

export type MemberSummary = {
  id: string
  customer_id: string
  status: string
  joined_at: string
  joined_via: string | null
  tier: TierRef | null
  tier_since: string | null
  tier_grace_until: string | null
  progress: Progress
  points: Balances
  identities: Identity[]
  coupons: MemberCoupon[]
}

export type MemberDetail = MemberSummary & {
  customer: CustomerRef | null
  tier_history: TierChange[]
  holds: PointsHold[]
  merges: { id: string; absorbed_id: string; reason: string; created_at: string }[]
}

export type PointsEntry = {
  id: string
  kind: EntryKind
  status: "pending" | "available"
  points: number
  remaining: number | null
  amount: number
  source_type: string
  source_id: string
  order_id: string | null
  sales_channel_id: string | null
  shop_id: string | null
  actor: string | null
  reason: string | null
  available_at: string | null
  expires_at: string | null
  created_at: string
}

export type Liability = {
  available: number
  pending: number
  held: number
  members: number
  currency_code: string
  available_amount: number
  pending_amount: number
  total_amount: number
  points_per_yuan: number
}

export type MemberListParams = { q?: string; tier_id?: string; customer_id?: string; limit?: number; offset?: number }
export type PointsParams = { kind?: EntryKind; limit: number; offset: number }

export type TierBody = {
  code: string
  name: string
  name_en: string | null
  rank: number
  qualify_spend: number | null
  qualify_points: number | null
  points_multiplier: number
  free_shipping_threshold: number | null
  presale_priority: number
}

export type EarnRule = {
  id: string
  name: string
  kind: "base" | "bonus"
  points_per_yuan: number | null
  multiplier: number | null
  sales_channel_id: string | null
  category_id: string | null
  shop_id: string | null
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: number[] | null
  month_days: number[] | null
  starts_at: string | null
  ends_at: string | null
  active: boolean
}

export type EarnRuleBody = Omit<EarnRule, "id">

export type ExpiryPolicy = { kind: "end_of_year_after_next" } | { kind: "days"; days: number } | { kind: "never" }

export type Program = {
  downgrade_policy: "one_step" | "recompute"
  grace_days: number
  /** Sales channel id → days, and "default". */
  return_window_days: Record<string, number>
  expiry: ExpiryPolicy
  redeem_points_per_yuan: number
  redeem_block: number
  redeem_max_share: number
  consent_version: string
}
