/** English strings of the order allocation widget (under "allocation"). */
export const allocationEn = {
  title: "Why these shops",
  none: "Placed without Mendian's allocation (POS, draft order or Medusa's own checkout).",
  strategy: "Strategy {{name}}",
  customer: {
    customer_location: "Customer location from the storefront",
    city: "Customer in {{label}} (city centre)",
    pickup_shop: "Collects at {{label}}",
  },
  pickup: "Pickup shop",
  units_one: "{{count}} unit",
  units_other: "{{count}} units",
  part: "part {{part}} of {{parts}}",
  backorder: "{{count}} backordered",
  fulfil: "Fulfil from {{location}}",
  fulfilled: "Fulfilment created at {{location}}",
  fulfilNote:
    "Medusa's own Fulfill dialog preselects the shipping option's location. Use the buttons here to fulfil each line from the shop it was allocated to, or pick that shop in the dialog's Location field.",
  reasons: {
    pickup_shop: "pickup shop {{location}} chosen by the customer holds {{quantity}}",
    pickup_short: "pickup shop {{location}} holds only {{available}} of {{quantity}}",
    nearest_with_stock: "nearest with stock {{km}} km",
    lowest_cost: "lowest cost with stock ({{cost}})",
    consolidated: "ships with the rest of the order from {{location}} instead of {{instead}}",
    split: "splits {{parts}} because no single location holds {{quantity}}",
    split_safety: "splits {{parts}} because no single location holds {{quantity}} above its safety stock",
    safety_kept: "kept {{location}} above its safety stock {{safety}}",
    safety_dipped: "takes {{units}} of {{location}}'s safety stock {{safety}}: nobody else can serve",
    backorder: "backorders {{quantity}} at {{location}}: nobody holds it",
    no_customer_point: "no customer location: chosen by shipping cost, fewest sources and stock depth",
    ranking_override: "locations ranked by {{source}}",
  },
}
