import type { allocationEn } from "./en-allocation"
import type { ChineseOf } from "./types"

/** 订单分配小组件的简体中文（与 en-allocation.ts 同键）。 */
export const allocationZhCN: ChineseOf<typeof allocationEn> = {
  title: "为何由这些门店发货",
  none: "此订单未经门店分配（收银、草稿订单或 Medusa 自带结账）。",
  strategy: "分配策略 {{name}}",
  customer: {
    customer_location: "店铺前端提供的顾客位置",
    city: "顾客位于{{label}}（按城市中心）",
    pickup_shop: "在{{label}}自提",
  },
  pickup: "自提门店",
  units: "{{count}} 件",
  part: "第 {{part}}/{{parts}} 部分",
  backorder: "{{count}} 件缺货预订",
  fulfil: "从{{location}}发货",
  fulfilled: "已在{{location}}创建发货",
  released: "已释放",
  releasedAt: "订单已于 {{date}} 取消，分配已释放：不再为其保留任何库存。",
  transfer: {
    ships: "经调拨单 <doc>{{number}}</doc> 从{{from}}调往{{to}}（{{status}}）",
    arrived: "已到 {{arrived}}/{{quantity}} 件",
    waiting: "到达{{to}}后从该店发货",
    arrivedHere: "{{count}} 行已由分配调拨单运到本店，并为此订单保留。",
  },
  fulfilNote: "Medusa 自带的发货对话框默认选中配送方式所属的库存地点。请用这里的按钮从分配的门店发货，或在对话框的“库存地点”中选择该门店。",
  reasons: {
    pickup_shop: "顾客选择的自提门店{{location}}有货 {{quantity}} 件",
    pickup_short: "自提门店{{location}}只有 {{available}} 件（需 {{quantity}} 件）",
    nearest_with_stock: "最近的有货门店，{{km}} 公里",
    lowest_cost: "有货且成本最低（{{cost}}）",
    consolidated: "与订单其他商品一起从{{location}}发货，而非{{instead}}",
    split: "拆分为 {{parts}}：没有单个地点有 {{quantity}} 件",
    split_safety: "拆分为 {{parts}}：没有单个地点在安全库存之上有 {{quantity}} 件",
    safety_kept: "保留{{location}}的安全库存 {{safety}} 件",
    safety_dipped: "动用{{location}}安全库存（{{safety}} 件）中的 {{units}} 件：别处无货",
    backorder: "在{{location}}缺货预订 {{quantity}} 件：各处均无货",
    no_customer_point: "没有顾客位置：按运费、最少发货点和库存深度选择",
    ranking_override: "地点排序由{{source}}决定",
    transfer_to_pickup: "经{{transfer}}从{{from}}调往{{to}}",
    transfer_not_possible: "由{{location}}发货：{{why}}",
    transfer_cancelled: "{{transfer}} 已取消：订单在发运前被取消",
    transfer_left_in_transit: "{{transfer}} 已发运：其 {{units}} 件到达{{to}}后入库待售，不再为此订单保留",
    released: "取消时释放：{{parts}}",
  },
}
