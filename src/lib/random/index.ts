export { mulberry32, randomBetween, randomInt } from "./mulberry32"
