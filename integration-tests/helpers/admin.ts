import type { MedusaContainer } from "@medusajs/framework/types"
import { createApiKeysWorkflow, createSalesChannelsWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"

/** A secret API key's Basic header: how a back-office script talks to the admin API. */
export async function adminHeaders(container: MedusaContainer) {
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "test admin", type: "secret", created_by: "test" }] },
  })
  return { authorization: `Basic ${Buffer.from(`${result[0].token}:`).toString("base64")}` }
}

/** A sales channel and a publishable key that sells it, as a storefront would hold. */
export async function storefront(container: MedusaContainer, name = "Online") {
  const { result: channels } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name }] },
  })
  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: `${name} storefront`, type: "publishable", created_by: "test" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: keys[0].id, add: [channels[0].id] },
  })
  return { salesChannelId: channels[0].id, publishableKey: keys[0].token }
}
