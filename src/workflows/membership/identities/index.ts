export * from "./bind"
export * from "./merge"
export * from "./phone-code"
export * from "./pipl"
