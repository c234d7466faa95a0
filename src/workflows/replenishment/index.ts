export { recordOrderDemandWorkflow } from "./record-order-demand"
export { reverseCanceledOrderDemandWorkflow } from "./reverse-canceled-order-demand"
export { recordReturnDemandWorkflow } from "./record-return-demand"
