import { Module } from "@medusajs/framework/utils"
import ShopsModuleService from "./service"

export const SHOPS_MODULE = "shops"

export default Module(SHOPS_MODULE, { service: ShopsModuleService })
