import { Anchor, Button, FileInput, Group, List, Paper, Radio, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifyDone } from './notify'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { api, ApiError, call } from '../../../api/client'
import type { DocumentView } from '../../../api/types'
import { FormError } from '../../../components/form-error'
import { formatDate } from '../../../format'
import { Section } from './section'

const MAX_BYTES = 5 * 1024 * 1024
const TYPES = ['application/pdf', 'image/png', 'image/jpeg']

const sizeOf = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} kB`

/** The file as base64, without the `data:...;base64,` prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () =>
      resolve((typeof reader.result === 'string' ? reader.result : '').replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new Error('We could not read that file. Try choosing it again.'))
    reader.readAsDataURL(file)
  })
}

interface Props {
  referralId: string
  documents: DocumentView[]
  canUpload: boolean
  canDownload: boolean
  onUploaded: () => Promise<void>
}

/** Copies of orders and other papers on the file; PDF, PNG or JPEG up to 5 MB. */
export function DocumentsSection({ referralId, documents, canUpload, canDownload, onUploaded }: Props) {
  const [uploading, setUploading] = useState(false)
  return (
    <Section
      title="Documents"
      actions={
        canUpload && !uploading ? (
          <Button variant="default" onClick={() => setUploading(true)}>
            Upload a document
          </Button>
        ) : null
      }
    >
      <Stack>
        {documents.length === 0 ? <Text>No documents yet.</Text> : null}
        {documents.length > 0 ? (
          <List spacing="xs">
            {documents.map((doc) => (
              <List.Item key={doc.id}>
                {canDownload ? (
                  <Anchor href={`/api/documents/${doc.id}`} download>
                    {doc.title}
                  </Anchor>
                ) : (
                  <Text span>{doc.title}</Text>
                )}{' '}
                <Text span size="sm" c="dimmed">
                  ({doc.kind === 'court_order' ? 'court order' : 'document'}, {sizeOf(doc.sizeBytes)}, added{' '}
                  {formatDate(doc.createdAt)})
                </Text>
              </List.Item>
            ))}
          </List>
        ) : null}
        {uploading ? (
          <UploadForm
            referralId={referralId}
            onDone={async (done) => {
              if (done) await onUploaded()
              setUploading(false)
            }}
          />
        ) : null}
      </Stack>
    </Section>
  )
}

interface Values {
  title: string
  kind: 'court_order' | 'other'
  file: File | null
}

function UploadForm({
  referralId,
  onDone,
}: {
  referralId: string
  onDone: (done: boolean) => Promise<void>
}) {
  const form = useForm<Values>({
    initialValues: { title: '', kind: 'court_order', file: null },
    validate: {
      title: (v) => (v.trim() ? null : 'Give the document a title'),
      file: (f) => {
        if (!f) return 'Choose a file'
        if (!TYPES.includes(f.type)) return 'Choose a PDF, PNG or JPEG file'
        return f.size > MAX_BYTES ? 'The file is larger than 5 MB' : null
      },
    },
  })
  const upload = useMutation({
    mutationFn: async (values: Values) => {
      if (!values.file) throw new Error('Choose a file')
      const contentBase64 = await readBase64(values.file)
      return call(
        api.POST('/api/referrals/{referralId}/documents', {
          params: { path: { referralId } },
          body: { kind: values.kind, title: values.title.trim(), contentBase64 },
        }),
      )
    },
    onSuccess: async (doc) => {
      notifyDone('Document uploaded', doc.title)
      await onDone(true)
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setErrors(error.fieldErrors())
    },
  })
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={form.onSubmit((values) => upload.mutate(values))} noValidate>
        <Stack>
          <TextInput
            label="Title"
            description="For example: Child arrangements order, March 2025"
            required
            {...form.getInputProps('title')}
          />
          <Radio.Group label="What is it?" {...form.getInputProps('kind')}>
            <Group mt="xs">
              <Radio value="court_order" label="A court order" />
              <Radio value="other" label="Something else" />
            </Group>
          </Radio.Group>
          <FileInput
            label="File"
            description="PDF, PNG or JPEG, 5 MB at most."
            accept={TYPES.join(',')}
            placeholder="Choose a file"
            required
            clearable
            clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
            {...form.getInputProps('file')}
          />
          <FormError error={upload.error} title="The document was not uploaded" />
          <Group>
            <Button type="submit" loading={upload.isPending}>
              Upload
            </Button>
            <Button variant="default" onClick={() => void onDone(false)}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
