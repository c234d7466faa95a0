import { Alert, Button, FocusModal, Heading, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { queryKeys } from "../../hooks/query-keys"
import { importShops } from "../../lib/api"
import { ApiError, errorMessage } from "../../lib/api-error"
import { newIdempotencyKey } from "../../lib/idempotency-key"
import { countDataRows, IMPORT_TEMPLATE, readCsvFile } from "../../lib/read-csv-file"
import { ImportErrorsTable } from "./import-errors-table"

type Picked = { name: string; text: string; rows: number; encoding: string }

const downloadTemplate = () => {
  // With a BOM so Excel opens the Chinese columns as UTF-8.
  const blob = new Blob(["\uFEFF" + IMPORT_TEMPLATE + "\r\n"], { type: "text/csv;charset=utf-8" })
  const url = URL.createObjectURL(blob)
  const a = document.createElement("a")
  a.href = url
  a.download = "shops-import-template.csv"
  a.click()
  URL.revokeObjectURL(url)
}

/** Choose a CSV, send it whole; the API creates every shop or none and lists each row's errors. */
export const ShopImportModal = ({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) => {
  const { t } = useTranslation("mendian")
  const queryClient = useQueryClient()
  const inputRef = useRef<HTMLInputElement>(null)
  const [picked, setPicked] = useState<Picked | null>(null)
  const [readError, setReadError] = useState<string | null>(null)
  // One key per attempt: a double click or a retry after a lost answer imports once.
  const [key, setKey] = useState(newIdempotencyKey)

  const mutation = useMutation({
    mutationFn: (csv: string) => importShops(csv, key),
    onSuccess: (res) => {
      queryClient.invalidateQueries({ queryKey: queryKeys.shops })
      toast.success(t("import.success", { count: res.imported }))
      close(false)
    },
    // A rejected answer is stored under its key: a new attempt (after fixing a territory,
    // say) must not get the old answer replayed.
    onError: () => setKey(newIdempotencyKey()),
  })

  const reset = () => {
    setPicked(null)
    setReadError(null)
    mutation.reset()
    setKey(newIdempotencyKey())
    if (inputRef.current) inputRef.current.value = ""
  }

  const close = (next: boolean) => {
    if (!next) reset()
    onOpenChange(next)
  }

  const onFile = async (file: File | undefined) => {
    mutation.reset()
    setReadError(null)
    setKey(newIdempotencyKey())
    if (!file) return setPicked(null)
    try {
      const { text, encoding } = await readCsvFile(file)
      setPicked({ name: file.name, text, rows: countDataRows(text), encoding })
    } catch (e) {
      setPicked(null)
      setReadError(errorMessage(e, t("import.readFailed")))
    }
  }

  const failure = mutation.error
  const rowErrors = failure instanceof ApiError ? failure.errors : undefined

  return (
    <FocusModal open={open} onOpenChange={close}>
      <FocusModal.Content aria-describedby={undefined}>
        <FocusModal.Header>
          <div className="flex items-center justify-end gap-x-2">
            <FocusModal.Close asChild>
              <Button size="small" variant="secondary">
                {t("common.cancel")}
              </Button>
            </FocusModal.Close>
            <Button
              size="small"
              onClick={() => picked && mutation.mutate(picked.text)}
              disabled={!picked || picked.rows === 0}
              isLoading={mutation.isPending}
              data-testid="import-submit"
            >
              {t("import.submit")}
            </Button>
          </div>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-12">
          <div className="flex w-full max-w-[760px] flex-col gap-y-6 px-4">
            <div>
              <FocusModal.Title asChild>
                <Heading>{t("import.title")}</Heading>
              </FocusModal.Title>
              <Text size="small" className="text-ui-fg-subtle mt-1">
                {t("import.description")}
              </Text>
            </div>

            <div className="flex flex-col gap-y-2">
              <label className="txt-compact-small-plus text-ui-fg-base" htmlFor="shop-import-file">
                {t("import.chooseFile")}
              </label>
              {/* The native input would speak the browser's language; a button speaks the admin's. */}
              <input
                id="shop-import-file"
                ref={inputRef}
                type="file"
                accept=".csv,text/csv"
                className="sr-only"
                onChange={(e) => onFile(e.target.files?.[0])}
                data-testid="import-file"
              />
              <div className="flex items-center gap-x-3">
                <Button type="button" size="small" variant="secondary" onClick={() => inputRef.current?.click()}>
                  {t("import.chooseButton")}
                </Button>
                <Text size="small" className="text-ui-fg-subtle truncate">
                  {picked?.name ?? t("import.noFile")}
                </Text>
              </div>
              <Text size="xsmall" className="text-ui-fg-muted">
                {t("import.fileHint")}{" "}
                <button type="button" className="text-ui-fg-interactive hover:underline" onClick={downloadTemplate}>
                  {t("import.downloadTemplate")}
                </button>
              </Text>
            </div>

            {readError && (
              <Alert variant="error" dismissible={false}>
                {readError}
              </Alert>
            )}

            {picked && !failure && (
              <Alert variant="info" dismissible={false}>
                {t("import.picked", { name: picked.name, count: picked.rows })}
                {picked.encoding !== "utf-8" && ` ${t("import.decodedAsGbk")}`}
              </Alert>
            )}

            {failure && (
              <div className="flex flex-col gap-y-3">
                <Alert variant="error" dismissible={false} data-testid="import-error">
                  {rowErrors?.length
                    ? t("import.rejected", { count: rowErrors.length })
                    : errorMessage(failure, t("common.unknownError"))}
                </Alert>
                {rowErrors && rowErrors.length > 0 && <ImportErrorsTable errors={rowErrors} />}
              </div>
            )}
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}
