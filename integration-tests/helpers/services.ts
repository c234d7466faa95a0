/**
 * Which optional services answer, as probed by scripts/test.js before jest starts (jest can't
 * await at the top of a file). A suite that needs one is skipped, by name, when it is absent;
 * CI makes sure they all answer.
 */
export const services = {
  redis: process.env.MENDIAN_REDIS_UP === "1",
  redisUrl: process.env.MENDIAN_TEST_REDIS_URL ?? "redis://localhost:6379",
  mqtt: process.env.MENDIAN_MQTT_UP === "1",
}

export const describeWhen = (available: boolean, name: string, fn: () => void) =>
  (available ? describe : describe.skip)(name, fn)

/**
 * Sets environment variables for the rest of a describe block and puts them back after it:
 * medusa-config.ts reads them when the runner loads it, before the runner's own `env` applies.
 * Call it at the top of the describe, before medusaIntegrationTestRunner.
 */
export function envForSuite(vars: Record<string, string>) {
  const previous = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  Object.assign(process.env, vars)
  afterAll(() => {
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  })
}
