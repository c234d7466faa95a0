const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const matchers = {
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.spec.[jt]s"],
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s", "**/integrations/**/__tests__/**/*.unit.spec.[jt]s"],
}

module.exports = {
  transform: {
    "^.+\\.[jt]s$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2021" } },
    ],
  },
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/"],
  setupFiles: ["./integration-tests/setup.js"],
  testMatch: matchers[process.env.TEST_TYPE] ?? matchers.unit,
  testPathIgnorePatterns: process.env.TEST_TYPE === "integration:modules" ? ["\\.unit\\.spec\\."] : [],
}
