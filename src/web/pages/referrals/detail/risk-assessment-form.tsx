import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifyDone } from '../shared/notify'
import { api, ApiError, call } from '../../../api/client'
import type { Recommendation, ReferralDetail, RiskFlag, RiskLevel } from '../../../api/types'
import { optionsOf, RECOMMENDATION_LABELS, RISK_FLAG_LABELS, RISK_FLAGS, RISK_LEVEL_LABELS } from '../labels'
import { useReferralAction } from '../queries'
import { ActionError } from './action-error'
import { ActionPanel } from './action-panel'
import { RISK_SECTIONS } from './risk-questions'

interface Values {
  level: RiskLevel | ''
  recommendedService: Recommendation | ''
  factors: RiskFlag[]
  conditions: string
  answers: string[][]
  reviewDueOn: string
}

/** The structured risk assessment: level, recommendation, factors, conditions and the questions. */
export function RiskAssessmentForm({ referral, onDone }: { referral: ReferralDetail; onDone: () => void }) {
  const form = useForm<Values>({
    initialValues: {
      level: '',
      recommendedService: '',
      factors: referral.riskFlags,
      conditions: '',
      answers: RISK_SECTIONS.map((s) => s.questions.map(() => '')),
      reviewDueOn: '',
    },
    validate: {
      level: (v) => (v ? null : 'Choose the level of risk'),
      recommendedService: (v) => (v ? null : 'Choose what you recommend'),
    },
  })
  const save = useReferralAction(
    referral.id,
    (values: Values) =>
      call(
        api.POST('/api/referrals/{referralId}/risk-assessments', {
          params: { path: { referralId: referral.id } },
          body: {
            level: values.level as RiskLevel,
            recommendedService: values.recommendedService as Recommendation,
            factors: values.factors,
            conditions: values.conditions
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean),
            sections: RISK_SECTIONS.map((section, s) => ({
              title: section.title,
              answers: section.questions.map((question, q) => ({
                question,
                answer: values.answers[s]?.[q]?.trim() ?? '',
              })),
            })),
            reviewDueOn: values.reviewDueOn || undefined,
          },
        }),
      ),
    () => {
      notifyDone('Risk assessment saved', 'You can now decide.')
      onDone()
    },
  )
  return (
    <ActionPanel title="Risk assessment">
      <form
        onSubmit={form.onSubmit((values) =>
          save.mutate(values, { onError: (e) => e instanceof ApiError && form.setErrors(e.fieldErrors()) }),
        )}
        noValidate
      >
        <Stack>
          {RISK_SECTIONS.map((section, s) => (
            <Fieldset key={section.title} legend={section.title} radius="md">
              <Stack gap="sm">
                {section.questions.map((question, q) => (
                  <Textarea
                    key={question}
                    label={question}
                    autosize
                    minRows={2}
                    {...form.getInputProps(`answers.${s}.${q}`)}
                  />
                ))}
              </Stack>
            </Fieldset>
          ))}
          <Checkbox.Group label="Risk factors found" {...form.getInputProps('factors')}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt="xs" spacing="xs">
              {RISK_FLAGS.map((flag) => (
                <Checkbox key={flag} value={flag} label={RISK_FLAG_LABELS[flag]} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label="Conditions for contact, one per line"
            placeholder={'Separate entrances\nArrival 15 minutes apart'}
            autosize
            minRows={3}
            {...form.getInputProps('conditions')}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Radio.Group label="Level of risk" required {...form.getInputProps('level')}>
              <Group mt="xs">
                {optionsOf(RISK_LEVEL_LABELS).map((o) => (
                  <Radio key={o.value} value={o.value} label={o.label} />
                ))}
              </Group>
            </Radio.Group>
            <Select
              label="What do you recommend?"
              data={optionsOf(RECOMMENDATION_LABELS)}
              required
              {...form.getInputProps('recommendedService')}
            />
            <TextInput
              label="Review by"
              description="Leave empty for the centre’s usual interval."
              type="date"
              {...form.getInputProps('reviewDueOn')}
            />
          </SimpleGrid>
          <ActionError error={save.error} title="The risk assessment was not saved" />
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save risk assessment
            </Button>
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </ActionPanel>
  )
}
