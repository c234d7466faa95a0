import { useNavigate } from "react-router-dom"
import { TranslatedCrumb } from "../../../components/common/translated-crumb"
import { PresaleForm } from "../../../components/presales/presale-form"

/** /presales/create: cancelling goes back to the list, saving to the new campaign. */
const CreatePresalePage = () => {
  const navigate = useNavigate()
  return <PresaleForm onCancel={() => navigate("/presales")} onCreated={(p) => navigate(`/presales/${p.id}`, { replace: true })} />
}

export const handle = {
  breadcrumb: () => <TranslatedCrumb k="presale.form.title" />,
}

export default CreatePresalePage
