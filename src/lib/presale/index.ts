export * from "./windows"
export * from "./deposit"
export * from "./limits"
