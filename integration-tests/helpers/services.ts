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
