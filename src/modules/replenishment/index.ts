import { Module } from "@medusajs/framework/utils"
import ReplenishmentModuleService from "./service"

export const REPLENISHMENT_MODULE = "replenishment"

export default Module(REPLENISHMENT_MODULE, { service: ReplenishmentModuleService })
