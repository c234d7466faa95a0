import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

const redisUrl = process.env.REDIS_URL
const workerMode = (process.env.MEDUSA_WORKER_MODE ?? "shared") as "shared" | "worker" | "server"
const idempotencyTtlHours = Number(process.env.IDEMPOTENCY_TTL_HOURS ?? 24)
if (!(idempotencyTtlHours > 0)) {
  throw new Error(`IDEMPOTENCY_TTL_HOURS must be a positive number of hours, not "${process.env.IDEMPOTENCY_TTL_HOURS}"`)
}

// Without REDIS_URL Medusa falls back to its in-memory event bus, workflow engine, cache and
// locking: right for one process, wrong for several, so production sets REDIS_URL.
const redisModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      {
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/locking-redis",
              id: "locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

// Medusa's payment module always has its system provider (pp_system_default: the demo's and the
// tills' instant settlement). With STRIPE_API_KEY set, Stripe is registered beside it as
// "stripe" → provider id pp_stripe_stripe, its webhook at POST /hooks/payment/stripe_stripe.
// capture: true — Stripe captures when the shopper confirms, so a presale deposit (or full
// payment) is money taken, not an authorisation hold: holds lapse after about 7 days, a presale
// ships weeks later, and a forfeited deposit (cancel_refund keep_deposit) must already be ours.
// Its payment_intent.succeeded webhook is what moves the reservation on (payment.captured).
const stripeApiKey = process.env.STRIPE_API_KEY
const paymentModules = stripeApiKey
  ? [
      {
        resolve: "@medusajs/medusa/payment",
        options: {
          providers: [
            {
              resolve: "@medusajs/medusa/payment-stripe",
              id: "stripe",
              options: { apiKey: stripeApiKey, webhookSecret: process.env.STRIPE_WEBHOOK_SECRET, capture: true },
            },
          ],
        },
      },
    ]
  : []

module.exports = defineConfig({
  projectConfig: {
    redisUrl,
    workerMode,
    // CORS and secrets come from STORE_CORS, ADMIN_CORS, AUTH_CORS, JWT_SECRET and COOKIE_SECRET,
    // read by defineConfig itself (in production the secrets have no default, on purpose).
    // The demo serves the admin over plain http://localhost from a production build, whose
    // session cookie is Secure by default; COOKIE_SECURE=false lets a local login work.
    cookieOptions: process.env.COOKIE_SECURE === "false" ? { secure: false } : undefined,
    // Empty on purpose: defineConfig fills it from the variables above.
    http: {} as never,
  },
  admin: {
    disable: process.env.ADMIN_DISABLED === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL ?? "/",
  },
  modules: [
    { resolve: "./src/modules/shops", options: {} },
    { resolve: "./src/modules/idempotency", options: { ttl_hours: idempotencyTtlHours } },
    { resolve: "./src/modules/replenishment", options: {} },
    {
      resolve: "./src/modules/transfers",
      // "core" sends POST /store/carts/:id/complete to Medusa's own completeCartWorkflow (bench/allocation's baseline).
      options: { allocation: process.env.MENDIAN_ALLOCATION === "core" ? "core" : "mendian" },
    },
    { resolve: "./src/modules/membership", options: {} },
    // The presale reservation gate runs in Redis when there is one, on PostgreSQL alone otherwise.
    { resolve: "./src/modules/presale", options: { redis_url: redisUrl } },
    // Medusa's notification module with its local provider (logs and stores, sends nothing) on
    // "feed" (the admin's notification panel, Medusa's default) and "sms" (membership's one-time
    // codes). A real SMS gateway is a provider registered for "sms" here instead.
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [{ resolve: "@medusajs/medusa/notification-local", id: "local", options: { channels: ["feed", "sms"] } }],
      },
    },
    ...paymentModules,
    ...redisModules,
  ],
})
