import { Module } from "@medusajs/framework/utils"
import TransfersModuleService from "./service"

export const TRANSFERS_MODULE = "transfers"

export default Module(TRANSFERS_MODULE, { service: TransfersModuleService })
