export * from "./grant-coupon"
export * from "./redeem-coupons"
export * from "./expire-coupons"
export * from "./birthday"
