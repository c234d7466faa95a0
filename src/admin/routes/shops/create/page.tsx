import { useRef } from "react"
import { useNavigate } from "react-router-dom"
import { ShopsChildCrumb } from "../../../components/common/translated-crumb"
import { ShopFormModal } from "../../../components/shop-form/shop-form-modal"

/** /shops/create: the create form; cancelling goes back to the list, saving to the new shop. */
const CreateShopPage = () => {
  const navigate = useNavigate()
  const saved = useRef(false)
  return (
    <ShopFormModal
      open
      onOpenChange={(open) => {
        if (!open && !saved.current) navigate("/shops", { replace: true })
      }}
      onSaved={(shop) => {
        saved.current = true
        navigate(`/shops/${shop.id}`, { replace: true })
      }}
    />
  )
}

export const handle = {
  breadcrumb: () => <ShopsChildCrumb labelKey="form.createTitle" />,
}

export default CreateShopPage
